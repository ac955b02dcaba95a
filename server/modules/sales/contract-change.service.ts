import type { AmendContract, CancelContract, Contract } from '../../../common/sales/contract.schemas';
import { discountLimitOf, withinLimit } from '../../../common/sales/deal.calc';
import { formatFen } from '../../../common/rules/money';
import { localToday } from '../../../common/rules/civil-date';
import type { Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { newId, nowIso } from '../../platform/ids';
import { encryptField, decryptField, type PiiKeys } from '../../platform/pii';
import type { Actor } from '../../platform/permissions';
import { recordCustomerEvent } from '../crm';
import { findStoreRow } from '../identity';
import { returnVehicleFromDeal } from '../vehicles';
import { dealBalance } from './balance';
import { buildQuote } from './deal-quote.service';
import { moveDeal } from './deal.service';
import { rolesIn, viewDeal } from './deal.view';
import {
  buyerIssues,
  contractView,
  insertContractRow,
  loadContract,
  termsOf,
  updateContractRow,
} from './contract.service';
import type { ContractRow } from './contract.view';
import { findDealRow, type DealRow } from './sales.access';
import { salesSettingsOf } from './sales-settings.service';
import { nextRefundNumber } from './refund.service';

const stateConflict = (state: string) => new AppError('resource.state_conflict', { params: { state } });

/**
 * A change (H4.1.3): a new version of the contract with the changed terms, which both parties sign
 * again; the old version is superseded at once (the VIN stays on exactly one active version). A lower
 * price is checked like the quote: Art. 10 and the changer's discount limit.
 */
export async function amendContract(
  trx: Trx,
  actor: Actor,
  keys: PiiKeys,
  id: string,
  input: AmendContract,
  lang: Lang,
): Promise<Contract> {
  const { row, deal } = await loadContract(trx, actor, id, 'deals.manage');
  if (row.status !== 'draft' && row.status !== 'signed') throw stateConflict(row.status);
  if (input.version !== row.version)
    throw new AppError('resource.version_conflict', { params: { current: row.version } });
  const buyer = input.buyer ?? {};
  const kind = buyer.kind ?? row.buyer_kind;
  const issues = buyerIssues(
    {
      ...buyer,
      documentType: buyer.documentType ?? row.buyer_document_type,
      documentNumber: buyer.documentNumber,
    },
    kind,
  );
  if (issues.length) throw new AppError('request.invalid', { errors: issues });
  let current: DealRow = deal;
  if (input.vehiclePrice !== undefined && input.vehiclePrice !== deal.vehicle_price) {
    current = await repriceDeal(trx, actor, deal, input.vehiclePrice, lang);
  }
  const old = JSON.parse(row.terms_json) as Record<string, string | number | null>;
  const terms = await termsOf(trx, current, actor, {
    paymentMethod: input.paymentMethod ?? String(old.paymentMethod),
    deliveryDate: input.deliveryDate ?? String(old.deliveryDate),
    deliveryPlace: input.deliveryPlace ?? (old.deliveryPlace as string | null),
    specialTerms: input.specialTerms ?? (old.specialTerms as string | null),
  });
  // the superseded version gives up the VIN before the new one takes it (unique active_vin)
  await updateContractRow(trx, row, input.version, { status: 'superseded', active_vin: null });
  const identityChanged =
    (buyer.documentNumber !== undefined &&
      buyer.documentNumber.toUpperCase() !== decryptField(keys, row.buyer_document_enc)) ||
    (buyer.kind !== undefined && buyer.kind !== row.buyer_kind);
  const now = nowIso();
  const next: ContractRow = {
    ...row,
    id: newId(),
    version_no: row.version_no + 1,
    previous_contract_id: row.id,
    status: 'draft',
    active_vin: row.vin,
    terms_json: JSON.stringify(terms),
    buyer_kind: kind,
    buyer_name: buyer.name ?? row.buyer_name,
    buyer_document_type: buyer.documentType ?? row.buyer_document_type,
    buyer_document_enc: buyer.documentNumber
      ? encryptField(keys, buyer.documentNumber.toUpperCase())
      : row.buyer_document_enc,
    buyer_mobile_enc: buyer.mobile ? encryptField(keys, buyer.mobile) : row.buyer_mobile_enc,
    buyer_address: buyer.address ?? row.buyer_address,
    buyer_employer: buyer.employer ?? row.buyer_employer,
    id_copy_attachment_id: identityChanged ? null : row.id_copy_attachment_id,
    identity_verified_by: identityChanged ? null : row.identity_verified_by,
    identity_verified_at: identityChanged ? null : row.identity_verified_at,
    customer_signature: null,
    customer_signed_at: null,
    consultant_signature: null,
    consultant_signed_by: null,
    consultant_signed_at: null,
    signed_at: null,
    share_token_hash: null,
    amend_reason: input.reason,
    created_by: actor.userId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertContractRow(trx, next);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'contract',
    entityId: next.id,
    action: 'amend',
    before: { contractId: row.id, versionNo: row.version_no },
    after: { versionNo: next.version_no, reason: input.reason },
  });
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: deal.customer_id,
    type: 'sales.contract.amended',
    entity: 'contract',
    entityId: next.id,
    actorId: actor.userId,
    data: { number: row.number, version: next.version_no, reason: input.reason },
  });
  return contractView(trx, actor, keys, next, current);
}

