import type { Dialect, DbOrTrx } from '../../db/database';
import { containsInsensitive } from '../../db/dialect-sql';
import { applyPage, type SortSpec } from '../../platform/pagination';
import type { UsersTable } from './identity.tables';
import type { StoreRole, Role } from '../../../common/identity/roles';

export type UserRow = UsersTable;

export async function insertUserRow(db: DbOrTrx, row: UserRow) {
  await db.insertInto('users').values(row).execute();
}

export function findUserRow(db: DbOrTrx, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: DbOrTrx, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function storeRolesOf(db: DbOrTrx, userIds: string[]): Promise<Map<string, StoreRole[]>> {
  const map = new Map<string, StoreRole[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_store_roles')
    .select(['user_id', 'store_id', 'role'])
    .where('user_id', 'in', userIds)
    .orderBy('store_id')
    .orderBy('role')
    .execute();
  for (const r of rows) map.get(r.user_id)?.push({ storeId: r.store_id, role: r.role as Role });
  return map;
}

/**
 * The users holding a role in one of `storeIds` and in `storeId` (each given one), optionally that role:
 * one distinct id each, found through the store index of user_store_roles.
 */
export async function userIdsWithStoreRole(
  db: DbOrTrx,
  filter: { storeIds?: readonly string[]; storeId?: string; role?: string },
): Promise<string[]> {
  if (filter.storeIds?.length === 0) return [];
  let q = db.selectFrom('user_store_roles').select('user_id').distinct();
  if (filter.storeIds) q = q.where('store_id', 'in', filter.storeIds);
  if (filter.storeId) q = q.where('store_id', '=', filter.storeId);
  if (filter.role) q = q.where('role', '=', filter.role);
  return (await q.execute()).map((r) => r.user_id);
}

export interface UserPageFilter {
  groupId: string;
  /** a user who sees only themself */
  onlyUserId?: string;
  /** the users of a store, found first through its index (userIdsWithStoreRole) */
  userIds?: string[];
  role?: string;
  status?: string;
  /** a part of the username, display name or staff number, any case */
  q?: string;
}

/**
 * One page of a group's users (limit + 1 rows, for the next cursor). Given `userIds`, the page is cut
 * here, not by LIMIT: as `id in (…) … limit`, PostgreSQL walks the whole group's users in sort order
 * and probes each one — unbounded when a store's usernames sort late.
 */
export async function findUserPage(
  db: DbOrTrx,
  dialect: Dialect,
  filter: UserPageFilter,
  sort: SortSpec,
  limit: number,
  cursor: string | undefined,
): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll('users').where('users.group_id', '=', filter.groupId);
  if (filter.onlyUserId) q = q.where('users.id', '=', filter.onlyUserId);
  if (filter.userIds) q = q.where('users.id', 'in', filter.userIds);
  const role = filter.role;
  if (role)
    q = q.where('users.id', 'in', (eb) =>
      eb
        .selectFrom('user_store_roles')
        .select('user_store_roles.user_id')
        .where('user_store_roles.role', '=', role),
    );
  if (filter.status) q = q.where('users.status', '=', filter.status);
  const needle = filter.q?.trim();
  if (needle)
    q = q.where((eb) =>
      eb.or([
        containsInsensitive(dialect, 'users.username', needle),
        containsInsensitive(dialect, 'users.display_name', needle),
        containsInsensitive(dialect, 'users.staff_no', needle),
      ]),
    );
  const page = applyPage(q, sort, 'users.id', limit, cursor);
  return filter.userIds ? (await page.clearLimit().execute()).slice(0, limit + 1) : page.execute();
}

export async function replaceStoreRoles(db: DbOrTrx, userId: string, storeRoles: StoreRole[]) {
  await db.deleteFrom('user_store_roles').where('user_id', '=', userId).execute();
  const unique = [...new Map(storeRoles.map((sr) => [`${sr.storeId}|${sr.role}`, sr])).values()];
  if (unique.length === 0) return;
  await db
    .insertInto('user_store_roles')
    .values(unique.map((sr) => ({ user_id: userId, store_id: sr.storeId, role: sr.role })))
    .execute();
}

export async function updateUserRow(db: DbOrTrx, id: string, version: number, changes: Partial<UserRow>) {
  const res = await db
    .updateTable('users')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Active group administrators of a group other than `exceptUserId` (the group must keep one). */
export async function countOtherActiveGroupAdmins(db: DbOrTrx, groupId: string, exceptUserId: string) {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_store_roles', 'user_store_roles.user_id', 'users.id')
    .select((eb) => eb.fn.count<number>('users.id').distinct().as('n'))
    .where('users.group_id', '=', groupId)
    .where('users.status', '=', 'active')
    .where('user_store_roles.role', '=', 'group_admin')
    .where('users.id', '!=', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countUsers(db: DbOrTrx) {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active staff holding a role in a store, in a stable order (round-robin lead assignment walks it). */
export async function activeStaffWithRole(db: DbOrTrx, storeId: string, role: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_store_roles')
    .innerJoin('users', 'users.id', 'user_store_roles.user_id')
    .select('users.id')
    .where('user_store_roles.store_id', '=', storeId)
    .where('user_store_roles.role', '=', role)
    .where('users.status', '=', 'active')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}
