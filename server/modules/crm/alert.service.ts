import type { Alert } from '../../../common/crm/lead.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, toPage } from '../../platform/pagination';
import type { Actor } from '../../platform/permissions';
import { findAlert, insertAlertOnce, resolveAlertRow, type AlertRow } from './alert.repo';

export interface NewAlert {
  groupId: string;
  storeId: string;
  kind: string;
  /** A person, or every holder of a role in the store (e.g. its sales managers). */
  recipientId?: string | null;
  recipientRole?: string | null;
  entity: string;
  entityId: string;
  params: Record<string, string | number | null>;
  /** One alert per cause: raising the same key again does nothing. */
  dedupeKey: string;
}

const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  storeId: r.store_id,
  kind: r.kind,
  recipientId: r.recipient_id,
  recipientRole: r.recipient_role,
  entity: r.entity,
  entityId: r.entity_id,
  params: JSON.parse(r.params_json) as Alert['params'],
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by,
  version: r.version,
});

/**
 * Puts an alert in the inbox ("my day") of a person or of a role in a store, in the caller's
 * transaction. Every module raises its alerts through this (crm/index.ts).
 */
export async function raiseAlert(trx: Trx | DbOrTrx, alert: NewAlert): Promise<boolean> {
  return insertAlertOnce(trx, {
    id: newId(),
    group_id: alert.groupId,
    store_id: alert.storeId,
    kind: alert.kind,
    recipient_id: alert.recipientId ?? null,
    recipient_role: alert.recipientRole ?? null,
    entity: alert.entity,
    entity_id: alert.entityId,
    params_json: JSON.stringify(alert.params),
    dedupe_key: alert.dedupeKey,
    resolved_at: null,
    resolved_by: null,
    version: 1,
    created_at: nowIso(),
  });
}

/** Whether an alert is addressed to this user: to them by name, or to a role they hold in its store. */
const addressedTo = (actor: Actor, r: AlertRow) =>
  r.group_id === actor.groupId &&
  (r.recipient_id === actor.userId ||
    (r.recipient_role !== null &&
      actor.storeRoles.some((sr) => sr.storeId === r.store_id && sr.role === r.recipient_role)));

/** The user's inbox: alerts addressed to them or to their roles, newest first; open ones by default. */
export async function listMyAlerts(
  db: DbOrTrx,
  actor: Actor,
  query: { limit: number; cursor?: string; open: 'true' | 'false' },
) {
  let q = db
    .selectFrom('alerts')
    .selectAll()
    .where('group_id', '=', actor.groupId)
    .where((eb) => {
      const mine = [eb('recipient_id', '=', actor.userId)];
      for (const sr of actor.storeRoles)
        mine.push(eb.and([eb('store_id', '=', sr.storeId), eb('recipient_role', '=', sr.role)]));
      return eb.or(mine);
    });
  q = query.open === 'true' ? q.where('resolved_at', 'is', null) : q.where('resolved_at', 'is not', null);
  const sort = { column: 'id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r.id,
    toAlert,
  );
}

/** Marks an alert as dealt with; any of its recipients may, once. */
export async function resolveAlert(trx: Trx, actor: Actor, id: string, version: number): Promise<Alert> {
  const row = await findAlert(trx, id);
  if (!row || !addressedTo(actor, row)) throw notFound('alert');
  if (row.resolved_at) throw new AppError('resource.state_conflict', { params: { state: 'resolved' } });
  const at = nowIso();
  if (!(await resolveAlertRow(trx, id, version, actor.userId, at))) throw versionConflict(row.version);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'alert',
    entityId: id,
    action: 'resolve',
    before: { resolvedAt: null },
    after: { resolvedAt: at },
  });
  return toAlert((await findAlert(trx, id))!);
}
