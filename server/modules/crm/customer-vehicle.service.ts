import type {
  CreateCustomerVehicle,
  CustomerVehicle,
  CustomerVehicleListQuery,
  PatchCustomerVehicle,
} from '../../../common/crm/customer-vehicle.schemas';
import { validateCnPlate } from '../../../common/rules/cn-plate';
import { decodeVin } from '../../../common/rules/vin';
import { formatRuleMessage } from '../../../common/rules/messages';
import type { DbOrTrx, Trx } from '../../db/database';
import { isUniqueViolation } from '../../db/dialect-sql';
import { changedFields, recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict, type FieldError } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { findTrimSummaries } from '../catalog';
import { assertCustomerAction, customerScope, loadCustomer, reachStores } from './crm.access';
import { findCustomerRow } from './customer.repo';
import {
  findActiveVin,
  findCustomerVehicleRow,
  insertCustomerVehicleRow,
  insertMileageRow,
  updateCustomerVehicleRow,
  type CustomerVehicleRow,
} from './customer-vehicle.repo';
import { prefixUpperBound } from './customer-search.repo';
import { toCustomerVehicles } from './customer-vehicle.view';
import { recordCustomerEvent } from './timeline.service';

const issuesToErrors = (
  path: string,
  issues: { code: string; params?: Record<string, string | number> }[],
  lang: Lang,
) =>
  issues.map((e): FieldError => ({ path, code: e.code, message: formatRuleMessage(e.code, e.params, lang) }));

/** A plate normalised with GA 36-2018, or 400 naming `plate`. */
function checkedPlate(plate: string | null | undefined, lang: Lang) {
  if (!plate) return plate === undefined ? undefined : null;
  const result = validateCnPlate(plate);
  if (!result.valid)
    throw new AppError('request.invalid', { errors: issuesToErrors('plate', result.errors, lang) });
  return result.normalized;
}

async function checkedTrim(db: DbOrTrx, groupId: string, trimId: string | null | undefined) {
  if (!trimId) return null;
  const trim = (await findTrimSummaries(db, [trimId])).get(trimId);
  if (!trim || trim.groupId !== groupId)
    throw new AppError('catalog.unknown_reference', {
      errors: [{ path: 'trimId', code: 'unknown_trim', message: 'unknown trim' }],
    });
  return trim;
}

const vinTaken = (vin: string) =>
  new AppError('crm.vin_on_other_customer', {
    errors: [{ path: 'vin', code: 'crm.vin_on_other_customer', message: vin }],
  });

/** A customer vehicle the actor may read (through its customer); another store's is 404. */
export async function loadCustomerVehicle(db: DbOrTrx, actor: Actor, id: string) {
  const reach = requirePermission(actor, 'customers.read');
  const row = await findCustomerVehicleRow(db, id);
  const customer = row ? await findCustomerRow(db, row.customer_id) : undefined;
  if (!row || !customer || !reaches(reach, customerScope(customer))) throw notFound('customer_vehicle');
  return { row, customer };
}

export async function viewCustomerVehicle(db: DbOrTrx, row: CustomerVehicleRow) {
  return (await toCustomerVehicles(db, [row]))[0]!;
}

export async function getCustomerVehicle(db: DbOrTrx, actor: Actor, id: string) {
  return viewCustomerVehicle(db, (await loadCustomerVehicle(db, actor, id)).row);
}

/**
 * Registers a vehicle a customer drives (保有车辆): the VIN is checked and decoded (GB 16735; model
 * year and maker from it), the plate checked (GA 36-2018); a VIN is active on one customer of the
 * group at a time (409), also when two requests race for it.
 */
