import type { DbOrTrx } from '../../db/database';
import type { ApiTokensTable, SessionsTable } from './identity.tables';

export async function insertSession(db: DbOrTrx, row: SessionsTable) {
  await db.insertInto('sessions').values(row).execute();
}

/**
 * A live session with its user and the user's store roles, in one statement (every request runs it):
 * one row per role, or one row with null role for a user without roles; none when expired or unknown.
 */
export function findLiveSessionActor(db: DbOrTrx, id: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('user_store_roles', 'user_store_roles.user_id', 'users.id')
    .select([
      'sessions.user_id',
      'sessions.last_seen_at',
      'sessions.csrf_token',
      'users.group_id',
      'users.username',
      'users.status',
      'user_store_roles.store_id',
      'user_store_roles.role',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', nowIso)
    .orderBy('user_store_roles.store_id')
    .orderBy('user_store_roles.role')
    .execute();
}

export async function touchSession(db: DbOrTrx, id: string, lastSeenAt: string, expiresAt: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: DbOrTrx, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: DbOrTrx, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: DbOrTrx, nowIso: string) {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute();
}

export async function insertApiToken(db: DbOrTrx, row: ApiTokensTable) {
  await db.insertInto('api_tokens').values(row).execute();
}

export function findApiTokenByHash(db: DbOrTrx, hash: string) {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function apiTokensOfUser(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function findApiToken(db: DbOrTrx, id: string) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markApiTokenUsed(db: DbOrTrx, id: string, at: string) {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeApiTokenRow(db: DbOrTrx, id: string, at: string) {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
