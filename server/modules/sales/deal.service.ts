import { discountLimitOf, withinLimit } from '../../../common/sales/deal.calc';
import type { CreateDeal, Deal, UpdateQuote } from '../../../common/sales/deal.schemas';
import {
  canDeal,
  dealTransitions,
  type DealAction,
  type DealStatus,
} from '../../../common/sales/deal.status';
import { formatFen } from '../../../common/rules/money';
import { localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { loadCustomer, recordCustomerEvent } from '../crm';
import { findStoreRow } from '../identity';
import { releaseVehicle, reserveVehicle } from '../vehicles';
import { buildQuote, type QuoteInput } from './deal-quote.service';
import { viewDeal, rolesIn } from './deal.view';
import { findDealRow, loadDeal, type DealRow } from './sales.access';
import { salesSettingsOf } from './sales-settings.service';

/** How long a stock vehicle is held for a quote (the vehicles module's longest hold: 14 days). */
const dealHoldHours = 336;

const stateConflict = (state: string) => new AppError('resource.state_conflict', { params: { state } });

/** Holds the deal's stock vehicle: already reserved for this deal, or reserved now (409 if someone else has it). */
export async function holdVehicleForDeal(trx: Trx, actor: Actor, vehicleId: string, dealId: string) {
  const v = await trx
    .selectFrom('vehicles')
    .select(['status', 'reserved_deal_id', 'version'])
    .where('id', '=', vehicleId)
    .executeTakeFirst();
  if (v && (v.status === 'reserved' || v.status === 'sold') && v.reserved_deal_id === dealId) return;
  await reserveVehicle(trx, actor, vehicleId, { dealId, hours: dealHoldHours });
}

async function storeForNewDeal(trx: Trx, actor: Actor, customerStoreId: string, storeId?: string) {
  const reach = requirePermission(actor, 'deals.manage');
  const store = await findStoreRow(trx, storeId ?? customerStoreId);
  const inReach =
    store &&
    (reach.scope === 'own'
      ? actor.storeRoles.some((r) => r.storeId === store.id)
      : reaches(reach, { groupId: store.group_id, storeIds: [store.id] }));
  if (!store || !inReach) throw notFound('store');
  return store;
}

function quoteColumns(built: Awaited<ReturnType<typeof buildQuote>>, input: QuoteInput) {
  return {
    vehicle_id: built.vehicle?.id ?? null,
    trim_id: built.trimId,
    exterior_colour_id: built.exteriorColourId,
    energy: built.energy,
    display_price: built.displayPrice,
    vehicle_price: input.vehiclePrice,
    discount: built.totals.discount,
    due_to_dealer: built.totals.dueToDealer,
    trade_in_json: input.tradeIn ? JSON.stringify(input.tradeIn) : null,
    payment_kind: input.paymentKind ?? 'full',
    loan_json: input.loan ? JSON.stringify(input.loan) : null,
    expected_purchase_date: built.purchaseDate,
    notes: input.notes ?? null,
  };
}

/** A new deal (报价) for a customer: priced against the list in force, its stock vehicle reserved for it. */
export async function createDeal(trx: Trx, actor: Actor, input: CreateDeal, lang: Lang): Promise<Deal> {
  const customer = await loadCustomer(trx, actor, input.customerId);
  const store = await storeForNewDeal(trx, actor, customer.store_id, input.storeId);
  if (customer.group_id !== store.group_id) throw notFound('customer');
  if (input.leadId) {
    const lead = await trx
      .selectFrom('leads')
      .select(['customer_id'])
      .where('id', '=', input.leadId)
      .executeTakeFirst();
    if (!lead || lead.customer_id !== customer.id)
      throw new AppError('request.invalid', {
        errors: [{ path: 'leadId', code: 'not_of_customer', message: 'not a lead of this customer' }],
      });
  }
  const today = localToday(store.timezone);
  const id = newId();
  const built = await buildQuote(trx, store, input, today, lang, id);
  const now = nowIso();
  const row: DealRow = {
    id,
    group_id: store.group_id,
    store_id: store.id,
    // 销售订单 XS-YYYY-000001 (not BJ for 报价: it reads as Beijing next to store codes)
    number: await nextDocumentNumber(trx, store.id, 'XS', localYear(store.timezone)),
    customer_id: customer.id,
    lead_id: input.leadId ?? null,
    consultant_id: actor.userId,
    ...quoteColumns(built, input),
    status: 'quote',
    approval_requested_by: null,
    approval_requested_at: null,
    approval_decided_by: null,
    approval_decided_at: null,
    approval_decision: null,
    approval_note: null,
    created_by: actor.userId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('deals').values(row).execute();
  if (built.lines.length)
    await trx
      .insertInto('deal_lines')
      .values(built.lines.map((l) => ({ ...l, deal_id: id })))
      .execute();
  if (built.vehicle) await holdVehicleForDeal(trx, actor, built.vehicle.id, id);
  const deal = await viewDeal(trx, row, actor);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'deal',
    entityId: id,
    action: 'create',
    after: deal.totals,
  });
  await recordCustomerEvent(trx, {
    groupId: store.group_id,
    storeId: store.id,
    customerId: customer.id,
    type: 'sales.deal.quoted',
    entity: 'deal',
    entityId: id,
    actorId: actor.userId,
    data: {
      number: row.number,
      vehicle: deal.vehicleName,
      total: deal.totals.dueToDealer,
      totalText: formatFen(deal.totals.dueToDealer),
    },
  });
  return deal;
}

