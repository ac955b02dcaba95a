import type { z } from 'zod';
import type {
  Appointment,
  appointmentListQuery,
  createAppointmentSchema,
} from '../../../common/crm/reception.schemas';
import {
  appointmentReminderMinutes,
  appointmentTransitions,
  canMove,
  type AppointmentAction,
  type AppointmentStatus,
} from '../../../common/crm/reception.status';
import type { Db, DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { enqueueJob } from '../../platform/jobs';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import { raiseAlert } from './alert.service';
import {
  appointmentsWithNames,
  findAppointment,
  insertAppointment,
  updateAppointmentRow,
  type AppointmentRow,
  type AppointmentView,
} from './appointment.repo';
import { confirmationText, toAppointment } from './appointment.view';
import { advanceLead } from './lead-move.service';
import { linkableCustomer } from './lead.service';
import { queueCustomerMessage } from './notification.service';
import {
  checkConsultant,
  checkLinkedLead,
  checkTrim,
  reachesStoreRecord,
  receptionStore,
  sellsIn,
  type ReceptionAction,
} from './reception.access';
import { recordCustomerEvent } from './timeline.service';

export const appointmentReminderJob = 'crm.appointment_reminder';

export async function loadAppointment(db: DbOrTrx, actor: Actor, id: string, action: ReceptionAction) {
  const row = await findAppointment(db, id);
  if (!row || !reachesStoreRecord(requirePermission(actor, action), row)) throw notFound('appointment');
  return row;
}

/** The consultant's reminder 10 minutes before, as a job (not when the time is already that close). */
async function scheduleReminder(trx: Trx, row: AppointmentRow) {
  const at = Date.parse(row.scheduled_at) - appointmentReminderMinutes * 60_000;
  if (!row.consultant_id || at <= Date.now()) return;
  await enqueueJob(
    trx,
    appointmentReminderJob,
    { appointmentId: row.id, scheduledAt: row.scheduled_at },
    { storeId: row.store_id, runAt: new Date(at) },
  );
}

/** Confirms the booking to the customer by message (notification outbox). */
async function confirmToCustomer(trx: Trx, row: AppointmentView, rescheduled: boolean) {
  const store = (await findStoreRow(trx, row.store_id))!;
  return queueCustomerMessage(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    template: rescheduled ? 'appointment_rescheduled' : 'appointment_confirmation',
    body: confirmationText({
      storeName: store.name,
      customerName: row.customer_name,
      scheduledAt: row.scheduled_at,
      timezone: store.timezone,
      consultantName: row.consultant_name,
      rescheduled,
    }),
    entity: 'appointment',
    entityId: row.id,
  });
}

async function recordAppointmentEvent(trx: Trx, actorId: string | null, row: AppointmentView, verb: string) {
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    type: `crm.appointment.${verb}`,
    entity: 'appointment',
    entityId: row.id,
    actorId,
    data: { number: row.number, scheduledAt: row.scheduled_at, status: row.status, purpose: row.purpose },
  });
}

/**
 * Books a showroom visit (H3.1.1: the customer's details, need and time confirmed): numbered
 * AP-YYYY-000001, confirmed to the customer by message, a reminder to the consultant 10 minutes before,
 * and the customer's lead moves to `appointment`. The time must lie ahead.
 */
export async function createAppointment(
  trx: Trx,
  actor: Actor,
  input: z.infer<typeof createAppointmentSchema>,
): Promise<Appointment> {
  const store = await receptionStore(trx, actor, input.storeId);
  const customer = await linkableCustomer(trx, actor, input.customerId);
  if (Date.parse(input.scheduledAt) <= Date.now())
    throw new AppError('request.invalid', {
      errors: [{ path: 'scheduledAt', code: 'in_past', message: 'the appointment time has passed' }],
    });
  const lead = await checkLinkedLead(trx, input.leadId, customer.id, store.id);
  const consultantId =
    (await checkConsultant(trx, input.consultantId, store.id)) ??
    lead?.owner_id ??
    (sellsIn(actor, store.id) ? actor.userId : null);
  await checkTrim(trx, input.trimId, store.group_id);
  const now = nowIso();
  const row: AppointmentRow = {
    id: newId(),
    group_id: store.group_id,
    store_id: store.id,
    number: await nextDocumentNumber(trx, store.id, 'AP', localYear(store.timezone)),
    customer_id: customer.id,
    lead_id: lead?.id ?? null,
    consultant_id: consultantId,
    channel: input.channel,
    scheduled_at: new Date(input.scheduledAt).toISOString(),
    duration_minutes: input.durationMinutes,
    purpose: input.purpose ?? null,
    trim_id: input.trimId ?? null,
    status: 'booked',
    reschedule_count: 0,
    confirmation_id: null,
    note: input.note ?? null,
    version: 1,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await insertAppointment(trx, row);
  const view = (await findAppointment(trx, row.id))!;
  const confirmation = await confirmToCustomer(trx, view, false);
  if (confirmation)
    await trx
      .updateTable('appointments')
      .set({ confirmation_id: confirmation })
      .where('id', '=', row.id)
      .execute();
  await scheduleReminder(trx, row);
  if (lead) await advanceLead(trx, actor.userId, lead.id, 'book_appointment');
  const appointment = toAppointment((await findAppointment(trx, row.id))!);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'appointment',
    entityId: row.id,
    action: 'create',
    after: appointment,
  });
  await recordAppointmentEvent(trx, actor.userId, view, 'booked');
  return appointment;
}

