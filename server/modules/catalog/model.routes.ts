import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  modelListQuery,
  modelPageSchema,
  modelSchema,
  createModelSchema,
  patchModelSchema,
} from '../../../common/catalog/brand.schemas';
import { idSchema } from '../../../common/platform/common.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { createModel, getModel, listModels, updateModel } from './model.service';

const idParams = z.strictObject({ id: idSchema });

export const modelRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['catalog'];
  app.get(
    '/api/v1/models',
    {
      schema: {
        tags,
        summary: 'Series (车系) of the group catalogue, with their 三包 terms',
        querystring: modelListQuery,
        response: { 200: modelPageSchema, ...problemResponses },
      },
    },
    async (request) =>
      listModels(app.ctx.handle.db, app.ctx.handle.dialect, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/models',
    {
      schema: {
        tags,
        summary: 'Add a series under a brand',
        body: createModelSchema,
        response: { 201: modelSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const model = await createModel(trx, actor, request.body);
        return { status: 201, body: model, location: `/api/v1/models/${model.id}` };
      });
    },
  );
  app.get(
    '/api/v1/models/:id',
    {
      schema: {
        tags,
        summary: 'A series',
        params: idParams,
        response: { 200: modelSchema, ...problemResponses },
      },
    },
    async (request) => getModel(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/models/:id',
    {
      schema: {
        tags,
        summary: 'Change a series (carry its version)',
        params: idParams,
        body: patchModelSchema,
        response: { 200: modelSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateModel(trx, actor, request.params.id, request.body),
      }));
    },
  );
};
