import type { z } from 'zod';
import { releaseOrderParts } from './parts-stock';
import type { checkInSchema, repairOrderQuery } from '../../../common/service/repair-order.schemas';
import {
  canMoveRepairOrder,
  repairOrderTransitions,
  type RepairOrderAction,
  type RepairOrderStatus,
} from '../../../common/service/repair-order.status';
import { localDateOf } from '../../../common/rules/civil-date';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import {
  listCustomerVehicles,
  loadCustomerVehicle,
  recordCustomerEvent,
  recordMileageOf,
  viewCustomerVehicle,
} from '../crm';
import { findStoreRow } from '../identity';
import { findBookingRow, markBookingCheckedIn } from './booking.service';
import { openCampaignsForVin } from './campaign.service';
import {
  declinedLinesOfVehicle,
  findOrder,
  ordersWithNames,
  updateOrder,
  withNames,
  type OrderView,
  type RepairOrderRow,
} from './repair-order.repo';
import { newOrderSections, toRepairOrder, toSummary } from './repair-order.view';
import { assertReach, listStores, mayAct, storeForAction } from './service.access';
import { findServiceRequestRow } from './service-request.service';
import type { Action } from '../../../common/identity/roles';

const finished: readonly string[] = ['delivered', 'closed', 'cancelled'];

/** A repair order the actor may read or act on (another store's: 404). */
export async function loadOrder(db: DbOrTrx, actor: Actor, id: string, action: Action = 'service.read') {
  const row = await findOrder(db, id);
  if (!row) throw notFound('repair_order');
  assertReach(actor, action, row, 'repair_order');
  return row;
}

export async function getRepairOrder(db: DbOrTrx, actor: Actor, id: string) {
  return toRepairOrder(db, await loadOrder(db, actor, id));
}

/**
 * Check-in (接车, H6.1 3-4): the car found by plate or VIN, the odometer recorded on its mileage history
 * (a reading below the last one needs a reason), fuel/charge level, walk-around damage and photos,
 * valuables and the customer's concern in their words. An open recall/service campaign matching the VIN
 * is flagged on the order. A booking for the car is used up. The order gets its number (RO-YYYY-nnnnnn).
 */
