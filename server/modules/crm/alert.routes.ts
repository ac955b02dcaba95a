import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema, versionSchema } from '../../../common/platform/common.schemas';
import { alertListQuery, alertPageSchema, alertSchema } from '../../../common/crm/lead.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { listMyAlerts, resolveAlert } from './alert.service';

/** The inbox of "my day": every signed-in user sees the alerts addressed to them or their roles. */
export const alertRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['alerts'];
  app.get(
    '/api/v1/alerts',
    {
      schema: {
        tags,
        summary: 'My alerts (to me, or to a role I hold in a store)',
        querystring: alertListQuery,
        response: { 200: alertPageSchema, ...problemResponses },
      },
    },
    async (request) => listMyAlerts(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/alerts/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Mark an alert as dealt with',
        params: z.strictObject({ id: idSchema }),
        body: z.strictObject({ version: versionSchema }),
        response: { 200: alertSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await resolveAlert(trx, actor, request.params.id, request.body.version),
      }));
    },
  );
};
