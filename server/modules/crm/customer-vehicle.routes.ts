import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema, paginationQuery } from '../../../common/platform/common.schemas';
import {
  createCustomerVehicleSchema,
  customerVehicleListQuery,
  customerVehiclePageSchema,
  customerVehicleSchema,
  mileageInputSchema,
  mileagePageSchema,
  mileageReadingSchema,
  patchCustomerVehicleSchema,
} from '../../../common/crm/customer-vehicle.schemas';
import { requireActor } from '../../platform/auth';
import { languageFrom } from '../../platform/i18n';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import {
  createCustomerVehicle,
  getCustomerVehicle,
  listCustomerVehicles,
  updateCustomerVehicle,
} from './customer-vehicle.service';
import { mileageHistory, recordMileage } from './mileage.service';

const idParams = z.strictObject({ id: idSchema });

export const customerVehicleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['customer-vehicles'];
  app.get(
    '/api/v1/customer-vehicles',
    {
      schema: {
        tags,
        summary: 'Customer vehicles in reach: of a customer, or by plate prefix / VIN (full or last 6)',
        querystring: customerVehicleListQuery,
        response: { 200: customerVehiclePageSchema, ...problemResponses },
      },
    },
    async (request) => listCustomerVehicles(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/customer-vehicles',
    {
      schema: {
        tags,
        summary: 'Register a vehicle a customer drives (VIN decoded; one active customer per VIN)',
        body: createCustomerVehicleSchema,
        response: { 201: customerVehicleSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const lang = languageFrom(request.headers['accept-language']);
      return runWrite(request, reply, actor, async (trx) => {
        const vehicle = await createCustomerVehicle(trx, actor, request.body, lang);
        return { status: 201, body: vehicle, location: `/api/v1/customer-vehicles/${vehicle.id}` };
      });
    },
  );
  app.get(
    '/api/v1/customer-vehicles/:id',
    {
      schema: {
        tags,
        summary: 'A customer vehicle',
        params: idParams,
        response: { 200: customerVehicleSchema, ...problemResponses },
      },
    },
    async (request) => getCustomerVehicle(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/customer-vehicles/:id',
    {
      schema: {
        tags,
        summary: 'Change a customer vehicle (carry its version)',
        params: idParams,
        body: patchCustomerVehicleSchema,
        response: { 200: customerVehicleSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const lang = languageFrom(request.headers['accept-language']);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateCustomerVehicle(trx, actor, request.params.id, request.body, lang),
      }));
    },
  );
  app.post(
    '/api/v1/customer-vehicles/:id/mileage',
    {
      schema: {
        tags,
        summary: 'Record an odometer reading (lower than the last needs a reason)',
        params: idParams,
        body: mileageInputSchema,
        response: { 201: mileageReadingSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const lang = languageFrom(request.headers['accept-language']);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 201,
        body: await recordMileage(trx, actor, request.params.id, request.body, lang),
      }));
    },
  );
  app.get(
    '/api/v1/customer-vehicles/:id/mileage',
    {
      schema: {
        tags,
        summary: 'Odometer history of a customer vehicle, newest first',
        params: idParams,
        querystring: paginationQuery,
        response: { 200: mileagePageSchema, ...problemResponses },
      },
    },
    async (request) =>
      mileageHistory(app.ctx.handle.db, requireActor(request), request.params.id, request.query),
  );
};
