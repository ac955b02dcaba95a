import type { z } from 'zod';
import type { createTransferSchema, VehicleTransfer } from '../../../common/vehicles/vehicle.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor, type Reach } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import { findVehicleRow } from './vehicle.repo';
import { loadVehicle } from './vehicle.service';
import { applyTransition, recordStatusChange } from './vehicle-status.service';
import {
  closeTransferRow,
  findTransfer,
  insertTransfer,
  transfersWithVin,
  type TransferRow,
} from './transfer.repo';
import { reachStores } from './vehicle.view';

type TransferView = TransferRow & { vin: string };

const toTransfer = (r: TransferView): VehicleTransfer => ({
  id: r.id,
  number: r.number,
  vehicleId: r.vehicle_id,
  vin: r.vin,
  fromStoreId: r.from_store_id,
  toStoreId: r.to_store_id,
  status: r.status as VehicleTransfer['status'],
  note: r.note,
  sentBy: r.sent_by,
  sentAt: r.sent_at,
  receivedBy: r.received_by,
  receivedAt: r.received_at,
  version: r.version,
});

const touches = (reach: Reach, r: TransferRow, side: 'from' | 'to' | 'either') =>
  reaches(reach, {
    groupId: r.group_id,
    storeIds:
      side === 'from'
        ? [r.from_store_id]
        : side === 'to'
          ? [r.to_store_id]
          : [r.from_store_id, r.to_store_id],
  });

/** A transfer seen from either of its stores; anyone else gets 404. */
async function loadTransfer(db: DbOrTrx, reach: Reach, id: string) {
  const row = await findTransfer(db, id);
  if (!row || !touches(reach, row, 'either')) throw notFound('vehicle_transfer');
  return row;
}

/**
 * Sends a vehicle to another store of the group: numbered VT-YYYY-000001 from the sending store's
 * counter; the vehicle is `transferred` until the receiving store checks it in. Both stores see it.
 */
export async function createTransfer(
  trx: Trx,
  actor: Actor,
  input: z.infer<typeof createTransferSchema>,
): Promise<VehicleTransfer> {
  const row = await loadVehicle(trx, actor, input.vehicleId, 'vehicles.transfer');
  const reach = requirePermission(actor, 'vehicles.transfer');
  if (!reaches(reach, { groupId: row.group_id, storeIds: [row.store_id] })) throw notFound('vehicle');
  if (input.toStoreId === row.store_id)
    throw new AppError('vehicles.transfer_same_store', {
      errors: [{ path: 'toStoreId', code: 'same_store', message: 'the vehicle is already in this store' }],
    });
  const to = await findStoreRow(trx, input.toStoreId);
  if (!to || to.group_id !== row.group_id)
    throw new AppError('identity.unknown_store', {
      errors: [{ path: 'toStoreId', code: 'unknown_store', message: 'not a store of the group' }],
    });
  const from = (await findStoreRow(trx, row.store_id))!;
  const after = await applyTransition(trx, row, 'transfer_out', { location: 'in_transit' });
  const now = nowIso();
  const transfer: TransferRow = {
    id: newId(),
    group_id: row.group_id,
    number: await nextDocumentNumber(trx, from.id, 'VT', localYear(from.timezone)),
    vehicle_id: row.id,
    from_store_id: from.id,
    to_store_id: to.id,
    status: 'in_transit',
    note: input.note ?? null,
    sent_by: actor.userId,
    sent_at: now,
    received_by: null,
    received_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertTransfer(trx, transfer);
  await recordStatusChange(trx, actor.userId, row, after, 'transfer_out', {
    transfer: transfer.number,
    toStoreId: to.id,
  });
  const view = toTransfer({ ...transfer, vin: row.vin });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: from.id,
    entity: 'vehicle_transfer',
    entityId: transfer.id,
    action: 'create',
    after: view,
  });
  await emitEvent(trx, 'vehicles.transfer.sent', { transfer: view }, to.id);
  return view;
}

/**
 * Closes an open transfer. `receive`: staff of the receiving store check the vehicle in; it now belongs
 * to their store. `cancel`: the sender calls it back; the vehicle is back in stock where it was.
 */
export async function closeTransfer(
  trx: Trx,
  actor: Actor,
  id: string,
  action: 'receive' | 'cancel',
): Promise<VehicleTransfer> {
  const reach = requirePermission(actor, 'vehicles.transfer');
  const transfer = await loadTransfer(trx, reach, id);
  if (!touches(reach, transfer, action === 'receive' ? 'to' : 'from')) throw forbidden();
  if (transfer.status !== 'in_transit')
    throw new AppError('resource.state_conflict', { params: { state: transfer.status } });
  const now = nowIso();
  const status = action === 'receive' ? 'received' : 'cancelled';
  const closed = await closeTransferRow(trx, id, {
    status,
    updated_at: now,
    ...(action === 'receive' ? { received_by: actor.userId, received_at: now } : {}),
  });
  if (!closed) throw new AppError('resource.state_conflict', { params: { state: 'closed' } });
  const vehicle = (await findVehicleRow(trx, transfer.vehicle_id))!;
  const after = await applyTransition(trx, vehicle, 'transfer_in', {
    location: 'yard',
    ...(action === 'receive' ? { store_id: transfer.to_store_id } : {}),
  });
  await recordStatusChange(
    trx,
    actor.userId,
    vehicle,
    after,
    action === 'receive' ? 'transfer_in' : 'transfer_cancel',
    {
      transfer: transfer.number,
      storeId: after.store_id,
    },
  );
  const view = toTransfer((await findTransfer(trx, id))!);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: action === 'receive' ? transfer.to_store_id : transfer.from_store_id,
    entity: 'vehicle_transfer',
    entityId: id,
    action,
    before: { status: transfer.status },
    after: { status },
  });
  await emitEvent(trx, `vehicles.transfer.${status}`, { transfer: view }, transfer.from_store_id);
  return view;
}

export async function getTransfer(db: DbOrTrx, actor: Actor, id: string) {
  return toTransfer(await loadTransfer(db, requirePermission(actor, 'vehicles.read'), id));
}

/** Transfers from or to the stores in reach, newest first. */
export async function listTransfers(
  db: DbOrTrx,
  actor: Actor,
  query: { limit: number; cursor?: string; status?: string; vehicleId?: string },
) {
  const reach = requirePermission(actor, 'vehicles.read');
  const stores = reachStores(reach);
  if (stores && stores.length === 0) return { items: [], nextCursor: null };
  let q = transfersWithVin(db).where('vehicle_transfers.group_id', '=', reach.groupId);
  if (stores)
    q = q.where((eb) =>
      eb.or([
        eb('vehicle_transfers.from_store_id', 'in', stores),
        eb('vehicle_transfers.to_store_id', 'in', stores),
      ]),
    );
  if (query.status) q = q.where('vehicle_transfers.status', '=', query.status);
  if (query.vehicleId) q = q.where('vehicle_transfers.vehicle_id', '=', query.vehicleId);
  const sort = { column: 'vehicle_transfers.id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'vehicle_transfers.id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r.id,
    toTransfer,
  );
}
