import type { Action } from '../../../common/identity/roles';
import type { DbOrTrx } from '../../db/database';
import { AppError } from '../../platform/errors';
import { requirePermission, reaches, type Actor } from '../../platform/permissions';
import { findStoreRow, storesOfGroup } from '../identity';

/**
 * Who may do what with the catalogue: it belongs to the dealer group (everyone reads all of it, group
 * administrators change it); prices belong to a store (prices.read / prices.manage by store scope).
 */
export function requireCatalogRead(actor: Actor) {
  return requirePermission(actor, 'catalog.read');
}

export function requireCatalogManage(actor: Actor) {
  return requirePermission(actor, 'catalog.manage');
}

export const codeTaken = (path = 'code') =>
  new AppError('catalog.code_taken', {
    errors: [{ path, code: 'taken', message: 'code already used in the catalogue' }],
  });

export const unknownReference = (path: string, message = 'no such record in the catalogue') =>
  new AppError('catalog.unknown_reference', { errors: [{ path, code: 'unknown_reference', message }] });

export const invalidField = (path: string, message: string, code = 'invalid_value') =>
  new AppError('request.invalid', { errors: [{ path, code, message }] });

/** The store, when the actor may do `action` in it; else 422 naming the field (another group's store does not exist). */
export async function requireStoreReach(
  db: DbOrTrx,
  actor: Actor,
  action: Action,
  storeId: string,
  path = 'storeId',
) {
  const reach = requirePermission(actor, action);
  const store = await findStoreRow(db, storeId);
  if (!store || !reaches(reach, { groupId: store.group_id, storeIds: [store.id] })) {
    throw new AppError('identity.unknown_store', {
      errors: [{ path, code: 'unknown_store', message: 'unknown store' }],
    });
  }
  return store;
}

/** The ids of the group's stores (price lists of a group-wide role). */
export async function storeIdsOfGroup(db: DbOrTrx, groupId: string) {
  return (await storesOfGroup(db, groupId).execute()).map((s) => s.id);
}

/** The store a record belongs to is within the actor's reach for an action (else the record is "not found"). */
export async function storeInReach(db: DbOrTrx, actor: Actor, action: Action, storeId: string) {
  const reach = requirePermission(actor, action);
  const store = await findStoreRow(db, storeId);
  return Boolean(store && reaches(reach, { groupId: store.group_id, storeIds: [store.id] }));
}

/** A comma list from a query parameter, each value checked against a vocabulary (400 naming the parameter). */
export function parseList<T extends string>(
  raw: string | undefined,
  allowed: readonly T[],
  path: string,
): T[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const values = [
    ...new Set(
      raw
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (bad.length)
    throw invalidField(path, `unknown value(s): ${bad.join(', ')}; allowed: ${allowed.join(', ')}`);
  return values as T[];
}

export const boolParam = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
