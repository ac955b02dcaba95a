import type { z } from 'zod';
import type {
  createReceptionSchema,
  patchReceptionSchema,
  Reception,
  receptionListQuery,
} from '../../../common/crm/reception.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { findAppointment } from './appointment.repo';
import { applyAppointmentMove } from './appointment.service';
import { advanceLead } from './lead-move.service';
import { linkableCustomer } from './lead.service';
import {
  checkConsultant,
  checkLinkedLead,
  reachesStoreRecord,
  receptionStore,
  sellsIn,
  type ReceptionAction,
} from './reception.access';
import {
  findReception,
  receptionsWithNames,
  updateVersioned,
  type ReceptionRow,
  type ReceptionView,
} from './reception.repo';
import { recordCustomerEvent } from './timeline.service';
import { scheduleFollowUpAfterVisit } from './task.service';

export const toReception = (r: ReceptionView, now = Date.now()): Reception => ({
  id: r.id,
  storeId: r.store_id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  appointmentId: r.appointment_id,
  leadId: r.lead_id,
  consultantId: r.consultant_id,
  consultantName: r.consultant_name,
  kind: r.kind as Reception['kind'],
  arrivedAt: r.arrived_at,
  departedAt: r.departed_at,
  minutesInShowroom: Math.max(
    0,
    Math.round(((r.departed_at ? Date.parse(r.departed_at) : now) - Date.parse(r.arrived_at)) / 60_000),
  ),
  partySize: r.party_size,
  impressions: r.impressions,
  customerSaid: r.customer_said,
  status: r.status as Reception['status'],
  version: r.version,
  createdAt: r.created_at,
});

export async function loadReception(db: DbOrTrx, actor: Actor, id: string, action: ReceptionAction) {
  const row = await findReception(db, id);
  if (!row || !reachesStoreRecord(requirePermission(actor, action), row)) throw notFound('reception');
  return row;
}

const badTime = (path: string, message: string) =>
  new AppError('request.invalid', { errors: [{ path, code: 'invalid_time', message }] });

async function recordReceptionEvent(trx: Trx, actorId: string, row: ReceptionView, verb: string) {
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    type: `crm.reception.${verb}`,
    entity: 'reception',
    entityId: row.id,
    actorId,
    data: {
      kind: row.kind,
      arrivedAt: row.arrived_at,
      departedAt: row.departed_at,
      partySize: row.party_size,
      customerSaid: row.customer_said,
    },
  });
}

/**
 * A customer arrives (H3.1.2-3): a walk-in, or an appointment that this closes as arrived. Records the
 * time, party, consultant and what the customer said; the customer's lead moves to `visited`.
 */
export async function createReception(
  trx: Trx,
  actor: Actor,
  input: z.infer<typeof createReceptionSchema>,
): Promise<Reception> {
  const store = await receptionStore(trx, actor, input.storeId);
  const customer = await linkableCustomer(trx, actor, input.customerId);
  const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt).toISOString() : nowIso();
  if (Date.parse(arrivedAt) > Date.now() + 5 * 60_000)
    throw badTime('arrivedAt', 'the arrival is in the future');
  let appointment = null;
  if (input.appointmentId) {
    appointment = await findAppointment(trx, input.appointmentId);
    if (!appointment || appointment.store_id !== store.id || appointment.customer_id !== customer.id)
      throw new AppError('request.invalid', {
        errors: [
          { path: 'appointmentId', code: 'unknown_appointment', message: "not this customer's booking here" },
        ],
      });
  }
  const lead = await checkLinkedLead(trx, input.leadId ?? appointment?.lead_id, customer.id, store.id);
  const consultantId =
    (await checkConsultant(trx, input.consultantId, store.id)) ??
    appointment?.consultant_id ??
    lead?.owner_id ??
    (sellsIn(actor, store.id) ? actor.userId : null);
  if (appointment) await applyAppointmentMove(trx, actor, appointment, 'arrive', appointment.version, {});
  const now = nowIso();
  const row: ReceptionRow = {
    id: newId(),
    group_id: store.group_id,
    store_id: store.id,
    customer_id: customer.id,
    appointment_id: appointment?.id ?? null,
    lead_id: lead?.id ?? null,
    consultant_id: consultantId,
    kind: appointment ? 'appointment' : 'walk_in',
    arrived_at: arrivedAt,
    departed_at: null,
    party_size: input.partySize,
    impressions: input.impressions ?? null,
    customer_said: input.customerSaid ?? null,
    status: 'in_showroom',
    version: 1,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('receptions').values(row).execute();
  if (lead) await advanceLead(trx, actor.userId, lead.id, 'visit');
  const view = (await findReception(trx, row.id))!;
  const reception = toReception(view);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'reception',
    entityId: row.id,
    action: 'create',
    after: reception,
  });
  await recordReceptionEvent(trx, actor.userId, view, 'arrived');
  return reception;
}

