import type { z } from 'zod';
import type { createLeadSchema, Lead } from '../../../common/crm/lead.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { enqueueJob } from '../../platform/jobs';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { reaches, requirePermission, type Actor, type Reach } from '../../platform/permissions';
import { findTrimSummaries } from '../catalog';
import { activeStaffWithRole, findStoreRow } from '../identity';
import { findLead, insertLead, takeRoundRobinTurn, type LeadRow, type LeadView } from './lead.repo';
import { toLead } from './lead.view';
import { loadCustomer } from './crm.access';
import { recordCustomerEvent } from './timeline.service';
import { raiseAlert } from './alert.service';

export const leadSlaCheckJob = 'crm.lead_sla_check';

/** Whether a lead is within reach: own scope reaches only the leads the user owns. */
export const reachesLead = (reach: Reach, r: LeadRow) =>
  reaches(reach, { groupId: r.group_id, storeIds: [r.store_id], ownerId: r.owner_id });

/** A lead the actor may act on; anyone else gets 404 (another store's record does not exist for them). */
export async function loadLead(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'leads.read' | 'leads.manage' | 'leads.assign',
): Promise<LeadView> {
  const reach = requirePermission(actor, action);
  const row = await findLead(db, id);
  if (!row || !reachesLead(reach, row)) {
    // a lead the actor can see but not change is a 403, not a 404
    if (row && action !== 'leads.read' && canRead(actor, row)) throw forbidden();
    throw notFound('lead');
  }
  return row;
}

function canRead(actor: Actor, row: LeadRow) {
  try {
    return reachesLead(requirePermission(actor, 'leads.read'), row);
  } catch {
    return false;
  }
}

/** The store a new lead goes to: the one named, or the only store the user works in. */
async function leadStore(db: DbOrTrx, actor: Actor, reach: Reach, storeId?: string) {
  const own = [...new Set(actor.storeRoles.map((r) => r.storeId))];
  const id = storeId ?? (own.length === 1 ? own[0] : undefined);
  if (!id)
    throw new AppError('request.invalid', {
      errors: [{ path: 'storeId', code: 'required', message: 'name the store' }],
    });
  const store = await findStoreRow(db, id);
  if (!store || store.group_id !== actor.groupId) throw notFound('store');
  // a consultant (own scope) files leads in the stores where they sell
  const inReach =
    reach.scope === 'own'
      ? actor.storeRoles.some((r) => r.storeId === store.id)
      : reaches(reach, { groupId: store.group_id, storeIds: [store.id] });
  if (!inReach) throw notFound('store');
  return store;
}

/** The customer a lead is for: one the actor may read, not merged away; else 400/409 naming customerId. */
export async function linkableCustomer(db: DbOrTrx, actor: Actor, id: string) {
  let row;
  try {
    row = await loadCustomer(db, actor, id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'resource.not_found')
      throw new AppError('request.invalid', {
        errors: [{ path: 'customerId', code: 'unknown_customer', message: 'unknown customer' }],
      });
    throw err;
  }
  if (row.status === 'merged')
    throw new AppError('crm.customer_merged', {
      errors: [{ path: 'customerId', code: 'merged', message: `merged into ${row.merged_into ?? ''}` }],
    });
  return row;
}

/** Staff who may own a store's leads: its active sales consultants and sales managers. */
export async function leadOwnersOf(db: DbOrTrx, storeId: string) {
  const [consultants, managers] = await Promise.all([
    activeStaffWithRole(db, storeId, 'sales_consultant'),
    activeStaffWithRole(db, storeId, 'sales_manager'),
  ]);
  return { consultants, all: new Set([...consultants, ...managers]) };
}

export const unknownOwner = () =>
  new AppError('crm.unknown_owner', {
    errors: [{ path: 'ownerId', code: 'unknown_owner', message: 'not a sales consultant of the store' }],
  });

/**
 * Files a purchase interest (H3.1) for a customer of the group, numbered LD-YYYY-000001 per store.
 * The owner: the consultant who files it for themselves, or the one a manager names, or — by the
 * store's rule — the next active consultant in round robin (or nobody, when the manager assigns).
 * The first-contact SLA clock starts now: a job checks it when it runs out.
 */
