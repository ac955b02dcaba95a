import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  convertPartsPurchasePlanSchema,
  createPartsPurchasePlanSchema,
  partsPurchasePlanListQuery,
  partsPurchasePlanPageSchema,
  partsPurchasePlanSchema,
} from '../../../common/parts/parts-purchase-plan.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import {
  convertPurchasePlan,
  createPurchasePlan,
  getPurchasePlan,
  listPurchasePlans,
} from './purchase-plan.service';

const idParams = z.strictObject({ id: idSchema });

export const purchasePlanRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['parts-purchase-plans'];
  app.get(
    '/api/v1/parts-purchase-plans',
    {
      schema: {
        tags,
        summary: 'Parts purchase plans of the stores in reach, newest first',
        querystring: partsPurchasePlanListQuery,
        response: { 200: partsPurchasePlanPageSchema, ...problemResponses },
      },
    },
    async (request) => listPurchasePlans(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/parts-purchase-plans',
    {
      schema: {
        tags,
        summary: 'A purchase plan from the stock plan’s proposals (or the lines given)',
        body: createPartsPurchasePlanSchema,
        response: { 201: partsPurchasePlanSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const plan = await createPurchasePlan(trx, actor, request.body);
        return { status: 201, body: plan, location: `/api/v1/parts-purchase-plans/${plan.id}` };
      });
    },
  );
  app.get(
    '/api/v1/parts-purchase-plans/:id',
    {
      schema: {
        tags,
        summary: 'A purchase plan with its lines',
        params: idParams,
        response: { 200: partsPurchasePlanSchema, ...problemResponses },
      },
    },
    async (request) => getPurchasePlan(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/parts-purchase-plans/:id/convert',
    {
      schema: {
        tags,
        summary: 'Turn the plan into a draft purchase order to an approved supplier',
        params: idParams,
        body: convertPartsPurchasePlanSchema,
        response: { 200: partsPurchasePlanSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await convertPurchasePlan(trx, actor, request.params.id, request.body),
      }));
    },
  );
};
