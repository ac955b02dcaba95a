import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actions, widestScope, type Scope } from '../../../common/identity/roles';
import {
  loginResponseSchema,
  loginSchema,
  meSchema,
  myPreferencesSchema,
} from '../../../common/identity/user.schemas';
import { csrfCookie, requireActor, sessionCookie } from '../../platform/auth';
import type { Actor } from '../../platform/permissions';
import type { DbOrTrx } from '../../db/database';
import type { AppContext } from '../../platform/context';
import { recordAudit } from '../../platform/audit';
import { login, logout, sessionTtlMs } from './auth.service';
import { findStoresByIds } from './store.repo';
import { findUserRow, storeRolesOf, updateUserRow } from './user.repo';
import { toUser } from './user.view';
import { problemResponses } from '../../platform/openapi';
import { nowIso } from '../../platform/ids';

async function buildMe(ctx: AppContext, db: DbOrTrx, actor: Actor) {
  const row = (await findUserRow(db, actor.userId))!;
  const roles = (await storeRolesOf(db, [row.id])).get(row.id) ?? [];
  const storeRows = roles.some((r) => r.role === 'group_admin')
    ? await db
        .selectFrom('stores')
        .selectAll()
        .where('group_id', '=', row.group_id)
        .where('active', '=', 1)
        .orderBy('code')
        .execute()
    : await findStoresByIds(db, [...new Set(roles.map((r) => r.storeId))]);
  const permissions: Record<string, Scope> = {};
  for (const action of actions) {
    const scope = widestScope(roles, action);
    if (scope) permissions[action] = scope;
  }
  return {
    user: toUser(row, roles, ctx.keys, true),
    stores: storeRows.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      timezone: s.timezone,
      currency: s.currency,
    })),
    permissions,
  };
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['auth'];
  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in',
        body: loginSchema,
        response: { 200: loginResponseSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { db } = app.ctx.handle;
      const result = await login(db, request.body.username, request.body.password, request.ip);
      const roles = (await storeRolesOf(db, [result.user.id])).get(result.user.id) ?? [];
      const secure = request.protocol === 'https';
      const maxAge = Math.floor(sessionTtlMs / 1000);
      reply.setCookie(sessionCookie, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure,
        maxAge,
      });
      reply.setCookie(csrfCookie, result.csrfToken, {
        httpOnly: false,
        sameSite: 'lax',
        path: '/',
        secure,
        maxAge,
      });
      return {
        token: result.token,
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt,
        user: toUser(result.user, roles, app.ctx.keys, true),
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out (ends this session)',
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await logout(app.ctx.handle.db, actor);
      reply.clearCookie(sessionCookie, { path: '/' });
      reply.clearCookie(csrfCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, their stores and permissions',
        response: { 200: meSchema, ...problemResponses },
      },
    },
    async (request) => buildMe(app.ctx, app.ctx.handle.db, requireActor(request)),
  );

  app.put(
    '/api/v1/auth/me/preferences',
    {
      schema: {
        tags,
        summary: 'Remember my language',
        body: myPreferencesSchema,
        response: { 200: meSchema, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const db = app.ctx.handle.db;
      return db.transaction().execute(async (trx) => {
        const row = (await findUserRow(trx, actor.userId))!;
        if (row.language !== request.body.language) {
          await updateUserRow(trx, row.id, row.version, {
            language: request.body.language,
            updated_at: nowIso(),
          });
          await recordAudit(trx, {
            actorId: actor.userId,
            storeId: null,
            entity: 'user',
            entityId: row.id,
            action: 'update',
            before: { language: row.language },
            after: { language: request.body.language },
          });
        }
        return buildMe(app.ctx, trx, actor);
      });
    },
  );
};
