import { storesGranting, widestScope, type Action, type StoreRole } from '../../common/identity/roles';
import { AppError } from './errors';

/** Who is making the request, as the permission checks need it. */
export interface Actor {
  userId: string;
  groupId: string;
  username: string;
  storeRoles: StoreRole[];
  /** 'session' = browser cookie (needs CSRF on writes); 'bearer' = API client. */
  via: 'session' | 'bearer';
  sessionId: string | null;
  csrfToken: string | null;
}

/** What part of the data an action reaches for this actor (architecture rule 9: role × action × scope). */
export type Reach =
  | { scope: 'group'; groupId: string }
  | { scope: 'store'; groupId: string; storeIds: string[] }
  | { scope: 'own'; groupId: string; userId: string };

/** Refuses with 403 when none of the actor's roles grants the action; else says how far it reaches. */
export function requirePermission(actor: Actor, action: Action): Reach {
  const scope = widestScope(actor.storeRoles, action);
  if (!scope) throw new AppError('auth.forbidden');
  if (scope === 'group') return { scope, groupId: actor.groupId };
  if (scope === 'store')
    return { scope, groupId: actor.groupId, storeIds: storesGranting(actor.storeRoles, action) };
  return { scope, groupId: actor.groupId, userId: actor.userId };
}

/** Whether a record that belongs to these stores (and this owner) is within reach. */
export function reaches(
  reach: Reach,
  record: { groupId: string; storeIds: string[]; ownerId?: string | null },
) {
  if (record.groupId !== reach.groupId) return false;
  if (reach.scope === 'group') return true;
  if (reach.scope === 'store') return record.storeIds.some((s) => reach.storeIds.includes(s));
  return record.ownerId === reach.userId;
}