/** Adds what was learnt during the visit: party size, impressions, the customer's words, the consultant. */
export async function patchReception(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof patchReceptionSchema>,
): Promise<Reception> {
  const row = await loadReception(trx, actor, id, 'reception.manage');
  if (input.version !== row.version) throw versionConflict(row.version);
  const changes: Partial<ReceptionRow> = {};
  if (input.partySize !== undefined) changes.party_size = input.partySize;
  if (input.impressions !== undefined) changes.impressions = input.impressions;
  if (input.customerSaid !== undefined) changes.customer_said = input.customerSaid;
  if (input.consultantId !== undefined)
    changes.consultant_id = await checkConsultant(trx, input.consultantId, row.store_id);
  if (!(await updateVersioned(trx, 'receptions', id, input.version, changes)))
    throw versionConflict(row.version + 1);
  const after = toReception((await findReception(trx, id))!);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'reception',
    entityId: id,
    action: 'update',
    before: toReception(row),
    after,
  });
  return after;
}

/** The customer leaves the showroom: the departure time (now, or as given) closes the visit. */
export async function departReception(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; departedAt?: string },
): Promise<Reception> {
  const row = await loadReception(trx, actor, id, 'reception.manage');
  if (row.status !== 'in_showroom')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (input.version !== row.version) throw versionConflict(row.version);
  const departedAt = input.departedAt ? new Date(input.departedAt).toISOString() : nowIso();
  if (departedAt < row.arrived_at) throw badTime('departedAt', 'the departure is before the arrival');
  if (Date.parse(departedAt) > Date.now() + 5 * 60_000)
    throw badTime('departedAt', 'the departure is in the future');
  if (
    !(await updateVersioned(trx, 'receptions', id, input.version, {
      status: 'departed',
      departed_at: departedAt,
    }))
  )
    throw versionConflict(row.version + 1);
  const view = (await findReception(trx, id))!;
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'reception',
    entityId: id,
    action: 'depart',
    before: { status: row.status },
    after: { status: 'departed', departedAt },
  });
  await recordReceptionEvent(trx, actor.userId, view, 'departed');
  await scheduleFollowUpAfterVisit(trx, view, actor.userId);
  return toReception(view);
}

export async function getReception(db: DbOrTrx, actor: Actor, id: string) {
  return toReception(await loadReception(db, actor, id, 'reception.read'));
}

/** Receptions of the stores in reach, newest first. */
export async function listReceptions(db: DbOrTrx, actor: Actor, query: z.infer<typeof receptionListQuery>) {
  const reach = requirePermission(actor, 'reception.read');
  let q = receptionsWithNames(db).where('receptions.group_id', '=', reach.groupId);
  if (reach.scope !== 'group')
    q = q.where('receptions.store_id', 'in', reach.scope === 'store' ? reach.storeIds : ['']);
  if (query.storeId) q = q.where('receptions.store_id', '=', query.storeId);
  if (query.customerId) q = q.where('receptions.customer_id', '=', query.customerId);
  if (query.status) q = q.where('receptions.status', '=', query.status);
  const sort = { column: 'receptions.arrived_at', direction: 'desc' as const, field: 'arrivedAt' };
  const rows = await applyPage(q, sort, 'receptions.id', query.limit, query.cursor).execute();
  const now = Date.now();
  return toPage(
    rows,
    query.limit,
    (r) => r.arrived_at,
    (r) => r.id,
    (r) => toReception(r, now),
  );
}
