import type { DbOrTrx } from '../../db/database';
import { AppError, versionConflict } from '../../platform/errors';
import type {
  RepairOrderClocksTable,
  RepairOrderInspectionsTable,
  RepairOrderLinesTable,
  RepairOrdersTable,
} from './service.tables';

export type RepairOrderRow = RepairOrdersTable;
export type LineRow = RepairOrderLinesTable;
export type ClockRow = RepairOrderClocksTable;
export type InspectionRow = RepairOrderInspectionsTable;
export type OrderView = RepairOrderRow & { customer_name: string; advisor_name: string };

export const ordersWithNames = (db: DbOrTrx) =>
  db
    .selectFrom('repair_orders')
    .innerJoin('customers', 'customers.id', 'repair_orders.customer_id')
    .innerJoin('users as advisor', 'advisor.id', 'repair_orders.advisor_id')
    .selectAll('repair_orders')
    .select(['customers.name as customer_name', 'advisor.display_name as advisor_name']);

export const findOrder = (db: DbOrTrx, id: string): Promise<OrderView | undefined> =>
  ordersWithNames(db).where('repair_orders.id', '=', id).executeTakeFirst();

export const linesOf = (db: DbOrTrx, orderId: string) =>
  db
    .selectFrom('repair_order_lines')
    .selectAll()
    .where('repair_order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findLine = (db: DbOrTrx, orderId: string, lineId: string) =>
  db
    .selectFrom('repair_order_lines')
    .selectAll()
    .where('repair_order_id', '=', orderId)
    .where('id', '=', lineId)
    .executeTakeFirst();

export const clocksOf = (db: DbOrTrx, orderId: string) =>
  db
    .selectFrom('repair_order_clocks')
    .innerJoin('users', 'users.id', 'repair_order_clocks.technician_id')
    .selectAll('repair_order_clocks')
    .select('users.display_name as technician_name')
    .where('repair_order_id', '=', orderId)
    .orderBy('started_at')
    .orderBy('id')
    .execute();

/**
 * Optimistic update of an order's fields (stale version: undefined). Bumps version and updated_at and
 * answers the row as it now is, so no read after the write is needed.
 */
export function updateOrder(db: DbOrTrx, id: string, version: number, changes: Partial<RepairOrderRow>) {
  return db
    .updateTable('repair_orders')
    .set({ ...changes, version: version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Bumps the order's version (a change to its lines, clocks or payments is a change of the order) and
 * answers the row as it now is. Only while the order is as the write checked it, so two requests at
 * once cannot both act on what only one of them saw:
 * - `version`, for a write that carried the order's version (a line added, an inspection): a second
 *   write at the same version is stale (409 version conflict), as a PATCH would be;
 * - `status`, for a write that carries none (a technician's clock, a part issued): it is refused
 *   (409 state conflict) only when another request moved the order meanwhile, such as a cancel.
 */
export async function touchOrder(
  db: DbOrTrx,
  row: { id: string; status: string; version: number },
  checked: 'version' | 'status',
) {
  const base = db
    .updateTable('repair_orders')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', row.id);
  const touched = await (
    checked === 'version' ? base.where('version', '=', row.version) : base.where('status', '=', row.status)
  )
    .returningAll()
    .executeTakeFirst();
  if (touched) return touched;
  if (checked === 'status') throw new AppError('resource.state_conflict', { params: { state: row.status } });
  const current = await db
    .selectFrom('repair_orders')
    .select('version')
    .where('id', '=', row.id)
    .executeTakeFirst();
  throw versionConflict(current?.version ?? row.version);
}

/** An order row just written, with the names its load joined (the write changes neither). */
export const withNames = (row: RepairOrderRow, names: OrderView): OrderView => ({
  ...row,
  customer_name: names.customer_name,
  advisor_name: names.advisor_name,
});

export const inspectionsOf = (db: DbOrTrx, orderId: string) =>
  db
    .selectFrom('repair_order_inspections')
    .selectAll()
    .where('repair_order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** The order's newest approval link (what the order shows of it). */
export const latestApprovalOf = (db: DbOrTrx, orderId: string) =>
  db
    .selectFrom('repair_order_approvals')
    .select(['expires_at', 'used_at', 'signer_name'])
    .where('repair_order_id', '=', orderId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();

export const paymentsOf = (db: DbOrTrx, orderId: string) =>
  db
    .selectFrom('repair_order_payments')
    .select(['method', 'amount', 'reference'])
    .where('repair_order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Lines the customer declined on earlier orders of this vehicle (shown at the next visit). */
export const declinedLinesOfVehicle = (db: DbOrTrx, vehicleId: string, exceptOrderId?: string) => {
  let q = db
    .selectFrom('repair_order_lines')
    .innerJoin('repair_orders', 'repair_orders.id', 'repair_order_lines.repair_order_id')
    .select([
      'repair_orders.number as number',
      'repair_order_lines.description as description',
      'repair_order_lines.amount as amount',
      'repair_order_lines.decided_at as decided_at',
    ])
    .where('repair_orders.customer_vehicle_id', '=', vehicleId)
    .where('repair_order_lines.approval', '=', 'declined');
  if (exceptOrderId) q = q.where('repair_orders.id', '!=', exceptOrderId);
  return q
    .orderBy('repair_order_lines.decided_at', 'desc')
    .orderBy('repair_order_lines.id', 'desc')
    .limit(20)
    .execute();
};
