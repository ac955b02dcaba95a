import type { CreateStore, PatchStore, Store } from '../../../common/identity/store.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { changedFields, recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { emitEvent } from '../../platform/jobs';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, parseSort, toPage } from '../../platform/pagination';
import { requirePermission, reaches, type Actor } from '../../platform/permissions';
import {
  findStoreByCode,
  findStoreRow,
  insertStore,
  storesOfGroup,
  toStore,
  updateStoreRow,
  type StoreRow,
} from './store.repo';

/** Opens a new store in the actor's dealer group (group administrators only). */
export async function createStore(trx: Trx, actor: Actor, input: CreateStore): Promise<Store> {
  const reach = requirePermission(actor, 'stores.manage');
  if (reach.scope !== 'group') throw new AppError('auth.forbidden');
  if (await findStoreByCode(trx, actor.groupId, input.code)) {
    throw new AppError('identity.store_code_taken', {
      errors: [{ path: 'code', code: 'taken', message: 'code taken' }],
    });
  }
  const now = nowIso();
  const row: StoreRow = {
    id: newId(),
    group_id: actor.groupId,
    code: input.code,
    name: input.name,
    timezone: input.timezone,
    currency: input.currency,
    address: input.address ?? null,
    tax_id: input.taxId ?? null,
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  assertTimezone(row.timezone);
  await insertStore(trx, row);
  const store = toStore(row);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.id,
    entity: 'store',
    entityId: row.id,
    action: 'create',
    after: store,
  });
  await emitEvent(trx, 'identity.store.created', { store }, row.id);
  return store;
}

function assertTimezone(tz: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new AppError('request.invalid', {
      errors: [{ path: 'timezone', code: 'invalid_value', message: 'unknown time zone' }],
    });
  }
}

async function loadVisibleStore(db: DbOrTrx, actor: Actor, id: string) {
  const reach = requirePermission(actor, 'stores.read');
  const row = await findStoreRow(db, id);
  if (!row || !reaches(reach, { groupId: row.group_id, storeIds: [row.id] })) throw notFound('store');
  return row;
}

export async function getStore(db: DbOrTrx, actor: Actor, id: string) {
  return toStore(await loadVisibleStore(db, actor, id));
}

/** Changes a store's details; carries the version read (stale → 409). */
export async function updateStore(trx: Trx, actor: Actor, id: string, patch: PatchStore): Promise<Store> {
  const row = await loadVisibleStore(trx, actor, id);
  const reach = requirePermission(actor, 'stores.manage');
  if (reach.scope !== 'group') throw new AppError('auth.forbidden');
  if (row.version !== patch.version) throw versionConflict(row.version);
  const changes: Partial<StoreRow> = { updated_at: nowIso() };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.timezone !== undefined) {
    assertTimezone(patch.timezone);
    changes.timezone = patch.timezone;
  }
  if (patch.currency !== undefined) changes.currency = patch.currency;
  if (patch.address !== undefined) changes.address = patch.address;
  if (patch.taxId !== undefined) changes.tax_id = patch.taxId;
  if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
  if (!(await updateStoreRow(trx, id, row.version, changes))) throw versionConflict(row.version + 1);
  const store = toStore({ ...row, ...changes, version: row.version + 1 });
  const diff = changedFields(
    toStore(row) as unknown as Record<string, unknown>,
    store as unknown as Record<string, unknown>,
  );
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: id,
    entity: 'store',
    entityId: id,
    action: 'update',
    ...diff,
  });
  await emitEvent(trx, 'identity.store.updated', { store }, id);
  return store;
}

/** The stores the actor may see: the whole group for group roles, else the stores they work in. */
export async function listStores(
  db: DbOrTrx,
  actor: Actor,
  query: { limit: number; cursor?: string; sort?: string },
) {
  const reach = requirePermission(actor, 'stores.read');
  const sort = parseSort(query.sort, { code: 'code', name: 'name', createdAt: 'created_at' }, 'code');
  let q = storesOfGroup(db, reach.groupId);
  if (reach.scope !== 'group') {
    q = q.where(
      'id',
      'in',
      reach.scope === 'store' ? reach.storeIds : actor.storeRoles.map((r) => r.storeId),
    );
  }
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  const value = (r: StoreRow) =>
    ({ code: r.code, name: r.name, createdAt: r.created_at })[sort.field as 'code'];
  return toPage(rows, query.limit, value, (r) => r.id, toStore);
}
