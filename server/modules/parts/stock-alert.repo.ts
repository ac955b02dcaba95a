import type { DbOrTrx } from '../../db/database';

/** The movements that are demand: what left the shelf for customers, workshops and orders. */
export const demandTypes = ['issue_repair_order', 'counter_sale', 'order_issue'] as const;

export function demandMovements(db: DbOrTrx, storeId: string, sinceIso: string) {
  return db
    .selectFrom('stock_movements')
    .select(['part_id', 'qty', 'total_cost', 'at'])
    .where('store_id', '=', storeId)
    .where('type', 'in', [...demandTypes])
    .where('at', '>=', sinceIso)
    .execute();
}

export function stockRowsOfStore(db: DbOrTrx, storeId: string) {
  return db.selectFrom('part_stock').selectAll().where('store_id', '=', storeId).execute();
}

/** Units still to come per part on the store's open purchase orders. */
export async function onOrderByPart(db: DbOrTrx, storeId: string) {
  const rows = await db
    .selectFrom('purchase_order_lines')
    .innerJoin('purchase_orders', 'purchase_orders.id', 'purchase_order_lines.purchase_order_id')
    .select(['purchase_order_lines.part_id', 'purchase_order_lines.qty', 'purchase_order_lines.received_qty'])
    .where('purchase_orders.store_id', '=', storeId)
    .where('purchase_orders.status', 'in', ['approved', 'sent', 'confirmed', 'partially_received'])
    .execute();
  const map = new Map<string, number>();
  for (const r of rows) map.set(r.part_id, (map.get(r.part_id) ?? 0) + r.qty - r.received_qty);
  return map;
}
