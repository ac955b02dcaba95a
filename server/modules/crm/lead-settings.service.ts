import type { z } from 'zod';
import type { updateLeadSettingsSchema } from '../../../common/crm/lead.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { notFound, versionConflict } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import {
  defaultLeadSettings,
  findLeadSettings,
  insertLeadSettings,
  updateLeadSettingsRow,
} from './lead.repo';

async function storeInReach(
  db: DbOrTrx,
  actor: Actor,
  storeId: string,
  action: 'leads.read' | 'leads.assign',
) {
  const reach = requirePermission(actor, action);
  const store = await findStoreRow(db, storeId);
  const inReach =
    store &&
    (reach.scope === 'own'
      ? actor.storeRoles.some((r) => r.storeId === storeId)
      : reaches(reach, { groupId: store.group_id, storeIds: [store.id] }));
  if (!store || !inReach) throw notFound('store');
  return store;
}

/** A store's lead rules: the first-contact SLA in minutes and how new leads are assigned. */
export async function getLeadSettings(db: DbOrTrx, actor: Actor, storeId: string) {
  await storeInReach(db, actor, storeId, 'leads.read');
  const row = await findLeadSettings(db, storeId);
  return {
    storeId,
    slaMinutes: row?.sla_minutes ?? defaultLeadSettings.sla_minutes,
    assignment: (row?.assignment ?? defaultLeadSettings.assignment) as 'round_robin' | 'manager',
    version: row?.version ?? 1,
  };
}

/** A manager sets the store's SLA and assignment rule; new leads follow it from now on. */
export async function updateLeadSettings(
  trx: Trx,
  actor: Actor,
  storeId: string,
  input: z.infer<typeof updateLeadSettingsSchema>,
) {
  const store = await storeInReach(trx, actor, storeId, 'leads.assign');
  const now = nowIso();
  await insertLeadSettings(trx, {
    store_id: storeId,
    group_id: store.group_id,
    ...defaultLeadSettings,
    round_robin_counter: 0,
    version: 1,
    created_at: now,
    updated_at: now,
  });
  const before = await getLeadSettings(trx, actor, storeId);
  if (before.version !== input.version) throw versionConflict(before.version);
  const changes = {
    ...(input.slaMinutes !== undefined ? { sla_minutes: input.slaMinutes } : {}),
    ...(input.assignment !== undefined ? { assignment: input.assignment } : {}),
  };
  if (!(await updateLeadSettingsRow(trx, storeId, input.version, changes)))
    throw versionConflict(before.version + 1);
  const after = await getLeadSettings(trx, actor, storeId);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId,
    entity: 'lead_settings',
    entityId: storeId,
    action: 'update',
    before,
    after,
  });
  return after;
}
