import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema, paginationQuery } from '../../../common/platform/common.schemas';
import {
  createCustomerSchema,
  customerListQuery,
  customerPageSchema,
  customerSchema,
  duplicateQuery,
  duplicatesSchema,
  mergeCustomerSchema,
  patchCustomerSchema,
  revealIdentitySchema,
  timelinePageSchema,
} from '../../../common/crm/customer.schemas';
import { requireActor } from '../../platform/auth';
import { languageFrom } from '../../platform/i18n';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { listCustomers } from './customer-list.service';
import { mergeCustomers } from './customer-merge.service';
import { createCustomer, getCustomer, revealCustomerIdentity, updateCustomer } from './customer.service';
import { findDuplicates } from './duplicate.service';
import { customerTimeline } from './timeline.service';

const idParams = z.strictObject({ id: idSchema });

export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['customers'];
  app.get(
    '/api/v1/customers',
    {
      schema: {
        tags,
        summary:
          'Customers of the stores in reach, searched as you type (name prefix, mobile or its last 4, plate, VIN, identity number, USCC)',
        querystring: customerListQuery,
        response: { 200: customerPageSchema, ...problemResponses },
      },
    },
    async (request) => listCustomers(app.ctx, app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/customers',
    {
      schema: {
        tags,
        summary: 'Open a customer file (409 crm.duplicate_customer lists matches unless allowDuplicate)',
        body: createCustomerSchema,
        response: { 201: customerSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const lang = languageFrom(request.headers['accept-language']);
      return runWrite(request, reply, actor, async (trx) => {
        const customer = await createCustomer(app.ctx, trx, actor, request.body, lang);
        return { status: 201, body: customer, location: `/api/v1/customers/${customer.id}` };
      });
    },
  );
  app.get(
    '/api/v1/customers/duplicates',
    {
      schema: {
        tags,
        summary: 'Possible duplicates by mobile, identity number (keyed hash) or USCC, within your reach',
        querystring: duplicateQuery,
        response: { 200: duplicatesSchema, ...problemResponses },
      },
    },
    async (request) => findDuplicates(app.ctx, app.ctx.handle.db, requireActor(request), request.query),
  );
  app.get(
    '/api/v1/customers/:id',
    {
      schema: {
        tags,
        summary: 'A customer (contact data masked unless you own the customer or manage the store)',
        params: idParams,
        response: { 200: customerSchema, ...problemResponses },
      },
    },
    async (request) => getCustomer(app.ctx, app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/customers/:id',
    {
      schema: {
        tags,
        summary: 'Change a customer (carry its version)',
        params: idParams,
        body: patchCustomerSchema,
        response: { 200: customerSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const lang = languageFrom(request.headers['accept-language']);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateCustomer(app.ctx, trx, actor, request.params.id, request.body, lang),
      }));
    },
  );
  app.post(
    '/api/v1/customers/:id/reveal-identity',
    {
      schema: {
        tags,
        summary: 'Show the full identity number (needs customers.reveal_id_number; audited)',
        params: idParams,
        response: { 200: revealIdentitySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await revealCustomerIdentity(app.ctx, trx, actor, request.params.id),
      }));
    },
  );
  app.post(
    '/api/v1/customers/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Merge a duplicate into this customer: linked records move here, the duplicate stays as merged',
        params: idParams,
        body: mergeCustomerSchema,
        response: { 200: customerSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await mergeCustomers(app.ctx, trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.get(
    '/api/v1/customers/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Everything that happened with a customer, newest first',
        params: idParams,
        querystring: paginationQuery,
        response: { 200: timelinePageSchema, ...problemResponses },
      },
    },
    async (request) =>
      customerTimeline(app.ctx.handle.db, requireActor(request), request.params.id, request.query),
  );
};
