import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  createPurchasePlanSchema,
  planPdfQuery,
  publicPurchasePlanSchema,
  purchasePlanListQuery,
  purchasePlanPageSchema,
  purchasePlanSchema,
  renewShareSchema,
} from '../../../common/crm/purchase-plan.schemas';
import { requireActor } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { languageFrom } from '../../platform/i18n';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { expiredPageHtml, planPageHtml } from './purchase-plan.page';
import { pdfFileName, renderPlanPdf } from './purchase-plan.pdf';
import {
  createPurchasePlan,
  getPurchasePlan,
  listPurchasePlans,
  loadPlan,
  loadSharedPlan,
  renewPlanShare,
} from './purchase-plan.service';
import { toPublicPlan } from './purchase-plan.view';

const idParams = z.strictObject({ id: idSchema });
/** Share tokens are 43 base64url characters; anything else cannot be one. */
const tokenParams = z.strictObject({ token: z.string().min(1).max(200) });
const pdfType = 'application/pdf';

export const purchasePlanRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['purchase-plans'];
  const db = () => app.ctx.handle.db;
  const keys = () => app.ctx.keys;
  app.get(
    '/api/v1/purchase-plans',
    {
      schema: {
        tags,
        summary: 'Purchase plans in reach, newest first (by lead or customer)',
        querystring: purchasePlanListQuery,
        response: { 200: purchasePlanPageSchema, ...problemResponses },
      },
    },
    async (request) => listPurchasePlans(db(), requireActor(request), keys(), request.query),
  );
  app.post(
    '/api/v1/purchase-plans',
    {
      schema: {
        tags,
        summary: 'Make a personalised purchase plan for a lead (1–3 trims, options, payment)',
        body: createPurchasePlanSchema,
        response: { 201: purchasePlanSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const plan = await createPurchasePlan(trx, actor, keys(), request.body);
        return { status: 201, body: plan, location: `/api/v1/purchase-plans/${plan.id}` };
      });
    },
  );
  app.get(
    '/api/v1/purchase-plans/:id',
    {
      schema: {
        tags,
        summary: 'A purchase plan with its costs and share link',
        params: idParams,
        response: { 200: purchasePlanSchema, ...problemResponses },
      },
    },
    async (request) => getPurchasePlan(db(), requireActor(request), keys(), request.params.id),
  );
  app.post(
    '/api/v1/purchase-plans/:id/share',
    {
      schema: {
        tags,
        summary: 'A new share link valid 30 days (the old one stops working)',
        params: idParams,
        body: renewShareSchema,
        response: { 200: purchasePlanSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await renewPlanShare(trx, actor, keys(), request.params.id, request.body.version),
      }));
    },
  );
  app.get(
    '/api/v1/purchase-plans/:id/pdf',
    {
      schema: {
        tags,
        summary: "The plan as a PDF in the customer's language (lang overrides)",
        params: idParams,
        querystring: planPdfQuery,
        produces: [pdfType],
      },
    },
    async (request, reply) => {
      const { view, items } = await loadPlan(db(), requireActor(request), request.params.id, 'plans.read');
      const plan = toPublicPlan(view, items, true);
      const pdf = await renderPlanPdf(plan, request.query.lang ?? plan.language);
      return reply
        .header('content-type', pdfType)
        .header('content-disposition', `attachment; filename="${pdfFileName(plan)}"`)
        .send(pdf);
    },
  );

  // The customer's side: no sign-in, the token is the key, until it expires.
  app.get(
    '/api/v1/public/purchase-plans/:token',
    {
      schema: {
        tags,
        summary: 'A shared purchase plan, without sign-in, while its link is valid',
        params: tokenParams,
        response: { 200: publicPurchasePlanSchema, ...problemResponses },
        security: [],
      },
    },
    async (request) => (await loadSharedPlan(db(), request.params.token)).plan,
  );
  app.get(
    '/api/v1/public/purchase-plans/:token/pdf',
    {
      schema: {
        tags,
        summary: 'The shared plan as a PDF, without sign-in',
        params: tokenParams,
        querystring: planPdfQuery,
        produces: [pdfType],
        security: [],
      },
    },
    async (request, reply) => {
      const { plan } = await loadSharedPlan(db(), request.params.token);
      const pdf = await renderPlanPdf(plan, request.query.lang ?? plan.language);
      return reply
        .header('content-type', pdfType)
        .header('content-disposition', `inline; filename="${pdfFileName(plan)}"`)
        .send(pdf);
    },
  );
  app.get(
    '/share/purchase-plans/:token',
    { schema: { hide: true, params: tokenParams, querystring: planPdfQuery } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      try {
        const { plan } = await loadSharedPlan(db(), request.params.token);
        return reply.send(planPageHtml(plan, request.params.token, request.query.lang ?? plan.language));
      } catch (err) {
        if (!(err instanceof AppError) || err.status !== 404) throw err;
        const lang = request.query.lang ?? languageFrom(request.headers['accept-language']);
        return reply.status(404).send(expiredPageHtml(lang));
      }
    },
  );
};
