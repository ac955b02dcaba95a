import { passwordIssues } from '../../../common/rules/password';
import { formatRuleMessage } from '../../../common/rules/messages';
import type { StoreRole } from '../../../common/identity/roles';
import type { CreateUser, PatchUser, User } from '../../../common/identity/user.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { changedFields, recordAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { emitEvent } from '../../platform/jobs';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { parseSort, toPage } from '../../platform/pagination';
import { hashPassword } from '../../platform/passwords';
import { requirePermission, reaches, type Actor, type Reach } from '../../platform/permissions';
import { decryptField, encryptField, lookupHash } from '../../platform/pii';
import { deleteSessionsOfUser } from './session.repo';
import { findStoresByIds } from './store.repo';
import {
  countOtherActiveGroupAdmins,
  findUserByUsername,
  findUserPage,
  findUserRow,
  insertUserRow,
  replaceStoreRoles,
  storeRolesOf,
  updateUserRow,
  userIdsWithStoreRole,
  type UserRow,
} from './user.repo';
import { toUser } from './user.view';
import { normalizeStaffIdNumber } from './id-number';

const userInReach = (reach: Reach, row: UserRow, roles: StoreRole[]) =>
  reaches(reach, { groupId: row.group_id, storeIds: roles.map((r) => r.storeId), ownerId: row.id });

/** A user the actor may see, or 404 (another store's user is "not found", never "forbidden"). */
async function loadVisibleUser(db: DbOrTrx, actor: Actor, id: string) {
  const reach = requirePermission(actor, 'users.read');
  const row = await findUserRow(db, id);
  const roles = row ? ((await storeRolesOf(db, [row.id])).get(row.id) ?? []) : [];
  if (!row || !userInReach(reach, row, roles)) throw notFound('user');
  return { row, roles };
}

/**
 * Roles a manager may hand out: only in stores within their reach, and group_admin only by a
 * group-wide manager (a store manager cannot promote anyone above themselves).
 */
async function assertGrantable(db: DbOrTrx, reach: Reach, storeRoles: StoreRole[], field = 'storeRoles') {
  const stores = await findStoresByIds(db, [...new Set(storeRoles.map((r) => r.storeId))]);
  const errors = storeRoles.flatMap((sr, i) => {
    const store = stores.find((s) => s.id === sr.storeId);
    if (
      !store ||
      store.group_id !== reach.groupId ||
      (reach.scope === 'store' && !reach.storeIds.includes(sr.storeId))
    ) {
      return [{ path: `${field}.${i}.storeId`, code: 'unknown_store', message: 'unknown store' }];
    }
    if (sr.role === 'group_admin' && reach.scope !== 'group') {
      return [
        {
          path: `${field}.${i}.role`,
          code: 'forbidden_role',
          message: 'only a group administrator can grant group_admin',
        },
      ];
    }
    return [];
  });
  if (reach.scope === 'own') throw new AppError('auth.forbidden');
  if (errors.length) throw new AppError('identity.unknown_store', { errors });
}

function encryptIdNumber(ctx: AppContext, raw: string | null | undefined, field = 'idNumber') {
  if (!raw) return { id_number_enc: null, id_number_hash: null };
  const normalized = normalizeStaffIdNumber(raw);
  if (!normalized) {
    throw new AppError('identity.invalid_id_number', {
      errors: [{ path: field, code: 'invalid_id_number', message: 'invalid resident identity number' }],
    });
  }
  return {
    id_number_enc: encryptField(ctx.keys, normalized),
    id_number_hash: lookupHash(ctx.keys, normalized),
  };
}

/** Creates a staff account with roles per store and a staff number from the group's counter. */
/** The policy's last rule, which needs the user: no password containing the user's own name (400 naming `password`). */
function checkedPassword(password: string, names: string[]) {
  const found = passwordIssues(password, names).filter((p) => p.code === 'rules.password.contains_name');
  if (found.length)
    throw new AppError('request.invalid', {
      errors: [
        {
          path: 'password',
          code: found[0]!.code,
          message: formatRuleMessage(found[0]!.code, undefined, 'en'),
        },
      ],
    });
  return password;
}

