import type { z } from 'zod';
import type { availabilityQuery, createBookingSchema } from '../../../common/service/booking.schemas';
import { localDateOf, localDayBounds } from '../../../common/rules/civil-date';
import { candidateStarts, coveredSlots, qualifies } from '../../../common/service/booking-slots';
import type { DbOrTrx, Trx } from '../../db/database';
import { isUniqueViolation } from '../../db/dialect-sql';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { loadCustomerVehicle, recordCustomerEvent } from '../crm';
import { findStoreRow } from '../identity';
import { assertReach, listStores, parseJson, storeForAction } from './service.access';
import { findServiceRequestRow, markRequestBooked } from './service-request.service';
import type { ServiceBookingsTable } from './service.tables';
import { baysOf, findLaborOperationRow, techniciansOf } from './workshop.repo';
import { settingsOf, type Settings } from './workshop.service';

type BookingView = ServiceBookingsTable & {
  customer_name: string;
  vin: string;
  plate: string | null;
  bay_name: string;
  technician_name: string;
};

const withNames = (db: DbOrTrx) =>
  db
    .selectFrom('service_bookings')
    .innerJoin('customers', 'customers.id', 'service_bookings.customer_id')
    .innerJoin('customer_vehicles', 'customer_vehicles.id', 'service_bookings.customer_vehicle_id')
    .innerJoin('workshop_bays', 'workshop_bays.id', 'service_bookings.bay_id')
    .innerJoin('workshop_technicians', 'workshop_technicians.id', 'service_bookings.technician_id')
    .innerJoin('users', 'users.id', 'workshop_technicians.user_id')
    .selectAll('service_bookings')
    .select([
      'customers.name as customer_name',
      'customer_vehicles.vin as vin',
      'customer_vehicles.plate as plate',
      'workshop_bays.name as bay_name',
      'users.display_name as technician_name',
    ]);

const toBooking = (r: BookingView) => ({
  id: r.id,
  storeId: r.store_id,
  number: r.number,
  customerId: r.customer_id,
  customerName: r.customer_name,
  customerVehicleId: r.customer_vehicle_id,
  vin: r.vin,
  plate: r.plate,
  serviceRequestId: r.service_request_id,
  laborOperationId: r.labor_operation_id,
  skill: r.skill,
  startAt: r.start_at,
  endAt: r.end_at,
  bayId: r.bay_id,
  bayName: r.bay_name,
  technicianId: r.technician_id,
  technicianName: r.technician_name,
  status: r.status,
  note: r.note,
  pickupAddress: r.pickup_address,
  pickupDriver: r.pickup_driver,
  pickupAt: r.pickup_at,
  pickupStatus: r.pickup_status,
  loanerCar: r.loaner_car,
  version: r.version,
});

export const findBookingRow = (db: DbOrTrx, id: string) =>
  withNames(db).where('service_bookings.id', '=', id).executeTakeFirst();

/** Slot instants already claimed by bays and technicians of a store in a time window. */
async function claimedSlots(db: DbOrTrx, storeId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('service_booking_slots')
    .select(['resource_id', 'slot_at'])
    .where('store_id', '=', storeId)
    .where('slot_at', '>=', from)
    .where('slot_at', '<', to)
    .execute();
  return new Set(rows.map((r) => `${r.resource_id}|${r.slot_at}`));
}

/**
 * The bays and technicians that can take a job, least specialised first: a general job goes to a general
 * bay and technician while they are free, keeping the hv bay and the hv-certified technician for NEV work.
 */
async function qualifiedResources(db: DbOrTrx, storeId: string, skill: string | null) {
  const fewestSkills = <T extends { skills_json: string }>(a: T, b: T) =>
    parseJson<string[]>(a.skills_json, []).length - parseJson<string[]>(b.skills_json, []).length;
  const bays = (await baysOf(db, storeId))
    .filter((b) => b.active === 1 && qualifies(parseJson<string[]>(b.skills_json, []), skill, true))
    .sort(fewestSkills);
  const techs = (await techniciansOf(db, storeId))
    .filter((t) => t.active === 1 && qualifies(parseJson<string[]>(t.skills_json, []), skill, false))
    .sort(fewestSkills);
  return { bays, techs };
}

const freeAt = (claimed: Set<string>, id: string, slots: string[]) =>
  slots.every((s) => !claimed.has(`${id}|${s}`));

/**
 * Free slots of a day for a job (H6.1 3): a start is offered only when a bay equipped for the job and a
 * technician with its skill (e.g. hv for new-energy work) are both free for the whole job.
 */