/** A new time for a booked visit: confirmed to the customer again; the old reminder lapses. */
export async function rescheduleAppointment(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; scheduledAt: string; note?: string },
): Promise<Appointment> {
  const row = await loadAppointment(trx, actor, id, 'reception.manage');
  if (Date.parse(input.scheduledAt) <= Date.now())
    throw new AppError('request.invalid', {
      errors: [{ path: 'scheduledAt', code: 'in_past', message: 'the appointment time has passed' }],
    });
  const after = await applyAppointmentMove(trx, actor, row, 'reschedule', input.version, {
    scheduled_at: new Date(input.scheduledAt).toISOString(),
    reschedule_count: row.reschedule_count + 1,
    ...(input.note ? { note: input.note } : {}),
  });
  const view = (await findAppointment(trx, id))!;
  const confirmation = await confirmToCustomer(trx, view, true);
  if (confirmation)
    await trx
      .updateTable('appointments')
      .set({ confirmation_id: confirmation })
      .where('id', '=', id)
      .execute();
  await scheduleReminder(trx, view);
  return { ...after, confirmationId: confirmation ?? after.confirmationId };
}

/** Closes a booking as no-show or cancelled (an arrival is recorded by opening a reception). */
export async function closeAppointment(
  trx: Trx,
  actor: Actor,
  id: string,
  action: 'no_show' | 'cancel',
  input: { version: number; note?: string },
): Promise<Appointment> {
  const row = await loadAppointment(trx, actor, id, 'reception.manage');
  return applyAppointmentMove(trx, actor, row, action, input.version, input.note ? { note: input.note } : {});
}

/** Moves an appointment along its status machine; another move is a 409 naming the state. */
export async function applyAppointmentMove(
  trx: Trx,
  actor: Actor,
  row: AppointmentView,
  action: AppointmentAction,
  version: number,
  extra: Partial<AppointmentRow>,
): Promise<Appointment> {
  if (!canMove(appointmentTransitions, row.status as AppointmentStatus, action))
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (version !== row.version) throw versionConflict(row.version);
  const changes = { status: appointmentTransitions[action].to, ...extra };
  if (!(await updateAppointmentRow(trx, row.id, version, changes))) throw versionConflict(row.version + 1);
  const after = (await findAppointment(trx, row.id))!;
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'appointment',
    entityId: row.id,
    action,
    before: { status: row.status, scheduledAt: row.scheduled_at },
    after: { status: after.status, scheduledAt: after.scheduled_at },
  });
  await recordAppointmentEvent(trx, actor.userId, after, action === 'reschedule' ? 'rescheduled' : action);
  return toAppointment(after);
}

export async function getAppointment(db: DbOrTrx, actor: Actor, id: string) {
  return toAppointment(await loadAppointment(db, actor, id, 'reception.read'));
}

/** Appointments of the stores in reach, soonest first, by time window, customer, consultant or status. */
export async function listAppointments(
  db: DbOrTrx,
  actor: Actor,
  query: z.infer<typeof appointmentListQuery>,
) {
  const reach = requirePermission(actor, 'reception.read');
  let q = appointmentsWithNames(db).where('appointments.group_id', '=', reach.groupId);
  if (reach.scope !== 'group')
    q = q.where('appointments.store_id', 'in', reach.scope === 'store' ? reach.storeIds : ['']);
  if (query.storeId) q = q.where('appointments.store_id', '=', query.storeId);
  if (query.customerId) q = q.where('appointments.customer_id', '=', query.customerId);
  if (query.consultantId) q = q.where('appointments.consultant_id', '=', query.consultantId);
  if (query.status) q = q.where('appointments.status', '=', query.status);
  if (query.from) q = q.where('appointments.scheduled_at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('appointments.scheduled_at', '<', new Date(query.to).toISOString());
  const sort = { column: 'appointments.scheduled_at', direction: 'asc' as const, field: 'scheduledAt' };
  const rows = await applyPage(q, sort, 'appointments.id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.scheduled_at,
    (r) => r.id,
    toAppointment,
  );
}

/**
 * The reminder job: 10 minutes before a still-booked visit at the same time, the consultant gets an
 * alert in their inbox. A rescheduled or closed appointment's old reminder does nothing.
 */
export async function remindConsultant(db: Db, payload: { appointmentId: string; scheduledAt: string }) {
  await db.transaction().execute(async (trx) => {
    const row = await findAppointment(trx, payload.appointmentId);
    if (!row || row.status !== 'booked' || row.scheduled_at !== payload.scheduledAt || !row.consultant_id)
      return;
    await raiseAlert(trx, {
      groupId: row.group_id,
      storeId: row.store_id,
      kind: 'appointment_soon',
      recipientId: row.consultant_id,
      entity: 'appointment',
      entityId: row.id,
      params: { number: row.number, customer: row.customer_name, scheduledAt: row.scheduled_at },
      dedupeKey: `appointment_soon:${row.id}:${row.scheduled_at}`,
    });
  });
}
