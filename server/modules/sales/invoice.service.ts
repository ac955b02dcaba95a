import type { z } from 'zod';
import type {
  Invoice,
  invoiceListQuery,
  issueInvoiceSchema,
  voidInvoiceSchema,
} from '../../../common/sales/money.schemas';
import { buyerTaxIdIssues, invoiceFigures } from '../../../common/sales/invoice.calc';
import { amountInWords } from '../../../common/rules/amount-in-words';
import { formatFen } from '../../../common/rules/money';
import { isUniqueViolation } from '../../db/dialect-sql';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { enqueueJob } from '../../platform/jobs';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { decryptField, encryptField, type PiiKeys } from '../../platform/pii';
import { requirePermission, type Actor } from '../../platform/permissions';
import { recordCustomerEvent } from '../crm';
import { findStoreRow } from '../identity';
import { dealBalance } from './balance';
import { loadDeal, reachFilter, updateAtVersion } from './sales.access';
import { salesSettingsOf } from './sales-settings.service';

import { viewInvoice, type InvoiceData, type InvoiceRow } from './invoice.view';

export const eInvoiceJob = 'sales.einvoice_submit';
const stateConflict = (state: string) => new AppError('resource.state_conflict', { params: { state } });

/** 车辆类型 on the invoice from the catalogue's body type. */
const vehicleTypes: Record<string, string> = {
  sedan: '轿车',
  hatchback: '轿车',
  coupe: '轿车',
  convertible: '轿车',
  wagon: '轿车',
  suv: '多用途乘用车',
  mpv: '多用途乘用车',
  pickup: '皮卡',
  van: '客车',
};

/**
 * The data sheet of the 机动车销售统一发票 (H4.3.2) from the signed contract, the vehicle and the store:
 * one vehicle line; the buyer's taxpayer id validated (individual: identity number; company: USCC).
 */
export async function draftInvoice(trx: Trx, actor: Actor, keys: PiiKeys, dealId: string): Promise<Invoice> {
  const deal = await loadDeal(trx, actor, dealId, 'invoices.issue');
  if (deal.status !== 'contracted' && deal.status !== 'delivered') throw stateConflict(deal.status);
  const contract = await trx
    .selectFrom('contracts')
    .selectAll()
    .where('deal_id', '=', deal.id)
    .where('status', '=', 'signed')
    .executeTakeFirst();
  if (!contract) throw stateConflict('contract_not_signed');
  const vehicle = await trx
    .selectFrom('vehicles')
    .innerJoin('trims', 'trims.id', 'vehicles.trim_id')
    .innerJoin('models', 'models.id', 'trims.model_id')
    .innerJoin('brands', 'brands.id', 'models.brand_id')
    .select([
      'vehicles.vin',
      'vehicles.engine_no',
      'vehicles.coc_no',
      'trims.body_type',
      'trims.name as trim',
      'models.name as model',
      'brands.name as brand',
    ])
    .where('vehicles.id', '=', deal.vehicle_id!)
    .executeTakeFirstOrThrow();
  const taxId = decryptField(keys, contract.buyer_document_enc);
  const issues = buyerTaxIdIssues(
    contract.buyer_kind as 'individual',
    contract.buyer_document_type,
    taxId,
    'buyerTaxId',
  );
  if (issues.length)
    throw new AppError('request.invalid', {
      errors: issues.map((i) => ({ path: i.path, code: i.code, message: i.code })),
    });
  const settings = await salesSettingsOf(trx, deal.store_id);
  if (!settings.sellerName || !settings.sellerTaxId)
    throw new AppError('request.invalid', {
      errors: [
        {
          path: 'sellerTaxId',
          code: 'required',
          message: 'set the seller name and tax id in the store sales settings',
        },
      ],
    });
  const terms = JSON.parse(contract.terms_json) as { invoiceTotal: number };
  const figures = invoiceFigures(terms.invoiceTotal);
  const data: InvoiceData = {
    buyerKind: contract.buyer_kind as 'individual',
    buyerName: contract.buyer_name,
    sellerName: settings.sellerName,
    sellerTaxId: settings.sellerTaxId,
    sellerAddress: settings.sellerAddress,
    sellerPhone: settings.sellerPhone,
    sellerBank: settings.sellerBank,
    vehicleType: vehicleTypes[vehicle.body_type] ?? '乘用车',
    brandModel: `${vehicle.brand} ${vehicle.model} ${vehicle.trim}`,
    origin: null,
    vin: vehicle.vin,
    engineNo: vehicle.engine_no,
    cocNo: vehicle.coc_no,
    totalInclVat: figures.totalInclVat,
    totalInWords: figures.totalInWords,
    vatRatePercent: figures.vatRatePercent,
    vat: figures.vat,
    priceExclVat: figures.priceExclVat,
  };
  const store = (await findStoreRow(trx, deal.store_id))!;
  const now = nowIso();
  const row: InvoiceRow = {
    id: newId(),
    group_id: deal.group_id,
    store_id: deal.store_id,
    deal_id: deal.id,
    live_deal_id: deal.id,
    number: await nextDocumentNumber(trx, deal.store_id, 'FP', localYear(store.timezone)),
    kind: 'blue',
    status: 'draft',
    original_invoice_id: null,
    data_json: JSON.stringify(data),
    buyer_tax_id_enc: encryptField(keys, taxId),
    total_incl_vat: figures.totalInclVat,
    vat: figures.vat,
    price_excl_vat: figures.priceExclVat,
    vat_rate_percent: figures.vatRatePercent,
    invoice_code: null,
    invoice_no: null,
    issue_date: null,
    issued_by: null,
    void_reason: null,
    voided_at: null,
    submission_status: 'none',
    submission_ref: null,
    submission_error: null,
    submission_attempts: 0,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await trx.insertInto('invoices').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw stateConflict('invoice_exists');
    throw err;
  }
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: deal.store_id,
    entity: 'invoice',
    entityId: row.id,
    action: 'draft',
    after: { total: row.total_incl_vat },
  });
  return viewInvoice(trx, actor, keys, row);
}

