import type { Customer } from '../../../common/crm/customer.schemas';
import type { Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { AppError, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { requirePermission, type Actor } from '../../platform/permissions';
import { assertCustomerAction, loadCustomer } from './crm.access';
import {
  consentsOf,
  findCustomerRow,
  mobilesOf,
  replaceMobiles,
  updateCustomerRow,
  upsertConsents,
  type CustomerRow,
} from './customer.repo';
import { viewCustomer } from './customer.service';
import { recordCustomerEvent } from './timeline.service';

/** Moves what a module links to a customer from the merged duplicate to the kept customer. */
export type CustomerMergeStep = (
  trx: Trx,
  move: { sourceId: string; targetId: string; targetStoreId: string },
) => Promise<void>;

const mergeSteps: { name: string; step: CustomerMergeStep }[] = [];

/**
 * Modules that link records to customers (leads, quotes, repair orders) register how to move them, so a
 * merge keeps every linked record. Registered once per module, at import time, through crm/index.ts.
 */
export function registerCustomerMergeStep(name: string, step: CustomerMergeStep) {
  if (!mergeSteps.some((s) => s.name === name)) mergeSteps.push({ name, step });
}

// the crm's own linked tables: vehicles and the timeline follow the customer
registerCustomerMergeStep('crm.customer_vehicles', async (trx, { sourceId, targetId, targetStoreId }) => {
  await trx
    .updateTable('customer_vehicles')
    .set((eb) => ({
      customer_id: targetId,
      store_id: targetStoreId,
      version: eb('version', '+', 1),
      updated_at: nowIso(),
    }))
    .where('customer_id', '=', sourceId)
    .execute();
});
registerCustomerMergeStep('crm.customer_timeline', async (trx, { sourceId, targetId }) => {
  await trx
    .updateTable('customer_timeline')
    .set({ customer_id: targetId })
    .where('customer_id', '=', sourceId)
    .execute();
});

/** Identifying data the target lacks is taken from the source; tags are united; the newer consent per channel wins. */
async function combine(trx: Trx, target: CustomerRow, source: CustomerRow, actorId: string) {
  const changes: Partial<CustomerRow> = { updated_at: nowIso() };
  if (!target.id_number_enc && source.id_number_enc) {
    changes.id_doc_type = source.id_doc_type;
    changes.id_number_enc = source.id_number_enc;
    changes.id_number_hash = source.id_number_hash;
  }
  for (const col of [
    'company_code',
    'email',
    'address',
    'employer',
    'preferred_channel',
    'preferred_time',
  ] as const)
    if (!target[col] && source[col]) changes[col] = source[col];
  if (!target.owner_id && source.owner_id) changes.owner_id = source.owner_id;
  const tags = [
    ...new Set([...(JSON.parse(target.tags) as string[]), ...(JSON.parse(source.tags) as string[])]),
  ];
  changes.tags = JSON.stringify(tags.slice(0, 20));
  const mobiles = await mobilesOf(trx, [target.id, source.id]);
  const numbers = [...new Set([...mobiles.get(target.id)!, ...mobiles.get(source.id)!].map((m) => m.mobile))];
  await replaceMobiles(trx, target.group_id, target.id, numbers, newId, changes.updated_at!);
  await replaceMobiles(trx, source.group_id, source.id, [], newId, changes.updated_at!);
  const consents = await consentsOf(trx, [target.id, source.id]);
  const own = new Map(consents.get(target.id)!.map((c) => [c.channel, c]));
  const newer = consents
    .get(source.id)!
    .filter((c) => !own.has(c.channel) || own.get(c.channel)!.recorded_at < c.recorded_at)
    .map((c) => ({ ...c, customer_id: target.id, recorded_by: c.recorded_by ?? actorId }));
  await upsertConsents(trx, newer);
  return { changes, mobilesMoved: numbers.length - mobiles.get(target.id)!.length };
}

/**
 * Merges a duplicate (source) into this customer (target), in one transaction: mobiles, consents,
 * vehicles, timeline and every record other modules registered move to the target; the source stays
 * as `merged` with `merged_into` (never deleted); both are audited. Both must be in the actor's reach.
 */
export async function mergeCustomers(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  targetId: string,
  input: { sourceId: string; version: number },
): Promise<Customer> {
  requirePermission(actor, 'customers.merge');
  const target = await loadCustomer(trx, actor, targetId);
  const source = await loadCustomer(trx, actor, input.sourceId);
  if (source.id === target.id) throw new AppError('crm.merge_same_customer');
  assertCustomerAction(actor, target, 'customers.merge');
  assertCustomerAction(actor, source, 'customers.merge');
  if (target.status === 'merged' || source.status === 'merged') throw new AppError('crm.customer_merged');
  if (target.version !== input.version) throw versionConflict(target.version);
  const { changes, mobilesMoved } = await combine(trx, target, source, actor.userId);
  if (!(await updateCustomerRow(trx, target.id, target.version, changes)))
    throw versionConflict(target.version + 1);
  const now = changes.updated_at!;
  if (
    !(await updateCustomerRow(trx, source.id, source.version, {
      status: 'merged',
      merged_into: target.id,
      updated_at: now,
    }))
  )
    throw versionConflict(source.version + 1);
  for (const { step } of mergeSteps)
    await step(trx, { sourceId: source.id, targetId: target.id, targetStoreId: target.store_id });
  const summary = { sourceId: source.id, sourceNumber: source.number, sourceName: source.name, mobilesMoved };
  for (const [row, action, data] of [
    [target, 'merge', summary],
    [source, 'merged_into', { targetId: target.id, targetNumber: target.number }],
  ] as const) {
    await recordAudit(trx, {
      actorId: actor.userId,
      storeId: row.store_id,
      entity: 'customer',
      entityId: row.id,
      action,
      after: data,
    });
  }
  await recordCustomerEvent(trx, {
    groupId: target.group_id,
    storeId: target.store_id,
    customerId: target.id,
    type: 'crm.customer.merged',
    entity: 'customer',
    entityId: source.id,
    actorId: actor.userId,
    data: summary,
  });
  return viewCustomer(ctx, trx, actor, (await findCustomerRow(trx, target.id))!);
}
