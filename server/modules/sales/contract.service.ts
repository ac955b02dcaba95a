import type { z } from 'zod';
import type { Contract, contractListQuery, CreateContract } from '../../../common/sales/contract.schemas';
import { type ContractTerms } from '../../../common/sales/contract.readiness';
import { companyCodeIssues, identityNumberIssues } from '../../../common/rules/customer-fields';
import { validateCnMobile } from '../../../common/rules/cn-mobile';
import { isUniqueViolation } from '../../db/dialect-sql';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, type FieldError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { encryptField, type PiiKeys } from '../../platform/pii';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import { holdVehicleForDeal } from './deal.service';
import { viewDeal } from './deal.view';
import { viewContract, type ContractRow } from './contract.view';
import { dealScope, findDealRow, loadDeal, reachFilter, type DealRow, updateAtVersion } from './sales.access';

const invalid = (errors: FieldError[]) => new AppError('request.invalid', { errors });
const stateConflict = (state: string) => new AppError('resource.state_conflict', { params: { state } });

/** Field problems of the buyer (400 naming the field): identity document, USCC for a company, mobile. */
export function buyerIssues(buyer: Partial<CreateContract['buyer']>, kind: string): FieldError[] {
  const issues: FieldError[] = [];
  if (buyer.documentNumber !== undefined) {
    const path = 'buyer.documentNumber';
    const found =
      kind === 'company'
        ? companyCodeIssues(buyer.documentNumber, path)
        : identityNumberIssues(buyer.documentType ?? 'resident_id', buyer.documentNumber, path);
    issues.push(...found.map((i) => ({ path: i.path, code: i.code, message: i.code })));
  }
  if (kind === 'company' && buyer.documentType !== undefined && buyer.documentType !== 'uscc')
    issues.push({
      path: 'buyer.documentType',
      code: 'uscc_required',
      message: 'a company buys with its USCC',
    });
  if (buyer.mobile !== undefined && !validateCnMobile(buyer.mobile).valid)
    issues.push({
      path: 'buyer.mobile',
      code: 'rules.cn_mobile.invalid',
      message: 'not a mainland mobile number',
    });
  return issues;
}

/** The terms a contract version fixes, from the deal (vehicle, price, lines, payment) and the contract input. */
export async function termsOf(
  db: DbOrTrx,
  deal: DealRow,
  actor: Actor,
  extra: {
    paymentMethod: string;
    deliveryDate: string;
    deliveryPlace: string | null;
    specialTerms: string | null;
  },
): Promise<ContractTerms> {
  const view = await viewDeal(db, deal, actor);
  const trim = await db
    .selectFrom('trims')
    .innerJoin('models', 'models.id', 'trims.model_id')
    .innerJoin('brands', 'brands.id', 'models.brand_id')
    .select(['trims.name as trim', 'models.name as model', 'brands.name as brand'])
    .where('trims.id', '=', deal.trim_id)
    .executeTakeFirstOrThrow();
  const list = (kind: string, accepted: boolean) =>
    view.lines
      .filter((l) => l.kind === kind && l.accepted === accepted)
      .map((l) => l.ref + ':' + l.price)
      .join(',') || null;
  return {
    model: `${trim.brand} ${trim.model}`,
    trim: trim.trim,
    colour: view.colourName,
    vin: view.vin,
    vehiclePrice: deal.vehicle_price,
    displayPrice: deal.display_price,
    factoryOptions: view.totals.factoryOptions,
    accessories: view.totals.accessories,
    services: view.totals.services,
    acceptedLines:
      [list('factory_option', true), list('accessory', true), list('service', true)]
        .filter(Boolean)
        .join(',') || null,
    declinedServices: list('service', false),
    tradeInCredit: view.totals.tradeInCredit,
    invoiceTotal: view.totals.invoiceTotal,
    total: view.totals.dueToDealer,
    paymentKind: deal.payment_kind,
    loanDownPayment: view.loan?.downPayment ?? null,
    loanTermMonths: view.loan?.termMonths ?? null,
    loanRateBp: view.loan?.annualRateBp ?? null,
    loanMonthly: view.totals.loanScenario?.loan?.monthly ?? null,
    paymentMethod: extra.paymentMethod,
    deliveryDate: extra.deliveryDate,
    deliveryPlace: extra.deliveryPlace,
    specialTerms: extra.specialTerms,
  };
}

export const mayRevealBuyer = (
  actor: Actor,
  row: { group_id: string; store_id: string; consultant_id: string },
) => {
  try {
    return reaches(requirePermission(actor, 'deals.manage'), dealScope(row));
  } catch {
    return false;
  }
};

export async function contractView(
  db: DbOrTrx,
  actor: Actor,
  keys: PiiKeys,
  row: ContractRow,
  deal: DealRow,
) {
  return viewContract(db, row, keys, { revealIdentity: mayRevealBuyer(actor, deal) });
}

export async function findContractRow(db: DbOrTrx, id: string) {
  return db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A contract and its deal, for `action` on the deal (404 outside reach, 403 without the right). */
export async function loadContract(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'deals.read' | 'deals.manage' | 'deals.approve',
) {
  const row = await findContractRow(db, id);
  if (!row) throw notFound('contract');
  const deal = await loadDeal(db, actor, row.deal_id, action).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'resource.not_found') throw notFound('contract');
    throw e;
  });
  return { row, deal };
}

