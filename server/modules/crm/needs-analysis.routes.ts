import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  needsAnalysisDetailSchema,
  needsAnalysisListQuery,
  needsAnalysisPageSchema,
  needsAnalysisSchema,
  saveNeedsAnalysisSchema,
} from '../../../common/crm/needs-analysis.schemas';
import { recommendationsQuery, recommendationsSchema } from '../../../common/crm/recommendation.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { getNeedsAnalysis, listNeedsAnalyses, saveNeedsAnalysis } from './needs-analysis.service';
import { recommendForNeeds } from './recommendation.service';

const idParams = z.strictObject({ id: idSchema });

export const needsAnalysisRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['needs'];
  const db = () => app.ctx.handle.db;
  app.get(
    '/api/v1/needs-analyses',
    {
      schema: {
        tags,
        summary: "Needs analyses in reach, newest first (a lead's history with leadId)",
        querystring: needsAnalysisListQuery,
        response: { 200: needsAnalysisPageSchema, ...problemResponses },
      },
    },
    async (request) => listNeedsAnalyses(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/needs-analyses',
    {
      schema: {
        tags,
        summary: "Save the lead's needs as a new version (201; 200 when nothing changed)",
        body: saveNeedsAnalysisSchema,
        response: { 200: needsAnalysisSchema, 201: needsAnalysisSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const { created, analysis } = await saveNeedsAnalysis(trx, actor, request.body);
        return created
          ? { status: 201, body: analysis, location: `/api/v1/needs-analyses/${analysis.id}` }
          : { status: 200, body: analysis };
      });
    },
  );
  app.get(
    '/api/v1/needs-analyses/:id',
    {
      schema: {
        tags,
        summary: "A version of a lead's needs, with the lead's history",
        params: idParams,
        response: { 200: needsAnalysisDetailSchema, ...problemResponses },
      },
    },
    async (request) => getNeedsAnalysis(db(), requireActor(request), request.params.id),
  );
  app.get(
    '/api/v1/needs-analyses/:id/recommendations',
    {
      schema: {
        tags,
        summary: "Trims for this need from the store's stock and price list, ranked, with reasons",
        params: idParams,
        querystring: recommendationsQuery,
        response: { 200: recommendationsSchema, ...problemResponses },
      },
    },
    async (request) => recommendForNeeds(db(), requireActor(request), request.params.id, request.query.limit),
  );
};
