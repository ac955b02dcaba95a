import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { newToken, tokenHash } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { requirePermission, type Actor } from '../../platform/permissions';
import { apiTokensOfUser, findApiToken, insertApiToken, revokeApiTokenRow } from './session.repo';
import type { ApiTokensTable } from './identity.tables';

const toApiToken = (r: ApiTokensTable) => ({
  id: r.id,
  name: r.name,
  userId: r.user_id,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/**
 * A long-lived bearer token for an integration, acting as its owner with the owner's roles.
 * The secret is shown once; only its hash is kept.
 */
export async function createApiToken(trx: Trx, actor: Actor, name: string) {
  requirePermission(actor, 'tokens.manage');
  const token = `fct_${newToken()}`;
  const row: ApiTokensTable = {
    id: newId(),
    user_id: actor.userId,
    name,
    token_hash: tokenHash(token),
    created_at: nowIso(),
    last_used_at: null,
    revoked_at: null,
  };
  await insertApiToken(trx, row);
  const apiToken = toApiToken(row);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'api_token',
    entityId: row.id,
    action: 'create',
    after: apiToken,
  });
  return { token, apiToken };
}

export async function listMyApiTokens(db: DbOrTrx, actor: Actor) {
  requirePermission(actor, 'tokens.manage');
  return (await apiTokensOfUser(db, actor.userId)).map(toApiToken);
}

export async function revokeApiToken(trx: Trx, actor: Actor, id: string) {
  requirePermission(actor, 'tokens.manage');
  const row = await findApiToken(trx, id);
  if (!row || row.user_id !== actor.userId) throw notFound('api_token');
  const at = nowIso();
  await revokeApiTokenRow(trx, id, at);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'api_token',
    entityId: id,
    action: 'revoke',
  });
  return toApiToken({ ...row, revoked_at: row.revoked_at ?? at });
}
