import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, paginationQuery } from '../../common/platform/common.schemas';
import { requireActor } from './auth';
import { problemResponses } from './openapi';
import { applyPage, toPage } from './pagination';
import { requirePermission } from './permissions';

const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    storeId: z.string().nullable(),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

/** The audit trail of a record: who changed what and when, for those allowed to read it (store or group). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit trail of a record',
        querystring: paginationQuery.extend({
          entity: z.string().min(1).max(40),
          id: z.string().min(1).max(64),
        }),
        response: { 200: pageOf(auditEntrySchema, 'AuditPage'), ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const reach = requirePermission(actor, 'audit.read');
      const { db } = app.ctx.handle;
      let q = db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_id')
        .select([
          'audit_log.id',
          'audit_log.at',
          'audit_log.actor_id',
          'audit_log.store_id',
          'audit_log.entity',
          'audit_log.entity_id',
          'audit_log.action',
          'audit_log.before_json',
          'audit_log.after_json',
          'users.display_name as actor_name',
        ])
        .where('audit_log.entity', '=', request.query.entity)
        .where('audit_log.entity_id', '=', request.query.id);
      if (reach.scope === 'group') {
        q = q.where((eb) =>
          eb.or([
            eb(
              'audit_log.store_id',
              'in',
              eb.selectFrom('stores').select('stores.id').where('stores.group_id', '=', reach.groupId),
            ),
            eb.and([eb('audit_log.store_id', 'is', null), eb('users.group_id', '=', reach.groupId)]),
          ]),
        );
      } else if (reach.scope === 'store') {
        q = q.where('audit_log.store_id', 'in', reach.storeIds);
      } else {
        q = q.where('audit_log.actor_id', '=', reach.userId);
      }
      const sort = { column: 'audit_log.id', direction: 'desc' as const, field: 'id' };
      const rows = await applyPage(
        q,
        sort,
        'audit_log.id',
        request.query.limit,
        request.query.cursor,
      ).execute();
      return toPage(
        rows,
        request.query.limit,
        (r) => r.id,
        (r) => r.id,
        (r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          storeId: r.store_id,
          entity: r.entity,
          entityId: r.entity_id,
          action: r.action,
          before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
          after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
        }),
      );
    },
  );
};