/** The agreed price changes on a contract change: the same Art. 10 and discount-limit rules as the quote. */
async function repriceDeal(trx: Trx, actor: Actor, deal: DealRow, vehiclePrice: number, lang: Lang) {
  const store = (await findStoreRow(trx, deal.store_id))!;
  const view = await viewDeal(trx, deal, actor);
  const built = await buildQuote(
    trx,
    store,
    {
      vehicleId: deal.vehicle_id,
      vehiclePrice,
      options: view.lines
        .filter((l) => l.kind !== 'service')
        .map((l) => ({ optionId: l.ref, price: l.price, accepted: l.accepted })),
      services: view.lines
        .filter((l) => l.kind === 'service')
        .map((l) => ({ code: l.ref as 'insurance_agency', price: l.price, accepted: l.accepted })),
      tradeIn: view.tradeIn,
      paymentKind: view.paymentKind,
      loan: view.loan,
      expectedPurchaseDate: deal.expected_purchase_date,
    },
    localToday(store.timezone),
    lang,
    deal.id,
  );
  const settings = await salesSettingsOf(trx, deal.store_id);
  const limit = discountLimitOf(rolesIn(actor, deal.store_id), settings.discountLimits);
  if (!withinLimit(built.totals.discount, limit))
    throw new AppError('sales.discount_over_limit', {
      params: { discount: formatFen(built.totals.discount), limit: formatFen(limit ?? 0) },
      errors: [{ path: 'vehiclePrice', code: 'discount_over_limit', message: 'over your discount limit' }],
    });
  return moveDeal(trx, deal, deal.version, deal.status as 'contracted', {
    vehicle_price: vehiclePrice,
    display_price: built.displayPrice,
    discount: built.totals.discount,
    due_to_dealer: built.totals.dueToDealer,
  });
}

/** Test seam: a fault injected between the steps of a cancellation must leave nothing changed. */
export const cancellationFaults: { afterRefund?: () => void } = {};

/**
 * Cancels a contract under the store's rules (H4.1.3), in ONE transaction: a manager approves; the
 * refund record returns what was actually paid (less a deposit the store keeps when the customer
 * withdraws, if its rules say so); the VIN goes back to stock; the deal and its delivery are cancelled.
 * Refused while payments await confirmation or an invoice is in force (void it first).
 */
