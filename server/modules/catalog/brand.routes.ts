import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  brandListQuery,
  brandPageSchema,
  brandSchema,
  createBrandSchema,
  patchBrandSchema,
} from '../../../common/catalog/brand.schemas';
import { idSchema } from '../../../common/platform/common.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { createBrand, getBrand, listBrands, updateBrand } from './brand.service';

const idParams = z.strictObject({ id: idSchema });

export const brandRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['catalog'];
  app.get(
    '/api/v1/brands',
    {
      schema: {
        tags,
        summary: 'Brands of the group catalogue',
        querystring: brandListQuery,
        response: { 200: brandPageSchema, ...problemResponses },
      },
    },
    async (request) =>
      listBrands(app.ctx.handle.db, app.ctx.handle.dialect, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/brands',
    {
      schema: {
        tags,
        summary: 'Add a brand',
        body: createBrandSchema,
        response: { 201: brandSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const brand = await createBrand(trx, actor, request.body);
        return { status: 201, body: brand, location: `/api/v1/brands/${brand.id}` };
      });
    },
  );
  app.get(
    '/api/v1/brands/:id',
    {
      schema: {
        tags,
        summary: 'A brand',
        params: idParams,
        response: { 200: brandSchema, ...problemResponses },
      },
    },
    async (request) => getBrand(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/brands/:id',
    {
      schema: {
        tags,
        summary: 'Change a brand (carry its version)',
        params: idParams,
        body: patchBrandSchema,
        response: { 200: brandSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateBrand(trx, actor, request.params.id, request.body),
      }));
    },
  );
};
