import type { z } from 'zod';
import type { StockSummary, vehicleListQuery } from '../../../common/vehicles/vehicle.schemas';
import { agingBucket, agingBuckets, vehicleStatuses } from '../../../common/vehicles/vehicle.status';
import { addDays, localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx } from '../../db/database';
import { AppError, notFound } from '../../platform/errors';
import { applyPage, parseSort, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { heldStatuses, type VehicleRow } from './vehicle.repo';
import { loadStore, reachStores, stockAge, storeTimezones, toVehicles } from './vehicle.view';
import { loadVehicle } from './vehicle.service';

type ListQuery = z.infer<typeof vehicleListQuery>;
const emptyPage = { items: [], nextCursor: null };

/** Days back from today that bound each aging bucket: [newest, oldest] (null = open end). */
const bucketRange: Record<(typeof agingBuckets)[number], [number, number | null]> = {
  '0-30': [0, 30],
  '31-60': [31, 60],
  '61-90': [61, 90],
  '90+': [91, null],
};

/**
 * Stock list of the stores in reach (plus vehicles on their way to them), filtered as a sales manager
 * works: status list, aging bucket, VIN fragment, trim or model, new energy, location.
 */
export async function listVehicles(db: DbOrTrx, actor: Actor, query: ListQuery) {
  const reach = requirePermission(actor, 'vehicles.read');
  const stores = reachStores(reach);
  if (stores && stores.length === 0) return emptyPage;
  const sort = parseSort(
    query.sort,
    { vin: 'vehicles.vin', createdAt: 'vehicles.created_at', arrivedOn: 'vehicles.arrived_on' },
    '-createdAt',
  );
  // the stores' own cars, and the cars on their way in from another store: two indexed lookups
  // (a UNION, not an OR with EXISTS, which makes the planner read every vehicle)
  const inStores = (ids: string[]) =>
    db
      .selectFrom('vehicles')
      .select('vehicles.id')
      .where('vehicles.store_id', 'in', ids)
      .union(
        db
          .selectFrom('vehicle_transfers')
          .select('vehicle_transfers.vehicle_id as id')
          .where('vehicle_transfers.status', '=', 'in_transit')
          .where('vehicle_transfers.to_store_id', 'in', ids),
      );
  let q = db.selectFrom('vehicles').selectAll('vehicles').where('vehicles.group_id', '=', reach.groupId);
  if (stores) q = q.where('vehicles.id', 'in', inStores(stores));
  if (query.storeId) q = q.where('vehicles.id', 'in', inStores([query.storeId]));
  if (query.status) {
    const list = query.status.split(',').map((s) => s.trim());
    const bad = list.find((s) => !(vehicleStatuses as readonly string[]).includes(s));
    if (bad !== undefined)
      throw new AppError('request.invalid', {
        errors: [{ path: 'query.status', code: 'invalid_value', message: `unknown status ${bad}` }],
      });
    q = q.where('vehicles.status', 'in', list);
  }
  if (query.trimId) q = q.where('vehicles.trim_id', '=', query.trimId);
  // read-only look into the catalogue's trims for model and energy filters
  if (query.modelId)
    q = q.where(
      'vehicles.trim_id',
      'in',
      db.selectFrom('trims').select('id').where('model_id', '=', query.modelId),
    );
  if (query.nev)
    q = q.where(
      'vehicles.trim_id',
      'in',
      db
        .selectFrom('trims')
        .select('id')
        .where('group_id', '=', reach.groupId)
        .where('is_nev', '=', query.nev === 'true' ? 1 : 0),
    );
  if (query.location) q = q.where('vehicles.location', '=', query.location);
  if (query.q) {
    const fragment = query.q.toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (fragment) q = q.where('vehicles.vin', 'like', `%${fragment}%`);
  }
  if (query.aging) {
    const tz = query.storeId
      ? (await loadStore(db, reach.groupId, query.storeId)).timezone
      : ((await storeTimezones(db, actor.storeRoles.map((r) => r.storeId).slice(0, 1))).values().next()
          .value ?? 'Asia/Shanghai');
    const today = localToday(tz);
    const [newest, oldest] = bucketRange[query.aging];
    q = q.where('vehicles.status', 'in', [...heldStatuses]).where('vehicles.arrived_on', 'is not', null);
    if (newest > 0) q = q.where('vehicles.arrived_on', '<=', addDays(today, -newest));
    if (oldest !== null) q = q.where('vehicles.arrived_on', '>=', addDays(today, -oldest));
  }
  // sorting by arrival lists the vehicles that have arrived (keyset paging needs a value)
  if (sort.field === 'arrivedOn') q = q.where('vehicles.arrived_on', 'is not', null);
  const rows = await applyPage(q, sort, 'vehicles.id', query.limit, query.cursor).execute();
  const value = (r: VehicleRow) =>
    ({ vin: r.vin, createdAt: r.created_at, arrivedOn: r.arrived_on })[sort.field as 'vin'];
  const page = toPage(
    rows,
    query.limit,
    value,
    (r) => r.id,
    (r) => r,
  );
  return { items: await toVehicles(db, page.items), nextCursor: page.nextCursor };
}

/** Stock at a glance: counts by status and by 库龄 bucket, holding cost per day and accumulated so far. */
export async function stockSummary(db: DbOrTrx, actor: Actor, storeId?: string): Promise<StockSummary> {
  const reach = requirePermission(actor, 'vehicles.read');
  let q = db
    .selectFrom('vehicles')
    .select(['store_id', 'status', 'arrived_on', 'holding_cost_per_day'])
    .where('group_id', '=', reach.groupId);
  if (storeId) {
    const store = await loadStore(db, reach.groupId, storeId);
    if (!reaches(reach, { groupId: store.group_id, storeIds: [store.id] })) throw notFound('store');
    q = q.where('store_id', '=', storeId);
  } else {
    const stores = reachStores(reach);
    if (stores && stores.length === 0) q = q.where('id', 'is', null);
    else if (stores) q = q.where('store_id', 'in', stores);
  }
  const rows = await q.execute();
  const zones = await storeTimezones(
    db,
    rows.map((r) => r.store_id),
  );
  const todays = new Map([...zones].map(([id, tz]) => [id, localToday(tz)]));
  const summary: StockSummary = {
    byStatus: Object.fromEntries(vehicleStatuses.map((s) => [s, 0])),
    byAging: Object.fromEntries(agingBuckets.map((b) => [b, 0])),
    holdingCostPerDay: 0,
    holdingCostToDate: 0,
  };
  for (const r of rows) {
    summary.byStatus[r.status] = (summary.byStatus[r.status] ?? 0) + 1;
    if (!(heldStatuses as readonly string[]).includes(r.status)) continue;
    const perDay = Number(r.holding_cost_per_day ?? 0);
    summary.holdingCostPerDay += perDay;
    const age = stockAge(r, todays.get(r.store_id) ?? localToday('Asia/Shanghai'));
    if (age === null) continue;
    const bucket = agingBucket(age);
    summary.byAging[bucket] = (summary.byAging[bucket] ?? 0) + 1;
    summary.holdingCostToDate += age * perDay;
  }
  return summary;
}

/** A vehicle's life from the audit trail: every status change with who and when, oldest first. */
export async function vehicleHistory(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  page: { limit: number; cursor?: string },
) {
  await loadVehicle(db, actor, id, 'vehicles.read');
  const q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id',
      'audit_log.action',
      'audit_log.before_json',
      'audit_log.after_json',
      'users.display_name as actor_name',
    ])
    .where('audit_log.entity', '=', 'vehicle')
    .where('audit_log.entity_id', '=', id);
  const sort = { column: 'audit_log.id', direction: 'asc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'audit_log.id', page.limit, page.cursor).execute();
  return toPage(
    rows,
    page.limit,
    (r) => r.id,
    (r) => r.id,
    (r) => {
      const before = r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : null;
      const after = r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null;
      const status = (o: Record<string, unknown> | null) => (typeof o?.status === 'string' ? o.status : null);
      return {
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        fromStatus: status(before),
        toStatus: status(after),
        changes: after,
      };
    },
  );
}
