import type { CreateVehicle, PatchVehicle, Vehicle } from '../../../common/vehicles/vehicle.schemas';
import { decodeVin, type VinDecodeResult } from '../../../common/rules/vin';
import { formatRuleMessage } from '../../../common/rules/messages';
import type { Action } from '../../../common/identity/roles';
import { localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx, Trx } from '../../db/database';
import { isUniqueViolation } from '../../db/dialect-sql';
import { changedFields, recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict, type FieldError } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { reaches, requirePermission, type Actor, type Reach } from '../../platform/permissions';
import { findTrimSummaries, type TrimSummary } from '../catalog';
import {
  findVehicleByVin,
  findVehicleRow,
  insertVehicles,
  knownOptionIds,
  replaceVehicleOptions,
  updateVehicleRow,
  type VehicleRow,
} from './vehicle.repo';
import { incomingTransferStore } from './transfer.repo';
import { loadStore, toVehicles } from './vehicle.view';

/** The problem for a VIN the rules library refuses: each finding names the field and, for a bad check digit, the digit expected. */
export function vinProblems(decoded: VinDecodeResult, lang: Lang, path = 'vin'): FieldError[] {
  return decoded.errors.map((e) => ({
    path,
    code: e.code,
    message: formatRuleMessage(e.code, e.params, lang),
  }));
}

/** The model year a VIN states, when the rules decide it (ambiguous non-Chinese codes give none). */
export const modelYearOf = (decoded: VinDecodeResult) =>
  decoded.modelYear && decoded.modelYear.rule !== 'ambiguous' ? decoded.modelYear.year : null;

/** The store a new record goes to: the one named (within reach, else 404) or the only store the user works in. */
export async function resolveTargetStore(db: DbOrTrx, actor: Actor, reach: Reach, storeId?: string) {
  if (!storeId) {
    const own = [...new Set(actor.storeRoles.map((r) => r.storeId))];
    if (own.length !== 1)
      throw new AppError('request.invalid', {
        errors: [{ path: 'storeId', code: 'required', message: 'name the store' }],
      });
    storeId = own[0]!;
  }
  const store = await loadStore(db, actor.groupId, storeId);
  if (!reaches(reach, { groupId: store.group_id, storeIds: [store.id] })) throw notFound('store');
  return store;
}

/** The trim (of the actor's group) and the colours and options chosen for a vehicle, or 4xx naming the field. */
export async function checkTrimChoice(
  db: DbOrTrx,
  groupId: string,
  trimId: string,
  choice: { exteriorColourId?: string | null; interiorColourId?: string | null; optionIds?: string[] },
): Promise<TrimSummary> {
  const trim = (await findTrimSummaries(db, [trimId])).get(trimId);
  if (!trim || trim.groupId !== groupId)
    throw new AppError('catalog.unknown_reference', {
      errors: [{ path: 'trimId', code: 'unknown_trim', message: 'unknown trim' }],
    });
  const errors: FieldError[] = [];
  for (const [field, kind] of [
    ['exteriorColourId', 'exterior'],
    ['interiorColourId', 'interior'],
  ] as const) {
    const id = choice[field];
    if (id && !trim.colours.some((c) => c.id === id && c.kind === kind))
      errors.push({ path: field, code: 'colour_not_of_trim', message: `not an ${kind} colour of this trim` });
  }
  if (errors.length) throw new AppError('request.invalid', { errors });
  const optionIds = choice.optionIds ?? [];
  const known = await knownOptionIds(db, groupId, optionIds);
  const unknown = optionIds.findIndex((id) => !known.has(id));
  if (unknown >= 0)
    throw new AppError('catalog.unknown_reference', {
      errors: [{ path: `optionIds.${unknown}`, code: 'unknown_option', message: 'unknown option' }],
    });
  return trim;
}

/** Whether a vehicle is within a reach: its store, or the store it is being transferred to. */
async function vehicleInReach(db: DbOrTrx, reach: Reach, row: VehicleRow) {
  if (reaches(reach, { groupId: row.group_id, storeIds: [row.store_id] })) return true;
  if (row.status !== 'transferred' || row.group_id !== reach.groupId) return false;
  const to = await incomingTransferStore(db, row.id);
  return to !== null && reaches(reach, { groupId: row.group_id, storeIds: [to] });
}

/** A vehicle the actor may act on with `action`; another store's vehicle is 404 (its existence is not told). */
export async function loadVehicle(db: DbOrTrx, actor: Actor, id: string, action: Action) {
  const reach = requirePermission(actor, action);
  const row = await findVehicleRow(db, id);
  if (!row || !(await vehicleInReach(db, reach, row))) throw notFound('vehicle');
  return row;
}

export async function viewVehicle(db: DbOrTrx, row: VehicleRow): Promise<Vehicle> {
  return (await toVehicles(db, [row]))[0]!;
}

export async function getVehicle(db: DbOrTrx, actor: Actor, id: string) {
  return viewVehicle(db, await loadVehicle(db, actor, id, 'vehicles.read'));
}