export async function createUser(ctx: AppContext, trx: Trx, actor: Actor, input: CreateUser): Promise<User> {
  const reach = requirePermission(actor, 'users.manage');
  await assertGrantable(trx, reach, input.storeRoles);
  if (await findUserByUsername(trx, input.username)) {
    throw new AppError('identity.username_taken', {
      errors: [{ path: 'username', code: 'taken', message: 'username taken' }],
    });
  }
  const now = nowIso();
  const row: UserRow = {
    id: newId(),
    group_id: actor.groupId,
    username: input.username,
    display_name: input.displayName,
    staff_no: await nextDocumentNumber(trx, actor.groupId, 'EMP', localYear('Asia/Shanghai')),
    phone: input.phone ?? null,
    ...encryptIdNumber(ctx, input.idNumber),
    password_hash: await hashPassword(checkedPassword(input.password, [input.username, input.displayName])),
    language: input.language,
    status: 'active',
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertUserRow(trx, row);
  await replaceStoreRoles(trx, row.id, input.storeRoles);
  const user = toUser(row, input.storeRoles, ctx.keys, true);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: input.storeRoles[0]?.storeId ?? null,
    entity: 'user',
    entityId: row.id,
    action: 'create',
    after: user,
  });
  await emitEvent(trx, 'identity.user.created', { user }, input.storeRoles[0]?.storeId ?? null);
  return user;
}

export async function getUser(ctx: AppContext, db: DbOrTrx, actor: Actor, id: string): Promise<User> {
  const { row, roles } = await loadVisibleUser(db, actor, id);
  return toUser(row, roles, ctx.keys, seesPhoneOf(actor, row.id));
}

/** PIPL: a phone number is shown in full to its owner and to those who manage staff, masked to others. */
const seesPhoneOf = (actor: Actor, userId: string) => userId === actor.userId || canManage(actor);

const canManage = (actor: Actor) => {
  try {
    requirePermission(actor, 'users.manage');
    return true;
  } catch {
    return false;
  }
};

/**
 * Changes a user. Carries the version read (stale → 409). A store manager changes only the roles in
 * their stores; the group keeps at least one active group administrator; nobody disables themselves.
 */
export async function updateUser(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  id: string,
  patch: PatchUser,
): Promise<User> {
  const { row, roles } = await loadVisibleUser(trx, actor, id);
  const self = row.id === actor.userId;
  const reach = self && onlySelfFields(patch) ? null : requirePermission(actor, 'users.manage');
  if (reach && !userInReach(reach, row, roles)) throw new AppError('auth.forbidden');
  if (row.version !== patch.version) throw versionConflict(row.version);

  let newRoles = roles;
  if (patch.storeRoles && reach) {
    await assertGrantable(trx, reach, patch.storeRoles);
    const kept = reach.scope === 'store' ? roles.filter((r) => !reach.storeIds.includes(r.storeId)) : [];
    newRoles = [...kept, ...patch.storeRoles];
  }
  if (patch.status === 'disabled' && self) throw new AppError('identity.cannot_disable_self');
  const wasAdmin = roles.some((r) => r.role === 'group_admin') && row.status === 'active';
  const staysAdmin =
    newRoles.some((r) => r.role === 'group_admin') && (patch.status ?? row.status) === 'active';
  if (wasAdmin && !staysAdmin && (await countOtherActiveGroupAdmins(trx, row.group_id, row.id)) === 0) {
    throw new AppError('identity.last_group_admin');
  }

  const changes: Partial<UserRow> = { updated_at: nowIso() };
  if (patch.displayName !== undefined) changes.display_name = patch.displayName;
  if (patch.phone !== undefined) changes.phone = patch.phone;
  if (patch.language !== undefined) changes.language = patch.language;
  if (patch.status !== undefined) changes.status = patch.status;
  if (patch.idNumber !== undefined) Object.assign(changes, encryptIdNumber(ctx, patch.idNumber));
  if (patch.password !== undefined)
    changes.password_hash = await hashPassword(
      checkedPassword(patch.password, [row.username, row.display_name]),
    );
  if (!(await updateUserRow(trx, row.id, row.version, changes))) throw versionConflict(row.version + 1);
  if (patch.storeRoles) await replaceStoreRoles(trx, row.id, newRoles);
  // a disabled account or a new password ends every open session of that user
  if (patch.status === 'disabled' || patch.password !== undefined) await deleteSessionsOfUser(trx, row.id);

  const after = { ...row, ...changes, version: row.version + 1 };
  const before = toUser(row, roles, ctx.keys, true);
  const user = toUser(after, newRoles, ctx.keys, true);
  const diff = changedFields(
    before as unknown as Record<string, unknown>,
    user as unknown as Record<string, unknown>,
  );
  if (patch.password !== undefined) diff.after.password = '[changed]';
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: newRoles[0]?.storeId ?? null,
    entity: 'user',
    entityId: row.id,
    action: 'update',
    ...diff,
  });
  await emitEvent(trx, 'identity.user.updated', { user }, newRoles[0]?.storeId ?? null);
  return reach ? user : toUser(after, newRoles, ctx.keys, seesPhoneOf(actor, row.id));
}

