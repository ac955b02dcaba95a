import type { ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { leadListQuery } from '../../../common/crm/lead.schemas';
import { leadStatuses, lostReasons } from '../../../common/crm/lead.status';
import type { DbOrTrx } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { applyPage, parseSort, toPage } from '../../platform/pagination';
import { requirePermission, type Actor, type Reach } from '../../platform/permissions';
import { leadsWithCustomer, type LeadView } from './lead.repo';
import { toLead } from './lead.view';

type ListQuery = z.infer<typeof leadListQuery>;

/** The leads the actor reaches: the group's, their stores', or their own. */
const inReach = (reach: Reach) => (eb: ExpressionBuilder<Database, 'leads'>) => {
  const parts = [eb('leads.group_id', '=', reach.groupId)];
  if (reach.scope === 'store') parts.push(eb('leads.store_id', 'in', reach.storeIds));
  if (reach.scope === 'own') parts.push(eb('leads.owner_id', '=', reach.userId));
  return eb.and(parts);
};

function statusList(raw: string) {
  const list = raw.split(',').map((s) => s.trim());
  const bad = list.find((s) => !(leadStatuses as readonly string[]).includes(s));
  if (bad !== undefined)
    throw new AppError('request.invalid', {
      errors: [{ path: 'query.status', code: 'invalid_value', message: `unknown status ${bad}` }],
    });
  return list;
}

/**
 * The lead list a manager works from (and a consultant's own): by status, source, owner, customer,
 * unassigned, or overdue (still new after the SLA ran out).
 */
export async function listLeads(db: DbOrTrx, actor: Actor, query: ListQuery) {
  const reach = requirePermission(actor, 'leads.read');
  if (reach.scope === 'store' && reach.storeIds.length === 0) return { items: [], nextCursor: null };
  const sort = parseSort(
    query.sort,
    { createdAt: 'leads.id', statusChangedAt: 'leads.status_changed_at', slaDueAt: 'leads.sla_due_at' },
    '-createdAt',
  );
  let q = leadsWithCustomer(db).where(inReach(reach));
  if (query.storeId) q = q.where('leads.store_id', '=', query.storeId);
  if (query.status) q = q.where('leads.status', 'in', statusList(query.status));
  if (query.source) q = q.where('leads.source', '=', query.source);
  if (query.ownerId) q = q.where('leads.owner_id', '=', query.ownerId);
  if (query.customerId) q = q.where('leads.customer_id', '=', query.customerId);
  if (query.unassigned === 'true') q = q.where('leads.owner_id', 'is', null);
  if (query.overdue === 'true')
    q = q
      .where('leads.status', '=', 'new')
      .where('leads.first_contacted_at', 'is', null)
      .where('leads.sla_due_at', '<', nowIso());
  if (sort.field === 'slaDueAt') q = q.where('leads.sla_due_at', 'is not', null);
  const rows = await applyPage(q, sort, 'leads.id', query.limit, query.cursor).execute();
  const value = (r: LeadView) =>
    ({ createdAt: r.id, statusChangedAt: r.status_changed_at, slaDueAt: r.sla_due_at })[
      sort.field as 'createdAt'
    ];
  return toPage(rows, query.limit, value, (r) => r.id, toLead);
}

/** The manager's funnel (漏斗): leads by status, lost leads by reason, overdue and unassigned counts. */
export async function leadFunnel(db: DbOrTrx, actor: Actor, storeId?: string) {
  const reach = requirePermission(actor, 'leads.read');
  let base = db.selectFrom('leads').where(inReach(reach));
  if (storeId) base = base.where('leads.store_id', '=', storeId);
  const byStatus = await base
    .select(['leads.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('leads.status')
    .execute();
  const byReason = await base
    .where('leads.status', '=', 'lost')
    .select(['leads.lost_reason', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('leads.lost_reason')
    .execute();
  const overdue = await base
    .where('leads.status', '=', 'new')
    .where('leads.first_contacted_at', 'is', null)
    .where('leads.sla_due_at', '<', nowIso())
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const unassigned = await base
    .where('leads.owner_id', 'is', null)
    .where('leads.status', 'not in', ['won', 'lost'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const counts = Object.fromEntries(leadStatuses.map((s) => [s, 0])) as Record<string, number>;
  for (const r of byStatus) counts[r.status] = Number(r.n);
  const reasons = Object.fromEntries(lostReasons.map((s) => [s, 0])) as Record<string, number>;
  for (const r of byReason) if (r.lost_reason) reasons[r.lost_reason] = Number(r.n);
  return {
    byStatus: counts,
    lostByReason: reasons,
    overdue: Number(overdue.n),
    unassigned: Number(unassigned.n),
  } as {
    byStatus: Record<(typeof leadStatuses)[number], number>;
    lostByReason: Record<(typeof lostReasons)[number], number>;
    overdue: number;
    unassigned: number;
  };
}
