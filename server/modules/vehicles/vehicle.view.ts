import type { Vehicle } from '../../../common/vehicles/vehicle.schemas';
import type { vehicleLocations } from '../../../common/vehicles/vehicle.status';
import { agingBucket, type AgingBucket, type VehicleStatus } from '../../../common/vehicles/vehicle.status';
import { daysBetween, localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx } from '../../db/database';
import { notFound } from '../../platform/errors';
import type { Reach } from '../../platform/permissions';
import { findTrimSummaries, type TrimSummary } from '../catalog';
import { findStoreRow, findStoresByIds } from '../identity';
import { heldStatuses, optionIdsOf, type VehicleRow } from './vehicle.repo';

/** The stores a reach covers: null for the whole group. */
export const reachStores = (reach: Reach): string[] | null =>
  reach.scope === 'group' ? null : reach.scope === 'store' ? reach.storeIds : [];

/** 库龄: whole days from arrival to today while the dealer holds the car; null before arrival or after sale. */
export function stockAge(row: Pick<VehicleRow, 'arrived_on' | 'status'>, today: string): number | null {
  if (!row.arrived_on || !(heldStatuses as readonly string[]).includes(row.status)) return null;
  return Math.max(0, daysBetween(row.arrived_on, today));
}

/** Time zones of stores (the business date decides 库龄). */
export async function storeTimezones(db: DbOrTrx, storeIds: string[]) {
  const stores = await findStoresByIds(db, [...new Set(storeIds)]);
  return new Map(stores.map((s) => [s.id, s.timezone]));
}

/** A store of the actor's group, or 404. */
export async function loadStore(db: DbOrTrx, groupId: string, storeId: string) {
  const store = await findStoreRow(db, storeId);
  if (!store || store.group_id !== groupId) throw notFound('store');
  return store;
}

export function toVehicle(
  row: VehicleRow,
  trim: TrimSummary | undefined,
  optionIds: string[],
  today: string,
): Vehicle {
  const age = stockAge(row, today);
  const bucket: AgingBucket | null = age === null ? null : agingBucket(age);
  return {
    id: row.id,
    storeId: row.store_id,
    vin: row.vin,
    trimId: row.trim_id,
    trimName: trim?.name ?? '',
    modelName: trim?.modelName ?? '',
    brandName: trim?.brandName ?? '',
    isNev: trim?.isNev ?? false,
    exteriorColourId: row.exterior_colour_id,
    interiorColourId: row.interior_colour_id,
    optionIds,
    engineNo: row.engine_no,
    cocNo: row.coc_no,
    productionDate: row.production_date,
    modelYear: row.model_year,
    purchaseCost: row.purchase_cost === null ? null : Number(row.purchase_cost),
    holdingCostPerDay: row.holding_cost_per_day === null ? null : Number(row.holding_cost_per_day),
    supplierRef: row.supplier_ref,
    location: row.location as (typeof vehicleLocations)[number],
    locationNote: row.location_note,
    status: row.status as VehicleStatus,
    arrivedOn: row.arrived_on,
    stockAgeDays: age,
    agingBucket: bucket,
    holdingCostToDate:
      age === null || row.holding_cost_per_day === null ? null : age * Number(row.holding_cost_per_day),
    reservation:
      row.status === 'reserved' && row.reserved_until
        ? { dealId: row.reserved_deal_id, reservedBy: row.reserved_by, until: row.reserved_until }
        : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Shapes rows for the API, loading their trims, options and stores' dates in a few queries. */
export async function toVehicles(db: DbOrTrx, rows: VehicleRow[]): Promise<Vehicle[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const trims = await findTrimSummaries(
    db,
    rows.map((r) => r.trim_id),
  );
  const options = await optionIdsOf(db, ids);
  const zones = await storeTimezones(
    db,
    rows.map((r) => r.store_id),
  );
  const todayByZone = new Map<string, string>();
  const today = (storeId: string) => {
    const tz = zones.get(storeId) ?? 'Asia/Shanghai';
    if (!todayByZone.has(tz)) todayByZone.set(tz, localToday(tz));
    return todayByZone.get(tz)!;
  };
  return rows.map((r) => toVehicle(r, trims.get(r.trim_id), options.get(r.id) ?? [], today(r.store_id)));
}
