import type { DbOrTrx } from '../../db/database';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { applyPage, toPage } from '../../platform/pagination';
import type { Actor } from '../../platform/permissions';
import { loadCustomer } from './crm.access';
import { staffNames } from './customer.repo';

export interface CustomerEvent {
  groupId: string;
  storeId: string | null;
  customerId: string;
  /** Domain event type, `module.entity.verb`: crm.customer.created, sales.quote.sent, service.repair_order.closed. */
  type: string;
  entity: string;
  entityId: string;
  actorId: string | null;
  /** What the timeline shows: small, no secrets (identity numbers only masked). */
  data: Record<string, unknown>;
}

/**
 * Puts an event on the customer's timeline and into the outbox, in the caller's transaction. Every
 * module that does something for a customer (lead, quote, repair order) calls this through crm/index.ts.
 */
export async function recordCustomerEvent(trx: DbOrTrx, event: CustomerEvent): Promise<void> {
  await trx
    .insertInto('customer_timeline')
    .values({
      id: newId(),
      group_id: event.groupId,
      store_id: event.storeId,
      customer_id: event.customerId,
      at: nowIso(),
      type: event.type,
      entity: event.entity,
      entity_id: event.entityId,
      actor_id: event.actorId,
      data_json: JSON.stringify(event.data),
    })
    .execute();
  await emitEvent(
    trx,
    event.type,
    { customerId: event.customerId, entity: event.entity, entityId: event.entityId, ...event.data },
    event.storeId,
  );
}

/** A customer's history, newest first: every event any module recorded for them (incl. merged duplicates). */
export async function customerTimeline(
  db: DbOrTrx,
  actor: Actor,
  customerId: string,
  page: { limit: number; cursor?: string },
) {
  await loadCustomer(db, actor, customerId);
  const q = db.selectFrom('customer_timeline').selectAll().where('customer_id', '=', customerId);
  const sort = { column: 'id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'id', page.limit, page.cursor).execute();
  const names = await staffNames(
    db,
    rows.map((r) => r.actor_id),
  );
  return toPage(
    rows,
    page.limit,
    (r) => r.id,
    (r) => r.id,
    (r) => ({
      id: r.id,
      at: r.at,
      type: r.type,
      entity: r.entity,
      entityId: r.entity_id,
      actorId: r.actor_id,
      actorName: r.actor_id ? (names.get(r.actor_id) ?? null) : null,
      data: JSON.parse(r.data_json) as Record<string, unknown>,
    }),
  );
}
