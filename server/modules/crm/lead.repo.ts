import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database';
import { nowIso } from '../../platform/ids';
import type { LeadsTable, LeadSettingsTable } from './lead.tables';

export type LeadRow = LeadsTable;
export type LeadSettingsRow = LeadSettingsTable;

/** The store's lead rules when it has set none: contact a new lead within 30 minutes; round robin. */
export const defaultLeadSettings = { sla_minutes: 30, assignment: 'round_robin' } as const;

export async function insertLead(db: DbOrTrx, row: LeadRow) {
  await db.insertInto('leads').values(row).execute();
}

/** A lead with its customer's name (read-only look at the customer row of the same module). */
export function leadsWithCustomer(db: DbOrTrx) {
  return db
    .selectFrom('leads')
    .innerJoin('customers', 'customers.id', 'leads.customer_id')
    .leftJoin('users as owner', 'owner.id', 'leads.owner_id')
    .selectAll('leads')
    .select(['customers.name as customer_name', 'owner.display_name as owner_name']);
}
export type LeadView = LeadRow & { customer_name: string; owner_name: string | null };

export function findLead(db: DbOrTrx, id: string) {
  return leadsWithCustomer(db).where('leads.id', '=', id).executeTakeFirst();
}

/** Changes a lead if nobody changed it first (optimistic concurrency): false when the version moved on. */
export async function updateLeadRow(db: DbOrTrx, id: string, version: number, changes: Partial<LeadRow>) {
  const res = await db
    .updateTable('leads')
    .set({ ...changes, version: version + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Marks the SLA as missed, once, if the lead is still uncontacted. */
export async function markSlaBreached(db: DbOrTrx, id: string, at: string) {
  const res = await db
    .updateTable('leads')
    .set((eb) => ({ sla_breached_at: at, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .where('first_contacted_at', 'is', null)
    .where('sla_breached_at', 'is', null)
    .where('status', '=', 'new')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function findLeadSettings(db: DbOrTrx, storeId: string) {
  return db.selectFrom('lead_settings').selectAll().where('store_id', '=', storeId).executeTakeFirst();
}

/**
 * Takes the store's next round-robin turn: one atomic upsert bumps the counter (creating the store's
 * default settings on first use), so concurrent leads never get the same turn on either database.
 */
export async function takeRoundRobinTurn(trx: Trx, storeId: string, groupId: string) {
  const now = nowIso();
  return trx
    .insertInto('lead_settings')
    .values({
      store_id: storeId,
      group_id: groupId,
      ...defaultLeadSettings,
      round_robin_counter: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('store_id').doUpdateSet({ round_robin_counter: sql`lead_settings.round_robin_counter + 1` }),
    )
    .returning(['round_robin_counter', 'sla_minutes', 'assignment'])
    .executeTakeFirstOrThrow();
}

export async function insertLeadSettings(db: DbOrTrx, row: LeadSettingsRow) {
  await db
    .insertInto('lead_settings')
    .values(row)
    .onConflict((oc) => oc.column('store_id').doNothing())
    .execute();
}

export async function updateLeadSettingsRow(
  db: DbOrTrx,
  storeId: string,
  version: number,
  changes: Partial<LeadSettingsRow>,
) {
  const res = await db
    .updateTable('lead_settings')
    .set({ ...changes, version: version + 1, updated_at: nowIso() })
    .where('store_id', '=', storeId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
