import type { z } from 'zod';
import { REPAIR_RECORD_YEARS, type settleSchema } from '../../../common/service/repair-order.schemas';
import { addMonths, localDateOf, localToUtc } from '../../../common/rules/civil-date';
import { canMoveRepairOrder, type RepairOrderStatus } from '../../../common/service/repair-order.status';
import { formatFen } from '../../../common/rules/money';
import type { Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { requirePermission, type Actor } from '../../platform/permissions';
import { completeTask, createTask, recordCustomerEvent } from '../crm';
import { activeStaffWithRole, findStoreRow } from '../identity';
import { createHealthRecord } from './health-record.service';
import { linesOf, updateOrder, withNames, type OrderView } from './repair-order.repo';
import { applyOrderMove, loadOrder } from './repair-order.service';
import { orderTotals, toRepairOrder } from './repair-order.view';
import { mayAct } from './service.access';
import { settingsOf } from './workshop.service';

const addYears = (date: string, years: number) => addMonths(date, years * 12);
/** Default maintenance interval when the advisor does not set one: 6 months or 5000 km. */
const NEXT_SERVICE_MONTHS = 6;
const NEXT_SERVICE_KM = 5000;

/** Final inspection (终检, H6.1 7) by the foreman: every item passes → ready; any failure → back to work. */
export async function qualityCheck(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; checklist: { item: string; passed: boolean }[] },
) {
  const row = await loadOrder(trx, actor, id, 'service.inspect');
  const passed = input.checklist.every((c) => c.passed);
  const moved = await applyOrderMove(
    trx,
    actor.userId,
    row,
    passed ? 'pass_quality_check' : 'rework',
    input.version,
    {
      qc_checklist_json: JSON.stringify(input.checklist),
      qc_by: passed ? actor.userId : null,
      qc_at: passed ? nowIso() : null,
    },
  );
  return toRepairOrder(trx, moved);
}

/**
 * Settlement (结算, H6.1 7): the customer's share of the approved lines is paid (payments must add up to
 * it exactly); warranty/三包 lines are charged to the maker and insurance lines to the insurer. The repair
 * invoice gets its number (RI-YYYY-nnnnnn), the record is kept ≥ 6 years (三包 Art. 17), the next
 * maintenance is set (date and mileage, with a reminder task), and the JT/T 1132 health record is queued.
 */
export async function settleRepairOrder(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof settleSchema>,
) {
  const row = await loadOrder(trx, actor, id, 'service.settle');
  if (row.status !== 'ready')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (row.settled_at) throw new AppError('resource.state_conflict', { params: { state: 'settled' } });
  if (row.version !== input.version) throw versionConflict(row.version);
  const lines = await linesOf(trx, row.id);
  const totals = orderTotals(lines);
  const paid = input.payments.reduce((a, p) => a + p.amount, 0);
  if (paid !== totals.customer)
    throw new AppError('service.payments_mismatch', {
      params: { paid: formatFen(paid), due: formatFen(totals.customer) },
      errors: [{ path: 'payments', code: 'mismatch', message: `${paid} != ${totals.customer}` }],
    });
  if (totals.insurance > 0 && !input.insurerName)
    throw new AppError('request.invalid', {
      errors: [{ path: 'insurerName', code: 'required', message: 'insurance lines need the insurer' }],
    });
  const store = (await findStoreRow(trx, row.store_id))!;
  const now = nowIso();
  const today = localDateOf(now, store.timezone);
  const nextDate = input.nextServiceDate ?? addMonths(today, NEXT_SERVICE_MONTHS);
  const nextKm = input.nextServiceKm ?? row.odometer_km + NEXT_SERVICE_KM;
  for (const p of input.payments)
    await trx
      .insertInto('repair_order_payments')
      .values({
        id: newId(),
        repair_order_id: row.id,
        method: p.method,
        amount: p.amount,
        reference: p.reference ?? null,
        created_by: actor.userId,
        created_at: now,
      })
      .execute();
  const invoice = await nextDocumentNumber(trx, store.id, 'RI', localYear(store.timezone));
  const updated = await updateOrder(trx, row.id, row.version, {
    settled_at: now,
    settled_by: actor.userId,
    invoice_number: invoice,
    labour_total: totals.labour,
    parts_total: totals.parts,
    sublet_total: totals.sublet,
    customer_total: totals.customer,
    warranty_total: totals.warranty,
    insurance_total: totals.insurance,
    insurer_name: input.insurerName ?? null,
    next_service_date: nextDate,
    next_service_km: nextKm,
    retain_until: addYears(today, REPAIR_RECORD_YEARS),
  });
  if (!updated) throw versionConflict(row.version + 1);
  const settled = withNames(updated, row);
  await createHealthRecord(trx, settled, store, lines);
  // the maintenance reminder: a week before the next service date, to the advisor (or whoever settles)
  const reminderAt = localToUtc(nextDate, '10:00', store.timezone);
  const assignee = await taskAssignee(trx, actor, row);
  if (assignee)
    await createTask(trx, actor, {
      storeId: store.id,
      customerId: row.customer_id,
      assigneeId: assignee,
      type: 'call',
      title: `保养提醒 ${row.plate ?? row.vin} · ${nextDate} / ${nextKm} km`,
      dueAt: new Date(Date.parse(reminderAt) - 7 * 86_400_000).toISOString(),
    });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'repair_order',
    entityId: row.id,
    action: 'settle',
    after: { invoice, totals, paid },
  });
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    type: 'service.repair_order.settled',
    entity: 'repair_order',
    entityId: row.id,
    actorId: actor.userId,
    data: {
      number: row.number,
      invoice,
      customerTotal: totals.customer,
      nextServiceDate: nextDate,
      nextServiceKm: nextKm,
    },
  });
  // the write was version-checked: the lines read above are still the order's
  return toRepairOrder(trx, settled, { lines });
}

