import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  completeDeliverySchema,
  deliveryListQuery,
  deliveryPageSchema,
  deliveryPhotoSchema,
  deliverySchema,
  scheduleDeliverySchema,
  signDeliverySchema,
  updateDeliverySchema,
} from '../../../common/sales/delivery.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { completeDelivery } from './delivery-complete.service';
import {
  addPdiPhoto,
  getDelivery,
  listDeliveries,
  scheduleDelivery,
  signDelivery,
  updateDelivery,
} from './delivery.service';

const idParams = z.strictObject({ id: idSchema });
const tags = ['deliveries'];

export const deliveryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  app.get(
    '/api/v1/deliveries',
    {
      schema: {
        tags,
        summary: 'Deliveries in reach by scheduled time (the handover schedule)',
        querystring: deliveryListQuery,
        response: { 200: deliveryPageSchema, ...problemResponses },
      },
    },
    async (request) => listDeliveries(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/deliveries',
    {
      schema: {
        tags,
        summary: 'Schedule the handover of a contracted deal',
        body: scheduleDeliverySchema,
        response: { 201: deliverySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const delivery = await scheduleDelivery(trx, actor, request.body);
        return { status: 201, body: delivery, location: `/api/v1/deliveries/${delivery.id}` };
      });
    },
  );
  app.get(
    '/api/v1/deliveries/:id',
    {
      schema: {
        tags,
        summary: 'A delivery with its checklists and what still blocks the handover',
        params: idParams,
        response: { 200: deliverySchema, ...problemResponses },
      },
    },
    async (request) => getDelivery(db(), requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/deliveries/:id',
    {
      schema: {
        tags,
        summary: 'Record PDI results, documents, keys, the 三包 voucher, registration and plate',
        params: idParams,
        body: updateDeliverySchema,
        response: { 200: deliverySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateDelivery(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/deliveries/:id/photos',
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags,
        summary: 'A photo of a PDI item',
        params: idParams,
        body: deliveryPhotoSchema,
        response: { 200: deliverySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await addPdiPhoto(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/deliveries/:id/sign',
    {
      schema: {
        tags,
        summary: "The customer's handover signature",
        params: idParams,
        body: signDeliverySchema,
        response: { 200: deliverySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await signDelivery(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/deliveries/:id/complete',
    {
      schema: {
        tags,
        summary: 'Hand the car over (refused while anything blocks it); care plan and commission follow',
        params: idParams,
        body: completeDeliverySchema,
        response: { 200: deliverySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await completeDelivery(trx, actor, request.params.id, request.body.version),
      }));
    },
  );
};
