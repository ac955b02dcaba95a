import type { Role } from '../../../common/identity/roles';
import type { Db } from '../../db/database';
import { newToken, tokenHash } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from '../../platform/login-throttle';
import { dummyPasswordHash, verifyPassword } from '../../platform/passwords';
import type { Actor } from '../../platform/permissions';
import {
  deleteSession,
  findApiTokenByHash,
  findLiveSession,
  insertSession,
  markApiTokenUsed,
  touchSession,
} from './session.repo';
import { findUserByUsername, findUserRow, storeRolesOf } from './user.repo';

/** Sessions last 12 hours from the last request (sliding), refreshed at most every 5 minutes. */
export const sessionTtlMs = 12 * 60 * 60 * 1000;
const touchEveryMs = 5 * 60 * 1000;

/**
 * Signs a user in: wrong password or disabled account → 401 (the same answer, so usernames don't leak);
 * too many failures for the username+IP → 429 before the password is even checked.
 */
export async function login(db: Db, username: string, password: string, ip: string) {
  await assertLoginAllowed(db, username, ip);
  const user = await findUserByUsername(db, username);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || user.status !== 'active') {
    await recordLoginFailure(db, username, ip);
    throw new AppError('auth.invalid_credentials');
  }
  await clearLoginFailures(db, username, ip);
  const token = newToken();
  const csrfToken = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + sessionTtlMs).toISOString();
  await insertSession(db, {
    id: tokenHash(token),
    user_id: user.id,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    last_seen_at: now.toISOString(),
  });
  return { token, csrfToken, expiresAt, user };
}

export async function logout(db: Db, actor: Actor) {
  if (actor.sessionId) await deleteSession(db, actor.sessionId);
}

/** Finds the actor behind a session token (cookie or bearer) or a long-lived API token. */
export async function resolveActor(db: Db, token: string, via: 'session' | 'bearer'): Promise<Actor | null> {
  const hash = tokenHash(token);
  const now = new Date();
  const session = await findLiveSession(db, hash, now.toISOString());
  let userId: string | undefined;
  if (session) {
    userId = session.user_id;
    if (now.getTime() - new Date(session.last_seen_at).getTime() > touchEveryMs) {
      await touchSession(db, hash, now.toISOString(), new Date(now.getTime() + sessionTtlMs).toISOString());
    }
  } else if (via === 'bearer') {
    const apiToken = await findApiTokenByHash(db, hash);
    if (apiToken) {
      userId = apiToken.user_id;
      await markApiTokenUsed(db, apiToken.id, nowIso());
    }
  }
  if (!userId) return null;
  const user = await findUserRow(db, userId);
  if (!user || user.status !== 'active') return null;
  const roles = (await storeRolesOf(db, [user.id])).get(user.id) ?? [];
  return {
    userId: user.id,
    groupId: user.group_id,
    username: user.username,
    storeRoles: roles.map((r) => ({ storeId: r.storeId, role: r.role as Role })),
    via,
    sessionId: session ? hash : null,
    csrfToken: via === 'session' && session ? session.csrf_token : null,
  };
}
