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
  const bump = () =>
    trx
      .updateTable('part_stock')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('store_id', '=', storeId)
      .where('part_id', '=', partId)
      .executeTakeFirst();
  if (Number((await bump()).numUpdatedRows) === 0) {
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
    await bump();
  }
  return trx
    .selectFrom('part_stock')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('part_id', '=', partId)
    .executeTakeFirstOrThrow();
}

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

export async function insertMovement(trx: Trx, row: MovementRow) {
  await trx.insertInto('stock_movements').values(row).execute();
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
