import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  createdWebhookSchema,
  createWebhookSchema,
  patchWebhookSchema,
  webhookSchema,
} from '../../../common/integrations/webhook.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { createWebhook, listWebhooks, updateWebhook } from './webhook.service';

export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['webhooks'];
  app.get(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: 'Webhook subscriptions of the group',
        response: {
          200: z.object({ items: z.array(webhookSchema), nextCursor: z.null() }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({
      items: await listWebhooks(app.ctx.handle.db, requireActor(request)),
      nextCursor: null,
    }),
  );
  app.post(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: 'Subscribe a URL to domain events (the signing secret is shown once)',
        body: createWebhookSchema,
        response: { 201: createdWebhookSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const created = await createWebhook(app.ctx.keys, trx, actor, request.body);
        return { status: 201, body: created, location: `/api/v1/webhooks/${created.webhook.id}` };
      });
    },
  );
  app.patch(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change or pause a webhook (carry its version)',
        params: z.strictObject({ id: idSchema }),
        body: patchWebhookSchema,
        response: { 200: webhookSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateWebhook(trx, actor, request.params.id, request.body),
      }));
    },
  );
};
