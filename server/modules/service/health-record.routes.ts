import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  healthRecordPageSchema,
  healthRecordQuery,
  healthRecordSchema,
} from '../../../common/service/health-record.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { listHealthRecords, retryHealthRecord } from './health-record.service';

/** The repair health-record exports (JT/T 1132) with their state, and a retry for failed ones. */
export const healthRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['health-records'];
  app.get(
    '/api/v1/health-records',
    {
      schema: {
        tags,
        summary: 'Health-record exports and their state (failures visible)',
        querystring: healthRecordQuery,
        response: { 200: healthRecordPageSchema, ...problemResponses },
      },
    },
    async (request) => listHealthRecords(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/health-records/:id/retry',
    {
      schema: {
        tags,
        summary: 'Export a failed record again now',
        params: z.strictObject({ id: idSchema }),
        response: { 200: healthRecordSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await retryHealthRecord(trx, actor, request.params.id),
      }));
    },
  );
};