/** Changes the quote while the deal is a quote; a changed stock vehicle swaps the reservations. */
export async function updateQuote(
  trx: Trx,
  actor: Actor,
  id: string,
  input: UpdateQuote,
  lang: Lang,
): Promise<Deal> {
  const row = await loadDeal(trx, actor, id, 'deals.manage');
  if (row.status !== 'quote') throw stateConflict(row.status);
  if (input.version !== row.version) throw versionConflict(row.version);
  const store = (await findStoreRow(trx, row.store_id))!;
  const { version, ...quote } = input;
  const built = await buildQuote(trx, store, quote, localToday(store.timezone), lang, row.id);
  if (row.vehicle_id && row.vehicle_id !== built.vehicle?.id) await releaseDealVehicle(trx, actor, row);
  const after = await moveDeal(trx, row, version, row.status as DealStatus, quoteColumns(built, quote));
  await trx.deleteFrom('deal_lines').where('deal_id', '=', row.id).execute();
  if (built.lines.length)
    await trx
      .insertInto('deal_lines')
      .values(built.lines.map((l) => ({ ...l, deal_id: row.id })))
      .execute();
  if (built.vehicle) await holdVehicleForDeal(trx, actor, built.vehicle.id, row.id);
  const deal = await viewDeal(trx, after, actor);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'deal',
    entityId: row.id,
    action: 'update_quote',
    before: { vehiclePrice: row.vehicle_price, due: row.due_to_dealer },
    after: { vehiclePrice: after.vehicle_price, due: after.due_to_dealer },
  });
  return deal;
}

async function releaseDealVehicle(trx: Trx, actor: Actor, row: DealRow) {
  const v = await trx
    .selectFrom('vehicles')
    .select(['status', 'reserved_deal_id'])
    .where('id', '=', row.vehicle_id!)
    .executeTakeFirst();
  if (v?.status === 'reserved' && v.reserved_deal_id === row.id)
    await releaseVehicle(trx, actor, row.vehicle_id!, {});
}

/** A conditional UPDATE of the deal (version and status as read): of two concurrent moves one wins. */
export async function moveDeal(
  trx: DbOrTrx,
  row: DealRow,
  version: number,
  to: DealStatus,
  changes: Partial<DealRow> = {},
): Promise<DealRow> {
  if (version !== row.version) throw versionConflict(row.version);
  const res = await trx
    .updateTable('deals')
    .set({ ...changes, status: to, version: row.version + 1, updated_at: nowIso() })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .where('status', '=', row.status)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    const now = await findDealRow(trx, row.id);
    throw now && now.status !== row.status
      ? stateConflict(now.status)
      : versionConflict(now?.version ?? row.version);
  }
  return (await findDealRow(trx, row.id))!;
}

