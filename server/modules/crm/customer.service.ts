import type { CreateCustomer, Customer, PatchCustomer } from '../../../common/crm/customer.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { changedFields, recordAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { AppError, versionConflict } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { requirePermission, type Actor } from '../../platform/permissions';
import { decryptField } from '../../platform/pii';
import {
  assertCustomerAction,
  loadCustomer,
  mayRevealIdentity,
  resolveCustomerStore,
  seesContactOf,
} from './crm.access';
import {
  findCustomerRow,
  insertCustomerRow,
  isActiveStaffOf,
  replaceMobiles,
  updateCustomerRow,
  upsertConsents,
  type CustomerRow,
} from './customer.repo';
import {
  assertCustomerFields,
  consentRows,
  identifyingColumns,
  mobilesOfInput,
  plainColumns,
} from './customer.rules';
import { assertNoDuplicates } from './duplicate.service';
import { customerShaper, toCustomers } from './customer.view';
import { recordCustomerEvent } from './timeline.service';

export async function viewCustomer(ctx: AppContext, db: DbOrTrx, actor: Actor | null, row: CustomerRow) {
  return (await toCustomers(db, ctx.keys, actor, [row]))[0]!;
}

/** The owner of a customer: a consultant may only own what they create; others pick active staff of the store. */
async function resolveOwner(
  db: DbOrTrx,
  actor: Actor,
  scope: 'own' | 'store' | 'group',
  storeId: string,
  ownerId: string | null | undefined,
) {
  if (scope === 'own') {
    if (ownerId && ownerId !== actor.userId) throw new AppError('auth.forbidden');
    return actor.userId;
  }
  if (ownerId === undefined) return actor.userId;
  if (ownerId === null) return null;
  if (!(await isActiveStaffOf(db, ownerId, storeId)))
    throw new AppError('crm.unknown_owner', {
      errors: [{ path: 'ownerId', code: 'unknown_owner', message: 'not active staff of the store' }],
    });
  return ownerId;
}

/**
 * Opens a customer file (客户档案, H3.1.3): mobiles, identity document and USCC checked with the rules
 * library (400 naming the field); identity number encrypted with its keyed hash; a customer number
 * from the group's counter; a customer with the same mobile, identity number or USCC in reach answers
 * 409 `crm.duplicate_customer` listing them unless `allowDuplicate`.
 */
export async function createCustomer(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  input: CreateCustomer,
  lang: Lang,
): Promise<Customer> {
  assertCustomerFields(input, lang);
  const { store, reach } = await resolveCustomerStore(trx, actor, input.storeId);
  const ownerId = await resolveOwner(trx, actor, reach.scope, store.id, input.ownerId);
  // the counter row is locked until commit: customer creation in a group is serialised, so the
  // duplicate check below sees every customer committed before this one
  const number = await nextDocumentNumber(trx, actor.groupId, 'CU', localYear(store.timezone));
  const mobiles = mobilesOfInput(input.mobiles);
  const identifying = identifyingColumns(ctx.keys, input);
  if (!input.allowDuplicate)
    await assertNoDuplicates(ctx, trx, actor, lang, {
      mobiles,
      idNumberHash: identifying.id_number_hash ?? null,
      companyCode: identifying.company_code ?? null,
    });
  const now = nowIso();
  const row: CustomerRow = {
    id: newId(),
    group_id: actor.groupId,
    store_id: store.id,
    number,
    type: input.type,
    name: input.name,
    name_search: '',
    id_doc_type: null,
    id_number_enc: null,
    id_number_hash: null,
    company_code: null,
    email: null,
    address: null,
    employer: null,
    preferred_channel: null,
    preferred_time: null,
    tags: '[]',
    owner_id: ownerId,
    note: null,
    status: 'active',
    merged_into: null,
    version: 1,
    created_at: now,
    updated_at: now,
    ...plainColumns(input),
    ...identifying,
  };
  await insertCustomerRow(trx, row);
  await replaceMobiles(trx, row.group_id, row.id, mobiles, newId, now);
  if (input.consents?.length)
    await upsertConsents(trx, consentRows(row.id, input.consents, actor.userId, now));
  // one load serves the audit's full record and the creator's (possibly masked) answer
  const shape = await customerShaper(trx, ctx.keys, [row]);
  const customer = shape(row, true);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'customer',
    entityId: row.id,
    action: 'create',
    after: customer,
  });
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: store.id,
    customerId: row.id,
    type: 'crm.customer.created',
    entity: 'customer',
    entityId: row.id,
    actorId: actor.userId,
    data: { number, name: row.name, type: row.type },
  });
  return shape(row, seesContactOf(actor, row));
}

