import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema, paginationQuery } from '../../../common/platform/common.schemas';
import {
  createStoreSchema,
  patchStoreSchema,
  storePageSchema,
  storeSchema,
} from '../../../common/identity/store.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { createStore, getStore, listStores, updateStore } from './store.service';

const idParams = z.strictObject({ id: idSchema });

export const storeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['stores'];
  app.get(
    '/api/v1/stores',
    {
      schema: {
        tags,
        summary: 'Stores within your reach',
        querystring: paginationQuery.extend({ sort: z.string().max(40).optional() }),
        response: { 200: storePageSchema, ...problemResponses },
      },
    },
    async (request) => listStores(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/stores',
    {
      schema: {
        tags,
        summary: 'Open a store in your dealer group',
        body: createStoreSchema,
        response: { 201: storeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const store = await createStore(trx, actor, request.body);
        return { status: 201, body: store, location: `/api/v1/stores/${store.id}` };
      });
    },
  );
  app.get(
    '/api/v1/stores/:id',
    {
      schema: {
        tags,
        summary: 'A store',
        params: idParams,
        response: { 200: storeSchema, ...problemResponses },
      },
    },
    async (request) => getStore(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/stores/:id',
    {
      schema: {
        tags,
        summary: 'Change a store (carry its version)',
        params: idParams,
        body: patchStoreSchema,
        response: { 200: storeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateStore(trx, actor, request.params.id, request.body),
      }));
    },
  );
};
