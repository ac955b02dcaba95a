import type { DbOrTrx } from '../../db/database';
import type { StoresTable } from './identity.tables';
import type { Store } from '../../../common/identity/store.schemas';

export type StoreRow = StoresTable;

export const toStore = (r: StoreRow): Store => ({
  id: r.id,
  groupId: r.group_id,
  code: r.code,
  name: r.name,
  timezone: r.timezone,
  currency: r.currency,
  address: r.address,
  taxId: r.tax_id,
  active: r.active === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function insertStore(db: DbOrTrx, row: StoreRow) {
  await db.insertInto('stores').values(row).execute();
}

export function findStoreRow(db: DbOrTrx, id: string) {
  return db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findStoreByCode(db: DbOrTrx, groupId: string, code: string) {
  return db
    .selectFrom('stores')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function storesOfGroup(db: DbOrTrx, groupId: string) {
  return db.selectFrom('stores').selectAll().where('group_id', '=', groupId);
}

export function findStoresByIds(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as StoreRow[]);
  return db.selectFrom('stores').selectAll().where('id', 'in', ids).execute();
}

/** Writes the changed fields if the row is still at `version`; returns false when someone got there first. */
export async function updateStoreRow(db: DbOrTrx, id: string, version: number, changes: Partial<StoreRow>) {
  const res = await db
    .updateTable('stores')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertGroup(db: DbOrTrx, row: { id: string; name: string; created_at: string }) {
  await db
    .insertInto('dealer_groups')
    .values({ ...row, version: 1, updated_at: row.created_at })
    .execute();
}
