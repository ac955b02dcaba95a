import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  createDealSchema,
  dealDecisionSchema,
  dealListQuery,
  dealPageSchema,
  dealSchema,
  patchSalesSettingsSchema,
  salesSettingsSchema,
  updateQuoteSchema,
} from '../../../common/sales/deal.schemas';
import { commissionListQuery, commissionPageSchema } from '../../../common/sales/delivery.schemas';
import { versionSchema } from '../../../common/platform/common.schemas';
import { requireActor } from '../../platform/auth';
import { languageFrom } from '../../platform/i18n';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { getDeal, listDeals } from './deal-list.service';
import { listCommissions } from './commission.service';
import { createDeal, decideDeal, reopenDeal, submitDeal, updateQuote } from './deal.service';
import { getSalesSettings, patchSalesSettings } from './sales-settings.service';

const idParams = z.strictObject({ id: idSchema });
const tags = ['deals'];

export const dealRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/deals',
    {
      schema: {
        tags,
        summary: 'Deals in reach, newest activity first (status, amount, balance, aging)',
        querystring: dealListQuery,
        response: { 200: dealPageSchema, ...problemResponses },
      },
    },
    async (request) => listDeals(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/deals',
    {
      schema: {
        tags,
        summary: 'Open a deal with its quote (报价); a stock vehicle is reserved for it',
        body: createDealSchema,
        response: { 201: dealSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const lang = languageFrom(request.headers['accept-language']);
      return runWrite(request, reply, actor, async (trx) => {
        const deal = await createDeal(trx, actor, request.body, lang);
        return { status: 201, body: deal, location: `/api/v1/deals/${deal.id}` };
      });
    },
  );
  app.get(
    '/api/v1/deals/:id',
    {
      schema: {
        tags,
        summary: 'A deal with its totals, balance and the actions legal now',
        params: idParams,
        response: { 200: dealSchema, ...problemResponses },
      },
    },
    async (request) => getDeal(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.put(
    '/api/v1/deals/:id/quote',
    {
      schema: {
        tags,
        summary: 'Change the quote (status quote only)',
        params: idParams,
        body: updateQuoteSchema,
        response: { 200: dealSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const lang = languageFrom(request.headers['accept-language']);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateQuote(trx, actor, request.params.id, request.body, lang),
      }));
    },
  );
  const simple = {
    submit: {
      summary: 'Agree the quote: within the discount limit at once, above it waiting for a manager',
      run: submitDeal,
    },
    reopen: { summary: 'Back to the quote to change it (before a contract)', run: reopenDeal },
  } as const;
  for (const [verb, { summary, run }] of Object.entries(simple)) {
    app.post(
      `/api/v1/deals/:id/${verb}`,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          body: z.strictObject({ version: versionSchema }),
          response: { 200: dealSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return runWrite(request, reply, actor, async (trx) => ({
          status: 200,
          body: await run(trx, actor, request.params.id, request.body.version),
        }));
      },
    );
  }
  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/v1/deals/:id/${decision}`,
      {
        schema: {
          tags,
          summary:
            decision === 'approve'
              ? 'A manager approves the discount (within their own limit)'
              : 'A manager sends the quote back',
          params: idParams,
          body: dealDecisionSchema,
          response: { 200: dealSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return runWrite(request, reply, actor, async (trx) => ({
          status: 200,
          body: await decideDeal(trx, actor, request.params.id, decision, request.body),
        }));
      },
    );
  }
  const storeParams = z.strictObject({ storeId: idSchema });
  app.get(
    '/api/v1/sales-settings/:storeId',
    {
      schema: {
        tags,
        summary: "The store's sales rules: discount limits, care plan, PDI items, seller data",
        params: storeParams,
        response: { 200: salesSettingsSchema, ...problemResponses },
      },
    },
    async (request) => getSalesSettings(app.ctx.handle.db, requireActor(request), request.params.storeId),
  );
  app.patch(
    '/api/v1/sales-settings/:storeId',
    {
      schema: {
        tags,
        summary: "Change the store's sales rules (store manager)",
        params: storeParams,
        body: patchSalesSettingsSchema,
        response: { 200: salesSettingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await patchSalesSettings(trx, actor, request.params.storeId, request.body),
      }));
    },
  );
  app.get(
    '/api/v1/sales-commissions',
    {
      schema: {
        tags,
        summary: 'Delivered deals with front and back gross per consultant (for commission)',
        querystring: commissionListQuery,
        response: { 200: commissionPageSchema, ...problemResponses },
      },
    },
    async (request) => listCommissions(app.ctx.handle.db, requireActor(request), request.query),
  );
};
