import type { DbOrTrx } from '../../db/database';
import type { ShowroomPlansTable, ShowroomSlotsTable } from './vehicles.tables';

export type PlanRow = ShowroomPlansTable;
export type SlotRow = ShowroomSlotsTable;

export function findPlanRow(db: DbOrTrx, id: string) {
  return db.selectFrom('showroom_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPlan(db: DbOrTrx, row: PlanRow) {
  await db.insertInto('showroom_plans').values(row).execute();
}

export async function replaceSlots(db: DbOrTrx, planId: string, slots: SlotRow[]) {
  await db.deleteFrom('showroom_slots').where('plan_id', '=', planId).execute();
  if (slots.length) await db.insertInto('showroom_slots').values(slots).execute();
}

/** Slots of these plans with the VIN of the vehicle standing there. */
export async function slotsOf(db: DbOrTrx, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('showroom_slots')
    .leftJoin('vehicles', 'vehicles.id', 'showroom_slots.vehicle_id')
    .selectAll('showroom_slots')
    .select('vehicles.vin')
    .where('showroom_slots.plan_id', 'in', planIds)
    .orderBy('showroom_slots.slot')
    .execute();
}

/** Writes the changes if the plan is still at `version` and in one of `statuses`. */
export async function updatePlanRow(
  db: DbOrTrx,
  id: string,
  version: number,
  statuses: string[],
  changes: Partial<PlanRow>,
) {
  const res = await db
    .updateTable('showroom_plans')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Archives the store's active plan(s) other than `exceptId`; returns their ids. */
export async function archiveActivePlans(db: DbOrTrx, storeId: string, exceptId: string, at: string) {
  const active = await db
    .selectFrom('showroom_plans')
    .select('id')
    .where('store_id', '=', storeId)
    .where('status', '=', 'active')
    .where('id', '!=', exceptId)
    .execute();
  if (active.length === 0) return [];
  await db
    .updateTable('showroom_plans')
    .set((eb) => ({ status: 'archived', updated_at: at, version: eb('version', '+', 1) }))
    .where(
      'id',
      'in',
      active.map((a) => a.id),
    )
    .execute();
  return active.map((a) => a.id);
}

/**
 * Whether the store sells new-energy vehicles on `today`: it holds NEVs in stock, or a published price
 * list in force names a NEV trim (read-only look into the catalogue's trims and price lists).
 */
export async function storeSellsNev(db: DbOrTrx, storeId: string, today: string) {
  const nevTrims = db.selectFrom('trims').select('trims.id').where('trims.is_nev', '=', 1);
  const inStock = await db
    .selectFrom('vehicles')
    .select('vehicles.id')
    .where('vehicles.store_id', '=', storeId)
    .where('vehicles.status', 'in', ['in_stock', 'reserved', 'demo'])
    .where('vehicles.trim_id', 'in', nevTrims)
    .limit(1)
    .executeTakeFirst();
  if (inStock) return true;
  const listed = await db
    .selectFrom('price_list_items')
    .innerJoin('price_lists', 'price_lists.id', 'price_list_items.price_list_id')
    .select('price_list_items.id')
    .where('price_lists.store_id', '=', storeId)
    .where('price_lists.status', '=', 'published')
    .where('price_lists.effective_from', '<=', today)
    .where((eb) =>
      eb.or([eb('price_lists.effective_to', 'is', null), eb('price_lists.effective_to', '>=', today)]),
    )
    .where('price_list_items.item_kind', '=', 'trim')
    .where('price_list_items.item_ref', 'in', nevTrims)
    .limit(1)
    .executeTakeFirst();
  return Boolean(listed);
}
