import type { Lead } from '../../../common/crm/lead.schemas';
import {
  canMoveLead,
  leadTransitions,
  type LeadAction,
  type LostReason,
} from '../../../common/crm/lead.status';
import type { Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, versionConflict } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { findLead, updateLeadRow, type LeadRow, type LeadView } from './lead.repo';
import { alertNewOwner, leadOwnersOf, loadLead, recordLeadEvent, unknownOwner } from './lead.service';
import { toLead } from './lead.view';
import { resolveAlertsAbout } from './alert.repo';
import type { Actor } from '../../platform/permissions';

async function saveLeadChange(
  trx: Trx,
  actor: Actor,
  row: LeadView,
  version: number,
  changes: Partial<LeadRow>,
  action: string,
  note?: string,
): Promise<Lead> {
  if (version !== row.version) throw versionConflict(row.version);
  if (!(await updateLeadRow(trx, row.id, version, changes))) throw versionConflict(row.version + 1);
  const after = toLead((await findLead(trx, row.id))!);
  const before = toLead(row);
  const changed = Object.keys(changes).map((k) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'lead',
    entityId: row.id,
    action,
    before: Object.fromEntries(changed.map((k) => [k, before[k as keyof Lead] ?? null])),
    after: {
      ...Object.fromEntries(changed.map((k) => [k, after[k as keyof Lead] ?? null])),
      ...(note ? { note } : {}),
    },
  });
  await recordLeadEvent(trx, actor.userId, row, action, after, note);
  return after;
}

/**
 * Moves a lead along its status machine (common/crm/lead.status.ts); any other move is a 409 naming the
 * current state. Leaving `new` is the first contact: it stops the SLA clock. Losing needs a reason.
 */
export async function moveLead(
  trx: Trx,
  actor: Actor,
  id: string,
  action: Exclude<LeadAction, 'lose'>,
  input: { version: number; note?: string },
): Promise<Lead> {
  return changeStatus(trx, actor, id, action, input, {});
}

/** Closes a lead as lost (战败) with the reason a manager's defeat analysis counts. */
export async function loseLead(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; reason: LostReason; note?: string },
): Promise<Lead> {
  return changeStatus(trx, actor, id, 'lose', input, {
    lost_reason: input.reason,
    lost_note: input.note ?? null,
  });
}

async function changeStatus(
  trx: Trx,
  actor: Actor,
  id: string,
  action: LeadAction,
  input: { version: number; note?: string },
  extra: Partial<LeadRow>,
) {
  const row = await loadLead(trx, actor, id, 'leads.manage');
  if (!canMoveLead(row.status as Lead['status'], action))
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  const now = nowIso();
  const changes: Partial<LeadRow> = { status: leadTransitions[action].to, status_changed_at: now, ...extra };
  if (row.first_contacted_at === null && action !== 'lose') changes.first_contacted_at = now;
  if (action === 'reopen') Object.assign(changes, { lost_reason: null, lost_note: null });
  const lead = await saveLeadChange(trx, actor, row, input.version, changes, action, input.note);
  if (row.first_contacted_at === null) await closeAssignmentAlerts(trx, row.id, actor.userId, now);
  return lead;
}

/** Once a lead is contacted (or closed) its "new lead for you" alert has done its work. */
async function closeAssignmentAlerts(trx: Trx, leadId: string, by: string, at: string) {
  await resolveAlertsAbout(trx, { kind: 'lead_assigned', entity: 'lead', entityId: leadId }, by, at);
}

/** A manager hands a lead to a sales consultant (or sales manager) of its store; they get an alert. */
export async function assignLead(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; ownerId: string },
): Promise<Lead> {
  const row = await loadLead(trx, actor, id, 'leads.assign');
  if (!(await leadOwnersOf(trx, row.store_id)).all.has(input.ownerId)) throw unknownOwner();
  if (row.status === 'won' || row.status === 'lost')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  const lead = await saveLeadChange(
    trx,
    actor,
    row,
    input.version,
    { owner_id: input.ownerId, assigned_at: nowIso() },
    'assign',
  );
  if (input.ownerId !== actor.userId)
    await alertNewOwner(trx, { ...row, version: lead.version }, input.ownerId, row.customer_name);
  return lead;
}

/**
 * A handoff moves the lead along by itself (H3.1): a booked appointment makes it `appointment`, a visit
 * `visited` — when that move is legal from where the lead is; otherwise the lead stays as it is. The
 * caller has checked the actor's permission for the booking or visit.
 */
export async function advanceLead(
  trx: Trx,
  actorId: string,
  leadId: string,
  action: 'book_appointment' | 'visit',
) {
  const row = await findLead(trx, leadId);
  if (!row || !canMoveLead(row.status as Lead['status'], action)) return;
  const now = nowIso();
  const changes: Partial<LeadRow> = { status: leadTransitions[action].to, status_changed_at: now };
  if (row.first_contacted_at === null) changes.first_contacted_at = now;
  if (!(await updateLeadRow(trx, row.id, row.version, changes))) return;
  if (row.first_contacted_at === null) await closeAssignmentAlerts(trx, row.id, actorId, now);
  const after = toLead((await findLead(trx, row.id))!);
  await recordAudit(trx, {
    actorId,
    storeId: row.store_id,
    entity: 'lead',
    entityId: row.id,
    action,
    before: { status: row.status },
    after: { status: after.status },
  });
  await recordLeadEvent(trx, actorId, row, action, after);
}
