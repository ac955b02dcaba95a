import type { Vehicle, VehicleStatusChange } from '../../../common/vehicles/vehicle.schemas';
import {
  canTransition,
  vehicleTransitions,
  type VehicleAction,
  type VehicleStatus,
} from '../../../common/vehicles/vehicle.status';
import { localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, versionConflict } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import type { Actor } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import { findVehicleRow, transitionVehicleRow, type VehicleRow } from './vehicle.repo';
import { loadVehicle, viewVehicle } from './vehicle.service';

export const stateConflict = (state: string) =>
  new AppError('resource.state_conflict', { params: { state } });

/**
 * Moves a vehicle along its status machine (vehicle.status.ts) with a conditional UPDATE: the move
 * happens only if the vehicle is still in a state the action allows (and at `version` when given), so
 * of two concurrent requests one wins and the other gets 409 naming the state it found.
 */
export async function applyTransition(
  trx: DbOrTrx,
  row: VehicleRow,
  action: VehicleAction,
  changes: Partial<VehicleRow> = {},
  version?: number,
): Promise<VehicleRow> {
  if (version !== undefined && version !== row.version) throw versionConflict(row.version);
  if (!canTransition(row.status as VehicleStatus, action)) throw stateConflict(row.status);
  const { from, to } = vehicleTransitions[action];
  const set = { ...changes, status: to, updated_at: nowIso() };
  if (!(await transitionVehicleRow(trx, row.id, from, set, version))) {
    const now = await findVehicleRow(trx, row.id);
    if (!now || !canTransition(now.status as VehicleStatus, action))
      throw stateConflict(now?.status ?? 'gone');
    throw versionConflict(now.version);
  }
  return (await findVehicleRow(trx, row.id))!;
}

/** Audits a status change (actor null for the system) and announces it. */
export async function recordStatusChange(
  trx: DbOrTrx,
  actorId: string | null,
  before: VehicleRow,
  after: VehicleRow,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<Vehicle> {
  const vehicle = await viewVehicle(trx, after);
  await recordAudit(trx, {
    actorId,
    storeId: after.store_id,
    entity: 'vehicle',
    entityId: after.id,
    action,
    before: { status: before.status, version: before.version },
    after: { status: after.status, version: after.version, ...extra },
  });
  await emitEvent(
    trx,
    'vehicles.vehicle.status_changed',
    { action, from: before.status, vehicle },
    after.store_id,
  );
  return vehicle;
}

export type SimpleStatusAction = 'ship' | 'receive' | 'to_demo' | 'from_demo';

/**
 * Stock controller's moves: the OEM shipped it (发车), it arrived (入库: 库龄 starts, on the date given or
 * today in the store), it becomes a demo car or returns from demo duty.
 */
export async function changeVehicleStatus(
  trx: Trx,
  actor: Actor,
  id: string,
  action: SimpleStatusAction,
  input: VehicleStatusChange,
): Promise<Vehicle> {
  const row = await loadVehicle(trx, actor, id, 'vehicles.manage');
  const changes: Partial<VehicleRow> = {};
  if (action === 'ship') changes.location = 'in_transit';
  if (action === 'receive') {
    const store = await findStoreRow(trx, row.store_id);
    changes.arrived_on = input.arrivedOn ?? localToday(store?.timezone ?? 'Asia/Shanghai');
    if (row.location === 'in_transit') changes.location = 'yard';
  }
  if (input.note !== undefined) changes.location_note = input.note;
  const after = await applyTransition(trx, row, action, changes, input.version);
  return recordStatusChange(trx, actor.userId, row, after, action, input.note ? { note: input.note } : {});
}

/**
 * For the sales module: the contract for `dealId` is signed, so the reserved vehicle is sold. A vehicle
 * reserved for another deal is refused (409 naming its state).
 */
export async function markVehicleSold(trx: Trx, actor: Actor, vehicleId: string, dealId: string) {
  const row = await loadVehicle(trx, actor, vehicleId, 'vehicles.read');
  if (row.status === 'reserved' && row.reserved_deal_id && row.reserved_deal_id !== dealId)
    throw new AppError('resource.state_conflict', {
      params: { state: row.status },
      detail: `reserved for deal ${row.reserved_deal_id}`,
    });
  const after = await applyTransition(trx, row, 'sell', { reserved_deal_id: dealId, reserved_until: null });
  return recordStatusChange(trx, actor.userId, row, after, 'sell', { dealId });
}

/** For the sales module: the sold vehicle was handed over to its buyer. */
export async function markVehicleDelivered(trx: Trx, actor: Actor, vehicleId: string) {
  const row = await loadVehicle(trx, actor, vehicleId, 'vehicles.read');
  const after = await applyTransition(trx, row, 'deliver', {});
  return recordStatusChange(trx, actor.userId, row, after, 'deliver');
}

/**
 * For the sales module: the deal holding this vehicle was cancelled (H4.1.3) — a sold car goes back to
 * stock, a car reserved for the deal is released. A car reserved for another deal is left alone.
 */
export async function returnVehicleFromDeal(trx: Trx, actor: Actor, vehicleId: string, dealId: string) {
  const row = await loadVehicle(trx, actor, vehicleId, 'vehicles.read');
  if (row.reserved_deal_id !== dealId || (row.status !== 'sold' && row.status !== 'reserved')) return null;
  const action = row.status === 'sold' ? 'return_to_stock' : 'release';
  const after = await applyTransition(trx, row, action, {
    reserved_deal_id: null,
    reserved_by: null,
    reserved_until: null,
  });
  return recordStatusChange(trx, actor.userId, row, after, action, { dealId });
}
