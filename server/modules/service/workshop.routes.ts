import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  baySchema,
  campaignPageSchema,
  campaignQuery,
  campaignSchema,
  createBaySchema,
  createCampaignSchema,
  createLaborOperationSchema,
  createTechnicianSchema,
  laborOperationPageSchema,
  laborOperationQuery,
  laborOperationSchema,
  technicianSchema,
  workshopQuery,
  workshopResourcesSchema,
  workshopSettingsInput,
  workshopSettingsSchema,
} from '../../../common/service/workshop.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { createCampaign, listCampaigns } from './campaign.service';
import {
  createBay,
  createLaborOperation,
  createTechnician,
  listLaborOperations,
  saveWorkshopSettings,
  workshopResources,
} from './workshop.service';

/** Workshop setup (H6.3): bays, technicians and skills, hours and labour rate; canned jobs; campaigns. */
export const workshopRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  const tags = ['workshop'];
  app.get(
    '/api/v1/workshop-resources',
    {
      schema: {
        tags,
        summary: "A store's workshop: settings, bays, technicians",
        querystring: workshopQuery,
        response: { 200: workshopResourcesSchema, ...problemResponses },
      },
    },
    async (request) => workshopResources(db(), requireActor(request), request.query.storeId),
  );
  app.put(
    '/api/v1/workshop-resources/settings',
    {
      schema: {
        tags,
        summary: 'Opening hours, slots, first-response SLA, follow-up day and labour rate',
        body: workshopSettingsInput,
        response: { 200: workshopSettingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await saveWorkshopSettings(trx, actor, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/workshop-resources/bays',
    {
      schema: {
        tags,
        summary: 'Add a bay or lift',
        body: createBaySchema,
        response: { 201: baySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 201,
        body: await createBay(trx, actor, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/workshop-resources/technicians',
    {
      schema: {
        tags,
        summary: 'Register a technician with skills (hv: high-voltage certified)',
        body: createTechnicianSchema,
        response: { 201: technicianSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 201,
        body: await createTechnician(trx, actor, request.body),
      }));
    },
  );
  app.get(
    '/api/v1/labor-operations',
    {
      schema: {
        tags,
        summary: 'Canned jobs with standard hours and price',
        querystring: laborOperationQuery,
        response: { 200: laborOperationPageSchema, ...problemResponses },
      },
    },
    async (request) => listLaborOperations(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/labor-operations',
    {
      schema: {
        tags,
        summary: 'Add a canned job',
        body: createLaborOperationSchema,
        response: { 201: laborOperationSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 201,
        body: await createLaborOperation(trx, actor, request.body),
      }));
    },
  );
  app.get(
    '/api/v1/service-campaigns',
    {
      schema: {
        tags,
        summary: 'Recall and service campaigns of the group (vin: those covering a VIN)',
        querystring: campaignQuery,
        response: { 200: campaignPageSchema, ...problemResponses },
      },
    },
    async (request) => listCampaigns(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/service-campaigns',
    {
      schema: {
        tags,
        summary: 'Add a recall or service campaign by VIN list or range',
        body: createCampaignSchema,
        response: { 201: campaignSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 201,
        body: await createCampaign(trx, actor, request.body),
      }));
    },
  );
};
