import type { z } from 'zod';
import type { contractIdCopySchema, signContractSchema } from '../../../common/sales/contract.schemas';
import { failingChecks } from '../../../common/sales/contract.readiness';
import type { Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { type PiiKeys } from '../../platform/pii';
import { type Actor } from '../../platform/permissions';
import { recordCustomerEvent } from '../crm';
import { queueCustomerMessage } from '../crm/notification.service';
import { markVehicleSold } from '../vehicles';
import { moveDeal } from './deal.service';
import { checksOf, copyPath, copyToken, copyTokenHash, type ContractRow } from './contract.view';
import { findDealRow, type DealRow } from './sales.access';
import { storeAttachment } from './attachment.service';
import { contractView, loadContract, updateContractRow } from './contract.service';

const stateConflict = (state: string) => new AppError('resource.state_conflict', { params: { state } });

/** The copy of the buyer's identity document (H4.1: "copy uploaded"); a new copy clears the verification. */
export async function attachIdCopy(
  trx: Trx,
  actor: Actor,
  keys: PiiKeys,
  id: string,
  input: z.infer<typeof contractIdCopySchema>,
) {
  const { row, deal } = await loadContract(trx, actor, id, 'deals.manage');
  if (row.status !== 'draft') throw stateConflict(row.status);
  const attachmentId = await storeAttachment(trx, actor, deal, 'id_copy', input);
  const after = await updateContractRow(trx, row, input.version, {
    id_copy_attachment_id: attachmentId,
    identity_verified_by: null,
    identity_verified_at: null,
  });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'contract',
    entityId: row.id,
    action: 'attach_id_copy',
    after: { attachmentId },
  });
  return contractView(trx, actor, keys, after, deal);
}

/** Who checked the document against the person and the copy (H4.1: "verified by whom"). */
export async function verifyIdentity(trx: Trx, actor: Actor, keys: PiiKeys, id: string, version: number) {
  const { row, deal } = await loadContract(trx, actor, id, 'deals.manage');
  if (row.status !== 'draft') throw stateConflict(row.status);
  const failing = checksOf(row, keys).filter(
    (c) => !c.ok && (c.check === 'buyer_identity_document' || c.check === 'buyer_identity_copy'),
  );
  if (failing.length)
    throw new AppError('sales.contract_not_ready', {
      errors: failing.map((c) => ({ path: c.check, code: c.check, message: 'missing' })),
    });
  const after = await updateContractRow(trx, row, version, {
    identity_verified_by: actor.userId,
    identity_verified_at: nowIso(),
  });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'contract',
    entityId: row.id,
    action: 'verify_identity',
  });
  return contractView(trx, actor, keys, after, deal);
}

/**
 * A signature from the pad, time-stamped (H4.1.2). Refused until every preparation check passes. When
 * both parties have signed the contract is in force: the car is sold to the deal, the deal contracted,
 * and the customer's copy is sent by link.
 */
export async function signContract(
  trx: Trx,
  actor: Actor,
  keys: PiiKeys,
  id: string,
  input: z.infer<typeof signContractSchema>,
) {
  const { row, deal } = await loadContract(trx, actor, id, 'deals.manage');
  if (row.status !== 'draft') throw stateConflict(row.status);
  const failing = failingChecks(checksOf(row, keys));
  if (failing.length)
    throw new AppError('sales.contract_not_ready', {
      errors: failing.map((check) => ({ path: check, code: check, message: 'not ready' })),
    });
  const now = nowIso();
  const changes: Partial<ContractRow> =
    input.party === 'customer'
      ? { customer_signature: input.signature, customer_signed_at: now }
      : {
          consultant_signature: input.signature,
          consultant_signed_at: now,
          consultant_signed_by: actor.userId,
        };
  const both =
    input.party === 'customer' ? row.consultant_signed_at !== null : row.customer_signed_at !== null;
  if (both)
    Object.assign(changes, {
      status: 'signed',
      signed_at: now,
      share_token_hash: copyTokenHash(copyToken(keys, row.id)),
    });
  const after = await updateContractRow(trx, row, input.version, changes);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'contract',
    entityId: row.id,
    action: `sign_${input.party}`,
    after: { signedAt: now },
  });
  if (both) await contractInForce(trx, actor, keys, after, deal);
  return contractView(trx, actor, keys, after, (await findDealRow(trx, deal.id))!);
}

async function contractInForce(trx: Trx, actor: Actor, keys: PiiKeys, row: ContractRow, deal: DealRow) {
  const vehicle = await trx
    .selectFrom('vehicles')
    .select('status')
    .where('id', '=', deal.vehicle_id!)
    .executeTakeFirstOrThrow();
  if (vehicle.status === 'reserved') await markVehicleSold(trx, actor, deal.vehicle_id!, deal.id);
  await moveDeal(trx, deal, deal.version, 'contracted');
  const link = copyPath(copyToken(keys, row.id));
  await recordCustomerEvent(trx, {
    groupId: deal.group_id,
    storeId: deal.store_id,
    customerId: deal.customer_id,
    type: 'sales.contract.signed',
    entity: 'contract',
    entityId: row.id,
    actorId: actor.userId,
    data: { number: row.number, version: row.version_no, vin: row.vin },
  });
  await queueCustomerMessage(trx, {
    groupId: deal.group_id,
    storeId: deal.store_id,
    customerId: deal.customer_id,
    template: 'contract_signed',
    body:
      row.language === 'en'
        ? `Your vehicle sales contract ${row.number} is signed. Your copy: ${link}`
        : `您的汽车买卖合同 ${row.number} 已签署，合同客户联：${link}`,
    entity: 'contract',
    entityId: row.id,
  });
}