async function loadInvoice(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'invoices.read' | 'invoices.issue',
) {
  const row = await db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('invoice');
  const deal = await loadDeal(db, actor, row.deal_id, action).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'resource.not_found') throw notFound('invoice');
    throw e;
  });
  return { row, deal };
}

async function updateInvoiceRow(
  trx: DbOrTrx,
  row: InvoiceRow,
  version: number,
  changes: Partial<InvoiceRow>,
) {
  return updateAtVersion(trx, 'invoices', row, version, changes);
}

/** Finance issues the invoice only when the deal is fully paid (H4.3.2); the number and date come from the tax system. */
export async function issueInvoice(
  trx: Trx,
  actor: Actor,
  keys: PiiKeys,
  id: string,
  input: z.infer<typeof issueInvoiceSchema>,
) {
  const { row, deal } = await loadInvoice(trx, actor, id, 'invoices.issue');
  if (row.status !== 'draft') throw stateConflict(row.status);
  const { balance } = await dealBalance(trx, deal);
  if (balance > 0)
    throw new AppError('sales.not_fully_paid', {
      params: { balance: formatFen(balance) },
      errors: [{ path: 'dealId', code: 'not_fully_paid', message: formatFen(balance) }],
    });
  const after = await updateInvoiceRow(trx, row, input.version, {
    status: 'issued',
    invoice_code: input.invoiceCode ?? null,
    invoice_no: input.invoiceNo,
    issue_date: input.issueDate,
    issued_by: actor.userId,
    submission_status: 'pending',
  });
  await enqueueJob(trx, eInvoiceJob, { invoiceId: row.id }, { storeId: row.store_id, maxAttempts: 8 });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'invoice',
    entityId: row.id,
    action: 'issue',
    after: { invoiceNo: input.invoiceNo, issueDate: input.issueDate },
  });
  await recordCustomerEvent(trx, {
    groupId: deal.group_id,
    storeId: deal.store_id,
    customerId: deal.customer_id,
    type: 'sales.invoice.issued',
    entity: 'invoice',
    entityId: row.id,
    actorId: actor.userId,
    data: {
      number: row.number,
      invoiceNo: input.invoiceNo,
      total: row.total_incl_vat,
      totalText: formatFen(row.total_incl_vat),
    },
  });
  return viewInvoice(trx, actor, keys, after);
}

