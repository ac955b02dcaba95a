import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema, paginationQuery } from '../../../common/platform/common.schemas';
import {
  createShowroomPlanSchema,
  patchShowroomPlanSchema,
  showroomPlanPageSchema,
  showroomPlanSchema,
} from '../../../common/vehicles/vehicle.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { activatePlan, archivePlan, createPlan, getPlan, listPlans, updatePlan } from './showroom.service';

const idParams = z.strictObject({ id: idSchema });

/** Showroom display plans (H2.2.2). */
export const showroomRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['showroom-plans'];
  app.get(
    '/api/v1/showroom-plans',
    {
      schema: {
        tags,
        summary: 'Showroom plans of the stores in reach',
        querystring: paginationQuery.extend({
          storeId: idSchema.optional(),
          status: z.enum(['draft', 'active', 'archived']).optional(),
        }),
        response: { 200: showroomPlanPageSchema, ...problemResponses },
      },
    },
    async (request) => listPlans(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/showroom-plans',
    {
      schema: {
        tags,
        summary: 'Draft a showroom plan',
        body: createShowroomPlanSchema,
        response: { 201: showroomPlanSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const plan = await createPlan(trx, actor, request.body);
        return { status: 201, body: plan, location: `/api/v1/showroom-plans/${plan.id}` };
      });
    },
  );
  app.get(
    '/api/v1/showroom-plans/:id',
    {
      schema: {
        tags,
        summary: 'A showroom plan with its NEV check',
        params: idParams,
        response: { 200: showroomPlanSchema, ...problemResponses },
      },
    },
    async (request) => getPlan(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/showroom-plans/:id',
    {
      schema: {
        tags,
        summary: 'Change a plan (carry its version)',
        params: idParams,
        body: patchShowroomPlanSchema,
        response: { 200: showroomPlanSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updatePlan(trx, actor, request.params.id, request.body),
      }));
    },
  );
  for (const [verb, run, summary] of [
    ['activate', activatePlan, 'Put the plan on the floor (archives the previous one; NEV check)'],
    ['archive', archivePlan, 'Retire the plan'],
  ] as const) {
    app.post(
      `/api/v1/showroom-plans/:id/${verb}`,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          response: { 200: showroomPlanSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return runWrite(request, reply, actor, async (trx) => ({
          status: 200,
          body: await run(trx, actor, request.params.id),
        }));
      },
    );
  }
};