/**
 * Takes a vehicle into stock by VIN. The VIN is normalised and checked (GB 16735 check digit); its model
 * year comes from the VIN when unambiguous; colours must be the trim's; one VIN is one vehicle (409).
 */
export async function createVehicle(
  trx: Trx,
  actor: Actor,
  input: CreateVehicle,
  lang: Lang,
): Promise<Vehicle> {
  const reach = requirePermission(actor, 'vehicles.manage');
  const decoded = decodeVin(input.vin);
  if (!decoded.valid || !decoded.normalized)
    throw new AppError('vehicles.invalid_vin', { errors: vinProblems(decoded, lang) });
  const store = await resolveTargetStore(trx, actor, reach, input.storeId);
  const trim = await checkTrimChoice(trx, actor.groupId, input.trimId, input);
  const vinTaken = () =>
    new AppError('vehicles.vin_exists', {
      errors: [{ path: 'vin', code: 'vehicles.vin_exists', message: decoded.normalized! }],
    });
  if (await findVehicleByVin(trx, decoded.normalized)) throw vinTaken();
  const now = nowIso();
  const row: VehicleRow = {
    id: newId(),
    group_id: actor.groupId,
    store_id: store.id,
    vin: decoded.normalized,
    trim_id: trim.id,
    exterior_colour_id: input.exteriorColourId ?? null,
    interior_colour_id: input.interiorColourId ?? null,
    engine_no: input.engineNo ?? null,
    coc_no: input.cocNo ?? null,
    production_date: input.productionDate ?? null,
    model_year: modelYearOf(decoded),
    purchase_cost: input.purchaseCost ?? null,
    holding_cost_per_day: input.holdingCostPerDay ?? null,
    supplier_ref: input.supplierRef ?? null,
    location: input.status === 'in_transit' ? 'in_transit' : input.location,
    location_note: input.locationNote ?? null,
    status: input.status,
    arrived_on: input.arrivedOn ?? (input.status === 'in_stock' ? localToday(store.timezone) : null),
    reserved_deal_id: null,
    reserved_by: null,
    reserved_until: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await insertVehicles(trx, [row]);
  } catch (err) {
    // a concurrent request took the VIN between our check and the insert
    if (isUniqueViolation(err)) throw vinTaken();
    throw err;
  }
  await replaceVehicleOptions(trx, row.id, input.optionIds);
  const vehicle = await viewVehicle(trx, row);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'vehicle',
    entityId: row.id,
    action: 'create',
    after: { vin: row.vin, trimId: row.trim_id, status: row.status, location: row.location },
  });
  await emitEvent(trx, 'vehicles.vehicle.created', { vehicle }, store.id);
  return vehicle;
}

/** Changes a vehicle's details (not its status: that has its own actions); carries the version read. */
export async function updateVehicle(
  trx: Trx,
  actor: Actor,
  id: string,
  patch: PatchVehicle,
): Promise<Vehicle> {
  const row = await loadVehicle(trx, actor, id, 'vehicles.manage');
  if (row.version !== patch.version) throw versionConflict(row.version);
  const before = await viewVehicle(trx, row);
  await checkTrimChoice(trx, row.group_id, row.trim_id, {
    exteriorColourId: patch.exteriorColourId,
    interiorColourId: patch.interiorColourId,
    optionIds: patch.optionIds,
  });
  const changes: Partial<VehicleRow> = { updated_at: nowIso() };
  if (patch.exteriorColourId !== undefined) changes.exterior_colour_id = patch.exteriorColourId;
  if (patch.interiorColourId !== undefined) changes.interior_colour_id = patch.interiorColourId;
  if (patch.engineNo !== undefined) changes.engine_no = patch.engineNo;
  if (patch.cocNo !== undefined) changes.coc_no = patch.cocNo;
  if (patch.productionDate !== undefined) changes.production_date = patch.productionDate;
  if (patch.purchaseCost !== undefined) changes.purchase_cost = patch.purchaseCost;
  if (patch.holdingCostPerDay !== undefined) changes.holding_cost_per_day = patch.holdingCostPerDay;
  if (patch.supplierRef !== undefined) changes.supplier_ref = patch.supplierRef;
  if (patch.location !== undefined) changes.location = patch.location;
  if (patch.locationNote !== undefined) changes.location_note = patch.locationNote;
  if (!(await updateVehicleRow(trx, id, row.version, changes))) throw versionConflict(row.version + 1);
  if (patch.optionIds !== undefined) await replaceVehicleOptions(trx, id, patch.optionIds);
  const vehicle = await viewVehicle(trx, { ...row, ...changes, version: row.version + 1 });
  const diff = changedFields(
    before as unknown as Record<string, unknown>,
    vehicle as unknown as Record<string, unknown>,
  );
  delete diff.before.updatedAt;
  delete diff.after.updatedAt;
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'vehicle',
    entityId: id,
    action: 'update',
    ...diff,
  });
  await emitEvent(trx, 'vehicles.vehicle.updated', { vehicle }, row.store_id);
  return vehicle;
}
