import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createMediaSchema,
  createTrimSchema,
  mediaSchema,
  patchTrimSchema,
  trimComparisonSchema,
  trimCompareQuery,
  trimListQuery,
  trimPageSchema,
  trimSchema,
} from '../../../common/catalog/trim.schemas';
import { idSchema } from '../../../common/platform/common.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { addTrimMedia, removeTrimMedia } from './trim-media.service';
import { compareTrims, createTrim, getTrim, listTrims, updateTrim } from './trim.service';

const idParams = z.strictObject({ id: idSchema });

export const trimRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['catalog'];
  app.get(
    '/api/v1/trims',
    {
      schema: {
        tags,
        summary:
          'Find trims by attributes (features = all of them); with priceStoreId + priceDate, prices in force',
        querystring: trimListQuery,
        response: { 200: trimPageSchema, ...problemResponses },
      },
    },
    async (request) =>
      listTrims(app.ctx.handle.db, app.ctx.handle.dialect, requireActor(request), request.query),
  );
  app.get(
    '/api/v1/trims/compare',
    {
      schema: {
        tags,
        summary: 'Two to four trims side by side (ids=a,b,c)',
        querystring: trimCompareQuery,
        response: { 200: trimComparisonSchema, ...problemResponses },
      },
    },
    async (request) => compareTrims(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/trims',
    {
      schema: {
        tags,
        summary: 'Add a trim to a series, with features and colours',
        body: createTrimSchema,
        response: { 201: trimSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const trim = await createTrim(trx, actor, request.body);
        return { status: 201, body: trim, location: `/api/v1/trims/${trim.id}` };
      });
    },
  );
  app.get(
    '/api/v1/trims/:id',
    {
      schema: {
        tags,
        summary: 'A trim with its features, colours and media',
        params: idParams,
        response: { 200: trimSchema, ...problemResponses },
      },
    },
    async (request) => getTrim(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/trims/:id',
    {
      schema: {
        tags,
        summary: 'Change a trim (carry its version; colours = the full list, matched by kind + code)',
        params: idParams,
        body: patchTrimSchema,
        response: { 200: trimSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateTrim(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/trims/:id/media',
    {
      schema: {
        tags,
        summary: 'Add a photo, video or VR/AR link to a trim',
        params: idParams,
        body: createMediaSchema,
        response: { 201: mediaSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const media = await addTrimMedia(trx, actor, request.params.id, request.body);
        return { status: 201, body: media, location: `/api/v1/trims/${request.params.id}/media/${media.id}` };
      });
    },
  );
  app.delete(
    '/api/v1/trims/:id/media/:mediaId',
    {
      schema: {
        tags,
        summary: 'Remove a media asset from a trim',
        params: z.strictObject({ id: idSchema, mediaId: idSchema }),
        response: { 204: z.null().describe('removed'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        await removeTrimMedia(trx, actor, request.params.id, request.params.mediaId);
        return { status: 204, body: undefined };
      });
    },
  );
};