export async function bookingAvailability(
  db: DbOrTrx,
  actor: Actor,
  query: z.infer<typeof availabilityQuery>,
) {
  const { store } = await storeForAction(db, actor, 'service.read', query.storeId);
  const settings = await settingsOf(db, store);
  const day = dayOf(settings);
  const date = query.date ?? localDateOf(new Date(), store.timezone);
  const starts = candidateStarts(day, date, query.minutes, store.timezone);
  const { bays, techs } = await qualifiedResources(db, store.id, query.skill ?? null);
  const claimed = starts.length
    ? await claimedSlots(
        db,
        store.id,
        starts[0]!,
        new Date(Date.parse(starts.at(-1)!) + 86_400_000).toISOString(),
      )
    : new Set<string>();
  const now = nowIso();
  const slots = starts
    .filter((s) => s > now)
    .map((startAt) => {
      const covered = coveredSlots(startAt, query.minutes, settings.slot_minutes);
      return {
        startAt,
        endAt: new Date(Date.parse(startAt) + query.minutes * 60_000).toISOString(),
        bays: bays.filter((b) => freeAt(claimed, b.id, covered)).length,
        technicians: techs.filter((t) => freeAt(claimed, t.id, covered)).length,
      };
    })
    .filter((s) => s.bays > 0 && s.technicians > 0);
  return { date, slots };
}

const dayOf = (s: Settings) => ({
  opensAt: s.opens_at,
  closesAt: s.closes_at,
  openDays: s.open_days,
  slotMinutes: s.slot_minutes,
});

/**
 * Books a car into the workshop (H6.1 3) with pick-up/drop-off and a loaner car if wanted. The start must
 * be a slot of the opening hours; a bay and a qualified technician are claimed slot by slot (primary key
 * per resource and slot), so of concurrent bookings for the last slot exactly one wins, the others 409.
 */
export async function createBooking(trx: Trx, actor: Actor, input: z.infer<typeof createBookingSchema>) {
  const { store } = await storeForAction(trx, actor, 'service.manage', input.storeId);
  const { row: vehicle, customer } = await loadCustomerVehicle(trx, actor, input.customerVehicleId);
  const settings = await settingsOf(trx, store);
  let skill: string | null = input.skill ?? null;
  if (input.laborOperationId) {
    const op = await findLaborOperationRow(trx, input.laborOperationId);
    if (!op || op.store_id !== store.id)
      throw new AppError('request.invalid', {
        errors: [{ path: 'laborOperationId', code: 'unknown_operation', message: 'not a job of the store' }],
      });
    skill = skill ?? op.skill;
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
  const startAt = new Date(input.startAt).toISOString();
  const date = localDateOf(startAt, store.timezone);
  if (!candidateStarts(dayOf(settings), date, input.minutes, store.timezone).includes(startAt))
    throw new AppError('service.outside_opening_hours', {
      errors: [
        {
          path: 'startAt',
          code: 'outside_opening_hours',
          message: `${settings.opens_at}-${settings.closes_at}`,
        },
      ],
    });
  if (startAt <= nowIso())
    throw new AppError('request.invalid', {
      errors: [{ path: 'startAt', code: 'in_the_past', message: 'in the past' }],
    });
  const covered = coveredSlots(startAt, input.minutes, settings.slot_minutes);
  const endAt = new Date(Date.parse(startAt) + input.minutes * 60_000).toISOString();
  const { bays, techs } = await qualifiedResources(trx, store.id, skill);
  const claimed = await claimedSlots(
    trx,
    store.id,
    covered[0]!,
    new Date(Date.parse(covered.at(-1)!) + 1).toISOString(),
  );
  const pick = <T extends { id: string }>(list: T[], wanted: string | null | undefined, path: string) => {
    if (wanted) {
      const one = list.find((x) => x.id === wanted);
      if (!one)
        throw new AppError('service.skill_missing', {
          params: { skill: skill ?? 'general' },
          errors: [{ path, code: 'not_qualified', message: 'not qualified or unknown' }],
        });
      return freeAt(claimed, one.id, covered) ? one : null;
    }
    return list.find((x) => freeAt(claimed, x.id, covered)) ?? null;
  };
  const bay = pick(bays, input.bayId, 'bayId');
  const tech = pick(techs, input.technicianId, 'technicianId');
  if (!bay || !tech)
    throw new AppError('service.no_capacity', {
      errors: [{ path: 'startAt', code: 'no_capacity', message: 'no free bay and technician' }],
    });
  const now = nowIso();
  const row: ServiceBookingsTable = {
    id: newId(),
    group_id: store.group_id,
    store_id: store.id,
    number: await nextDocumentNumber(trx, store.id, 'SB', localYear(store.timezone)),
    customer_id: customer.id,
    customer_vehicle_id: vehicle.id,
    service_request_id: input.serviceRequestId ?? null,
    labor_operation_id: input.laborOperationId ?? null,
    skill,
    start_at: startAt,
    end_at: endAt,
    bay_id: bay.id,
    technician_id: tech.id,
    status: 'booked',
    note: input.note ?? null,
    pickup_address: input.pickup?.address ?? null,
    pickup_driver: input.pickup?.driver ?? null,
    pickup_at: input.pickup ? new Date(input.pickup.at).toISOString() : null,
    pickup_status: input.pickup ? 'planned' : 'none',
    loaner_car: input.loanerCar ?? null,
    created_by: actor.userId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('service_bookings').values(row).execute();
  try {
    await trx
      .insertInto('service_booking_slots')
      .values(
        covered.flatMap((slot_at) => [
          { resource_id: bay.id, slot_at, booking_id: row.id, store_id: store.id },
          { resource_id: tech.id, slot_at, booking_id: row.id, store_id: store.id },
        ]),
      )
      .execute();
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('service.no_capacity', {
        errors: [{ path: 'startAt', code: 'slot_taken', message: 'taken meanwhile' }],
      });
    throw err;
  }
  if (row.service_request_id) await markRequestBooked(trx, row.service_request_id);
  const view = toBooking((await findBookingRow(trx, row.id))!);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'service_booking',
    entityId: row.id,
    action: 'create',
    after: view,
  });
  await recordCustomerEvent(trx, {
    groupId: store.group_id,
    storeId: store.id,
    customerId: customer.id,
    type: 'service.booking.created',
    entity: 'service_booking',
    entityId: row.id,
    actorId: actor.userId,
    data: { number: row.number, startAt, plate: vehicle.plate, vin: vehicle.vin },
  });
  return view;
}