export async function getCustomer(ctx: AppContext, db: DbOrTrx, actor: Actor, id: string) {
  return viewCustomer(ctx, db, actor, await loadCustomer(db, actor, id));
}

/**
 * Changes a customer (carry the version read: stale → 409). A consultant changes only the customers
 * they own; a merged customer is read-only; new identifying data is checked for duplicates like a create.
 */
export async function updateCustomer(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  id: string,
  patch: PatchCustomer,
  lang: Lang,
): Promise<Customer> {
  const row = await loadCustomer(trx, actor, id);
  assertCustomerAction(actor, row, 'customers.manage');
  if (row.status === 'merged') throw new AppError('crm.customer_merged');
  if (row.version !== patch.version) throw versionConflict(row.version);
  assertCustomerFields(patch, lang);
  const changes: Partial<CustomerRow> = {
    ...plainColumns(patch),
    ...identifyingColumns(ctx.keys, patch),
    updated_at: nowIso(),
  };
  if (patch.ownerId !== undefined) {
    const scope = requirePermission(actor, 'customers.manage').scope;
    changes.owner_id = await resolveOwner(trx, actor, scope, row.store_id, patch.ownerId);
  }
  const mobiles = patch.mobiles ? mobilesOfInput(patch.mobiles) : null;
  if (!patch.allowDuplicate)
    await assertNoDuplicates(
      ctx,
      trx,
      actor,
      lang,
      {
        mobiles: mobiles ?? [],
        idNumberHash: patch.identityDocument ? (changes.id_number_hash ?? null) : null,
        companyCode: patch.companyCode ? (changes.company_code ?? null) : null,
      },
      row.id,
    );
  const before = await viewCustomer(ctx, trx, null, row);
  if (!(await updateCustomerRow(trx, row.id, row.version, changes))) throw versionConflict(row.version + 1);
  if (mobiles) await replaceMobiles(trx, row.group_id, row.id, mobiles, newId, changes.updated_at!);
  if (patch.consents?.length)
    await upsertConsents(trx, consentRows(row.id, patch.consents, actor.userId, changes.updated_at!));
  const after = (await findCustomerRow(trx, row.id))!;
  const customer = await viewCustomer(ctx, trx, null, after);
  const diff = changedFields(
    before as unknown as Record<string, unknown>,
    customer as unknown as Record<string, unknown>,
  );
  delete diff.before.updatedAt;
  delete diff.after.updatedAt;
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'customer',
    entityId: row.id,
    action: 'update',
    ...diff,
  });
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.id,
    type: 'crm.customer.updated',
    entity: 'customer',
    entityId: row.id,
    actorId: actor.userId,
    data: { fields: Object.keys(diff.after).filter((k) => k !== 'version') },
  });
  return viewCustomer(ctx, trx, actor, after);
}

/** Shows the full identity number to someone allowed to (customers.reveal_id_number); every reveal is audited (PIPL). */
export async function revealCustomerIdentity(ctx: AppContext, trx: Trx, actor: Actor, id: string) {
  requirePermission(actor, 'customers.reveal_id_number');
  const row = await loadCustomer(trx, actor, id);
  if (!mayRevealIdentity(actor, row)) throw new AppError('auth.forbidden');
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'customer',
    entityId: row.id,
    action: 'reveal_id_number',
  });
  return {
    type: (row.id_doc_type as 'resident_id' | null) ?? null,
    number: row.id_number_enc ? decryptField(ctx.keys, row.id_number_enc) : null,
  };
}