export async function checkIn(trx: Trx, actor: Actor, input: z.infer<typeof checkInSchema>, lang: Lang) {
  const { store } = await storeForAction(trx, actor, 'service.manage', input.storeId);
  const loaded = await loadCustomerVehicle(trx, actor, input.customerVehicleId);
  const { row: vehicle, customer } = loaded;
  const open = await trx
    .selectFrom('repair_orders')
    .select(['id', 'number'])
    .where('customer_vehicle_id', '=', vehicle.id)
    .where('status', 'not in', finished as string[])
    .executeTakeFirst();
  if (open)
    throw new AppError('resource.duplicate', {
      errors: [{ path: 'customerVehicleId', code: 'open_repair_order', message: open.number }],
    });
  if (input.bookingId) {
    const booking = await findBookingRow(trx, input.bookingId);
    if (
      !booking ||
      booking.store_id !== store.id ||
      booking.customer_vehicle_id !== vehicle.id ||
      booking.status !== 'booked'
    )
      throw new AppError('request.invalid', {
        errors: [{ path: 'bookingId', code: 'unknown_booking', message: 'not an open booking of this car' }],
      });
    await markBookingCheckedIn(trx, booking.id);
  }
  if (input.serviceRequestId) {
    const req = await findServiceRequestRow(trx, input.serviceRequestId);
    if (!req || req.store_id !== store.id || req.customer_id !== customer.id)
      throw new AppError('request.invalid', {
        errors: [
          { path: 'serviceRequestId', code: 'unknown_request', message: 'not a request of this customer' },
        ],
      });
  }
  const now = nowIso();
  const { vehicle: withMileage } = await recordMileageOf(
    trx,
    actor,
    loaded,
    { km: input.odometerKm, readAt: now, reason: input.odometerReason ?? null },
    lang,
  );
  const campaigns = await openCampaignsForVin(
    trx,
    store.group_id,
    vehicle.vin,
    localDateOf(now, store.timezone),
  );
  const view = await viewCustomerVehicle(trx, withMileage);
  const row: RepairOrderRow = {
    id: newId(),
    group_id: store.group_id,
    store_id: store.id,
    number: await nextDocumentNumber(trx, store.id, 'RO', localYear(store.timezone)),
    customer_id: customer.id,
    customer_vehicle_id: vehicle.id,
    vin: vehicle.vin,
    plate: vehicle.plate,
    vehicle_name: [view.brandName, view.modelName, view.trimName].filter(Boolean).join(' ') || null,
    booking_id: input.bookingId ?? null,
    service_request_id: input.serviceRequestId ?? null,
    advisor_id: actor.userId,
    status: 'open',
    odometer_km: input.odometerKm,
    fuel_percent: input.fuelPercent ?? null,
    damage_notes: input.damageNotes ?? null,
    photos_json: JSON.stringify(input.photos ?? []),
    valuables: input.valuables ?? null,
    customer_concern: input.customerConcern,
    campaigns_json: JSON.stringify(campaigns),
    findings: null,
    fault_codes_json: '[]',
    diagnosed_by: null,
    diagnosed_at: null,
    qc_checklist_json: null,
    qc_by: null,
    qc_at: null,
    handover_signer: null,
    handover_signature: null,
    delivered_at: null,
    settled_at: null,
    settled_by: null,
    invoice_number: null,
    labour_total: 0,
    parts_total: 0,
    sublet_total: 0,
    customer_total: 0,
    warranty_total: 0,
    insurance_total: 0,
    insurer_name: null,
    next_service_date: null,
    next_service_km: null,
    follow_up_task_id: null,
    satisfaction: null,
    follow_up_note: null,
    retain_until: null,
    cancel_reason: null,
    checked_in_at: now,
    closed_at: null,
    created_by: actor.userId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('repair_orders').values(row).execute();
  const opened = (await findOrder(trx, row.id))!;
  const order = await toRepairOrder(trx, opened, newOrderSections());
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'repair_order',
    entityId: row.id,
    action: 'check_in',
    after: toSummary(opened),
  });
  await recordCustomerEvent(trx, {
    groupId: store.group_id,
    storeId: store.id,
    customerId: customer.id,
    type: 'service.repair_order.opened',
    entity: 'repair_order',
    entityId: row.id,
    actorId: actor.userId,
    data: {
      number: row.number,
      plate: row.plate,
      vin: row.vin,
      odometerKm: row.odometer_km,
      recall: campaigns.map((c) => c.code),
    },
  });
  return order;
}

/** Check-in lookup by plate or VIN: the car, its owner, open campaigns, lines declined at earlier visits. */
export async function checkInLookup(db: DbOrTrx, actor: Actor, query: { storeId?: string; q: string }) {
  const { store } = await storeForAction(db, actor, 'service.manage', query.storeId);
  const found = await listCustomerVehicles(db, actor, { q: query.q, limit: 10, status: 'active' });
  const today = localDateOf(new Date(), store.timezone);
  const items = [];
  for (const v of found.items) {
    const customer = await db
      .selectFrom('customers')
      .select('name')
      .where('id', '=', v.customerId)
      .executeTakeFirst();
    const open = await db
      .selectFrom('repair_orders')
      .select('id')
      .where('customer_vehicle_id', '=', v.id)
      .where('status', 'not in', finished as string[])
      .executeTakeFirst();
    items.push({
      customerVehicleId: v.id,
      customerId: v.customerId,
      customerName: customer?.name ?? '',
      vin: v.vin,
      plate: v.plate,
      vehicleName: [v.brandName, v.modelName, v.trimName].filter(Boolean).join(' ') || null,
      modelYear: v.modelYear,
      lastMileageKm: v.lastMileageKm,
      campaigns: await openCampaignsForVin(db, store.group_id, v.vin, today),
      declinedBefore: (await declinedLinesOfVehicle(db, v.id)).map((d) => ({
        repairOrderNumber: d.number,
        description: d.description,
        amount: d.amount,
        decidedAt: d.decided_at,
      })),
      openOrderId: open?.id ?? null,
    });
  }
  return { items };
}

