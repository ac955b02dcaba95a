import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  catalogOptionListQuery,
  catalogOptionPageSchema,
  catalogOptionSchema,
  createCatalogOptionSchema,
  patchCatalogOptionSchema,
} from '../../../common/catalog/trim.schemas';
import { idSchema } from '../../../common/platform/common.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { createOption, getOption, listOptions, updateOption } from './option.service';

const idParams = z.strictObject({ id: idSchema });

export const optionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['catalog'];
  app.get(
    '/api/v1/catalog-options',
    {
      schema: {
        tags,
        summary: 'Factory options (选装) and dealer accessories (精品) of the group catalogue',
        querystring: catalogOptionListQuery,
        response: { 200: catalogOptionPageSchema, ...problemResponses },
      },
    },
    async (request) =>
      listOptions(app.ctx.handle.db, app.ctx.handle.dialect, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/catalog-options',
    {
      schema: {
        tags,
        summary: 'Add a factory option or accessory',
        body: createCatalogOptionSchema,
        response: { 201: catalogOptionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const option = await createOption(trx, actor, request.body);
        return { status: 201, body: option, location: `/api/v1/catalog-options/${option.id}` };
      });
    },
  );
  app.get(
    '/api/v1/catalog-options/:id',
    {
      schema: {
        tags,
        summary: 'A factory option or accessory',
        params: idParams,
        response: { 200: catalogOptionSchema, ...problemResponses },
      },
    },
    async (request) => getOption(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/catalog-options/:id',
    {
      schema: {
        tags,
        summary: 'Change an option or accessory (carry its version)',
        params: idParams,
        body: patchCatalogOptionSchema,
        response: { 200: catalogOptionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateOption(trx, actor, request.params.id, request.body),
      }));
    },
  );
};