/**
 * 作废 (void): a draft, or an invoice cancelled before it is used; 红字 (red letter): an issued invoice is
 * reversed by a negative invoice that points to it. Either way the deal may then be invoiced again.
 */
export async function voidInvoice(
  trx: Trx,
  actor: Actor,
  keys: PiiKeys,
  id: string,
  input: z.infer<typeof voidInvoiceSchema>,
) {
  const { row } = await loadInvoice(trx, actor, id, 'invoices.issue');
  if (row.kind !== 'blue' || (row.status !== 'issued' && row.status !== 'draft'))
    throw stateConflict(row.status);
  if (input.mode === 'red_letter' && row.status !== 'issued') throw stateConflict(row.status);
  const now = nowIso();
  const after = await updateInvoiceRow(trx, row, input.version, {
    status: input.mode === 'void' ? 'voided' : 'reversed',
    live_deal_id: null,
    void_reason: input.reason,
    voided_at: now,
  });
  if (input.mode === 'red_letter') {
    const store = (await findStoreRow(trx, row.store_id))!;
    const data = JSON.parse(row.data_json) as InvoiceData;
    const red: InvoiceRow = {
      ...row,
      id: newId(),
      live_deal_id: null,
      number: await nextDocumentNumber(trx, row.store_id, 'FP', localYear(store.timezone)),
      kind: 'red',
      status: 'issued',
      original_invoice_id: row.id,
      data_json: JSON.stringify({ ...data, totalInWords: `负数：${amountInWords(row.total_incl_vat)}` }),
      total_incl_vat: -row.total_incl_vat,
      vat: -row.vat,
      price_excl_vat: -row.price_excl_vat,
      invoice_code: null,
      invoice_no: null,
      issue_date: now.slice(0, 10),
      issued_by: actor.userId,
      void_reason: input.reason,
      voided_at: null,
      submission_status: 'pending',
      submission_ref: null,
      submission_error: null,
      submission_attempts: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('invoices').values(red).execute();
    await enqueueJob(trx, eInvoiceJob, { invoiceId: red.id }, { storeId: row.store_id, maxAttempts: 8 });
  }
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'invoice',
    entityId: row.id,
    action: input.mode,
    after: { reason: input.reason },
  });
  return viewInvoice(trx, actor, keys, after);
}

export async function getInvoice(dbx: DbOrTrx, actor: Actor, keys: PiiKeys, id: string) {
  const { row } = await loadInvoice(dbx, actor, id, 'invoices.read');
  return viewInvoice(dbx, actor, keys, row);
}

export async function listInvoices(
  dbx: DbOrTrx,
  actor: Actor,
  keys: PiiKeys,
  query: z.infer<typeof invoiceListQuery>,
) {
  const reach = reachFilter(requirePermission(actor, 'invoices.read'));
  let q = dbx
    .selectFrom('invoices')
    .innerJoin('deals', 'deals.id', 'invoices.deal_id')
    .selectAll('invoices')
    .where('invoices.group_id', '=', reach.groupId);
  if (reach.storeIds) q = q.where('invoices.store_id', 'in', reach.storeIds);
  if (reach.consultantId) q = q.where('deals.consultant_id', '=', reach.consultantId);
  if (query.dealId) q = q.where('invoices.deal_id', '=', query.dealId);
  if (query.storeId) q = q.where('invoices.store_id', '=', query.storeId);
  if (query.status) q = q.where('invoices.status', '=', query.status);
  const sort = { column: 'invoices.created_at', direction: 'desc' as const, field: 'createdAt' };
  const rows = await applyPage(q, sort, 'invoices.id', query.limit, query.cursor).execute();
  const items: Invoice[] = [];
  for (const r of rows.slice(0, query.limit)) items.push(await viewInvoice(dbx, actor, keys, r));
  return {
    items,
    nextCursor: toPage(
      rows,
      query.limit,
      (r) => r.created_at,
      (r) => r.id,
      (r) => r.id,
    ).nextCursor,
  };
}
