import type { ReserveVehicle, Vehicle, VehicleStatusChange } from '../../../common/vehicles/vehicle.schemas';
import type { Db, Trx } from '../../db/database';
import { AppError } from '../../platform/errors';
import { enqueueJob } from '../../platform/jobs';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { expireReservationRow, findVehicleRow } from './vehicle.repo';
import { loadVehicle } from './vehicle.service';
import { applyTransition, recordStatusChange } from './vehicle-status.service';

export const reservationExpireJob = 'vehicles.reservation_expire';
const cleared = { reserved_deal_id: null, reserved_by: null, reserved_until: null };

/**
 * Holds a vehicle for a deal until an expiry (default 48 hours). Race-free: of many consultants reserving
 * the same car at once exactly one gets it, the others 409. A job releases it when the hold runs out.
 */
export async function reserveVehicle(
  trx: Trx,
  actor: Actor,
  id: string,
  input: ReserveVehicle,
): Promise<Vehicle> {
  const row = await loadVehicle(trx, actor, id, 'vehicles.reserve');
  const until = new Date(Date.now() + input.hours * 3_600_000).toISOString();
  const after = await applyTransition(
    trx,
    row,
    'reserve',
    { reserved_deal_id: input.dealId ?? null, reserved_by: actor.userId, reserved_until: until },
    input.version,
  );
  await enqueueJob(
    trx,
    reservationExpireJob,
    { vehicleId: id, reservedUntil: until },
    { storeId: row.store_id, runAt: new Date(until) },
  );
  return recordStatusChange(trx, actor.userId, row, after, 'reserve', {
    dealId: input.dealId ?? null,
    until,
  });
}

/** Ends a reservation: the consultant who holds it, or a manager of the store (anyone else: 403). */
export async function releaseVehicle(
  trx: Trx,
  actor: Actor,
  id: string,
  input: VehicleStatusChange,
): Promise<Vehicle> {
  const row = await loadVehicle(trx, actor, id, 'vehicles.reserve');
  if (row.status === 'reserved' && row.reserved_by !== actor.userId) {
    if (!canManage(actor, row.group_id, row.store_id)) throw new AppError('vehicles.reserved_by_other');
  }
  const after = await applyTransition(trx, row, 'release', cleared, input.version);
  return recordStatusChange(trx, actor.userId, row, after, 'release', input.note ? { note: input.note } : {});
}

function canManage(actor: Actor, groupId: string, storeId: string) {
  try {
    return reaches(requirePermission(actor, 'vehicles.manage'), { groupId, storeIds: [storeId] });
  } catch {
    return false;
  }
}

/**
 * The expiry job: releases the vehicle if it is still reserved with the same expiry (a newer reservation
 * or a sale in between leaves it alone). Audited with no actor as 'reservation_expired'.
 */
export async function expireReservation(db: Db, payload: { vehicleId: string; reservedUntil: string }) {
  await db.transaction().execute(async (trx) => {
    const row = await findVehicleRow(trx, payload.vehicleId);
    if (!row || row.status !== 'reserved' || row.reserved_until !== payload.reservedUntil) return;
    if (row.reserved_until > new Date().toISOString()) return;
    const released = await expireReservationRow(trx, row.id, payload.reservedUntil, {
      ...cleared,
      status: 'in_stock',
      updated_at: new Date().toISOString(),
    });
    if (!released) return;
    const after = (await findVehicleRow(trx, row.id))!;
    await recordStatusChange(trx, null, row, after, 'reservation_expired', {
      expired: payload.reservedUntil,
    });
  });
}