export async function cancelContract(
  trx: Trx,
  actor: Actor,
  keys: PiiKeys,
  id: string,
  input: CancelContract,
) {
  const { row, deal } = await loadContract(trx, actor, id, 'deals.approve');
  if (row.status !== 'draft' && row.status !== 'signed') throw stateConflict(row.status);
  const pending = await trx
    .selectFrom('payments')
    .select('id')
    .where('deal_id', '=', deal.id)
    .where('status', '=', 'recorded')
    .executeTakeFirst();
  if (pending) throw new AppError('sales.payments_awaiting_confirmation');
  const invoice = await trx
    .selectFrom('invoices')
    .select('id')
    .where('deal_id', '=', deal.id)
    .where('kind', '=', 'blue')
    .where('status', '=', 'issued')
    .executeTakeFirst();
  if (invoice) throw new AppError('sales.invoice_outstanding');
  const now = nowIso();
  const after = await updateContractRow(trx, row, input.version, {
    status: 'cancelled',
    active_vin: null,
    cancel_reason: input.reason,
    cancel_note: input.note ?? null,
    cancelled_by: actor.userId,
    cancelled_at: now,
  });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'contract',
    entityId: row.id,
    action: 'cancel',
    after: { reason: input.reason },
  });

  const settings = await salesSettingsOf(trx, deal.store_id);
  const balance = await dealBalance(trx, deal);
  const paid = balance.confirmed - balance.refunded;
  const deposits = await trx
    .selectFrom('payments')
    .select((eb) => eb.fn.sum<number>('amount').as('total'))
    .where('deal_id', '=', deal.id)
    .where('status', '=', 'confirmed')
    .where('kind', '=', 'deposit')
    .executeTakeFirst();
  // 定金 (Civil Code Art. 587): kept by the dealer when the buyer withdraws, if the store's rules say so
  const kept =
    input.reason === 'customer_withdrew' && !settings.depositRefundableOnWithdrawal
      ? Number(deposits?.total ?? 0)
      : 0;
  const refundAmount = Math.max(0, paid - kept);
  let refund = null;
  if (refundAmount > 0) {
    const store = (await findStoreRow(trx, deal.store_id))!;
    refund = {
      id: newId(),
      group_id: deal.group_id,
      store_id: deal.store_id,
      deal_id: deal.id,
      number: await nextRefundNumber(trx, store),
      amount: refundAmount,
      reason: `${input.reason}${input.note ? `: ${input.note}` : ''}`,
      source: 'cancellation',
      status: 'pending',
      method: null,
      reference: null,
      created_by: actor.userId,
      paid_by: null,
      paid_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('refunds').values(refund).execute();
    await recordAudit(trx, {
      actorId: actor.userId,
      storeId: deal.store_id,
      entity: 'refund',
      entityId: refund.id,
      action: 'create',
      after: { amount: refundAmount, kept },
    });
  }
  cancellationFaults.afterRefund?.();

  if (deal.vehicle_id) await returnVehicleFromDeal(trx, actor, deal.vehicle_id, deal.id);
  const fresh = (await findDealRow(trx, deal.id))!;
  await moveDeal(trx, fresh, fresh.version, 'cancelled');
  await trx
    .updateTable('deliveries')
    .set({ status: 'cancelled', live_deal_id: null, updated_at: now })
    .where('deal_id', '=', deal.id)
    .where('status', '=', 'scheduled')
    .execute();
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: deal.store_id,
    entity: 'deal',
    entityId: deal.id,
    action: 'cancel',
    after: { refund: refundAmount },
  });
  await recordCustomerEvent(trx, {
    groupId: deal.group_id,
    storeId: deal.store_id,
    customerId: deal.customer_id,
    type: 'sales.contract.cancelled',
    entity: 'contract',
    entityId: row.id,
    actorId: actor.userId,
    data: {
      number: row.number,
      reason: input.reason,
      refund: refundAmount,
      refundText: formatFen(refundAmount),
    },
  });
  return {
    contract: await contractView(trx, actor, keys, after, (await findDealRow(trx, deal.id))!),
    refund: refund ? { id: refund.id, number: refund.number, amount: refund.amount } : null,
  };
}