export async function createCustomerVehicle(
  trx: Trx,
  actor: Actor,
  input: CreateCustomerVehicle,
  lang: Lang,
): Promise<CustomerVehicle> {
  const decoded = decodeVin(input.vin);
  if (!decoded.valid || !decoded.normalized)
    throw new AppError('request.invalid', { errors: issuesToErrors('vin', decoded.errors, lang) });
  const plate = checkedPlate(input.plate, lang) ?? null;
  const customer = await loadCustomer(trx, actor, input.customerId);
  assertCustomerAction(actor, customer, 'customers.manage');
  if (customer.status === 'merged') throw new AppError('crm.customer_merged');
  const trim = await checkedTrim(trx, customer.group_id, input.trimId);
  const vin = decoded.normalized;
  if (await findActiveVin(trx, customer.group_id, vin)) throw vinTaken(vin);
  const now = nowIso();
  const year = decoded.modelYear && decoded.modelYear.rule !== 'ambiguous' ? decoded.modelYear.year : null;
  const row: CustomerVehicleRow = {
    id: newId(),
    group_id: customer.group_id,
    store_id: customer.store_id,
    customer_id: customer.id,
    vin,
    vin_last6: vin.slice(-6),
    plate,
    trim_id: trim?.id ?? null,
    brand_name: input.brandName ?? (trim ? null : (decoded.manufacturer?.zh ?? null)),
    model_name: input.modelName ?? null,
    model_year: year,
    purchase_date: input.purchaseDate ?? null,
    last_mileage_km: input.mileageKm ?? null,
    last_mileage_at: input.mileageKm != null ? now : null,
    status: 'active',
    version: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await insertCustomerVehicleRow(trx, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw vinTaken(vin);
    throw err;
  }
  if (input.mileageKm != null)
    await insertMileageRow(trx, {
      id: newId(),
      customer_vehicle_id: row.id,
      km: input.mileageKm,
      read_at: now,
      reason: null,
      recorded_by: actor.userId,
      created_at: now,
    });
  const vehicle = await viewCustomerVehicle(trx, row);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'customer_vehicle',
    entityId: row.id,
    action: 'create',
    after: vehicle,
  });
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: customer.id,
    type: 'crm.vehicle.added',
    entity: 'customer_vehicle',
    entityId: row.id,
    actorId: actor.userId,
    data: { vin, plate, brandName: vehicle.brandName, modelName: vehicle.modelName },
  });
  return vehicle;
}

/** Changes a customer vehicle (carry the version); re-activating checks the VIN is not active elsewhere. */
export async function updateCustomerVehicle(
  trx: Trx,
  actor: Actor,
  id: string,
  patch: PatchCustomerVehicle,
  lang: Lang,
): Promise<CustomerVehicle> {
  const { row, customer } = await loadCustomerVehicle(trx, actor, id);
  assertCustomerAction(actor, customer, 'customers.manage');
  if (row.version !== patch.version) throw versionConflict(row.version);
  const changes: Partial<CustomerVehicleRow> = { updated_at: nowIso() };
  const plate = checkedPlate(patch.plate, lang);
  if (plate !== undefined) changes.plate = plate;
  if (patch.trimId !== undefined)
    changes.trim_id = (await checkedTrim(trx, row.group_id, patch.trimId))?.id ?? null;
  if (patch.brandName !== undefined) changes.brand_name = patch.brandName;
  if (patch.modelName !== undefined) changes.model_name = patch.modelName;
  if (patch.purchaseDate !== undefined) changes.purchase_date = patch.purchaseDate;
  if (patch.status !== undefined) changes.status = patch.status;
  if (patch.status === 'active' && row.status !== 'active') {
    const other = await findActiveVin(trx, row.group_id, row.vin);
    if (other && other.id !== row.id) throw vinTaken(row.vin);
  }
  try {
    if (!(await updateCustomerVehicleRow(trx, id, row.version, changes)))
      throw versionConflict(row.version + 1);
  } catch (err) {
    if (isUniqueViolation(err)) throw vinTaken(row.vin);
    throw err;
  }
  const before = await viewCustomerVehicle(trx, row);
  const vehicle = await viewCustomerVehicle(trx, { ...row, ...changes, version: row.version + 1 });
  const diff = changedFields(
    before as unknown as Record<string, unknown>,
    vehicle as unknown as Record<string, unknown>,
  );
  delete diff.before.updatedAt;
  delete diff.after.updatedAt;
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'customer_vehicle',
    entityId: id,
    action: 'update',
    ...diff,
  });
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    type: 'crm.vehicle.updated',
    entity: 'customer_vehicle',
    entityId: id,
    actorId: actor.userId,
    data: { vin: row.vin, ...diff.after },
  });
  return vehicle;
}

