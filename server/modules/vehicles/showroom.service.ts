import type { z } from 'zod';
import type {
  createShowroomPlanSchema,
  patchShowroomPlanSchema,
  ShowroomPlan,
  showroomSlotInput,
} from '../../../common/vehicles/vehicle.schemas';
import { localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx, Trx } from '../../db/database';
import { changedFields, recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict, type FieldError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { applyPage, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { findTrimSummaries } from '../catalog';
import {
  archiveActivePlans,
  findPlanRow,
  insertPlan,
  replaceSlots,
  slotsOf,
  storeSellsNev,
  updatePlanRow,
  type PlanRow,
  type SlotRow,
} from './showroom.repo';
import { findVehicleRow } from './vehicle.repo';
import { loadStore, reachStores, storeTimezones } from './vehicle.view';

type SlotInput = z.infer<typeof showroomSlotInput>;

/** Plans as the API shows them, with the H2.2.2 NEV check worked out for each store. */
async function toPlans(db: DbOrTrx, rows: PlanRow[]): Promise<ShowroomPlan[]> {
  const slots = await slotsOf(
    db,
    rows.map((r) => r.id),
  );
  const trims = await findTrimSummaries(
    db,
    slots.map((s) => s.trim_id),
  );
  const sells = new Map<string, boolean>();
  const zones = await storeTimezones(
    db,
    rows.map((r) => r.store_id),
  );
  for (const [storeId, tz] of zones) sells.set(storeId, await storeSellsNev(db, storeId, localToday(tz)));
  return rows.map((r) => {
    const own = slots
      .filter((s) => s.plan_id === r.id)
      .map((s) => ({
        id: s.id,
        slot: s.slot,
        vehicleId: s.vehicle_id,
        vin: s.vin,
        trimId: s.trim_id,
        trimName: trims.get(s.trim_id)?.name ?? '',
        isNev: trims.get(s.trim_id)?.isNev ?? false,
        tags: JSON.parse(s.tags) as SlotInput['tags'],
      }));
    const sellsNev = sells.get(r.store_id) ?? false;
    const hasNev = own.some((s) => s.isNev);
    return {
      id: r.id,
      storeId: r.store_id,
      name: r.name,
      effectiveFrom: r.effective_from,
      status: r.status as ShowroomPlan['status'],
      slots: own,
      checks: { sellsNev, hasNev, nevRequirementMet: !sellsNev || hasNev },
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

/** Slots are named once per plan; each shows a trim of the group and optionally a vehicle of the store of that trim. */
async function checkSlots(db: DbOrTrx, groupId: string, storeId: string, planId: string, slots: SlotInput[]) {
  const trims = await findTrimSummaries(
    db,
    slots.map((s) => s.trimId),
  );
  const errors: FieldError[] = [];
  const names = new Set<string>();
  const vehicles = new Set<string>();
  for (const [i, s] of slots.entries()) {
    const trim = trims.get(s.trimId);
    if (names.has(s.slot))
      errors.push({ path: `slots.${i}.slot`, code: 'duplicate', message: 'slot named twice' });
    names.add(s.slot);
    if (!trim || trim.groupId !== groupId) {
      errors.push({ path: `slots.${i}.trimId`, code: 'unknown_trim', message: 'unknown trim' });
      continue;
    }
    if (s.tags.includes('nev') && !trim.isNev)
      errors.push({
        path: `slots.${i}.tags`,
        code: 'not_nev',
        message: 'this trim is not a new-energy vehicle',
      });
    if (s.vehicleId) {
      const v = await findVehicleRow(db, s.vehicleId);
      if (!v || v.store_id !== storeId || v.trim_id !== s.trimId || vehicles.has(s.vehicleId))
        errors.push({
          path: `slots.${i}.vehicleId`,
          code: 'vehicle_not_fit',
          message: 'not a vehicle of this store and trim (or shown twice)',
        });
      vehicles.add(s.vehicleId);
    }
  }
  if (errors.length) throw new AppError('request.invalid', { errors });
  return slots.map((s): SlotRow => ({
    id: newId(),
    plan_id: planId,
    slot: s.slot,
    vehicle_id: s.vehicleId ?? null,
    trim_id: s.trimId,
    tags: JSON.stringify([...new Set(s.tags)]),
  }));
}

async function loadPlan(db: DbOrTrx, actor: Actor, id: string, action: 'showroom.read' | 'showroom.manage') {
  const reach = requirePermission(actor, action);
  const row = await findPlanRow(db, id);
  if (!row || !reaches(reach, { groupId: row.group_id, storeIds: [row.store_id] }))
    throw notFound('showroom_plan');
  return row;
}

async function audit(trx: Trx, actor: Actor, plan: ShowroomPlan, action: string, before?: ShowroomPlan) {
  const diff = before
    ? changedFields(before as unknown as Record<string, unknown>, plan as unknown as Record<string, unknown>)
    : { after: plan };
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: plan.storeId,
    entity: 'showroom_plan',
    entityId: plan.id,
    action,
    ...diff,
  });
  await emitEvent(trx, `vehicles.showroom_plan.${action}`, { plan }, plan.storeId);
}

/** Drafts a showroom display plan for a store: which trims and vehicles stand where, tagged hot / all-new / NEV. */
export async function createPlan(trx: Trx, actor: Actor, input: z.infer<typeof createShowroomPlanSchema>) {
  const reach = requirePermission(actor, 'showroom.manage');
  const store = await loadStore(trx, actor.groupId, input.storeId);
  if (!reaches(reach, { groupId: store.group_id, storeIds: [store.id] })) throw notFound('store');
  const now = nowIso();
  const row: PlanRow = {
    id: newId(),
    group_id: store.group_id,
    store_id: store.id,
    name: input.name,
    effective_from: input.effectiveFrom,
    status: 'draft',
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const slots = await checkSlots(trx, store.group_id, store.id, row.id, input.slots);
  await insertPlan(trx, row);
  await replaceSlots(trx, row.id, slots);
  const plan = (await toPlans(trx, [row]))[0]!;
  await audit(trx, actor, plan, 'create');
  return plan;
}

/** Changes a draft or active plan (archived plans are history); carries the version read. */
export async function updatePlan(
  trx: Trx,
  actor: Actor,
  id: string,
  patch: z.infer<typeof patchShowroomPlanSchema>,
) {
  const row = await loadPlan(trx, actor, id, 'showroom.manage');
  if (row.version !== patch.version) throw versionConflict(row.version);
  if (row.status === 'archived')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  const before = (await toPlans(trx, [row]))[0]!;
  const changes: Partial<PlanRow> = { updated_at: nowIso() };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.effectiveFrom !== undefined) changes.effective_from = patch.effectiveFrom;
  if (patch.slots !== undefined)
    await replaceSlots(trx, id, await checkSlots(trx, row.group_id, row.store_id, id, patch.slots));
  if (!(await updatePlanRow(trx, id, row.version, ['draft', 'active'], changes)))
    throw versionConflict(row.version + 1);
  const plan = (await toPlans(trx, [{ ...row, ...changes, version: row.version + 1 }]))[0]!;
  await audit(trx, actor, plan, 'update', before);
  return plan;
}

/**
 * Puts a draft plan on the floor and archives the store's previous one. H2.2.2: a store that sells new
 * energy vehicles must show at least one, else 422.
 */
export async function activatePlan(trx: Trx, actor: Actor, id: string) {
  const row = await loadPlan(trx, actor, id, 'showroom.manage');
  if (row.status !== 'draft')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  const plan = (await toPlans(trx, [row]))[0]!;
  if (!plan.checks.nevRequirementMet) throw new AppError('vehicles.nev_required_in_showroom');
  const now = nowIso();
  const archived = await archiveActivePlans(trx, row.store_id, id, now);
  if (!(await updatePlanRow(trx, id, row.version, ['draft'], { status: 'active', updated_at: now })))
    throw versionConflict(row.version + 1);
  const active = { ...plan, status: 'active' as const, version: row.version + 1, updatedAt: now };
  await audit(trx, actor, active, 'activate', plan);
  for (const old of archived)
    await recordAudit(trx, {
      actorId: actor.userId,
      storeId: row.store_id,
      entity: 'showroom_plan',
      entityId: old,
      action: 'archive',
      before: { status: 'active' },
      after: { status: 'archived', replacedBy: id },
    });
  return active;
}

/** Retires a plan (draft or active); it stays readable as history. */
export async function archivePlan(trx: Trx, actor: Actor, id: string) {
  const row = await loadPlan(trx, actor, id, 'showroom.manage');
  if (row.status === 'archived')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  const now = nowIso();
  if (
    !(await updatePlanRow(trx, id, row.version, ['draft', 'active'], { status: 'archived', updated_at: now }))
  )
    throw versionConflict(row.version + 1);
  const plan = (
    await toPlans(trx, [{ ...row, status: 'archived', version: row.version + 1, updated_at: now }])
  )[0]!;
  await audit(trx, actor, plan, 'archive', (await toPlans(trx, [row]))[0]);
  return plan;
}

export async function getPlan(db: DbOrTrx, actor: Actor, id: string) {
  return (await toPlans(db, [await loadPlan(db, actor, id, 'showroom.read')]))[0]!;
}

/** Plans of the stores in reach, newest first. */
export async function listPlans(
  db: DbOrTrx,
  actor: Actor,
  query: { limit: number; cursor?: string; storeId?: string; status?: string },
) {
  const reach = requirePermission(actor, 'showroom.read');
  const stores = reachStores(reach);
  if (stores && stores.length === 0) return { items: [], nextCursor: null };
  let q = db.selectFrom('showroom_plans').selectAll().where('showroom_plans.group_id', '=', reach.groupId);
  if (stores) q = q.where('showroom_plans.store_id', 'in', stores);
  if (query.storeId) q = q.where('showroom_plans.store_id', '=', query.storeId);
  if (query.status) q = q.where('showroom_plans.status', '=', query.status);
  const sort = { column: 'showroom_plans.id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'showroom_plans.id', query.limit, query.cursor).execute();
  const page = toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r.id,
    (r) => r,
  );
  return { items: await toPlans(db, page.items), nextCursor: page.nextCursor };
}
