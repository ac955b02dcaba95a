import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  createStocktakeSchema,
  recordCountsSchema,
  stocktakeListQuery,
  stocktakePageSchema,
  stocktakeSchema,
  stocktakeStepSchema,
  type StocktakeAction,
} from '../../../common/parts/stocktake.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import {
  createStocktake,
  getStocktake,
  listStocktakes,
  recordCounts,
  stepStocktake,
} from './stocktake.service';

const idParams = z.strictObject({ id: idSchema });

export const stocktakeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['stocktakes'];
  const response = { 200: stocktakeSchema, ...problemResponses };
  app.get(
    '/api/v1/stocktakes',
    {
      schema: {
        tags,
        summary: 'Stocktakes (盘点) of the stores in reach, newest first',
        querystring: stocktakeListQuery,
        response: { 200: stocktakePageSchema, ...problemResponses },
      },
    },
    async (request) => listStocktakes(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/stocktakes',
    {
      schema: {
        tags,
        summary: 'Make a count sheet: full, one bin prefix or one class (cycle count), blind by default',
        body: createStocktakeSchema,
        response: { 201: stocktakeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const sheet = await createStocktake(trx, actor, request.body);
        return { status: 201, body: sheet, location: `/api/v1/stocktakes/${sheet.id}` };
      });
    },
  );
  app.get(
    '/api/v1/stocktakes/:id',
    {
      schema: {
        tags,
        summary: 'A count sheet with its variance report (book quantities hidden while a blind count runs)',
        params: idParams,
        response,
      },
    },
    async (request) => getStocktake(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/stocktakes/:id/counts',
    {
      schema: {
        tags,
        summary: 'Record counts by part or barcode (set a quantity or add a scan)',
        params: idParams,
        body: recordCountsSchema,
        response,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await recordCounts(trx, actor, request.params.id, request.body),
      }));
    },
  );
  const steps: [StocktakeAction, string][] = [
    ['submit', 'Submit the counted sheet for approval'],
    ['recount', 'Send a submitted sheet back to counting'],
    ['approve', 'Approve the variances and post them as adjustments (stocktakes.approve)'],
    ['cancel', 'Cancel the stocktake'],
  ];
  for (const [action, summary] of steps)
    app.post(
      `/api/v1/stocktakes/:id/${action}`,
      { schema: { tags, summary, params: idParams, body: stocktakeStepSchema, response } },
      async (request, reply) => {
        const actor = requireActor(request);
        return runWrite(request, reply, actor, async (trx) => ({
          status: 200,
          body: await stepStocktake(trx, actor, request.params.id, action, request.body.version),
        }));
      },
    );
};
