import type { Action } from '../../../common/identity/roles';
import type { DbOrTrx } from '../../db/database';
import { AppError, notFound } from '../../platform/errors';
import { reaches, requirePermission, type Actor, type Reach } from '../../platform/permissions';
import { findStoreRow } from '../identity';

/**
 * Who reaches the service lane's records (architecture rule 9): service records belong to a store;
 * `store` scopes reach their stores' records, `group` all of the group. Another store's record is 404.
 */
export const inStore = (reach: Reach, row: { group_id: string; store_id: string }) =>
  reaches(reach, { groupId: row.group_id, storeIds: [row.store_id] });

/** Refuses (404) a record the actor's reach for the action does not cover. */
export function assertReach(
  actor: Actor,
  action: Action,
  row: { group_id: string; store_id: string },
  entity: string,
) {
  const reach = requirePermission(actor, action);
  if (!inStore(reach, row)) throw notFound(entity);
  return reach;
}

/** A store of the actor's group where they may do the action (named, or their only store); else 404. */
export async function storeForAction(db: DbOrTrx, actor: Actor, action: Action, storeId?: string) {
  const reach = requirePermission(actor, action);
  if (!storeId) {
    const own = [...new Set(actor.storeRoles.map((r) => r.storeId))];
    if (own.length !== 1)
      throw new AppError('request.invalid', {
        errors: [{ path: 'storeId', code: 'required', message: 'name the store' }],
      });
    storeId = own[0]!;
  }
  const store = await findStoreRow(db, storeId);
  if (!store || !reaches(reach, { groupId: store.group_id, storeIds: [store.id] })) throw notFound('store');
  return { store, reach };
}

/** The stores a list covers for a reach: null = the whole group. */
export const listStores = (reach: Reach): string[] | null =>
  reach.scope === 'group' ? null : reach.scope === 'store' ? reach.storeIds : [];

/** Whether the actor holds an action over a store (for optional extras such as reassigning). */
export function mayAct(actor: Actor, action: Action, row: { group_id: string; store_id: string }) {
  try {
    return inStore(requirePermission(actor, action), row);
  } catch {
    return false;
  }
}

export const parseJson = <T>(text: string | null | undefined, fallback: T): T =>
  text ? (JSON.parse(text) as T) : fallback;
