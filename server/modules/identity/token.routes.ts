import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  apiTokenSchema,
  createApiTokenSchema,
  createdApiTokenSchema,
} from '../../../common/identity/user.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { createApiToken, listMyApiTokens, revokeApiToken } from './token.service';

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['api-tokens'];
  app.get(
    '/api/v1/api-tokens',
    {
      schema: {
        tags,
        summary: 'My API tokens',
        response: {
          200: z.object({ items: z.array(apiTokenSchema), nextCursor: z.null() }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({
      items: await listMyApiTokens(app.ctx.handle.db, requireActor(request)),
      nextCursor: null,
    }),
  );
  app.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (the secret is shown once)',
        body: createApiTokenSchema,
        response: { 201: createdApiTokenSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const created = await createApiToken(trx, actor, request.body.name);
        return { status: 201, body: created, location: `/api/v1/api-tokens/${created.apiToken.id}` };
      });
    },
  );
  app.post(
    '/api/v1/api-tokens/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: z.strictObject({ id: idSchema }),
        response: { 200: apiTokenSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await revokeApiToken(trx, actor, request.params.id),
      }));
    },
  );
};