/** Cancels a booking and frees its bay and technician slots. */
export async function cancelBooking(trx: Trx, actor: Actor, id: string, version: number) {
  const row = await findBookingRow(trx, id);
  if (!row) throw notFound('service_booking');
  assertReach(actor, 'service.manage', row, 'service_booking');
  if (row.status !== 'booked')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (row.version !== version) throw versionConflict(row.version);
  const res = await trx
    .updateTable('service_bookings')
    .set({ status: 'cancelled', version: version + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(row.version + 1);
  await trx.deleteFrom('service_booking_slots').where('booking_id', '=', id).execute();
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'service_booking',
    entityId: id,
    action: 'cancel',
    before: { status: row.status },
    after: { status: 'cancelled' },
  });
  return toBooking((await findBookingRow(trx, id))!);
}

const pickupMoves: Record<string, string> = { picked_up: 'planned', returned: 'picked_up' };

/** The pick-up driver's progress (车辆接送): planned → picked up → returned; other moves are 409. */
export async function updatePickup(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; status: 'picked_up' | 'returned' },
) {
  const row = await findBookingRow(trx, id);
  if (!row) throw notFound('service_booking');
  assertReach(actor, 'service.manage', row, 'service_booking');
  if (row.status === 'cancelled' || row.pickup_status !== pickupMoves[input.status])
    throw new AppError('resource.state_conflict', {
      params: { state: row.status === 'cancelled' ? row.status : row.pickup_status },
    });
  if (row.version !== input.version) throw versionConflict(row.version);
  const res = await trx
    .updateTable('service_bookings')
    .set({ pickup_status: input.status, version: input.version + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(row.version + 1);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'service_booking',
    entityId: id,
    action: 'pickup',
    before: { pickupStatus: row.pickup_status },
    after: { pickupStatus: input.status },
  });
  return toBooking((await findBookingRow(trx, id))!);
}

/** At check-in the booking is used up: its status moves on (its slots stay claimed for the job). */
export async function markBookingCheckedIn(trx: Trx, id: string) {
  await trx
    .updateTable('service_bookings')
    .set((eb) => ({ status: 'checked_in', version: eb('version', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .execute();
}

export async function getBooking(db: DbOrTrx, actor: Actor, id: string) {
  const row = await findBookingRow(db, id);
  if (!row) throw notFound('service_booking');
  assertReach(actor, 'service.read', row, 'service_booking');
  return toBooking(row);
}

/** Bookings of the stores in reach, by start time; `date` = one local day of the store (the calendar). */
export async function listBookings(
  db: DbOrTrx,
  actor: Actor,
  query: { limit: number; cursor?: string; storeId?: string; date?: string },
) {
  const reach = requirePermission(actor, 'service.read');
  let q = withNames(db).where('service_bookings.group_id', '=', reach.groupId);
  const stores = listStores(reach);
  if (stores) q = q.where('service_bookings.store_id', 'in', stores.length ? stores : ['']);
  if (query.storeId) q = q.where('service_bookings.store_id', '=', query.storeId);
  if (query.date) {
    const store = query.storeId ? await findStoreRow(db, query.storeId) : undefined;
    const tz = store?.timezone ?? 'Asia/Shanghai';
    // the store's calendar day: 23 or 25 hours long on a daylight-saving change
    const [from, to] = localDayBounds(query.date, tz);
    q = q.where('service_bookings.start_at', '>=', from).where('service_bookings.start_at', '<', to);
  }
  const sort = { column: 'service_bookings.start_at', direction: 'asc' as const, field: 'startAt' };
  const rows = await applyPage(q, sort, 'service_bookings.id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.start_at,
    (r) => r.id,
    toBooking,
  );
}
