import type { Brand } from '../../../common/catalog/brand.schemas';
import type { DbOrTrx } from '../../db/database';
import type { BrandsTable } from './catalog.tables';

export type BrandRow = BrandsTable;

export const toBrand = (r: BrandRow): Brand => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  country: r.country,
  active: r.active === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function insertBrand(db: DbOrTrx, row: BrandRow) {
  await db.insertInto('brands').values(row).execute();
}

export function findBrandRow(db: DbOrTrx, id: string) {
  return db.selectFrom('brands').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findBrandByCode(db: DbOrTrx, groupId: string, code: string) {
  return db
    .selectFrom('brands')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function brandsOfGroup(db: DbOrTrx, groupId: string) {
  return db.selectFrom('brands').selectAll().where('group_id', '=', groupId);
}

/** Writes the changed fields if the row is still at `version`; false when someone got there first. */
export async function updateBrandRow(db: DbOrTrx, id: string, version: number, changes: Partial<BrandRow>) {
  const res = await db
    .updateTable('brands')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
