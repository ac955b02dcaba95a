import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema, paginationQuery } from '../../../common/platform/common.schemas';
import {
  createTransferSchema,
  transferPageSchema,
  transferSchema,
} from '../../../common/vehicles/vehicle.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { closeTransfer, createTransfer, getTransfer, listTransfers } from './transfer.service';

const idParams = z.strictObject({ id: idSchema });

export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['vehicle-transfers'];
  app.get(
    '/api/v1/vehicle-transfers',
    {
      schema: {
        tags,
        summary: 'Transfers from or to the stores in reach',
        querystring: paginationQuery.extend({
          status: z.enum(['in_transit', 'received', 'cancelled']).optional(),
          vehicleId: idSchema.optional(),
        }),
        response: { 200: transferPageSchema, ...problemResponses },
      },
    },
    async (request) => listTransfers(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/vehicle-transfers',
    {
      schema: {
        tags,
        summary: 'Send a vehicle to another store of the group',
        body: createTransferSchema,
        response: { 201: transferSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const transfer = await createTransfer(trx, actor, request.body);
        return { status: 201, body: transfer, location: `/api/v1/vehicle-transfers/${transfer.id}` };
      });
    },
  );
  app.get(
    '/api/v1/vehicle-transfers/:id',
    {
      schema: {
        tags,
        summary: 'A transfer',
        params: idParams,
        response: { 200: transferSchema, ...problemResponses },
      },
    },
    async (request) => getTransfer(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  for (const action of ['receive', 'cancel'] as const) {
    app.post(
      `/api/v1/vehicle-transfers/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'receive'
              ? 'Check the vehicle in at the receiving store'
              : 'Call the vehicle back (sending store)',
          params: idParams,
          response: { 200: transferSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return runWrite(request, reply, actor, async (trx) => ({
          status: 200,
          body: await closeTransfer(trx, actor, request.params.id, action),
        }));
      },
    );
  }
};
