import { roleGrants, type Action } from '../../../common/identity/roles';
import type { DbOrTrx } from '../../db/database';
import { AppError, notFound } from '../../platform/errors';
import { reaches, requirePermission, type Actor, type Reach } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import { findCustomerRow, type CustomerRow } from './customer.repo';

/**
 * Who reaches which customer (architecture rule 9). A customer belongs to a store and may have an
 * owner consultant: `own` scopes reach the customers a user owns, `store` the store's, `group` all.
 */
export const customerScope = (row: Pick<CustomerRow, 'group_id' | 'store_id' | 'owner_id'>) => ({
  groupId: row.group_id,
  storeIds: [row.store_id],
  ownerId: row.owner_id,
});

/** The stores a read reach lists: null for the whole group, [] for own-scope readers. */
export const reachStores = (reach: Reach): string[] | null =>
  reach.scope === 'group' ? null : reach.scope === 'store' ? reach.storeIds : [];

/** A customer the actor may read; another store's customer is 404 (its existence is not told). */
export async function loadCustomer(db: DbOrTrx, actor: Actor, id: string): Promise<CustomerRow> {
  const reach = requirePermission(actor, 'customers.read');
  const row = await findCustomerRow(db, id);
  if (!row || !reaches(reach, customerScope(row))) throw notFound('customer');
  return row;
}

/** Refuses (403) an action on a customer the actor can read but not act on (e.g. another consultant's). */
export function assertCustomerAction(actor: Actor, row: CustomerRow, action: Action) {
  const reach = requirePermission(actor, action);
  if (!reaches(reach, customerScope(row))) throw new AppError('auth.forbidden');
}

/** PIPL: full mobile numbers only for those whose contact reach covers the customer (owner, store, group). */
export function seesContactOf(actor: Actor, row: Pick<CustomerRow, 'group_id' | 'store_id' | 'owner_id'>) {
  try {
    return reaches(requirePermission(actor, 'customers.view_contact'), customerScope(row));
  } catch {
    return false;
  }
}

export function mayRevealIdentity(actor: Actor, row: CustomerRow) {
  try {
    return reaches(requirePermission(actor, 'customers.reveal_id_number'), customerScope(row));
  } catch {
    return false;
  }
}

/**
 * The store a new customer goes to: the one named or the only store the user works in, and one where
 * the user may manage customers (any scope); another group's or an unreachable store is 404.
 */
export async function resolveCustomerStore(db: DbOrTrx, actor: Actor, storeId?: string) {
  const reach = requirePermission(actor, 'customers.manage');
  if (!storeId) {
    const own = [...new Set(actor.storeRoles.map((r) => r.storeId))];
    if (own.length !== 1)
      throw new AppError('request.invalid', {
        errors: [{ path: 'storeId', code: 'required', message: 'name the store' }],
      });
    storeId = own[0]!;
  }
  const store = await findStoreRow(db, storeId);
  if (!store || store.group_id !== actor.groupId) throw notFound('store');
  const allowed =
    reach.scope === 'group' ||
    actor.storeRoles.some((r) => r.storeId === store.id && roleGrants[r.role]['customers.manage']);
  if (!allowed) throw notFound('store');
  return { store, reach };
}
