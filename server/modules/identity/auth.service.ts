import { recordAudit } from '../../platform/audit';
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
  findLiveSessionActor,
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
    // a failed sign-in to a real account is in its audit trail (from where), never the password
    if (user) await recordAudit(db, signInAudit(user.id, 'login_failed', ip));
    throw new AppError('auth.invalid_credentials');
  }
  const token = newToken();
  const csrfToken = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + sessionTtlMs).toISOString();
  await db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, username, ip);
    await insertSession(trx, {
      id: tokenHash(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
    });
    await recordAudit(trx, signInAudit(user.id, 'login', ip));
  });
  return { token, csrfToken, expiresAt, user };
}

export async function logout(db: Db, actor: Actor) {
  if (!actor.sessionId) return;
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, actor.sessionId!);
    await recordAudit(trx, { ...signInAudit(actor.userId, 'logout', null), actorId: actor.userId });
  });
}

/**
 * Sign-ins, failed sign-ins and sign-outs are audited on the account (security basics), with the address;
 * a failed one names the account that was tried, so the group's auditors see it.
 */
const signInAudit = (userId: string, action: string, ip: string | null) => ({
  actorId: userId,
  storeId: null,
  entity: 'user',
  entityId: userId,
  action,
  after: ip ? { ip } : {},
});

/** Finds the actor behind a session token (cookie or bearer) or a long-lived API token. */
export async function resolveActor(db: Db, token: string, via: 'session' | 'bearer'): Promise<Actor | null> {
  const hash = tokenHash(token);
  const now = new Date();
  const rows = await findLiveSessionActor(db, hash, now.toISOString());
  const session = rows[0];
  if (session) {
    if (session.status !== 'active') return null;
    if (now.getTime() - new Date(session.last_seen_at).getTime() > touchEveryMs) {
      await touchSession(db, hash, now.toISOString(), new Date(now.getTime() + sessionTtlMs).toISOString());
    }
    return {
      userId: session.user_id,
      groupId: session.group_id,
      username: session.username,
      storeRoles: rows.flatMap((r) =>
        r.store_id && r.role ? [{ storeId: r.store_id, role: r.role as Role }] : [],
      ),
      via,
      sessionId: hash,
      csrfToken: via === 'session' ? session.csrf_token : null,
    };
  }
  if (via !== 'bearer') return null;
  const apiToken = await findApiTokenByHash(db, hash);
  if (!apiToken) return null;
  await markApiTokenUsed(db, apiToken.id, nowIso());
  const user = await findUserRow(db, apiToken.user_id);
  if (!user || user.status !== 'active') return null;
  const roles = (await storeRolesOf(db, [user.id])).get(user.id) ?? [];
  return {
    userId: user.id,
    groupId: user.group_id,
    username: user.username,
    storeRoles: roles.map((r) => ({ storeId: r.storeId, role: r.role as Role })),
    via,
    sessionId: null,
    csrfToken: null,
  };
}
