import type { z } from 'zod';
import type { Payment, paymentListQuery, RecordPayment } from '../../../common/sales/money.schemas';
import { formatFen } from '../../../common/rules/money';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { recordCustomerEvent } from '../crm';
import { findStoreRow } from '../identity';
import { loadDeal, reachFilter } from './sales.access';
import type { PaymentsTable } from './sales.tables';

type PaymentRow = PaymentsTable;
const stateConflict = (state: string) => new AppError('resource.state_conflict', { params: { state } });

const paymentsWithNames = (db: DbOrTrx) =>
  db
    .selectFrom('payments')
    .innerJoin('deals', 'deals.id', 'payments.deal_id')
    .innerJoin('customers', 'customers.id', 'deals.customer_id')
    .innerJoin('users as recorder', 'recorder.id', 'payments.recorded_by')
    .leftJoin('users as confirmer', 'confirmer.id', 'payments.confirmed_by')
    .selectAll('payments')
    .select([
      'deals.number as deal_number',
      'deals.consultant_id as consultant_id',
      'customers.name as customer_name',
      'recorder.display_name as recorder_name',
      'confirmer.display_name as confirmer_name',
    ]);
type PaymentWithNames = Awaited<ReturnType<ReturnType<typeof paymentsWithNames>['executeTakeFirstOrThrow']>>;

const toPayment = (r: PaymentWithNames): Payment => ({
  id: r.id,
  number: r.number,
  dealId: r.deal_id,
  dealNumber: r.deal_number,
  customerName: r.customer_name,
  storeId: r.store_id,
  kind: r.kind as Payment['kind'],
  method: r.method as Payment['method'],
  amount: r.amount,
  reference: r.reference,
  status: r.status as Payment['status'],
  receivedAt: r.received_at,
  recordedBy: r.recorder_name,
  confirmedBy: r.confirmer_name ?? null,
  confirmedAt: r.confirmed_at,
  rejectionReason: r.rejection_reason,
  version: r.version,
  createdAt: r.created_at,
});

const viewPayment = async (db: DbOrTrx, id: string) =>
  toPayment(await paymentsWithNames(db).where('payments.id', '=', id).executeTakeFirstOrThrow());

/**
 * Money received for a deal (H4.3.1): 定金, down payment, balance, loan disbursement or trade-in credit,
 * recorded by the consultant with a receipt number; it counts toward the balance only once finance has
 * confirmed it against the bank or till (reconciliation). Money beyond the amount due is an explicit
 * overpayment on the balance, returned by a refund record.
 */
export async function recordPayment(trx: Trx, actor: Actor, input: RecordPayment): Promise<Payment> {
  const deal = await loadDeal(trx, actor, input.dealId, 'payments.record');
  if (deal.status === 'cancelled' || deal.status === 'quote' || deal.status === 'awaiting_approval')
    throw stateConflict(deal.status);
  if ((input.kind === 'trade_in_credit') !== (input.method === 'trade_in'))
    throw new AppError('request.invalid', {
      errors: [
        {
          path: 'method',
          code: 'trade_in_mismatch',
          message: 'a trade-in credit is paid by trade-in, and only it',
        },
      ],
    });
  if (input.kind === 'loan_disbursement' && input.method !== 'loan' && input.method !== 'bank_transfer')
    throw new AppError('request.invalid', {
      errors: [
        {
          path: 'method',
          code: 'loan_by_bank',
          message: 'a loan is disbursed by the lender (loan or bank transfer)',
        },
      ],
    });
  const store = (await findStoreRow(trx, deal.store_id))!;
  const now = nowIso();
  const row: PaymentRow = {
    id: newId(),
    group_id: deal.group_id,
    store_id: deal.store_id,
    deal_id: deal.id,
    number: await nextDocumentNumber(trx, deal.store_id, 'SK', localYear(store.timezone)),
    kind: input.kind,
    method: input.method,
    amount: input.amount,
    reference: input.reference ?? null,
    status: 'recorded',
    received_at: input.receivedAt ? new Date(input.receivedAt).toISOString() : now,
    recorded_by: actor.userId,
    confirmed_by: null,
    confirmed_at: null,
    rejection_reason: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('payments').values(row).execute();
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: deal.store_id,
    entity: 'payment',
    entityId: row.id,
    action: 'record',
    after: { amount: row.amount, kind: row.kind },
  });
  return viewPayment(trx, row.id);
}

async function loadPayment(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'payments.read' | 'payments.confirm',
) {
  const row = await db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('payment');
  const deal = await loadDeal(db, actor, row.deal_id, action).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'resource.not_found') throw notFound('payment');
    throw e;
  });
  return { row, deal };
}

/** Finance confirms (the money is there) or rejects (it is not) a recorded payment; never both, never twice. */
export async function decidePayment(
  trx: Trx,
  actor: Actor,
  id: string,
  decision: 'confirm' | 'reject',
  input: { version: number; reason?: string },
): Promise<Payment> {
  const { row, deal } = await loadPayment(trx, actor, id, 'payments.confirm');
  if (row.status !== 'recorded') throw stateConflict(row.status);
  if (input.version !== row.version) throw versionConflict(row.version);
  const now = nowIso();
  const res = await trx
    .updateTable('payments')
    .set({
      status: decision === 'confirm' ? 'confirmed' : 'rejected',
      confirmed_by: actor.userId,
      confirmed_at: now,
      rejection_reason: input.reason ?? null,
      version: row.version + 1,
      updated_at: now,
    })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .where('status', '=', 'recorded')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(row.version + 1);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'payment',
    entityId: row.id,
    action: decision,
    after: { amount: row.amount, reason: input.reason ?? null },
  });
  if (decision === 'confirm')
    await recordCustomerEvent(trx, {
      groupId: deal.group_id,
      storeId: deal.store_id,
      customerId: deal.customer_id,
      type: 'sales.payment.confirmed',
      entity: 'payment',
      entityId: row.id,
      actorId: actor.userId,
      data: { number: row.number, kind: row.kind, amount: row.amount, amountText: formatFen(row.amount) },
    });
  return viewPayment(trx, row.id);
}

export async function getPayment(db: DbOrTrx, actor: Actor, id: string) {
  await loadPayment(db, actor, id, 'payments.read');
  return viewPayment(db, id);
}

/** Payments in reach: a deal's, or the cashier's queue (`status=recorded`) of the stores. */
export async function listPayments(db: DbOrTrx, actor: Actor, query: z.infer<typeof paymentListQuery>) {
  const reach = reachFilter(requirePermission(actor, 'payments.read'));
  let q = paymentsWithNames(db).where('payments.group_id', '=', reach.groupId);
  if (reach.storeIds) q = q.where('payments.store_id', 'in', reach.storeIds);
  if (reach.consultantId) q = q.where('deals.consultant_id', '=', reach.consultantId);
  if (query.dealId) q = q.where('payments.deal_id', '=', query.dealId);
  if (query.storeId) q = q.where('payments.store_id', '=', query.storeId);
  if (query.status) q = q.where('payments.status', '=', query.status);
  const sort = { column: 'payments.created_at', direction: 'desc' as const, field: 'createdAt' };
  const rows = await applyPage(q, sort, 'payments.id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.created_at,
    (r) => r.id,
    toPayment,
  );
}
