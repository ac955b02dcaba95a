import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  appointmentListQuery,
  appointmentPageSchema,
  appointmentSchema,
  checkLicenceSchema,
  closeAppointmentSchema,
  createAppointmentSchema,
  createReceptionSchema,
  createTestDriveSchema,
  departReceptionSchema,
  endTestDriveSchema,
  patchReceptionSchema,
  receptionBoardQuery,
  receptionBoardSchema,
  receptionListQuery,
  receptionPageSchema,
  receptionSchema,
  rescheduleAppointmentSchema,
  startTestDriveSchema,
  cancelTestDriveSchema,
  testDriveListQuery,
  testDrivePageSchema,
  testDriveSchema,
} from '../../../common/crm/reception.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import {
  closeAppointment,
  createAppointment,
  getAppointment,
  listAppointments,
  rescheduleAppointment,
} from './appointment.service';
import { receptionBoard } from './reception-board.service';
import {
  createReception,
  departReception,
  getReception,
  listReceptions,
  patchReception,
} from './reception.service';
import {
  checkLicence,
  createTestDrive,
  getTestDrive,
  listTestDrives,
  moveTestDrive,
} from './test-drive.service';

const idParams = z.strictObject({ id: idSchema });

/** Showroom reception (H3.1): appointments, receptions, test drives and the front desk's board. */
export const receptionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  const write = (status: number) => ({ status });

  // --- appointments ---------------------------------------------------------------------------
  const tags = ['appointments'];
  app.get(
    '/api/v1/appointments',
    {
      schema: {
        tags,
        summary: 'Appointments of the stores in reach, soonest first',
        querystring: appointmentListQuery,
        response: { 200: appointmentPageSchema, ...problemResponses },
      },
    },
    async (request) => listAppointments(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/appointments',
    {
      schema: {
        tags,
        summary: 'Book a showroom visit (confirmed to the customer by message; the consultant is reminded)',
        body: createAppointmentSchema,
        response: { 201: appointmentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const appointment = await createAppointment(trx, actor, request.body);
        return { ...write(201), body: appointment, location: `/api/v1/appointments/${appointment.id}` };
      });
    },
  );
  app.get(
    '/api/v1/appointments/:id',
    {
      schema: {
        tags,
        summary: 'An appointment',
        params: idParams,
        response: { 200: appointmentSchema, ...problemResponses },
      },
    },
    async (request) => getAppointment(db(), requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/appointments/:id/reschedule',
    {
      schema: {
        tags,
        summary: 'A new time (confirmed to the customer again)',
        params: idParams,
        body: rescheduleAppointmentSchema,
        response: { 200: appointmentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        ...write(200),
        body: await rescheduleAppointment(trx, actor, request.params.id, request.body),
      }));
    },
  );
  for (const [verb, action] of [
    ['no-show', 'no_show'],
    ['cancel', 'cancel'],
  ] as const) {
    app.post(
      `/api/v1/appointments/:id/${verb}`,
      {
        schema: {
          tags,
          summary: action === 'no_show' ? 'The customer did not come' : 'Cancel the booking',
          params: idParams,
          body: closeAppointmentSchema,
          response: { 200: appointmentSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return runWrite(request, reply, actor, async (trx) => ({
          ...write(200),
          body: await closeAppointment(trx, actor, request.params.id, action, request.body),
        }));
      },
    );
  }

  // --- receptions -----------------------------------------------------------------------------
  const rTags = ['receptions'];
  app.get(
    '/api/v1/receptions',
    {
      schema: {
        tags: rTags,
        summary: 'Showroom visits of the stores in reach, newest first',
        querystring: receptionListQuery,
        response: { 200: receptionPageSchema, ...problemResponses },
      },
    },
    async (request) => listReceptions(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/receptions',
    {
      schema: {
        tags: rTags,
        summary: 'A customer arrives (walk-in, or an appointment that this marks arrived)',
        body: createReceptionSchema,
        response: { 201: receptionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const reception = await createReception(trx, actor, request.body);
        return { ...write(201), body: reception, location: `/api/v1/receptions/${reception.id}` };
      });
    },
  );
  app.get(
    '/api/v1/receptions/:id',
    {
      schema: {
        tags: rTags,
        summary: 'A showroom visit',
        params: idParams,
        response: { 200: receptionSchema, ...problemResponses },
      },
    },
    async (request) => getReception(db(), requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/receptions/:id',
    {
      schema: {
        tags: rTags,
        summary: 'Record what was learnt: party size, impressions, what the customer said',
        params: idParams,
        body: patchReceptionSchema,
        response: { 200: receptionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        ...write(200),
        body: await patchReception(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/receptions/:id/depart',
    {
      schema: {
        tags: rTags,
        summary: 'The customer leaves the showroom',
        params: idParams,
        body: departReceptionSchema,
        response: { 200: receptionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        ...write(200),
        body: await departReception(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.get(
    '/api/v1/reception-board',
    {
      schema: {
        tags: rTags,
        summary: "The front desk's day: appointments, in the showroom, departed, test drives",
        querystring: receptionBoardQuery,
        response: { 200: receptionBoardSchema, ...problemResponses },
      },
    },
    async (request) => receptionBoard(db(), requireActor(request), request.query),
  );

  // --- test drives ----------------------------------------------------------------------------
  const tTags = ['test-drives'];
  app.get(
    '/api/v1/test-drives',
    {
      schema: {
        tags: tTags,
        summary: 'Test drives of the stores in reach, newest first',
        querystring: testDriveListQuery,
        response: { 200: testDrivePageSchema, ...problemResponses },
      },
    },
    async (request) => listTestDrives(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/test-drives',
    {
      schema: {
        tags: tTags,
        summary: 'Plan a test drive in a demo or in-stock car',
        body: createTestDriveSchema,
        response: { 201: testDriveSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const drive = await createTestDrive(trx, actor, request.body);
        return { ...write(201), body: drive, location: `/api/v1/test-drives/${drive.id}` };
      });
    },
  );
  app.get(
    '/api/v1/test-drives/:id',
    {
      schema: {
        tags: tTags,
        summary: 'A test drive',
        params: idParams,
        response: { 200: testDriveSchema, ...problemResponses },
      },
    },
    async (request) => getTestDrive(db(), requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/test-drives/:id/check-licence',
    {
      schema: {
        tags: tTags,
        summary: 'The driving licence was seen and is valid until the date given',
        params: idParams,
        body: checkLicenceSchema,
        response: { 200: testDriveSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        ...write(200),
        body: await checkLicence(trx, actor, request.params.id, request.body),
      }));
    },
  );
  const moves = [
    ['start', startTestDriveSchema, 'Start the drive (licence checked; the car is free)'],
    ['end', endTestDriveSchema, 'End the drive, with the customer’s feedback'],
    ['cancel', cancelTestDriveSchema, 'Cancel a planned drive'],
  ] as const;
  for (const [action, body, summary] of moves) {
    app.post(
      `/api/v1/test-drives/:id/${action}`,
      {
        schema: {
          tags: tTags,
          summary,
          params: idParams,
          body,
          response: { 200: testDriveSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return runWrite(request, reply, actor, async (trx) => ({
          ...write(200),
          body: await moveTestDrive(trx, actor, request.params.id, action, request.body),
        }));
      },
    );
  }
};
