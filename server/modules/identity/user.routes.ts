import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema, paginationQuery } from '../../../common/platform/common.schemas';
import {
  roleSchema,
  createUserSchema,
  patchUserSchema,
  userPageSchema,
  userSchema,
} from '../../../common/identity/user.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { createUser, getUser, listUsers, revealIdNumber, updateUser } from './user.service';

const userListQuery = paginationQuery.extend({
  q: z.string().max(100).optional(),
  storeId: idSchema.optional(),
  role: roleSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  sort: z.string().max(40).optional(),
});
const idParams = z.strictObject({ id: idSchema });

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['users'];
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'List staff accounts within your reach',
        querystring: userListQuery,
        response: { 200: userPageSchema, ...problemResponses },
      },
    },
    async (request) => listUsers(app.ctx, app.ctx.handle.db, requireActor(request), request.query),
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'Create a staff account',
        body: createUserSchema,
        response: { 201: userSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const user = await createUser(app.ctx, trx, actor, request.body);
        return { status: 201, body: user, location: `/api/v1/users/${user.id}` };
      });
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'A staff account',
        params: idParams,
        response: { 200: userSchema, ...problemResponses },
      },
    },
    async (request) => getUser(app.ctx, app.ctx.handle.db, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a staff account (carry its version)',
        params: idParams,
        body: patchUserSchema,
        response: { 200: userSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateUser(app.ctx, trx, actor, request.params.id, request.body),
      }));
    },
  );

  app.post(
    '/api/v1/users/:id/reveal-id-number',
    {
      schema: {
        tags,
        summary: 'Show the full identity number (audited)',
        params: idParams,
        response: { 200: z.object({ idNumber: z.string().nullable() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await revealIdNumber(app.ctx, trx, actor, request.params.id),
      }));
    },
  );
};
