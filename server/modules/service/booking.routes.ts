import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  availabilityQuery,
  availabilitySchema,
  bookingPageSchema,
  bookingQuery,
  bookingSchema,
  cancelBookingSchema,
  createBookingSchema,
  createServiceRequestSchema,
  pickupStatusSchema,
  respondServiceRequestSchema,
  serviceRequestPageSchema,
  serviceRequestQuery,
  serviceRequestSchema,
} from '../../../common/service/booking.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import {
  bookingAvailability,
  cancelBooking,
  createBooking,
  getBooking,
  listBookings,
  updatePickup,
} from './booking.service';
import {
  createServiceRequest,
  getServiceRequest,
  listServiceRequests,
  respondServiceRequest,
} from './service-request.service';

const idParams = z.strictObject({ id: idSchema });

/** Service requests (H6.1 1-2) and workshop bookings with capacity (H6.1 3). */
export const bookingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  const tags = ['service-requests'];
  app.get(
    '/api/v1/service-requests',
    {
      schema: {
        tags,
        summary: 'Service requests, newest first',
        querystring: serviceRequestQuery,
        response: { 200: serviceRequestPageSchema, ...problemResponses },
      },
    },
    async (request) => listServiceRequests(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/service-requests',
    {
      schema: {
        tags,
        summary: 'Record a service request (phone, online, walk-in)',
        body: createServiceRequestSchema,
        response: { 201: serviceRequestSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const r = await createServiceRequest(trx, actor, request.body);
        return { status: 201, body: r, location: `/api/v1/service-requests/${r.id}` };
      });
    },
  );
  app.get(
    '/api/v1/service-requests/:id',
    {
      schema: {
        tags,
        summary: 'A service request',
        params: idParams,
        response: { 200: serviceRequestSchema, ...problemResponses },
      },
    },
    async (request) => getServiceRequest(db(), requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/service-requests/:id/respond',
    {
      schema: {
        tags,
        summary: 'The first response to the customer (stops the SLA clock)',
        params: idParams,
        body: respondServiceRequestSchema,
        response: { 200: serviceRequestSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await respondServiceRequest(trx, actor, request.params.id, request.body),
      }));
    },
  );

  const btags = ['service-bookings'];
  app.get(
    '/api/v1/service-bookings',
    {
      schema: {
        tags: btags,
        summary: 'Bookings by start time (date: one local day)',
        querystring: bookingQuery,
        response: { 200: bookingPageSchema, ...problemResponses },
      },
    },
    async (request) => listBookings(db(), requireActor(request), request.query),
  );
  app.get(
    '/api/v1/service-bookings/availability',
    {
      schema: {
        tags: btags,
        summary: 'Free slots of a day: a bay and a qualified technician free for the whole job',
        querystring: availabilityQuery,
        response: { 200: availabilitySchema, ...problemResponses },
      },
    },
    async (request) => bookingAvailability(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/service-bookings',
    {
      schema: {
        tags: btags,
        summary: 'Book a car in (pick-up, loaner car optional)',
        body: createBookingSchema,
        response: { 201: bookingSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const b = await createBooking(trx, actor, request.body);
        return { status: 201, body: b, location: `/api/v1/service-bookings/${b.id}` };
      });
    },
  );
  app.get(
    '/api/v1/service-bookings/:id',
    {
      schema: {
        tags: btags,
        summary: 'A booking',
        params: idParams,
        response: { 200: bookingSchema, ...problemResponses },
      },
    },
    async (request) => getBooking(db(), requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/service-bookings/:id/cancel',
    {
      schema: {
        tags: btags,
        summary: 'Cancel a booking (frees its slots)',
        params: idParams,
        body: cancelBookingSchema,
        response: { 200: bookingSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await cancelBooking(trx, actor, request.params.id, request.body.version),
      }));
    },
  );
  app.post(
    '/api/v1/service-bookings/:id/pickup',
    {
      schema: {
        tags: btags,
        summary: 'The pick-up driver has the car / has brought it back',
        params: idParams,
        body: pickupStatusSchema,
        response: { 200: bookingSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updatePickup(trx, actor, request.params.id, request.body),
      }));
    },
  );
};
