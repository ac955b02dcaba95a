import type { DbOrTrx } from '../../db/database';
import { forbidden, notFound } from '../../platform/errors';
import { reaches, requirePermission, type Actor, type Reach } from '../../platform/permissions';
import { findLead, type LeadView } from './lead.repo';

export type NeedsAction = 'needs.read' | 'needs.manage' | 'plans.read' | 'plans.manage';

/** A needs analysis or a plan is reached as its lead is: own scope = the lead's owner. */
export const reachesLeadOf = (
  reach: Reach,
  r: { group_id: string; store_id: string; owner_id: string | null },
) => reaches(reach, { groupId: r.group_id, storeIds: [r.store_id], ownerId: r.owner_id });

function mayRead(
  actor: Actor,
  action: NeedsAction,
  r: { group_id: string; store_id: string; owner_id: string | null },
) {
  const read = action.startsWith('needs') ? 'needs.read' : 'plans.read';
  try {
    return reachesLeadOf(requirePermission(actor, read), r);
  } catch {
    return false;
  }
}

/**
 * Refuses what the actor may not do to the records of this lead: 404 when they do not reach it (another
 * store's record does not exist for them), 403 when they may read it but not change it.
 */
export function assertLeadReach(
  actor: Actor,
  action: NeedsAction,
  r: { group_id: string; store_id: string; owner_id: string | null } | undefined,
  entity: string,
): void {
  const reach = requirePermission(actor, action);
  if (r && reachesLeadOf(reach, r)) return;
  if (r && !action.endsWith('.read') && mayRead(actor, action, r)) throw forbidden();
  throw notFound(entity);
}

/** The lead a needs analysis or plan is for, within the actor's reach for the action. */
export async function loadLeadFor(
  db: DbOrTrx,
  actor: Actor,
  leadId: string,
  action: NeedsAction,
): Promise<LeadView> {
  const lead = await findLead(db, leadId);
  assertLeadReach(actor, action, lead, 'lead');
  return lead!;
}