/** Inserts a contract version: the unique active VIN and (deal, version) keep two of them from existing. */
export async function insertContractRow(trx: Trx, row: ContractRow) {
  try {
    await trx.insertInto('contracts').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('sales.vin_on_active_contract', {
        errors: [{ path: 'dealId', code: 'vin_on_active_contract', message: row.vin }],
      });
    throw err;
  }
}

/**
 * Prepares the contract of an agreed deal from the store's template (H4.1): the terms are fixed from
 * the deal; the buyer's document and mobile are checked; signing waits for the preparation checks.
 */
export async function createContract(
  trx: Trx,
  actor: Actor,
  keys: PiiKeys,
  input: CreateContract,
): Promise<Contract> {
  const deal = await loadDeal(trx, actor, input.dealId, 'deals.manage');
  if (deal.status !== 'agreed') throw stateConflict(deal.status);
  if (!deal.vehicle_id)
    throw invalid([
      {
        path: 'dealId',
        code: 'vehicle_required',
        message: 'assign a vehicle (VIN) from stock to the deal first',
      },
    ]);
  const issues = buyerIssues(input.buyer, input.buyer.kind);
  if (issues.length) throw invalid(issues);
  const vehicle = (await trx
    .selectFrom('vehicles')
    .select(['vin'])
    .where('id', '=', deal.vehicle_id)
    .executeTakeFirst())!;
  await holdVehicleForDeal(trx, actor, deal.vehicle_id, deal.id);
  const store = (await findStoreRow(trx, deal.store_id))!;
  const now = nowIso();
  const row: ContractRow = {
    id: newId(),
    group_id: deal.group_id,
    store_id: deal.store_id,
    deal_id: deal.id,
    number: await nextDocumentNumber(trx, deal.store_id, 'HT', localYear(store.timezone)),
    version_no: 1,
    previous_contract_id: null,
    status: 'draft',
    language: input.language,
    vin: vehicle.vin,
    active_vin: vehicle.vin,
    terms_json: JSON.stringify(
      await termsOf(trx, deal, actor, {
        paymentMethod: input.paymentMethod,
        deliveryDate: input.deliveryDate,
        deliveryPlace: input.deliveryPlace ?? null,
        specialTerms: input.specialTerms ?? null,
      }),
    ),
    buyer_kind: input.buyer.kind,
    buyer_name: input.buyer.name,
    buyer_document_type: input.buyer.documentType,
    buyer_document_enc: encryptField(keys, input.buyer.documentNumber.toUpperCase()),
    buyer_mobile_enc: encryptField(
      keys,
      validateCnMobile(input.buyer.mobile).normalized ?? input.buyer.mobile,
    ),
    buyer_address: input.buyer.address,
    buyer_employer: input.buyer.employer,
    id_copy_attachment_id: null,
    identity_verified_by: null,
    identity_verified_at: null,
    customer_signature: null,
    customer_signed_at: null,
    consultant_signature: null,
    consultant_signed_by: null,
    consultant_signed_at: null,
    signed_at: null,
    share_token_hash: null,
    amend_reason: null,
    cancel_reason: null,
    cancel_note: null,
    cancelled_by: null,
    cancelled_at: null,
    created_by: actor.userId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertContractRow(trx, row);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: deal.store_id,
    entity: 'contract',
    entityId: row.id,
    action: 'create',
    after: { number: row.number, vin: row.vin },
  });
  return contractView(trx, actor, keys, row, deal);
}

/** A conditional update of a contract at the version read. */
export async function updateContractRow(
  trx: Trx,
  row: ContractRow,
  version: number,
  changes: Partial<ContractRow>,
) {
  return updateAtVersion(trx, 'contracts', row, version, changes);
}

export async function getContract(db: DbOrTrx, actor: Actor, keys: PiiKeys, id: string) {
  const { row, deal } = await loadContract(db, actor, id, 'deals.read');
  return contractView(db, actor, keys, row, deal);
}

/** Contracts in reach (a deal's versions newest first when `dealId` is given). */
export async function listContracts(
  db: DbOrTrx,
  actor: Actor,
  keys: PiiKeys,
  query: z.infer<typeof contractListQuery>,
) {
  const reach = reachFilter(requirePermission(actor, 'deals.read'));
  let q = db
    .selectFrom('contracts')
    .innerJoin('deals', 'deals.id', 'contracts.deal_id')
    .selectAll('contracts')
    .where('contracts.group_id', '=', reach.groupId);
  if (reach.storeIds) q = q.where('contracts.store_id', 'in', reach.storeIds);
  if (reach.consultantId) q = q.where('deals.consultant_id', '=', reach.consultantId);
  if (query.dealId) q = q.where('contracts.deal_id', '=', query.dealId);
  if (query.storeId) q = q.where('contracts.store_id', '=', query.storeId);
  if (query.status) q = q.where('contracts.status', '=', query.status);
  const sort = { column: 'contracts.created_at', direction: 'desc' as const, field: 'createdAt' };
  const rows = await applyPage(q, sort, 'contracts.id', query.limit, query.cursor).execute();
  const deals = new Map<string, DealRow>();
  const items: Contract[] = [];
  for (const r of rows.slice(0, query.limit)) {
    const deal = deals.get(r.deal_id) ?? (await findDealRow(db, r.deal_id))!;
    deals.set(deal.id, deal);
    items.push(await contractView(db, actor, keys, r, deal));
  }
  const page = toPage(
    rows,
    query.limit,
    (r) => r.created_at,
    (r) => r.id,
    (r) => r.id,
  );
  return { items, nextCursor: page.nextCursor };
}