/** Repair orders of the stores in reach, newest first; by status for the workshop board. */
export async function listRepairOrders(db: DbOrTrx, actor: Actor, query: z.infer<typeof repairOrderQuery>) {
  const reach = requirePermission(actor, 'service.read');
  let q = ordersWithNames(db).where('repair_orders.group_id', '=', reach.groupId);
  const stores = listStores(reach);
  if (stores) q = q.where('repair_orders.store_id', 'in', stores.length ? stores : ['']);
  if (query.storeId) q = q.where('repair_orders.store_id', '=', query.storeId);
  if (query.status) q = q.where('repair_orders.status', '=', query.status);
  if (query.customerVehicleId) q = q.where('repair_orders.customer_vehicle_id', '=', query.customerVehicleId);
  const sort = { column: 'repair_orders.id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'repair_orders.id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r.id,
    toSummary,
  );
}

/**
 * One move of the status machine (common/service/repair-order.status.ts): refused with 409 naming the
 * current state when the machine does not allow it, or when the version is stale. Audited; emits
 * `service.repair_order.<to>`. Answers the order as the move left it.
 */
export async function applyOrderMove(
  trx: Trx,
  actorId: string | null,
  row: OrderView,
  action: RepairOrderAction,
  version: number | null,
  changes: Partial<RepairOrderRow> = {},
) {
  const from = row.status as RepairOrderStatus;
  if (!canMoveRepairOrder(from, action))
    throw new AppError('resource.state_conflict', { params: { state: from } });
  const to = repairOrderTransitions[action].to;
  const expected = version ?? row.version;
  if (expected !== row.version) throw versionConflict(row.version);
  const updated = await updateOrder(trx, row.id, expected, { ...changes, status: to });
  if (!updated) throw versionConflict(row.version + 1);
  await recordAudit(trx, {
    actorId,
    storeId: row.store_id,
    entity: 'repair_order',
    entityId: row.id,
    action,
    before: { status: from },
    after: { status: to },
  });
  await emitEvent(
    trx,
    `service.repair_order.${to}`,
    { repairOrderId: row.id, number: row.number, from, to },
    row.store_id,
  );
  return withNames(updated, row);
}

/** A board move (drag) or a cancellation with its reason: who may make it depends on the move. */
export async function moveRepairOrder(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; action: RepairOrderAction; reason?: string },
) {
  const row = await loadOrder(trx, actor, id);
  assertAnyReach(
    actor,
    input.action === 'cancel' ? ['service.manage'] : ['service.manage', 'service.work'],
    row,
  );
  if (input.action === 'cancel' && !input.reason)
    throw new AppError('request.invalid', { errors: [{ path: 'reason', code: 'required', message: 'why' }] });
  // the state is checked first (409 naming it); then the rule that only approved work starts (422)
  if (input.action === 'start_work' && canMoveRepairOrder(row.status as RepairOrderStatus, 'start_work'))
    await assertApprovedWork(trx, row.id);
  if (input.action === 'to_quality_check') await assertNoClockRunning(trx, row.id);
  const moved = await applyOrderMove(
    trx,
    actor.userId,
    row,
    input.action,
    input.version,
    input.action === 'cancel' ? { cancel_reason: input.reason ?? null } : {},
  );
  if (input.action === 'cancel' && row.booking_id)
    await trx.deleteFrom('service_booking_slots').where('booking_id', '=', row.booking_id).execute();
  if (input.action === 'cancel') await releaseOrderParts(trx, row, actor.userId);
  return toRepairOrder(trx, moved);
}

/** The final inspection waits until every technician has stopped their clock. */
async function assertNoClockRunning(trx: Trx, orderId: string) {
  const running = await trx
    .selectFrom('repair_order_clocks')
    .select('id')
    .where('repair_order_id', '=', orderId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (running) throw new AppError('resource.state_conflict', { params: { state: 'clock_running' } });
}

/** Work starts only on what the customer approved (H6.1 5): an order with no approved line cannot. */
async function assertApprovedWork(trx: Trx, orderId: string) {
  const approved = await trx
    .selectFrom('repair_order_lines')
    .select('id')
    .where('repair_order_id', '=', orderId)
    .where('approval', '=', 'approved')
    .executeTakeFirst();
  if (!approved) throw new AppError('service.line_not_approved');
}

/** 403 unless one of the actions reaches the record (its reach for reading was checked with the order). */
export function assertAnyReach(actor: Actor, actions: Action[], row: { group_id: string; store_id: string }) {
  if (!actions.some((a) => mayAct(actor, a, row))) throw new AppError('auth.forbidden');
}

export const storeOfOrder = (db: DbOrTrx, row: { store_id: string }) => findStoreRow(db, row.store_id);
