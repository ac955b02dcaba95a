import { createHmac } from 'node:crypto';
import { publicEventTypes } from '../../../common/integrations/webhook.schemas';
import type { Db } from '../../db/database';
import { enqueueJob } from '../../platform/jobs';
import { decryptField, type PiiKeys } from '../../platform/pii';
import { onJob, type HandlerRegistry } from '../../platform/worker';
import { activeWebhooksOfGroup, findWebhook, groupOfStore } from './webhook.repo';

export const deliverJobType = 'integrations.webhook.deliver';

interface DeliveryPayload {
  webhookId: string;
  event: { id: string; type: string; occurredAt: string; data: unknown };
}

export const signBody = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Fan-out: each public domain event becomes one delivery job per subscribed webhook, so a slow or
 * failing receiver retries on its own (2^n s backoff, 8 attempts) without holding up the others.
 */
export function registerWebhookDelivery(
  registry: HandlerRegistry,
  db: Db,
  keys: PiiKeys,
  timeoutMs = 10_000,
) {
  for (const type of publicEventTypes) {
    onJob(registry, type, async (payload, job) => {
      if (!job.storeId) return;
      const groupId = await groupOfStore(db, job.storeId);
      if (!groupId) return;
      const hooks = (await activeWebhooksOfGroup(db, groupId)).filter((h) =>
        (JSON.parse(h.events) as string[]).includes(type),
      );
      for (const hook of hooks) {
        const delivery: DeliveryPayload = {
          webhookId: hook.id,
          event: { id: job.id, type, occurredAt: job.createdAt, data: payload },
        };
        await enqueueJob(db, deliverJobType, delivery, { storeId: job.storeId });
      }
    });
  }

  onJob(registry, deliverJobType, async (payload, job) => {
    const { webhookId, event } = payload as DeliveryPayload;
    const hook = await findWebhook(db, webhookId);
    if (!hook || hook.active !== 1) return; // removed or paused since: nothing to deliver
    const body = JSON.stringify(event);
    const res = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Forecourt-Webhooks/1',
        'x-forecourt-event': event.type,
        'x-forecourt-delivery': job.id,
        'x-forecourt-signature': signBody(decryptField(keys, hook.secret_enc), body),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  });
}
