import type { DbOrTrx } from '../../db/database';
import type { VehiclesTable } from './vehicles.tables';

export type VehicleRow = VehiclesTable;

/** Vehicles still held by the dealer: they age (库龄) and cost money every day. */
export const heldStatuses = ['in_stock', 'reserved', 'demo', 'transferred'] as const;

export async function insertVehicles(db: DbOrTrx, rows: VehicleRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('vehicles')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export function findVehicleRow(db: DbOrTrx, id: string) {
  return db.selectFrom('vehicles').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findVehicleByVin(db: DbOrTrx, vin: string) {
  return db.selectFrom('vehicles').select(['id', 'store_id']).where('vin', '=', vin).executeTakeFirst();
}

/** Which of these VINs are already in the database (any store, any group: a VIN is unique worldwide). */
export async function existingVins(db: DbOrTrx, vins: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < vins.length; i += 500) {
    const rows = await db
      .selectFrom('vehicles')
      .select('vin')
      .where('vin', 'in', vins.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.vin);
  }
  return found;
}

export async function optionIdsOf(db: DbOrTrx, vehicleIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  for (let i = 0; i < vehicleIds.length; i += 500) {
    const rows = await db
      .selectFrom('vehicle_options')
      .select(['vehicle_id', 'option_id'])
      .where('vehicle_id', 'in', vehicleIds.slice(i, i + 500))
      .orderBy('option_id')
      .execute();
    for (const r of rows) map.set(r.vehicle_id, [...(map.get(r.vehicle_id) ?? []), r.option_id]);
  }
  return map;
}

export async function replaceVehicleOptions(db: DbOrTrx, vehicleId: string, optionIds: string[]) {
  await db.deleteFrom('vehicle_options').where('vehicle_id', '=', vehicleId).execute();
  if (optionIds.length === 0) return;
  await db
    .insertInto('vehicle_options')
    .values([...new Set(optionIds)].map((option_id) => ({ vehicle_id: vehicleId, option_id })))
    .execute();
}

/** Factory options and accessories of the group among these ids (read-only look into the catalogue). */
export async function knownOptionIds(db: DbOrTrx, groupId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('catalog_options')
    .select('id')
    .where('group_id', '=', groupId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Colour ids and codes of these trims (read-only look into the catalogue, for imports and exports). */
export async function trimColourCodes(db: DbOrTrx, trimIds: string[]) {
  const rows: { id: string; trim_id: string; kind: string; code: string }[] = [];
  const unique = [...new Set(trimIds)];
  for (let i = 0; i < unique.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('trim_colours')
        .select(['id', 'trim_id', 'kind', 'code'])
        .where('trim_id', 'in', unique.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

/** Writes the changed fields if the row is still at `version`; false when someone got there first. */
export async function updateVehicleRow(
  db: DbOrTrx,
  id: string,
  version: number,
  changes: Partial<VehicleRow>,
) {
  const res = await db
    .updateTable('vehicles')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Moves a vehicle to a new status only if it is still in one of `from` (and at `version` when given):
 * the database decides between concurrent requests, so exactly one of them wins.
 */
export async function transitionVehicleRow(
  db: DbOrTrx,
  id: string,
  from: readonly string[],
  changes: Partial<VehicleRow>,
  version?: number,
) {
  let q = db
    .updateTable('vehicles')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', 'in', [...from]);
  if (version !== undefined) q = q.where('version', '=', version);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Ends a reservation only if it is still the one with this expiry. */
export async function expireReservationRow(
  db: DbOrTrx,
  id: string,
  reservedUntil: string,
  changes: Partial<VehicleRow>,
) {
  const res = await db
    .updateTable('vehicles')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'reserved')
    .where('reserved_until', '=', reservedUntil)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
