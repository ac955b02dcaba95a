import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database';
import { newId, nowIso } from '../../platform/ids';
import type { PartReservationsTable, PartStockTable, StockMovementsTable } from './parts.tables';

export type PartStockRow = PartStockTable;
export type MovementRow = StockMovementsTable;
export type ReservationRow = PartReservationsTable;

/**
 * Locks a part's balance in a store for the rest of the transaction and returns it (creating an empty
 * one the first time). The version bump is the lock: PostgreSQL holds the row until commit and makes a
 * concurrent poster wait and then read what this one wrote; SQLite runs one writing transaction at a time.
 */
export async function lockStockRow(trx: Trx, groupId: string, storeId: string, partId: string) {
  return (await lockOrCreateStockRows(trx, groupId, storeId, [partId])).get(partId)!;
}

/** The empty balance of a part first stocked in a store (nothing when a concurrent poster made it first). */
async function insertEmptyStockRow(trx: Trx, groupId: string, storeId: string, partId: string) {
  const now = nowIso();
  await trx
    .insertInto('part_stock')
    .values({
      id: newId(),
      group_id: groupId,
      store_id: storeId,
      part_id: partId,
      on_hand: 0,
      reserved: 0,
      stock_value: 0,
      bin: null,
      min_qty: null,
      max_qty: null,
      lead_time_days: null,
      version: 0,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['store_id', 'part_id']).doNothing())
    .execute();
}

/**
 * Locks the balances of several parts in a store and returns them by part (a part never stocked here has
 * none). The same version-bump lock as lockStockRow, one row per statement in part-id order: two
 * postings that share parts take them in the same order, so on PostgreSQL neither waits on the other in
 * a circle (a deadlock).
 */
export async function lockStockRows(trx: Trx, storeId: string, partIds: string[]) {
  const rows = new Map<string, PartStockRow>();
  for (const partId of [...new Set(partIds)].sort()) {
    const row = await bumpStockRow(trx, storeId, partId);
    if (row) rows.set(partId, row);
  }
  return rows;
}

/**
 * Locks the balances of several parts in a store in part-id order, as lockStockRows, creating the empty
 * balance of a part never stocked here on the way (as lockStockRow would): a concurrent insert of the
 * same balance is waited for, so creating them is a lock taken in the same order too. Returns them by part.
 */
export async function lockOrCreateStockRows(trx: Trx, groupId: string, storeId: string, partIds: string[]) {
  const rows = new Map<string, PartStockRow>();
  for (const partId of [...new Set(partIds)].sort()) {
    let row = await bumpStockRow(trx, storeId, partId);
    if (!row) {
      await insertEmptyStockRow(trx, groupId, storeId, partId);
      row = await bumpStockRow(trx, storeId, partId);
    }
    rows.set(partId, row!);
  }
  return rows;
}

/** The version bump that is the balance's lock, answering the row as it now is (none: never stocked here). */
const bumpStockRow = (trx: Trx, storeId: string, partId: string) =>
  trx
    .updateTable('part_stock')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('store_id', '=', storeId)
    .where('part_id', '=', partId)
    .returningAll()
    .executeTakeFirst();

export async function writeStockRow(
  trx: Trx,
  id: string,
  changes: Pick<PartStockRow, 'on_hand' | 'reserved' | 'stock_value'>,
) {
  await trx
    .updateTable('part_stock')
    .set({ ...changes, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

/**
 * Writes new on hand and value to several balances (locked by this transaction) in one statement:
 * `set on_hand = case id when … then … end`, the same values as one writeStockRow each.
 */
export async function writeStockRows(trx: Trx, rows: Pick<PartStockRow, 'id' | 'on_hand' | 'stock_value'>[]) {
  if (rows.length === 0) return;
  const byId = (column: 'on_hand' | 'stock_value', type: 'integer' | 'bigint') =>
    sql<number>`case ${sql.ref('id')} ${sql.join(
      rows.map((r) => sql`when ${r.id} then cast(${Number(r[column])} as ${sql.raw(type)})`),
      sql` `,
    )} end`;
  await trx
    .updateTable('part_stock')
    .set({
      on_hand: byId('on_hand', 'integer'),
      stock_value: byId('stock_value', 'bigint'),
      updated_at: nowIso(),
    })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
}

export async function insertMovement(trx: Trx, row: MovementRow) {
  await trx.insertInto('stock_movements').values(row).execute();
}

/** Several ledger rows in one statement (the rows are the same as one insertMovement each). */
export async function insertMovements(trx: Trx, rows: MovementRow[]) {
  if (rows.length) await trx.insertInto('stock_movements').values(rows).execute();
}

export function stockRowsOfParts(db: DbOrTrx, partIds: string[], storeIds: string[] | null) {
  if (partIds.length === 0) return Promise.resolve([] as PartStockRow[]);
  let q = db.selectFrom('part_stock').selectAll().where('part_id', 'in', partIds);
  if (storeIds) q = storeIds.length ? q.where('store_id', 'in', storeIds) : q.where('id', 'is', null);
  return q.orderBy('store_id').execute();
}

export function findStockRow(db: DbOrTrx, storeId: string, partId: string) {
  return db
    .selectFrom('part_stock')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('part_id', '=', partId)
    .executeTakeFirst();
}

export function activeReservation(trx: Trx, storeId: string, partId: string, refType: string, refId: string) {
  return trx
    .selectFrom('part_reservations')
    .selectAll()
    .where('ref_type', '=', refType)
    .where('ref_id', '=', refId)
    .where('part_id', '=', partId)
    .where('store_id', '=', storeId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function insertReservation(trx: Trx, row: ReservationRow) {
  await trx.insertInto('part_reservations').values(row).execute();
}

export async function setReservationQty(trx: Trx, id: string, qty: number) {
  await trx
    .updateTable('part_reservations')
    .set((eb) => ({
      qty,
      status: qty === 0 ? 'closed' : 'active',
      version: eb('version', '+', 1),
      updated_at: nowIso(),
    }))
    .where('id', '=', id)
    .execute();
}

/** Sum of the ledger (on hand, value) of a part in a store: the balance row must always equal it. */
export async function ledgerTotals(db: DbOrTrx, storeId: string, partId: string) {
  const row = await db
    .selectFrom('stock_movements')
    .select((eb) => [eb.fn.sum<number>('qty').as('qty'), eb.fn.sum<number>('total_cost').as('value')])
    .where('store_id', '=', storeId)
    .where('part_id', '=', partId)
    .executeTakeFirst();
  return { onHand: Number(row?.qty ?? 0), value: Number(row?.value ?? 0) };
}

/** Sum of the active reservations of a part in a store: the balance's reserved must equal it. */
export async function reservedTotal(db: DbOrTrx, storeId: string, partId: string) {
  const row = await db
    .selectFrom('part_reservations')
    .select((eb) => eb.fn.sum<number>('qty').as('qty'))
    .where('store_id', '=', storeId)
    .where('part_id', '=', partId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(row?.qty ?? 0);
}
