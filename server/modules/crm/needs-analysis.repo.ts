import type { DbOrTrx } from '../../db/database';
import type { NeedsAnalysesTable } from './needs.tables';

export type NeedsAnalysisRow = NeedsAnalysesTable;

/** A version with what its reach and display need: the lead's number and owner, the customer's name. */
export function needsWithLead(db: DbOrTrx) {
  return db
    .selectFrom('needs_analyses')
    .innerJoin('leads', 'leads.id', 'needs_analyses.lead_id')
    .innerJoin('customers', 'customers.id', 'needs_analyses.customer_id')
    .leftJoin('users as author', 'author.id', 'needs_analyses.created_by')
    .selectAll('needs_analyses')
    .select([
      'leads.number as lead_number',
      'leads.owner_id as lead_owner_id',
      'customers.name as customer_name',
      'author.display_name as author_name',
    ]);
}
export type NeedsAnalysisView = NeedsAnalysisRow & {
  lead_number: string;
  lead_owner_id: string | null;
  customer_name: string;
  author_name: string | null;
};

export function findNeedsAnalysis(db: DbOrTrx, id: string) {
  return needsWithLead(db).where('needs_analyses.id', '=', id).executeTakeFirst();
}

/** Every version of a lead's needs, newest first. */
export function versionsOfLead(db: DbOrTrx, leadId: string) {
  return needsWithLead(db)
    .where('needs_analyses.lead_id', '=', leadId)
    .orderBy('needs_analyses.version', 'desc')
    .execute();
}

export function latestVersionOfLead(db: DbOrTrx, leadId: string) {
  return db
    .selectFrom('needs_analyses')
    .selectAll()
    .where('lead_id', '=', leadId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertNeedsAnalysis(db: DbOrTrx, row: NeedsAnalysisRow) {
  await db.insertInto('needs_analyses').values(row).execute();
}

/** The highest version of each of these leads (to mark a list's rows as latest or not). */
export async function latestVersions(db: DbOrTrx, leadIds: string[]): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  const ids = [...new Set(leadIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('needs_analyses')
      .select(['lead_id', (eb) => eb.fn.max('version').as('latest')])
      .where('lead_id', 'in', ids.slice(i, i + 500))
      .groupBy('lead_id')
      .execute();
    for (const r of rows) map.set(r.lead_id, Number(r.latest));
  }
  return map;
}
