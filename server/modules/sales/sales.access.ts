import type { Action } from '../../../common/identity/roles';
import type { Kysely } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { reaches, requirePermission, type Actor, type Reach } from '../../platform/permissions';
import type { DealsTable } from './sales.tables';

export type DealRow = DealsTable;

/** Who a deal belongs to for the permission check: its store, and the consultant for own-scope roles. */
export const dealScope = (row: Pick<DealRow, 'group_id' | 'store_id' | 'consultant_id'>) => ({
  groupId: row.group_id,
  storeIds: [row.store_id],
  ownerId: row.consultant_id,
});

export async function findDealRow(db: DbOrTrx, id: string) {
  return db.selectFrom('deals').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A deal the actor may act on with `action`: 404 when it is outside every reach of theirs (records of
 * other stores do not exist for them), 403 when they can read it but not do this.
 */
export async function loadDeal(db: DbOrTrx, actor: Actor, id: string, action: Action): Promise<DealRow> {
  const row = await findDealRow(db, id);
  if (!row || !mayReadDeal(actor, row)) throw notFound('deal');
  if (!reaches(requirePermission(actor, action), dealScope(row))) throw new AppError('auth.forbidden');
  return row;
}

function mayReadDeal(actor: Actor, row: DealRow) {
  for (const action of ['deals.read', 'payments.read', 'invoices.read', 'deliveries.read'] as const) {
    try {
      if (reaches(requirePermission(actor, action), dealScope(row))) return true;
    } catch {
      // this role lacks the action: try the next
    }
  }
  return false;
}

/** Locks the deal row for the rest of the transaction (PostgreSQL), so money checks see a stable deal. */
export async function lockDeal(db: DbOrTrx, id: string, dialect: 'sqlite' | 'postgres') {
  if (dialect === 'postgres')
    await db.selectFrom('deals').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Narrows a list query on a table with group_id, store_id (and the deal's consultant) to the reach. */
export function reachFilter(reach: Reach) {
  return {
    groupId: reach.groupId,
    storeIds: reach.scope === 'store' ? reach.storeIds : null,
    consultantId: reach.scope === 'own' ? reach.userId : null,
  };
}

/**
 * A conditional UPDATE of a sales record at the version the caller read (optimistic locking): of two
 * concurrent changes one wins, the other gets 409 with the version now current. Returns the row as saved.
 */
export async function updateAtVersion<T extends 'contracts' | 'invoices' | 'deliveries'>(
  db: DbOrTrx,
  table: T,
  row: { id: string; version: number },
  version: number,
  changes: Partial<Database[T]>,
): Promise<Database[T]> {
  if (version !== row.version) throw versionConflict(row.version);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one table of three, picked at run time
  const any = db as unknown as Kysely<any>;
  const res = await any
    .updateTable(table as string)
    .set({ ...(changes as Record<string, unknown>), version: row.version + 1, updated_at: nowIso() })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(row.version + 1);
  return (await any
    .selectFrom(table as string)
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow()) as Database[T];
}
