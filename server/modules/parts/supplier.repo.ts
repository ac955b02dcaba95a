import type { DbOrTrx, Trx } from '../../db/database';
import type { SupplierCertificatesTable, SuppliersTable } from './parts.tables';

export type SupplierRow = SuppliersTable;

export function findSupplierRow(db: DbOrTrx, id: string) {
  return db.selectFrom('suppliers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSupplierRows(db: DbOrTrx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, SupplierRow>();
  const rows = await db.selectFrom('suppliers').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export function supplierCodeTaken(db: DbOrTrx, storeId: string, code: string) {
  return db
    .selectFrom('suppliers')
    .select('id')
    .where('store_id', '=', storeId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertSupplier(trx: Trx, row: SupplierRow) {
  await trx.insertInto('suppliers').values(row).execute();
}

export async function updateSupplierRow(
  trx: Trx,
  id: string,
  version: number,
  changes: Partial<SupplierRow>,
) {
  const res = await trx
    .updateTable('suppliers')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function certificatesOf(db: DbOrTrx, supplierIds: string[]) {
  const map = new Map<string, SupplierCertificatesTable[]>();
  if (supplierIds.length === 0) return map;
  const rows = await db
    .selectFrom('supplier_certificates')
    .selectAll()
    .where('supplier_id', 'in', supplierIds)
    .orderBy('valid_until')
    .execute();
  for (const r of rows) map.set(r.supplier_id, [...(map.get(r.supplier_id) ?? []), r]);
  return map;
}

export async function replaceCertificates(
  trx: Trx,
  supplierId: string,
  rows: Omit<SupplierCertificatesTable, 'supplier_id'>[],
) {
  await trx.deleteFrom('supplier_certificates').where('supplier_id', '=', supplierId).execute();
  if (rows.length)
    await trx
      .insertInto('supplier_certificates')
      .values(rows.map((r) => ({ ...r, supplier_id: supplierId })))
      .execute();
}

/** The history a scorecard is computed from: receipts and their lines against the ordered prices. */
export async function supplierHistory(db: DbOrTrx, supplierId: string) {
  const receipts = await db
    .selectFrom('goods_receipts')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('on_time', '=', 1).then(1).else(0).end()).as('on_time'),
      eb.fn.count<number>('on_time').as('timed'),
    ])
    .where('supplier_id', '=', supplierId)
    .where('status', '=', 'posted')
    .executeTakeFirst();
  const lines = await db
    .selectFrom('goods_receipt_lines')
    .innerJoin('goods_receipts', 'goods_receipts.id', 'goods_receipt_lines.goods_receipt_id')
    .innerJoin('purchase_order_lines', 'purchase_order_lines.id', 'goods_receipt_lines.po_line_id')
    .select([
      'goods_receipt_lines.qty',
      'goods_receipt_lines.rejected_qty',
      'goods_receipt_lines.unit_price as delivered_price',
      'purchase_order_lines.unit_price as ordered_price',
    ])
    .where('goods_receipts.supplier_id', '=', supplierId)
    .where('goods_receipts.status', '=', 'posted')
    .execute();
  const issues = await db
    .selectFrom('supplier_quality_issues')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'open').then(1).else(0).end()).as('open'),
    ])
    .where('supplier_id', '=', supplierId)
    .executeTakeFirst();
  return {
    receipts: Number(receipts?.n ?? 0),
    timedReceipts: Number(receipts?.timed ?? 0),
    onTimeReceipts: Number(receipts?.on_time ?? 0),
    receivedQty: lines.reduce((s, l) => s + l.qty, 0),
    rejectedQty: lines.reduce((s, l) => s + (l.rejected_qty ?? 0), 0),
    orderedValue: lines.reduce((s, l) => s + l.qty * Number(l.ordered_price), 0),
    invoicedValue: lines.reduce((s, l) => s + l.qty * Number(l.delivered_price), 0),
    qualityIssues: Number(issues?.n ?? 0),
    openQualityIssues: Number(issues?.open ?? 0),
  };
}
