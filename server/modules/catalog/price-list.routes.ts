import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createPriceListSchema,
  patchPriceListSchema,
  priceListListQuery,
  priceListPageSchema,
  priceListSchema,
  quoteLineCheckResultSchema,
  quoteLineCheckSchema,
} from '../../../common/catalog/price-list.schemas';
import { idSchema } from '../../../common/platform/common.schemas';
import { requireActor } from '../../platform/auth';
import { languageFrom } from '../../platform/i18n';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { requireStoreReach } from './catalog.access';
import { checkQuoteLine } from './price-check.service';
import {
  createPriceList,
  getPriceList,
  listPriceLists,
  transitionPriceList,
  updatePriceList,
} from './price-list.service';

const idParams = z.strictObject({ id: idSchema });

export const priceListRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['price-lists'];
  app.get(
    '/api/v1/price-lists',
    {
      schema: {
        tags,
        summary: 'Price lists of the stores within your reach',
        querystring: priceListListQuery,
        response: { 200: priceListPageSchema, ...problemResponses },
      },
    },
    async (request) => listPriceLists(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/price-lists',
    {
      schema: {
        tags,
        summary: 'Draft a store price list (guide and display prices, options, accessories, fees)',
        body: createPriceListSchema,
        response: { 201: priceListSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const list = await createPriceList(trx, actor, request.body);
        return { status: 201, body: list, location: `/api/v1/price-lists/${list.id}` };
      });
    },
  );
  app.post(
    '/api/v1/price-lists/check-quote-line',
    {
      schema: {
        tags,
        summary: 'Check a quote line against the price on display that day (汽车销售管理办法 Art. 10)',
        body: quoteLineCheckSchema,
        response: { 200: quoteLineCheckResultSchema, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const db = app.ctx.handle.db;
      await requireStoreReach(db, actor, 'prices.read', request.body.storeId);
      return checkQuoteLine(db, request.body, languageFrom(request.headers['accept-language']));
    },
  );
  app.get(
    '/api/v1/price-lists/:id',
    {
      schema: {
        tags,
        summary: 'A price list with its lines',
        params: idParams,
        response: { 200: priceListSchema, ...problemResponses },
      },
    },
    async (request) => getPriceList(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/price-lists/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft price list (carry its version; items replace all lines)',
        params: idParams,
        body: patchPriceListSchema,
        response: { 200: priceListSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updatePriceList(trx, actor, request.params.id, request.body),
      }));
    },
  );
  for (const action of ['publish', 'withdraw'] as const) {
    app.post(
      `/api/v1/price-lists/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'publish'
              ? 'Publish a draft: from its effective date it is the price on display'
              : 'Withdraw a price list: it is no longer in force',
          params: idParams,
          response: { 200: priceListSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return runWrite(request, reply, actor, async (trx) => ({
          status: 200,
          body: await transitionPriceList(trx, actor, request.params.id, action),
        }));
      },
    );
  }
};
