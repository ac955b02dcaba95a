import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema, pageOf, paginationQuery } from '../../../common/platform/common.schemas';
import {
  createVehicleSchema,
  patchVehicleSchema,
  stockSummarySchema,
  vehicleHistoryEntrySchema,
  vehicleListQuery,
  vehiclePageSchema,
  vehicleSchema,
} from '../../../common/vehicles/vehicle.schemas';
import { requireActor } from '../../platform/auth';
import { languageFrom } from '../../platform/i18n';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { listVehicles, stockSummary, vehicleHistory } from './vehicle-list.service';
import { createVehicle, getVehicle, updateVehicle } from './vehicle.service';

const idParams = z.strictObject({ id: idSchema });

export const vehicleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['vehicles'];
  app.get(
    '/api/v1/vehicles',
    {
      schema: {
        tags,
        summary:
          'Stock vehicles of the stores in reach (filters: status, aging, VIN fragment, trim, model, NEV)',
        querystring: vehicleListQuery,
        response: { 200: vehiclePageSchema, ...problemResponses },
      },
    },
    async (request) => listVehicles(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/vehicles',
    {
      schema: {
        tags,
        summary: 'Take a vehicle into stock by VIN',
        body: createVehicleSchema,
        response: { 201: vehicleSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const lang = languageFrom(request.headers['accept-language']);
      return runWrite(request, reply, actor, async (trx) => {
        const vehicle = await createVehicle(trx, actor, request.body, lang);
        return { status: 201, body: vehicle, location: `/api/v1/vehicles/${vehicle.id}` };
      });
    },
  );
  app.get(
    '/api/v1/vehicles/summary',
    {
      schema: {
        tags,
        summary: 'Stock by status and 库龄 bucket, with holding cost',
        querystring: z.strictObject({ storeId: idSchema.optional() }),
        response: { 200: stockSummarySchema, ...problemResponses },
      },
    },
    async (request) => stockSummary(app.ctx.handle.db, requireActor(request), request.query.storeId),
  );
  app.get(
    '/api/v1/vehicles/:id',
    {
      schema: {
        tags,
        summary: 'A stock vehicle',
        params: idParams,
        response: { 200: vehicleSchema, ...problemResponses },
      },
    },
    async (request) => getVehicle(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/vehicles/:id',
    {
      schema: {
        tags,
        summary: 'Change a vehicle’s details (carry its version)',
        params: idParams,
        body: patchVehicleSchema,
        response: { 200: vehicleSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateVehicle(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.get(
    '/api/v1/vehicles/:id/history',
    {
      schema: {
        tags,
        summary: 'A vehicle’s history: every status change, who and when',
        params: idParams,
        querystring: paginationQuery,
        response: { 200: pageOf(vehicleHistoryEntrySchema, 'VehicleHistoryPage'), ...problemResponses },
      },
    },
    async (request) =>
      vehicleHistory(app.ctx.handle.db, requireActor(request), request.params.id, request.query),
  );
};