/** A user may change their own display name, phone, language and password without users.manage. */
const onlySelfFields = (patch: PatchUser) =>
  patch.status === undefined && patch.storeRoles === undefined && patch.idNumber === undefined;

export interface UserListQuery {
  q?: string;
  storeId?: string;
  role?: string;
  status?: string;
  sort?: string;
  limit: number;
  cursor?: string;
}

/** Lists the users within the actor's reach (own / store / group), searchable and cursor-paged. */
export async function listUsers(ctx: AppContext, db: DbOrTrx, actor: Actor, query: UserListQuery) {
  const reach = requirePermission(actor, 'users.read');
  const sort = parseSort(
    query.sort,
    { username: 'users.username', createdAt: 'users.created_at', staffNo: 'users.staff_no' },
    'username',
  );
  const storeFilter = reach.scope === 'store' ? reach.storeIds : undefined;
  const byStore = storeFilter !== undefined || query.storeId !== undefined;
  // A store's staff is few: their ids come first from the store's index, then the users by id.
  const storeUserIds = byStore
    ? await userIdsWithStoreRole(db, { storeIds: storeFilter, storeId: query.storeId, role: query.role })
    : undefined;
  if (storeUserIds?.length === 0) return { items: [], nextCursor: null };
  const rows = await findUserPage(
    db,
    ctx.handle.dialect,
    {
      groupId: reach.groupId,
      onlyUserId: reach.scope === 'own' ? reach.userId : undefined,
      userIds: storeUserIds,
      role: byStore ? undefined : query.role,
      status: query.status,
      q: query.q,
    },
    sort,
    query.limit,
    query.cursor,
  );
  const roles = await storeRolesOf(
    db,
    rows.map((r) => r.id),
  );
  const manages = canManage(actor);
  const sortValue = (r: UserRow) =>
    ({ username: r.username, createdAt: r.created_at, staffNo: r.staff_no })[sort.field as 'username'];
  return toPage(
    rows,
    query.limit,
    sortValue,
    (r) => r.id,
    (r) => toUser(r, roles.get(r.id) ?? [], ctx.keys, manages || r.id === actor.userId),
  );
}

/** Shows a staff member's full identity number to someone allowed to see it; the reveal is audited (PIPL). */
export async function revealIdNumber(ctx: AppContext, trx: Trx, actor: Actor, id: string) {
  const { row, roles } = await loadVisibleUser(trx, actor, id);
  const reach = requirePermission(actor, 'users.reveal_id_number');
  if (!userInReach(reach, row, roles)) throw new AppError('auth.forbidden');
  const idNumber = row.id_number_enc ? decryptField(ctx.keys, row.id_number_enc) : null;
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: roles[0]?.storeId ?? null,
    entity: 'user',
    entityId: row.id,
    action: 'reveal_id_number',
  });
  return { idNumber };
}
