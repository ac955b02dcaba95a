import type { z } from 'zod';
import {
  urgencyResponseFactor,
  type createServiceRequestSchema,
  type respondServiceRequestSchema,
} from '../../../common/service/booking.schemas';
import type { Db, DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent, enqueueJob } from '../../platform/jobs';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { loadCustomer, loadCustomerVehicle, raiseAlert, recordCustomerEvent } from '../crm';
import { assertReach, listStores, storeForAction } from './service.access';
import type { ServiceRequestsTable } from './service.tables';
import { settingsOf } from './workshop.service';

export const requestSlaCheckJob = 'service.request_sla_check';
type RequestRow = ServiceRequestsTable & { customer_name: string };

const withNames = (db: DbOrTrx) =>
  db
    .selectFrom('service_requests')
    .innerJoin('customers', 'customers.id', 'service_requests.customer_id')
    .selectAll('service_requests')
    .select('customers.name as customer_name');

const toRequest = (r: RequestRow) => ({
  id: r.id,
  storeId: r.store_id,
  number: r.number,
  customerId: r.customer_id,
  customerName: r.customer_name,
  customerVehicleId: r.customer_vehicle_id,
  channel: r.channel,
  category: r.category,
  urgency: r.urgency,
  description: r.description,
  status: r.status,
  responseDueAt: r.response_due_at,
  respondedAt: r.responded_at,
  responseNote: r.response_note,
  slaMissed: r.sla_missed_at !== null,
  version: r.version,
  createdAt: r.created_at,
});

const findRequest = (db: DbOrTrx, id: string) =>
  withNames(db).where('service_requests.id', '=', id).executeTakeFirst();

/**
 * A customer's service request (H6.1 1-2) by phone, online form or walk-in, classified (maintenance,
 * repair, 三包 warranty, accident/insurance, recall, complaint). Its first response is due within the
 * store's first-response time scaled by urgency (H5.2.2); a job checks it then and alerts when missed.
 * A complaint is recorded with its class (the quality module takes complaints over when it exists).
 */
export async function createServiceRequest(
  trx: Trx,
  actor: Actor,
  input: z.infer<typeof createServiceRequestSchema>,
) {
  const { store } = await storeForAction(trx, actor, 'service.manage', input.storeId);
  const customer = await loadCustomer(trx, actor, input.customerId);
  if (input.customerVehicleId) {
    const { row } = await loadCustomerVehicle(trx, actor, input.customerVehicleId);
    if (row.customer_id !== customer.id)
      throw new AppError('request.invalid', {
        errors: [
          { path: 'customerVehicleId', code: 'not_of_customer', message: 'vehicle of another customer' },
        ],
      });
  }
  const settings = await settingsOf(trx, store);
  const minutes = Math.max(
    1,
    Math.round(settings.first_response_minutes * urgencyResponseFactor[input.urgency]),
  );
  const now = new Date();
  const row: ServiceRequestsTable = {
    id: newId(),
    group_id: store.group_id,
    store_id: store.id,
    number: await nextDocumentNumber(trx, store.id, 'SR', localYear(store.timezone)),
    customer_id: customer.id,
    customer_vehicle_id: input.customerVehicleId ?? null,
    channel: input.channel,
    category: input.category,
    urgency: input.urgency,
    description: input.description,
    status: 'open',
    response_due_at: new Date(now.getTime() + minutes * 60_000).toISOString(),
    responded_at: null,
    responded_by: null,
    response_note: null,
    sla_missed_at: null,
    created_by: actor.userId,
    version: 1,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await trx.insertInto('service_requests').values(row).execute();
  await enqueueJob(
    trx,
    requestSlaCheckJob,
    { requestId: row.id },
    { storeId: store.id, runAt: new Date(row.response_due_at) },
  );
  const view = toRequest((await findRequest(trx, row.id))!);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'service_request',
    entityId: row.id,
    action: 'create',
    after: view,
  });
  await recordCustomerEvent(trx, {
    groupId: store.group_id,
    storeId: store.id,
    customerId: customer.id,
    type: 'service.request.created',
    entity: 'service_request',
    entityId: row.id,
    actorId: actor.userId,
    data: { number: row.number, category: row.category, channel: row.channel, urgency: row.urgency },
  });
  return view;
}

