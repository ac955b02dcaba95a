import type { z } from 'zod';
import type { Refund, refundListQuery } from '../../../common/sales/money.schemas';
import { formatFen } from '../../../common/rules/money';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import { dealBalance } from './balance';
import { loadDeal, reachFilter } from './sales.access';

export const nextRefundNumber = (trx: Trx, store: { id: string; timezone: string }) =>
  nextDocumentNumber(trx, store.id, 'TK', localYear(store.timezone));

const refundsWithNames = (db: DbOrTrx) =>
  db
    .selectFrom('refunds')
    .innerJoin('deals', 'deals.id', 'refunds.deal_id')
    .innerJoin('users as creator', 'creator.id', 'refunds.created_by')
    .leftJoin('users as payer', 'payer.id', 'refunds.paid_by')
    .selectAll('refunds')
    .select([
      'deals.number as deal_number',
      'creator.display_name as creator_name',
      'payer.display_name as payer_name',
    ]);
type RefundWithNames = Awaited<ReturnType<ReturnType<typeof refundsWithNames>['executeTakeFirstOrThrow']>>;

const toRefund = (r: RefundWithNames): Refund => ({
  id: r.id,
  number: r.number,
  dealId: r.deal_id,
  dealNumber: r.deal_number,
  storeId: r.store_id,
  amount: r.amount,
  reason: r.reason,
  source: r.source as Refund['source'],
  status: r.status as Refund['status'],
  method: (r.method as Refund['method']) ?? null,
  reference: r.reference,
  createdBy: r.creator_name,
  paidBy: r.payer_name ?? null,
  paidAt: r.paid_at,
  version: r.version,
  createdAt: r.created_at,
});

/** Returns an overpayment (H4.3.1: an explicit record, never an edit of a payment); at most what is overpaid. */
export async function createRefund(
  trx: Trx,
  actor: Actor,
  input: { dealId: string; amount: number; reason: string },
) {
  const deal = await loadDeal(trx, actor, input.dealId, 'payments.confirm');
  const { overpaid } = await dealBalance(trx, deal);
  if (input.amount > overpaid)
    throw new AppError('sales.refund_exceeds_overpayment', {
      params: { overpaid: formatFen(overpaid) },
      errors: [{ path: 'amount', code: 'exceeds_overpayment', message: `at most ${formatFen(overpaid)}` }],
    });
  const store = (await findStoreRow(trx, deal.store_id))!;
  const now = nowIso();
  const id = newId();
  await trx
    .insertInto('refunds')
    .values({
      id,
      group_id: deal.group_id,
      store_id: deal.store_id,
      deal_id: deal.id,
      number: await nextRefundNumber(trx, store),
      amount: input.amount,
      reason: input.reason,
      source: 'overpayment',
      status: 'pending',
      method: null,
      reference: null,
      created_by: actor.userId,
      paid_by: null,
      paid_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: deal.store_id,
    entity: 'refund',
    entityId: id,
    action: 'create',
    after: { amount: input.amount },
  });
  return toRefund(await refundsWithNames(trx).where('refunds.id', '=', id).executeTakeFirstOrThrow());
}

/** Finance pays the refund out (method and reference recorded). */
export async function payRefund(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; method: string; reference?: string },
) {
  const row = await trx.selectFrom('refunds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('refund');
  await loadDeal(trx, actor, row.deal_id, 'payments.confirm');
  if (row.status !== 'pending')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (input.version !== row.version) throw versionConflict(row.version);
  const now = nowIso();
  const res = await trx
    .updateTable('refunds')
    .set({
      status: 'paid',
      method: input.method,
      reference: input.reference ?? null,
      paid_by: actor.userId,
      paid_at: now,
      version: row.version + 1,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(row.version + 1);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'refund',
    entityId: id,
    action: 'pay',
    after: { method: input.method },
  });
  return toRefund(await refundsWithNames(trx).where('refunds.id', '=', id).executeTakeFirstOrThrow());
}

export async function listRefunds(db: DbOrTrx, actor: Actor, query: z.infer<typeof refundListQuery>) {
  const reach = reachFilter(requirePermission(actor, 'payments.read'));
  let q = refundsWithNames(db).where('refunds.group_id', '=', reach.groupId);
  if (reach.storeIds) q = q.where('refunds.store_id', 'in', reach.storeIds);
  if (reach.consultantId) q = q.where('deals.consultant_id', '=', reach.consultantId);
  if (query.dealId) q = q.where('refunds.deal_id', '=', query.dealId);
  if (query.storeId) q = q.where('refunds.store_id', '=', query.storeId);
  if (query.status) q = q.where('refunds.status', '=', query.status);
  const sort = { column: 'refunds.created_at', direction: 'desc' as const, field: 'createdAt' };
  const rows = await applyPage(q, sort, 'refunds.id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.created_at,
    (r) => r.id,
    toRefund,
  );
}
