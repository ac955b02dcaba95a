import type { Invoice } from '../../../common/sales/money.schemas';
import type { DbOrTrx } from '../../db/database';
import { decryptField, maskIdNumber, type PiiKeys } from '../../platform/pii';
import { type Actor } from '../../platform/permissions';
import { mayRevealBuyer } from './contract.service';
import { findDealRow } from './sales.access';
import type { InvoicesTable } from './sales.tables';

export type InvoiceRow = InvoicesTable;

export type InvoiceData = Omit<
  Invoice,
  | 'id'
  | 'number'
  | 'dealId'
  | 'storeId'
  | 'kind'
  | 'status'
  | 'originalInvoiceId'
  | 'invoiceCode'
  | 'invoiceNo'
  | 'issueDate'
  | 'issuedBy'
  | 'voidReason'
  | 'submission'
  | 'version'
  | 'createdAt'
  | 'buyerTaxId'
>;

export function toInvoice(row: InvoiceRow, keys: PiiKeys, reveal: boolean, issuedBy: string | null): Invoice {
  const data = JSON.parse(row.data_json) as InvoiceData;
  const taxId = decryptField(keys, row.buyer_tax_id_enc);
  return {
    ...data,
    id: row.id,
    number: row.number,
    dealId: row.deal_id,
    storeId: row.store_id,
    kind: row.kind as Invoice['kind'],
    status: row.status as Invoice['status'],
    originalInvoiceId: row.original_invoice_id,
    buyerTaxId: reveal || data.buyerKind === 'company' ? taxId : maskIdNumber(taxId),
    totalInclVat: row.total_incl_vat,
    vat: row.vat,
    priceExclVat: row.price_excl_vat,
    vatRatePercent: row.vat_rate_percent,
    invoiceCode: row.invoice_code,
    invoiceNo: row.invoice_no,
    issueDate: row.issue_date,
    issuedBy,
    voidReason: row.void_reason,
    submission: {
      status: row.submission_status as Invoice['submission']['status'],
      reference: row.submission_ref,
      error: row.submission_error,
      attempts: row.submission_attempts,
    },
    version: row.version,
    createdAt: row.created_at,
  };
}

export async function viewInvoice(db: DbOrTrx, actor: Actor, keys: PiiKeys, row: InvoiceRow) {
  const deal = (await findDealRow(db, row.deal_id))!;
  const issuer = row.issued_by
    ? await db.selectFrom('users').select('display_name').where('id', '=', row.issued_by).executeTakeFirst()
    : undefined;
  return toInvoice(row, keys, mayRevealBuyer(actor, deal), issuer?.display_name ?? null);
}