export function assertDealAction(row: DealRow, action: DealAction) {
  if (!canDeal(row.status as DealStatus, action)) throw stateConflict(row.status);
}

const discountError = (discount: number, limit: number | null) =>
  new AppError('sales.discount_over_limit', {
    params: { discount: formatFen(discount), limit: formatFen(limit ?? 0) },
    errors: [
      {
        path: 'vehiclePrice',
        code: 'discount_over_limit',
        message: `discount ${formatFen(discount)} > limit ${formatFen(limit ?? 0)}`,
      },
    ],
  });

/**
 * The consultant agrees the quote (H4): within their discount limit the deal is agreed at once, above it
 * it waits for a manager; the manager is alerted on their inbox through the deals list filter.
 */
export async function submitDeal(trx: Trx, actor: Actor, id: string, version: number): Promise<Deal> {
  const row = await loadDeal(trx, actor, id, 'deals.manage');
  assertDealAction(row, 'submit');
  const settings = await salesSettingsOf(trx, row.store_id);
  const limit = discountLimitOf(rolesIn(actor, row.store_id), settings.discountLimits);
  const ok = withinLimit(row.discount, limit);
  const now = nowIso();
  const after = await moveDeal(
    trx,
    row,
    version,
    ok ? dealTransitions.submit.to : dealTransitions.request_approval.to,
    ok
      ? {}
      : {
          approval_requested_by: actor.userId,
          approval_requested_at: now,
          approval_decided_by: null,
          approval_decided_at: null,
          approval_decision: null,
          approval_note: null,
        },
  );
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'deal',
    entityId: row.id,
    action: ok ? 'agree' : 'request_approval',
    after: { discount: row.discount, limit },
  });
  return viewDeal(trx, after, actor);
}

/** A manager decides on a discount over the consultant's limit; approving needs a limit that covers it. */
export async function decideDeal(
  trx: Trx,
  actor: Actor,
  id: string,
  decision: 'approve' | 'reject',
  input: { version: number; note?: string },
): Promise<Deal> {
  const row = await loadDeal(trx, actor, id, 'deals.approve');
  assertDealAction(row, decision);
  if (decision === 'approve') {
    const settings = await salesSettingsOf(trx, row.store_id);
    const limit = discountLimitOf(rolesIn(actor, row.store_id), settings.discountLimits);
    if (!withinLimit(row.discount, limit)) throw discountError(row.discount, limit);
  }
  const after = await moveDeal(trx, row, input.version, dealTransitions[decision].to, {
    approval_decided_by: actor.userId,
    approval_decided_at: nowIso(),
    approval_decision: decision === 'approve' ? 'approved' : 'rejected',
    approval_note: input.note ?? null,
  });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'deal',
    entityId: row.id,
    action: decision === 'approve' ? 'approve_discount' : 'reject_discount',
    after: { discount: row.discount, note: input.note ?? null },
  });
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    type: decision === 'approve' ? 'sales.deal.approved' : 'sales.deal.rejected',
    entity: 'deal',
    entityId: row.id,
    actorId: actor.userId,
    data: { number: row.number, discount: row.discount },
  });
  return viewDeal(trx, after, actor);
}

/** Back to the quote (before a contract exists), to change it. */
export async function reopenDeal(trx: Trx, actor: Actor, id: string, version: number): Promise<Deal> {
  const row = await loadDeal(trx, actor, id, 'deals.manage');
  assertDealAction(row, 'reopen');
  const contract = await trx
    .selectFrom('contracts')
    .select('id')
    .where('deal_id', '=', row.id)
    .where('status', 'in', ['draft', 'signed'])
    .executeTakeFirst();
  if (contract) throw stateConflict('contract_open');
  const after = await moveDeal(trx, row, version, 'quote');
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'deal',
    entityId: row.id,
    action: 'reopen',
  });
  return viewDeal(trx, after, actor);
}
