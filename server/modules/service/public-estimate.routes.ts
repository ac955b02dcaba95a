import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  decideByLinkSchema,
  publicDecisionResultSchema,
  publicEstimateSchema,
} from '../../../common/service/repair-order.schemas';
import { AppError } from '../../platform/errors';
import { errorTitles, languageFrom, type Lang } from '../../platform/i18n';
import { problemResponses } from '../../platform/openapi';
import { approvalDoneHtml, approvalGoneHtml, approvalPageHtml } from './approval.page';
import { decideByLink, publicEstimate } from './public-estimate.service';

const tokenParams = z.strictObject({ token: z.string().min(1).max(200) });
const langQuery = z.strictObject({ lang: z.enum(['zh-CN', 'en']).optional() });

/**
 * The customer's side of the estimate (H6.1 5): no sign-in, the token is the key, until it expires and
 * only once. JSON under /api/v1/public for apps; the phone page at /approve/{token} for the link itself.
 */
export const publicEstimateRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  const tags = ['public'];
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.get(
    '/api/v1/public/estimates/:token',
    {
      schema: {
        tags,
        summary: 'The estimate behind an approval link, without sign-in',
        params: tokenParams,
        response: { 200: publicEstimateSchema, ...problemResponses },
        security: [],
      },
    },
    async (request) => publicEstimate(db(), request.params.token),
  );
  app.post(
    '/api/v1/public/estimates/:token/decisions',
    {
      schema: {
        tags,
        summary: 'The customer approves or declines each line (once)',
        params: tokenParams,
        body: decideByLinkSchema,
        response: { 200: publicDecisionResultSchema, ...problemResponses },
        security: [],
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => decideByLink(trx, request.params.token, request.body)),
  );

  const langOf = (q: { lang?: Lang }, header: string | undefined, fallback?: string): Lang =>
    q.lang ?? (fallback === 'en' || fallback === 'zh-CN' ? fallback : languageFrom(header));
  const gone = (err: unknown, lang: Lang) => {
    if (
      err instanceof AppError &&
      (err.code === 'service.approval_expired' || err.code === 'service.approval_used')
    )
      return { status: err.status, html: approvalGoneHtml(lang, errorTitles[err.code][lang]) };
    return null;
  };
  app.get(
    '/approve/:token',
    { schema: { hide: true, params: tokenParams, querystring: langQuery } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      try {
        const e = await publicEstimate(db(), request.params.token);
        return reply.send(
          approvalPageHtml(
            e,
            request.params.token,
            langOf(request.query, request.headers['accept-language'], e.language),
          ),
        );
      } catch (err) {
        const g = gone(err, langOf(request.query, request.headers['accept-language']));
        if (!g) throw err;
        return reply.status(g.status).send(g.html);
      }
    },
  );
  app.post(
    '/approve/:token',
    {
      schema: {
        hide: true,
        params: tokenParams,
        querystring: langQuery,
        body: z.record(z.string(), z.string()),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      const lang = langOf(request.query, request.headers['accept-language']);
      const form = request.body;
      const decisions = Object.entries(form)
        .filter(([k, v]) => k.startsWith('line_') && (v === 'approved' || v === 'declined'))
        .map(([k, v]) => ({ lineId: k.slice(5), decision: v as 'approved' | 'declined' }));
      const signerName = (form.signerName ?? '').trim().slice(0, 60);
      try {
        if (!signerName || !decisions.length) throw new AppError('service.lines_undecided');
        const result = await db()
          .transaction()
          .execute((trx) => decideByLink(trx, request.params.token, { signerName, decisions }));
        return reply.send(approvalDoneHtml(lang, result));
      } catch (err) {
        const g = gone(err, lang);
        if (g) return reply.status(g.status).send(g.html);
        if (err instanceof AppError && (err.status === 422 || err.status === 400)) {
          const e = await publicEstimate(db(), request.params.token);
          return reply
            .status(err.status)
            .send(approvalPageHtml(e, request.params.token, lang, errorTitles[err.code][lang]));
        }
        throw err;
      }
    },
  );
};
