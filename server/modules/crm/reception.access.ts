import type { DbOrTrx } from '../../db/database';
import { AppError, notFound } from '../../platform/errors';
import { reaches, requirePermission, type Actor, type Reach } from '../../platform/permissions';
import { findTrimSummaries } from '../catalog';
import { findStoreRow } from '../identity';
import { findLead } from './lead.repo';
import { leadOwnersOf } from './lead.service';

export type ReceptionAction = 'reception.read' | 'reception.manage';

/** Whether a store's record is within reach of a reception action. */
export const reachesStoreRecord = (reach: Reach, row: { group_id: string; store_id: string }) =>
  reaches(reach, { groupId: row.group_id, storeIds: [row.store_id] });

/** The store a new appointment, reception or test drive goes to: the one named, or the only store of the user. */
export async function receptionStore(db: DbOrTrx, actor: Actor, storeId?: string) {
  const reach = requirePermission(actor, 'reception.manage');
  const own = [...new Set(actor.storeRoles.map((r) => r.storeId))];
  const id = storeId ?? (own.length === 1 ? own[0] : undefined);
  if (!id)
    throw new AppError('request.invalid', {
      errors: [{ path: 'storeId', code: 'required', message: 'name the store' }],
    });
  const store = await findStoreRow(db, id);
  if (!store || !reaches(reach, { groupId: store.group_id, storeIds: [store.id] })) throw notFound('store');
  return store;
}

const invalid = (path: string, code: string, message: string) =>
  new AppError('request.invalid', { errors: [{ path, code, message }] });

/**
 * A lead named on a booking or visit must be the same customer's lead in the same store. When none is
 * named, the customer's open lead in the store (the newest) is the one the visit belongs to (H3.1 handoff).
 */
export async function checkLinkedLead(
  db: DbOrTrx,
  leadId: string | null | undefined,
  customerId: string,
  storeId: string,
) {
  if (leadId === undefined) {
    const open = await db
      .selectFrom('leads')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('store_id', '=', storeId)
      .where('status', 'not in', ['won', 'lost'])
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return open ? ((await findLead(db, open.id)) ?? null) : null;
  }
  if (!leadId) return null;
  const lead = await findLead(db, leadId);
  if (!lead || lead.customer_id !== customerId || lead.store_id !== storeId)
    throw invalid('leadId', 'unknown_lead', 'not a lead of this customer in this store');
  return lead;
}

/** The consultant named must sell in the store (an active sales consultant or sales manager). */
export async function checkConsultant(db: DbOrTrx, consultantId: string | null | undefined, storeId: string) {
  if (!consultantId) return null;
  if (!(await leadOwnersOf(db, storeId)).all.has(consultantId))
    throw new AppError('crm.unknown_owner', {
      errors: [
        { path: 'consultantId', code: 'unknown_consultant', message: 'not a consultant of the store' },
      ],
    });
  return consultantId;
}

export async function checkTrim(db: DbOrTrx, trimId: string | null | undefined, groupId: string) {
  if (!trimId) return null;
  const trim = (await findTrimSummaries(db, [trimId])).get(trimId);
  if (!trim || trim.groupId !== groupId)
    throw new AppError('catalog.unknown_reference', {
      errors: [{ path: 'trimId', code: 'unknown_trim', message: 'unknown trim' }],
    });
  return trim;
}

/** Whether the actor sells in the store (so a booking they make defaults to them). */
export const sellsIn = (actor: Actor, storeId: string) =>
  actor.storeRoles.some(
    (r) => r.storeId === storeId && (r.role === 'sales_consultant' || r.role === 'sales_manager'),
  );