/** The first response to the customer (H5.2.2): stops the SLA clock. */
export async function respondServiceRequest(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof respondServiceRequestSchema>,
) {
  const row = await findRequest(trx, id);
  if (!row) throw notFound('service_request');
  assertReach(actor, 'service.manage', row, 'service_request');
  if (row.status !== 'open') throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (row.version !== input.version) throw versionConflict(row.version);
  const at = nowIso();
  const res = await trx
    .updateTable('service_requests')
    .set({
      status: 'responded',
      responded_at: at,
      responded_by: actor.userId,
      response_note: input.note,
      version: row.version + 1,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(row.version + 1);
  const view = toRequest((await findRequest(trx, id))!);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'service_request',
    entityId: id,
    action: 'respond',
    before: { status: row.status },
    after: { status: 'responded', respondedAt: at },
  });
  return view;
}

/** Marks a request booked when a booking is made for it (same transaction). */
export async function markRequestBooked(trx: Trx, id: string) {
  await trx
    .updateTable('service_requests')
    .set((eb) => ({ status: 'booked', version: eb('version', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .where('status', 'in', ['open', 'responded'])
    .execute();
}

export async function getServiceRequest(db: DbOrTrx, actor: Actor, id: string) {
  const row = await findRequest(db, id);
  if (!row) throw notFound('service_request');
  assertReach(actor, 'service.read', row, 'service_request');
  return toRequest(row);
}

export { findRequest as findServiceRequestRow };

export async function listServiceRequests(
  db: DbOrTrx,
  actor: Actor,
  query: { limit: number; cursor?: string; storeId?: string; status?: string },
) {
  const reach = requirePermission(actor, 'service.read');
  let q = withNames(db).where('service_requests.group_id', '=', reach.groupId);
  const stores = listStores(reach);
  if (stores) q = q.where('service_requests.store_id', 'in', stores.length ? stores : ['']);
  if (query.storeId) q = q.where('service_requests.store_id', '=', query.storeId);
  if (query.status) q = q.where('service_requests.status', '=', query.status);
  const sort = { column: 'service_requests.id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'service_requests.id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r.id,
    toRequest,
  );
}

/** Who hears of a missed first response: the store's service advisors and its manager. */
const slaRecipients = ['service_advisor', 'store_manager'] as const;

/**
 * The first-response SLA job (H5.2.2): when the time is up and nobody answered, the request is marked
 * missed and the store's advisors and manager get an alert (once). An answered request changes nothing.
 */
export async function checkRequestSla(db: Db, payload: { requestId: string }) {
  await db.transaction().execute(async (trx) => {
    const row = await findRequest(trx, payload.requestId);
    if (!row || row.status !== 'open' || row.responded_at || row.sla_missed_at) return;
    if (row.response_due_at > nowIso()) return;
    const at = nowIso();
    await trx
      .updateTable('service_requests')
      .set({ sla_missed_at: at, updated_at: at })
      .where('id', '=', row.id)
      .execute();
    for (const role of slaRecipients)
      await raiseAlert(trx, {
        groupId: row.group_id,
        storeId: row.store_id,
        kind: 'service_request_sla_missed',
        recipientRole: role,
        entity: 'service_request',
        entityId: row.id,
        params: { number: row.number, customer: row.customer_name, dueAt: row.response_due_at },
        dedupeKey: `service_request_sla_missed:${row.id}:${role}`,
      });
    await emitEvent(
      trx,
      'service.request.sla_missed',
      { request: toRequest({ ...row, sla_missed_at: at }) },
      row.store_id,
    );
  });
}