export async function createLead(
  trx: Trx,
  actor: Actor,
  input: z.infer<typeof createLeadSchema>,
): Promise<Lead> {
  const reach = requirePermission(actor, 'leads.manage');
  const store = await leadStore(trx, actor, reach, input.storeId);
  const customer = await linkableCustomer(trx, actor, input.customerId);
  let modelId: string | null = null;
  if (input.trimId) {
    const trim = (await findTrimSummaries(trx, [input.trimId])).get(input.trimId);
    if (!trim || trim.groupId !== actor.groupId)
      throw new AppError('catalog.unknown_reference', {
        errors: [{ path: 'trimId', code: 'unknown_trim', message: 'unknown trim' }],
      });
    modelId = trim.modelId;
  }
  const owners = await leadOwnersOf(trx, store.id);
  const turn = await takeRoundRobinTurn(trx, store.id, store.group_id);
  let ownerId: string | null = null;
  if (input.ownerId) {
    const mayAssign = widensTo(actor, 'leads.assign', store.id);
    if (input.ownerId !== actor.userId && !mayAssign) throw forbidden();
    if (!owners.all.has(input.ownerId)) throw unknownOwner();
    ownerId = input.ownerId;
  } else if (reach.scope === 'own') {
    ownerId = actor.userId; // a consultant's own walk-in or call
  } else if (turn.assignment === 'round_robin' && owners.consultants.length > 0) {
    ownerId = owners.consultants[(turn.round_robin_counter - 1) % owners.consultants.length]!;
  }
  const now = nowIso();
  const slaDue = new Date(Date.now() + turn.sla_minutes * 60_000).toISOString();
  const row: LeadRow = {
    id: newId(),
    group_id: store.group_id,
    store_id: store.id,
    number: await nextDocumentNumber(trx, store.id, 'LD', localYear(store.timezone)),
    customer_id: customer.id,
    source: input.source,
    campaign_ref: input.campaignRef ?? null,
    referred_by: input.referredBy ?? null,
    model_id: modelId,
    trim_id: input.trimId ?? null,
    interest: input.interest ?? null,
    status: 'new',
    lost_reason: null,
    lost_note: null,
    owner_id: ownerId,
    assigned_at: ownerId ? now : null,
    sla_due_at: slaDue,
    first_contacted_at: null,
    sla_breached_at: null,
    status_changed_at: now,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertLead(trx, row);
  await enqueueJob(trx, leadSlaCheckJob, { leadId: row.id }, { storeId: store.id, runAt: new Date(slaDue) });
  const lead = toLead((await findLead(trx, row.id))!);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'lead',
    entityId: row.id,
    action: 'create',
    after: lead,
  });
  if (ownerId && ownerId !== actor.userId) await alertNewOwner(trx, row, ownerId, customer.name);
  await recordLeadEvent(trx, actor.userId, row, 'created', lead);
  return lead;
}

/** Whether the actor's roles grant an action at store scope (or wider) in this store. */
export function widensTo(actor: Actor, action: 'leads.assign' | 'leads.manage', storeId: string) {
  try {
    const reach = requirePermission(actor, action);
    return reach.scope !== 'own' && reaches(reach, { groupId: actor.groupId, storeIds: [storeId] });
  } catch {
    return false;
  }
}

/** The new owner finds the lead in their inbox ("my day"). */
export async function alertNewOwner(trx: Trx, row: LeadRow, ownerId: string, customerName: string) {
  await raiseAlert(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    kind: 'lead_assigned',
    recipientId: ownerId,
    entity: 'lead',
    entityId: row.id,
    params: { number: row.number, customer: customerName, slaDueAt: row.sla_due_at },
    dedupeKey: `lead_assigned:${row.id}:${ownerId}:${row.version}`,
  });
}

export async function getLead(db: DbOrTrx, actor: Actor, id: string): Promise<Lead> {
  return toLead(await loadLead(db, actor, id, 'leads.read'));
}

/** A lead's step on its customer's timeline (and in the outbox as `crm.lead.<verb>`). */
export async function recordLeadEvent(
  trx: Trx,
  actorId: string | null,
  row: LeadRow,
  verb: string,
  lead: Lead,
  note?: string,
) {
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    type: `crm.lead.${verb}`,
    entity: 'lead',
    entityId: row.id,
    actorId,
    data: {
      number: lead.number,
      status: lead.status,
      source: lead.source,
      ownerId: lead.ownerId,
      ...(lead.lostReason ? { lostReason: lead.lostReason } : {}),
      ...(note ? { note } : {}),
    },
  });
}