/**
 * Who gets the order's follow-up tasks: the order's advisor when the actor may give tasks to others (or is
 * the advisor) and the advisor works in the store, else the store's first service advisor; a user who only
 * manages their own tasks gets them themself. null: nobody in the store can take it (no task is made).
 */
async function taskAssignee(trx: Trx, actor: Actor, row: OrderView): Promise<string | null> {
  const givesTasks =
    mayAct(actor, 'tasks.manage', row) && requirePermission(actor, 'tasks.manage').scope !== 'own';
  if (!givesTasks) return actor.userId;
  const staff = await trx
    .selectFrom('user_store_roles')
    .innerJoin('users', 'users.id', 'user_store_roles.user_id')
    .select('users.id')
    .where('user_store_roles.store_id', '=', row.store_id)
    .where('users.id', '=', row.advisor_id)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (staff) return row.advisor_id;
  return (await activeStaffWithRole(trx, row.store_id, 'service_advisor'))[0] ?? null;
}

/**
 * Handover (交车验收, H6.1 7): the customer accepts the car and signs; only a settled order. The follow-up
 * call (回访, H6.1 8) is due on day 2 by default (the store's follow-up day) as a task of the advisor.
 */
export async function handOver(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; signerName: string; signature: string },
) {
  const row = await loadOrder(trx, actor, id, 'service.manage');
  if (!canMoveRepairOrder(row.status as RepairOrderStatus, 'deliver'))
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (!row.settled_at) throw new AppError('service.not_settled');
  if (row.version !== input.version) throw versionConflict(row.version);
  const store = (await findStoreRow(trx, row.store_id))!;
  const settings = await settingsOf(trx, store);
  const assignee = await taskAssignee(trx, actor, row);
  const task = assignee
    ? await createTask(trx, actor, {
        storeId: store.id,
        customerId: row.customer_id,
        assigneeId: assignee,
        type: 'care_visit',
        title: `服务回访 ${row.number} ${row.plate ?? ''}`.trim(),
        dueAt: new Date(Date.now() + settings.follow_up_days * 86_400_000).toISOString(),
      })
    : null;
  const moved = await applyOrderMove(trx, actor.userId, row, 'deliver', input.version, {
    handover_signer: input.signerName,
    handover_signature: input.signature,
    delivered_at: nowIso(),
    follow_up_task_id: task?.id ?? null,
  });
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    type: 'service.repair_order.delivered',
    entity: 'repair_order',
    entityId: row.id,
    actorId: actor.userId,
    data: {
      number: row.number,
      plate: row.plate,
      signer: input.signerName,
      followUpDueAt: task?.dueAt ?? null,
    },
  });
  return toRepairOrder(trx, moved);
}

/** Closes a delivered order (`/close`); its record stays for the retention period. */
export async function closeRepairOrder(trx: Trx, actor: Actor, id: string, version: number) {
  const row = await loadOrder(trx, actor, id, 'service.manage');
  const moved = await applyOrderMove(trx, actor.userId, row, 'close', version, { closed_at: nowIso() });
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    type: 'service.repair_order.closed',
    entity: 'repair_order',
    entityId: row.id,
    actorId: actor.userId,
    data: {
      number: row.number,
      plate: row.plate,
      vin: row.vin,
      odometerKm: row.odometer_km,
      invoice: row.invoice_number,
    },
  });
  return toRepairOrder(trx, moved);
}

/**
 * The follow-up call's outcome (H6.1 8, H5.2.3): satisfaction 1-5 and the customer's words on the order;
 * the advisor's follow-up task is completed with it.
 */
export async function recordFollowUp(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; satisfaction: number; note?: string | null },
) {
  const row = await loadOrder(trx, actor, id, 'service.manage');
  if (row.status !== 'delivered' && row.status !== 'closed')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (row.version !== input.version) throw versionConflict(row.version);
  const updated = await updateOrder(trx, row.id, row.version, {
    satisfaction: input.satisfaction,
    follow_up_note: input.note ?? null,
  });
  if (!updated) throw versionConflict(row.version + 1);
  if (row.follow_up_task_id) {
    const task = await trx
      .selectFrom('tasks')
      .select(['status', 'version', 'assignee_id'])
      .where('id', '=', row.follow_up_task_id)
      .executeTakeFirst();
    if (task?.status === 'open' && (task.assignee_id === actor.userId || mayAct(actor, 'tasks.manage', row)))
      await completeTask(trx, actor, row.follow_up_task_id, {
        version: task.version,
        outcome: 'reached',
        note: `满意度 ${input.satisfaction}/5${input.note ? ` · ${input.note}` : ''}`,
      });
  }
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'repair_order',
    entityId: row.id,
    action: 'follow_up',
    after: { satisfaction: input.satisfaction },
  });
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    type: 'service.repair_order.followed_up',
    entity: 'repair_order',
    entityId: row.id,
    actorId: actor.userId,
    data: { number: row.number, satisfaction: input.satisfaction, note: input.note ?? null },
  });
  return toRepairOrder(trx, withNames(updated, row));
}
