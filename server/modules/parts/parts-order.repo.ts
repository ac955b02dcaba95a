import type { DbOrTrx, Trx } from '../../db/database';
import type {
  PartsOrderExceptionsTable,
  PartsOrderLinesTable,
  PartsOrderPackagesTable,
  PartsOrdersTable,
} from './parts.tables';

export type PartsOrderRow = PartsOrdersTable;
export type PartsOrderLineRow = PartsOrderLinesTable;
export type PartsOrderPackageRow = PartsOrderPackagesTable;
export type PartsOrderExceptionRow = PartsOrderExceptionsTable;

export function findPartsOrderRow(db: DbOrTrx, id: string) {
  return db.selectFrom('parts_orders').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrderRow(trx: Trx, row: PartsOrderRow) {
  await trx.insertInto('parts_orders').values(row).execute();
}

export async function insertOrderLines(trx: Trx, lines: PartsOrderLineRow[]) {
  await trx.insertInto('parts_order_lines').values(lines).execute();
}

export function orderLines(db: DbOrTrx, orderId: string) {
  return db
    .selectFrom('parts_order_lines')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('line_no')
    .execute();
}

export function orderPackages(db: DbOrTrx, orderId: string) {
  return db
    .selectFrom('parts_order_packages')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('package_no')
    .execute();
}

export function orderExceptions(db: DbOrTrx, orderId: string) {
  return db
    .selectFrom('parts_order_exceptions')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('raised_at')
    .orderBy('id')
    .execute();
}

export function findExceptionRow(db: DbOrTrx, orderId: string, id: string) {
  return db
    .selectFrom('parts_order_exceptions')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Moves an order to a new status only if it is still in one of `from` and at `version`: of concurrent
 * clerks acting on the same order, exactly one wins.
 */
export async function transitionOrderRow(
  trx: Trx,
  id: string,
  from: readonly string[],
  version: number | undefined,
  changes: Partial<PartsOrderRow>,
) {
  let q = trx
    .updateTable('parts_orders')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', 'in', [...from]);
  if (version !== undefined) q = q.where('version', '=', version);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

export async function updateOrderLine(trx: Trx, id: string, changes: Partial<PartsOrderLineRow>) {
  await trx.updateTable('parts_order_lines').set(changes).where('id', '=', id).execute();
}
