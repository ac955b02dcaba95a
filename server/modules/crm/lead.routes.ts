import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  assignLeadSchema,
  createLeadSchema,
  leadFunnelSchema,
  leadListQuery,
  leadPageSchema,
  leadSchema,
  leadSettingsSchema,
  loseLeadSchema,
  moveLeadSchema,
  updateLeadSettingsSchema,
} from '../../../common/crm/lead.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { createLead, getLead } from './lead.service';
import { leadFunnel, listLeads } from './lead-list.service';
import { assignLead, loseLead, moveLead } from './lead-move.service';
import { getLeadSettings, updateLeadSettings } from './lead-settings.service';

const idParams = z.strictObject({ id: idSchema });

/** Status moves by their business verb (URL) and the status machine's action. */
const moves = {
  contact: { action: 'contact', summary: 'First contact made (stops the SLA clock)' },
  'book-appointment': { action: 'book_appointment', summary: 'An appointment is booked' },
  visit: { action: 'visit', summary: 'The customer came to the showroom' },
  negotiate: { action: 'negotiate', summary: 'Price talks started' },
  win: { action: 'win', summary: 'Won: a deal is signed' },
  reopen: { action: 'reopen', summary: 'A lost lead comes back' },
} as const;

export const leadRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['leads'];
  const db = () => app.ctx.handle.db;
  app.get(
    '/api/v1/leads',
    {
      schema: {
        tags,
        summary: 'Leads in reach (a consultant: their own)',
        querystring: leadListQuery,
        response: { 200: leadPageSchema, ...problemResponses },
      },
    },
    async (request) => listLeads(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/leads',
    {
      schema: {
        tags,
        summary: 'File a lead for a customer (assigned by the store rule; the SLA clock starts)',
        body: createLeadSchema,
        response: { 201: leadSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const lead = await createLead(trx, actor, request.body);
        return { status: 201, body: lead, location: `/api/v1/leads/${lead.id}` };
      });
    },
  );
  app.get(
    '/api/v1/leads/funnel',
    {
      schema: {
        tags,
        summary: 'The lead funnel: counts by status, lost by reason, overdue, unassigned',
        querystring: z.strictObject({ storeId: idSchema.optional() }),
        response: { 200: leadFunnelSchema, ...problemResponses },
      },
    },
    async (request) => leadFunnel(db(), requireActor(request), request.query.storeId),
  );
  app.get(
    '/api/v1/leads/:id',
    {
      schema: {
        tags,
        summary: 'A lead',
        params: idParams,
        response: { 200: leadSchema, ...problemResponses },
      },
    },
    async (request) => getLead(db(), requireActor(request), request.params.id),
  );
  for (const [verb, move] of Object.entries(moves)) {
    app.post(
      `/api/v1/leads/:id/${verb}`,
      {
        schema: {
          tags,
          summary: move.summary,
          params: idParams,
          body: moveLeadSchema,
          response: { 200: leadSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return runWrite(request, reply, actor, async (trx) => ({
          status: 200,
          body: await moveLead(trx, actor, request.params.id, move.action, request.body),
        }));
      },
    );
  }
  app.post(
    '/api/v1/leads/:id/lose',
    {
      schema: {
        tags,
        summary: 'Lost (战败), with the reason',
        params: idParams,
        body: loseLeadSchema,
        response: { 200: leadSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await loseLead(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/leads/:id/assign',
    {
      schema: {
        tags,
        summary: 'A manager hands the lead to a consultant of its store',
        params: idParams,
        body: assignLeadSchema,
        response: { 200: leadSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await assignLead(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.get(
    '/api/v1/lead-settings/:id',
    {
      schema: {
        tags,
        summary: "A store's lead rules (SLA minutes, assignment)",
        params: idParams,
        response: { 200: leadSettingsSchema, ...problemResponses },
      },
    },
    async (request) => getLeadSettings(db(), requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/lead-settings/:id',
    {
      schema: {
        tags,
        summary: "Change a store's lead rules",
        params: idParams,
        body: updateLeadSettingsSchema,
        response: { 200: leadSettingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateLeadSettings(trx, actor, request.params.id, request.body),
      }));
    },
  );
};
