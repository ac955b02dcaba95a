import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  createWebhookSchema,
  patchWebhookSchema,
  PublicEventType,
} from '../../../common/integrations/webhook.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { changedFields, recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { requirePermission, type Actor } from '../../platform/permissions';
import { encryptField, type PiiKeys } from '../../platform/pii';
import type { WebhooksTable } from './integrations.tables';
import { findWebhook, insertWebhook, updateWebhookRow, webhooksOfGroup } from './webhook.repo';

export const toWebhook = (r: WebhooksTable) => ({
  id: r.id,
  url: r.url,
  events: JSON.parse(r.events) as PublicEventType[],
  active: r.active === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function requireGroupManager(actor: Actor) {
  const reach = requirePermission(actor, 'webhooks.manage');
  if (reach.scope !== 'group') throw new AppError('auth.forbidden');
  return reach;
}

/**
 * Subscribes an integration's URL to domain events of the group. The signing secret is shown once
 * and stored encrypted; every delivery carries `X-Forecourt-Signature: sha256=<HMAC of the body>`.
 */
export async function createWebhook(
  keys: PiiKeys,
  trx: Trx,
  actor: Actor,
  input: z.infer<typeof createWebhookSchema>,
) {
  const reach = requireGroupManager(actor);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const now = nowIso();
  const row: WebhooksTable = {
    id: newId(),
    group_id: reach.groupId,
    url: input.url,
    events: JSON.stringify([...new Set(input.events)]),
    secret_enc: encryptField(keys, secret),
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertWebhook(trx, row);
  const webhook = toWebhook(row);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'webhook',
    entityId: row.id,
    action: 'create',
    after: webhook,
  });
  return { webhook, secret };
}

export async function listWebhooks(db: DbOrTrx, actor: Actor) {
  const reach = requireGroupManager(actor);
  return (await webhooksOfGroup(db, reach.groupId)).map(toWebhook);
}

/** Changes the URL, the events or pauses the subscription; carries the version read. */
export async function updateWebhook(
  trx: Trx,
  actor: Actor,
  id: string,
  patch: z.infer<typeof patchWebhookSchema>,
) {
  const reach = requireGroupManager(actor);
  const row = await findWebhook(trx, id);
  if (!row || row.group_id !== reach.groupId) throw notFound('webhook');
  if (row.version !== patch.version) throw versionConflict(row.version);
  const changes: Partial<WebhooksTable> = { updated_at: nowIso() };
  if (patch.url !== undefined) changes.url = patch.url;
  if (patch.events !== undefined) changes.events = JSON.stringify([...new Set(patch.events)]);
  if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
  if (!(await updateWebhookRow(trx, id, row.version, changes))) throw versionConflict(row.version + 1);
  const webhook = toWebhook({ ...row, ...changes, version: row.version + 1 });
  const diff = changedFields(
    toWebhook(row) as unknown as Record<string, unknown>,
    webhook as unknown as Record<string, unknown>,
  );
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'webhook',
    entityId: id,
    action: 'update',
    ...diff,
  });
  return webhook;
}
