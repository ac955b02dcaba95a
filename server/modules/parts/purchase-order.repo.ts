import type { DbOrTrx, Trx } from '../../db/database';
import type {
  GoodsReceiptLinesTable,
  GoodsReceiptsTable,
  PurchaseOrderLinesTable,
  PurchaseOrdersTable,
  SupplierQualityIssuesTable,
} from './parts.tables';

export type PurchaseOrderRow = PurchaseOrdersTable;
export type PurchaseOrderLineRow = PurchaseOrderLinesTable;
export type GoodsReceiptRow = GoodsReceiptsTable;
export type GoodsReceiptLineRow = GoodsReceiptLinesTable;
export type QualityIssueRow = SupplierQualityIssuesTable;

export function findPurchaseOrderRow(db: DbOrTrx, id: string) {
  return db.selectFrom('purchase_orders').selectAll().where('id', '=', id).executeTakeFirst();
}

export function purchaseOrderLines(db: DbOrTrx, poId: string) {
  return db
    .selectFrom('purchase_order_lines')
    .selectAll()
    .where('purchase_order_id', '=', poId)
    .orderBy('line_no')
    .execute();
}

export async function insertPurchaseOrder(trx: Trx, row: PurchaseOrderRow, lines: PurchaseOrderLineRow[]) {
  await trx.insertInto('purchase_orders').values(row).execute();
  await trx.insertInto('purchase_order_lines').values(lines).execute();
}

/** Moves a PO along its machine only if still in `from` (and at `version`): one of concurrent steps wins. */
export async function transitionPurchaseOrder(
  trx: Trx,
  id: string,
  from: readonly string[],
  version: number | undefined,
  changes: Partial<PurchaseOrderRow>,
) {
  let q = trx
    .updateTable('purchase_orders')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', 'in', [...from]);
  if (version !== undefined) q = q.where('version', '=', version);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

/**
 * Locks purchase-order lines in id order before a receipt or an inspection changes them line by line
 * in its own order: two receipts of one order listing its lines the other way round never wait on each
 * other in a circle (a deadlock on PostgreSQL). Taken after any stock balances (lockBalancesFirst), so
 * every posting takes balances first, then order lines.
 */
export async function lockPurchaseOrderLines(trx: Trx, lineIds: string[]) {
  for (const id of [...new Set(lineIds)].sort())
    await trx
      .updateTable('purchase_order_lines')
      .set((eb) => ({ received_qty: eb.ref('received_qty') }))
      .where('id', '=', id)
      .execute();
}

/** Adds to a PO line's received quantity only while it stays within the ordered quantity. */
export async function addReceivedQty(trx: Trx, lineId: string, qty: number) {
  const res = await trx
    .updateTable('purchase_order_lines')
    .set((eb) => ({ received_qty: eb('received_qty', '+', qty) }))
    .where('id', '=', lineId)
    .where((eb) => eb(eb('received_qty', '+', qty), '<=', eb.ref('qty')))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function recordInspection(trx: Trx, lineId: string, accepted: number, rejected: number) {
  await trx
    .updateTable('purchase_order_lines')
    .set((eb) => ({
      accepted_qty: eb('accepted_qty', '+', accepted),
      rejected_qty: eb('rejected_qty', '+', rejected),
      // rejected units are owed again: they go back on the order (back order)
      received_qty: eb('received_qty', '-', rejected),
    }))
    .where('id', '=', lineId)
    .execute();
}

export function findGoodsReceiptRow(db: DbOrTrx, id: string) {
  return db.selectFrom('goods_receipts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function goodsReceiptLines(db: DbOrTrx, receiptId: string) {
  return db
    .selectFrom('goods_receipt_lines')
    .selectAll()
    .where('goods_receipt_id', '=', receiptId)
    .orderBy('id')
    .execute();
}

export async function insertGoodsReceipt(trx: Trx, row: GoodsReceiptRow, lines: GoodsReceiptLineRow[]) {
  await trx.insertInto('goods_receipts').values(row).execute();
  await trx.insertInto('goods_receipt_lines').values(lines).execute();
}

export function qualityIssueIdsOfReceipt(db: DbOrTrx, receiptId: string) {
  return db
    .selectFrom('supplier_quality_issues')
    .select('id')
    .where('goods_receipt_id', '=', receiptId)
    .orderBy('id')
    .execute();
}

export function findQualityIssueRow(db: DbOrTrx, id: string) {
  return db.selectFrom('supplier_quality_issues').selectAll().where('id', '=', id).executeTakeFirst();
}

export function qualityActions(db: DbOrTrx, issueId: string) {
  return db
    .selectFrom('supplier_quality_actions')
    .selectAll()
    .where('issue_id', '=', issueId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
