import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  reserveVehicleSchema,
  vehicleSchema,
  vehicleStatusChangeSchema,
} from '../../../common/vehicles/vehicle.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { releaseVehicle, reserveVehicle } from './reservation.service';
import { changeVehicleStatus, type SimpleStatusAction } from './vehicle-status.service';

const idParams = z.strictObject({ id: idSchema });

const simpleActions: { verb: string; action: SimpleStatusAction; summary: string }[] = [
  { verb: 'ship', action: 'ship', summary: 'The OEM has shipped the ordered vehicle (发车)' },
  { verb: 'receive', action: 'receive', summary: 'The vehicle arrived and is in stock (入库); 库龄 starts' },
  { verb: 'to-demo', action: 'to_demo', summary: 'Make the vehicle a demo / test-drive car' },
  { verb: 'from-demo', action: 'from_demo', summary: 'Return a demo car to saleable stock' },
];

/** Status actions as POSTs to verbs; each is checked against the status machine (409 names the state). */
export const vehicleStatusRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['vehicles'];
  for (const { verb, action, summary } of simpleActions) {
    app.post(
      `/api/v1/vehicles/:id/${verb}`,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          body: vehicleStatusChangeSchema.nullish(),
          response: { 200: vehicleSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return runWrite(request, reply, actor, async (trx) => ({
          status: 200,
          body: await changeVehicleStatus(trx, actor, request.params.id, action, request.body ?? {}),
        }));
      },
    );
  }
  app.post(
    '/api/v1/vehicles/:id/reserve',
    {
      schema: {
        tags,
        summary: 'Reserve the vehicle for a deal until an expiry (one consultant wins a race)',
        params: idParams,
        body: reserveVehicleSchema.nullish(),
        response: { 200: vehicleSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body ?? reserveVehicleSchema.parse({});
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await reserveVehicle(trx, actor, request.params.id, body),
      }));
    },
  );
  app.post(
    '/api/v1/vehicles/:id/release',
    {
      schema: {
        tags,
        summary: 'Release a reservation (its consultant, or a manager)',
        params: idParams,
        body: vehicleStatusChangeSchema.nullish(),
        response: { 200: vehicleSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await releaseVehicle(trx, actor, request.params.id, request.body ?? {}),
      }));
    },
  );
};
