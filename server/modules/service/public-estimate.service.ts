import type { DbOrTrx, Trx } from '../../db/database';
import { tokenHash } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { findStoreRow } from '../identity';
import { applyDecisions, type Decision } from './estimate.service';
import { findOrder, linesOf } from './repair-order.repo';
import { parseJson } from './service.access';

/**
 * The customer's approval page (H6.1 5), without an account: the token is the key. Unknown or expired
 * links are 404, a link already answered is 409 — both say so in the customer's language.
 */
async function loadByToken(db: DbOrTrx, token: string) {
  if (token.length < 16 || token.length > 100) throw new AppError('service.approval_expired');
  const approval = await db
    .selectFrom('repair_order_approvals')
    .selectAll()
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!approval || approval.expires_at <= nowIso()) throw new AppError('service.approval_expired');
  if (approval.used_at) throw new AppError('service.approval_used');
  const order = (await findOrder(db, approval.repair_order_id))!;
  if (order.status === 'cancelled' || order.status === 'closed')
    throw new AppError('service.approval_expired');
  return { approval, order };
}

export async function publicEstimate(db: DbOrTrx, token: string) {
  const { approval, order } = await loadByToken(db, token);
  const ids = new Set(parseJson<string[]>(approval.line_ids_json, []));
  const lines = (await linesOf(db, order.id)).filter((l) => ids.has(l.id));
  const store = (await findStoreRow(db, order.store_id))!;
  const inspection = await db
    .selectFrom('repair_order_inspections')
    .select(['item', 'rating', 'note'])
    .where('repair_order_id', '=', order.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    storeName: store.name,
    number: order.number,
    plate: order.plate,
    vin: order.vin,
    vehicleName: order.vehicle_name,
    customerName: order.customer_name,
    language: approval.language,
    expiresAt: approval.expires_at,
    findings: order.findings,
    inspection,
    lines: lines.map((l) => ({
      id: l.id,
      kind: l.kind,
      description: l.description,
      partNumber: l.part_number,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      hoursCenti: l.hours_centi,
      amount: l.amount,
      payer: l.payer,
    })),
  };
}

/** The customer's answer through the link: once (of two answers sent at once, one wins; the other 409). */
export async function decideByLink(
  trx: Trx,
  token: string,
  input: { signerName: string; decisions: Decision[] },
) {
  const { approval, order } = await loadByToken(trx, token);
  const used = await trx
    .updateTable('repair_order_approvals')
    .set({ used_at: nowIso(), signer_name: input.signerName })
    .where('id', '=', approval.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw new AppError('service.approval_used');
  const lineIds = parseJson<string[]>(approval.line_ids_json, []);
  // every line asked is decided, or nothing is: the decided lines as written are the link's lines
  const { decided: lines } = await applyDecisions(
    trx,
    null,
    order,
    lineIds,
    input.decisions,
    'link',
    input.signerName,
  );
  const approved = lines.filter((l) => l.approval === 'approved');
  return {
    approved: approved.length,
    declined: lines.length - approved.length,
    approvedAmount: approved.reduce((a, l) => a + l.amount, 0),
  };
}
