import type { DbOrTrx } from '../../db/database';
import { nowIso } from '../../platform/ids';
import type { PurchasePlanItemsTable, PurchasePlansTable } from './needs.tables';

export type PurchasePlanRow = PurchasePlansTable;
export type PurchasePlanItemRow = PurchasePlanItemsTable;

export async function insertPurchasePlan(db: DbOrTrx, row: PurchasePlanRow, items: PurchasePlanItemRow[]) {
  await db.insertInto('purchase_plans').values(row).execute();
  await db.insertInto('purchase_plan_items').values(items).execute();
}

/** A plan with its lead (number, owner), customer, store and author names. */
export function plansWithNames(db: DbOrTrx) {
  return db
    .selectFrom('purchase_plans')
    .innerJoin('leads', 'leads.id', 'purchase_plans.lead_id')
    .innerJoin('customers', 'customers.id', 'purchase_plans.customer_id')
    .innerJoin('stores', 'stores.id', 'purchase_plans.store_id')
    .leftJoin('users as author', 'author.id', 'purchase_plans.created_by')
    .selectAll('purchase_plans')
    .select([
      'leads.number as lead_number',
      'leads.owner_id as lead_owner_id',
      'customers.name as customer_name',
      'stores.name as store_name',
      'author.display_name as author_name',
    ]);
}
export type PurchasePlanView = PurchasePlanRow & {
  lead_number: string;
  lead_owner_id: string | null;
  customer_name: string;
  store_name: string;
  author_name: string | null;
};

export function findPurchasePlan(db: DbOrTrx, id: string) {
  return plansWithNames(db).where('purchase_plans.id', '=', id).executeTakeFirst();
}

export function findPurchasePlanByTokenHash(db: DbOrTrx, hash: string) {
  return plansWithNames(db).where('purchase_plans.share_token_hash', '=', hash).executeTakeFirst();
}

/** The alternatives of these plans, in their order. */
export async function itemsOfPlans(
  db: DbOrTrx,
  planIds: string[],
): Promise<Map<string, PurchasePlanItemRow[]>> {
  const map = new Map<string, PurchasePlanItemRow[]>();
  if (planIds.length === 0) return map;
  const rows = await db
    .selectFrom('purchase_plan_items')
    .selectAll()
    .where('plan_id', 'in', [...new Set(planIds)])
    .orderBy('plan_id')
    .orderBy('position')
    .execute();
  for (const r of rows) map.set(r.plan_id, [...(map.get(r.plan_id) ?? []), r]);
  return map;
}

/** A new share link for a plan if nobody changed it first: false when the version moved on. */
export async function updateShare(
  db: DbOrTrx,
  id: string,
  version: number,
  share: Pick<PurchasePlanRow, 'share_token_hash' | 'share_nonce' | 'share_expires_at'>,
) {
  const res = await db
    .updateTable('purchase_plans')
    .set({ ...share, version: version + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