/** Customer vehicles of the stores in reach: of one customer, or found by plate prefix or VIN (full or last 6). */
export async function listCustomerVehicles(db: DbOrTrx, actor: Actor, query: CustomerVehicleListQuery) {
  const reach = requirePermission(actor, 'customers.read');
  let q = db.selectFrom('customer_vehicles').selectAll().where('group_id', '=', reach.groupId);
  const stores = reachStores(reach);
  if (reach.scope === 'own')
    q = q.where(
      'customer_id',
      'in',
      db.selectFrom('customers').select('id').where('owner_id', '=', reach.userId),
    );
  else if (stores) q = q.where('store_id', 'in', stores.length ? stores : ['']);
  if (query.customerId) q = q.where('customer_id', '=', query.customerId);
  if (query.status) q = q.where('status', '=', query.status);
  const needle = query.q?.replace(/[\s·•.-]+/g, '').toUpperCase();
  if (needle) {
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('plate', '>=', needle), eb('plate', '<', prefixUpperBound(needle))]),
        eb('vin', '=', needle),
        eb('vin_last6', '=', needle),
      ]),
    );
  }
  const sort = { column: 'id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  const page = toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r.id,
    (r) => r,
  );
  return { items: await toCustomerVehicles(db, page.items), nextCursor: page.nextCursor };
}

/**
 * The sales hand-off (H4.2, H6): a delivered car joins its buyer's vehicles, so service finds it by
 * plate or VIN. A VIN already active on the customer is left as it is; on another customer it is moved
 * (the car was sold on). No actor check: the caller (the delivery) has checked its own rights.
 */
export async function registerPurchasedVehicle(
  trx: Trx,
  v: {
    groupId: string;
    storeId: string;
    customerId: string;
    vin: string;
    trimId: string;
    brandName: string;
    modelName: string;
    modelYear: number | null;
    purchaseDate: string;
    plate: string | null;
  },
) {
  const active = await findActiveVin(trx, v.groupId, v.vin);
  if (active?.customer_id === v.customerId) return active.id;
  const now = nowIso();
  if (active)
    await trx
      .updateTable('customer_vehicles')
      .set({ status: 'inactive', updated_at: now })
      .where('id', '=', active.id)
      .execute();
  const id = newId();
  await insertCustomerVehicleRow(trx, {
    id,
    group_id: v.groupId,
    store_id: v.storeId,
    customer_id: v.customerId,
    vin: v.vin,
    vin_last6: v.vin.slice(-6),
    plate: v.plate,
    trim_id: v.trimId,
    brand_name: v.brandName,
    model_name: v.modelName,
    model_year: v.modelYear,
    purchase_date: v.purchaseDate,
    last_mileage_km: null,
    last_mileage_at: null,
    status: 'active',
    version: 1,
    created_at: now,
    updated_at: now,
  });
  return id;
}

/** The plate the registration agency obtained for a delivered car (上牌): on the customer's vehicle, for service to find. */
export async function recordIssuedPlate(
  trx: Trx,
  v: { groupId: string; customerId: string; vin: string; plate: string },
) {
  await trx
    .updateTable('customer_vehicles')
    .set({ plate: v.plate, updated_at: nowIso() })
    .where('group_id', '=', v.groupId)
    .where('customer_id', '=', v.customerId)
    .where('vin', '=', v.vin)
    .where('status', '=', 'active')
    .execute();
}
