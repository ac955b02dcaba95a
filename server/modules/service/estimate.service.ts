import { randomBytes } from 'node:crypto';
import { reservePartsOfApprovedLines } from '../parts';
import type { z } from 'zod';
import type {
  addLineSchema,
  diagnosisSchema,
  inspectionSchema,
  sendEstimateSchema,
} from '../../../common/service/repair-order.schemas';
import { estimateOpenStatuses, type RepairOrderStatus } from '../../../common/service/repair-order.status';
import type { Trx } from '../../db/database';
import { tokenHash } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { AppError, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import type { Actor } from '../../platform/permissions';
import {
  linesOf,
  touchOrder,
  updateOrder,
  withNames,
  type LineRow,
  type OrderView,
} from './repair-order.repo';
import { applyOrderMove, assertAnyReach, loadOrder } from './repair-order.service';
import { toRepairOrder } from './repair-order.view';
import { parseJson } from './service.access';
import { findLaborOperationRow } from './workshop.repo';
import { labourPrice, settingsOf } from './workshop.service';

const stateConflict = (row: { status: string }) =>
  new AppError('resource.state_conflict', { params: { state: row.status } });

function checkVersion(row: OrderView, version: number) {
  if (row.version !== version) throw versionConflict(row.version);
}

/** Diagnosis by a technician (故障诊断, H6.1 4): findings, fault codes, photos. Opens `diagnosing`. */
export async function recordDiagnosis(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof diagnosisSchema>,
) {
  let row = await loadOrder(trx, actor, id);
  assertAnyReach(actor, ['service.work', 'service.manage'], row);
  checkVersion(row, input.version);
  if (row.status === 'open') row = await applyOrderMove(trx, actor.userId, row, 'diagnose', input.version);
  else if (!estimateOpenStatuses.includes(row.status as RepairOrderStatus)) throw stateConflict(row);
  const photos = [...parseJson<string[]>(row.photos_json, []), ...(input.photos ?? [])];
  const updated = await updateOrder(trx, row.id, row.version, {
    findings: input.findings,
    fault_codes_json: JSON.stringify(input.faultCodes),
    photos_json: JSON.stringify(photos),
    diagnosed_by: actor.userId,
    diagnosed_at: nowIso(),
  });
  if (!updated) throw versionConflict(row.version + 1);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'repair_order',
    entityId: row.id,
    action: 'diagnose',
    after: { findings: input.findings, faultCodes: input.faultCodes },
  });
  return toRepairOrder(trx, withNames(updated, row));
}

const fieldError = (path: string, code = 'required', message = 'required') =>
  new AppError('request.invalid', { errors: [{ path, code, message }] });

/**
 * A line of the estimate (维修报价, H6.1 5): labour from a canned job (standard hours × the store's labour
 * rate) or free labour hours, a priced part line (number, name, quantity, unit price — the parts module
 * will supply these when it exists) or sublet work. Lines added once work was approved are additional
 * findings: they go back to the customer for approval like the first ones. Every line starts pending.
 */
export async function addEstimateLine(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof addLineSchema>,
) {
  const row = await loadOrder(trx, actor, id);
  assertAnyReach(actor, ['service.work', 'service.manage'], row);
  checkVersion(row, input.version);
  if (!estimateOpenStatuses.includes(row.status as RepairOrderStatus)) throw stateConflict(row);
  const rate = (await settingsOf(trx, { id: row.store_id, group_id: row.group_id })).labour_rate;
  let description = input.description;
  let hours = 0;
  let unitPrice = input.unitPrice;
  let quantity = input.quantity;
  let partNumber: string | null = null;
  let operationId: string | null = null;
  if (input.kind === 'labor') {
    if (input.laborOperationId) {
      const op = await findLaborOperationRow(trx, input.laborOperationId);
      if (!op || op.store_id !== row.store_id)
        throw fieldError('laborOperationId', 'unknown_operation', 'not a job of the store');
      operationId = op.id;
      description = description ?? op.name;
      hours = op.hours_centi;
    } else {
      if (!input.hoursCenti) throw fieldError('hoursCenti');
      if (!description) throw fieldError('description');
      hours = input.hoursCenti;
    }
    quantity = 1;
    unitPrice = labourPrice(hours, rate);
  } else {
    if (!description) throw fieldError('description');
    if (unitPrice === undefined) throw fieldError('unitPrice');
    if (input.kind === 'part') {
      if (!input.partNumber) throw fieldError('partNumber');
      partNumber = input.partNumber;
    }
  }
  const now = nowIso();
  const line: LineRow = {
    id: newId(),
    repair_order_id: row.id,
    store_id: row.store_id,
    kind: input.kind,
    labor_operation_id: operationId,
    description: description!,
    part_number: partNumber,
    quantity,
    unit_price: unitPrice!,
    hours_centi: hours,
    amount: unitPrice! * quantity,
    payer: input.payer,
    approval: 'pending',
    decided_at: null,
    decided_via: null,
    origin: row.status === 'diagnosing' ? 'estimate' : 'additional',
    work_status: 'not_started',
    issued_qty: 0,
    created_by: actor.userId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('repair_order_lines').values(line).execute();
  const touched = await touchOrder(trx, row, 'version');
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'repair_order',
    entityId: row.id,
    action: 'add_line',
    after: {
      lineId: line.id,
      kind: line.kind,
      description: line.description,
      amount: line.amount,
      payer: line.payer,
    },
  });
  return toRepairOrder(trx, withNames(touched, row));
}

/** The digital inspection (green / yellow / red items with photos) that goes to the customer with the estimate. */
export async function recordInspection(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof inspectionSchema>,
) {
  const row = await loadOrder(trx, actor, id);
  assertAnyReach(actor, ['service.work', 'service.manage'], row);
  checkVersion(row, input.version);
  if (!estimateOpenStatuses.includes(row.status as RepairOrderStatus) && row.status !== 'open')
    throw stateConflict(row);
  const now = nowIso();
  await trx
    .insertInto('repair_order_inspections')
    .values(
      input.items.map((i) => ({
        id: newId(),
        repair_order_id: row.id,
        item: i.item,
        rating: i.rating,
        note: i.note ?? null,
        photos_json: JSON.stringify(i.photos ?? []),
        created_by: actor.userId,
        created_at: now,
      })),
    )
    .execute();
  const updated = await updateOrder(trx, row.id, row.version, {});
  if (!updated) throw versionConflict(row.version + 1);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'repair_order',
    entityId: row.id,
    action: 'inspection',
    after: { items: input.items.length },
  });
  return toRepairOrder(trx, withNames(updated, row));
}

export const approvalPathOf = (token: string) => `/approve/${token}`;

/**
 * Sends the pending lines to the customer by link (H6.1 5): an unguessable token (only its hash is kept)
 * that works until it expires and only once; a newer link replaces an unused older one. From diagnosis
 * the order moves to `estimate_sent`; additional findings during work leave the order where it is.
 */
export async function sendEstimate(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof sendEstimateSchema>,
) {
  let row = await loadOrder(trx, actor, id, 'service.manage');
  checkVersion(row, input.version);
  if (!estimateOpenStatuses.includes(row.status as RepairOrderStatus)) throw stateConflict(row);
  const lines = await linesOf(trx, row.id);
  const pending = lines.filter((l) => l.approval === 'pending');
  if (!pending.length) throw fieldError('lines', 'no_pending_lines', 'add the lines to approve first');
  const now = new Date();
  await trx
    .updateTable('repair_order_approvals')
    .set({ expires_at: now.toISOString() })
    .where('repair_order_id', '=', row.id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .execute();
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.hours * 3_600_000).toISOString();
  await trx
    .insertInto('repair_order_approvals')
    .values({
      id: newId(),
      repair_order_id: row.id,
      token_hash: tokenHash(token),
      line_ids_json: JSON.stringify(pending.map((l) => l.id)),
      language: input.language,
      expires_at: expiresAt,
      used_at: null,
      signer_name: null,
      created_by: actor.userId,
      created_at: now.toISOString(),
    })
    .execute();
  if (row.status === 'diagnosing')
    row = await applyOrderMove(trx, actor.userId, row, 'send_estimate', input.version);
  else {
    const updated = await updateOrder(trx, row.id, row.version, {});
    if (!updated) throw versionConflict(row.version + 1);
    row = withNames(updated, row);
  }
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'repair_order',
    entityId: row.id,
    action: 'send_estimate',
    after: { lines: pending.length, expiresAt },
  });
  return {
    // the order's write was version-checked: the lines read above are still its lines
    order: await toRepairOrder(trx, row, { lines }),
    approvalPath: approvalPathOf(token),
    expiresAt,
  };
}

export type Decision = { lineId: string; decision: 'approved' | 'declined' };

/**
 * Applies the customer's answer to lines (approve or decline each one; every line asked must be
 * answered). Declined lines stay on the order and are shown at the next visit. An order waiting for
 * its estimate becomes `approved` (partly, when some lines were declined). Answers the order and the
 * decided lines as written.
 */
export async function applyDecisions(
  trx: Trx,
  actor: Actor | null,
  row: OrderView,
  lineIds: string[],
  decisions: Decision[],
  via: 'link' | 'in_store',
  signerName: string,
) {
  const asked = new Set(lineIds);
  const errors = decisions.flatMap((d, i) =>
    asked.has(d.lineId)
      ? []
      : [{ path: `decisions.${i}.lineId`, code: 'not_asked', message: 'not a line of this estimate' }],
  );
  if (errors.length) throw new AppError('request.invalid', { errors });
  const byLine = new Map(decisions.map((d) => [d.lineId, d.decision]));
  if ([...asked].some((id) => !byLine.has(id))) throw new AppError('service.lines_undecided');
  const at = nowIso();
  const decided: LineRow[] = [];
  for (const [lineId, decision] of byLine) {
    const line = await trx
      .updateTable('repair_order_lines')
      .set((eb) => ({
        approval: decision,
        decided_at: at,
        decided_via: via,
        version: eb('version', '+', 1),
        updated_at: at,
      }))
      .where('id', '=', lineId)
      .where('repair_order_id', '=', row.id)
      .where('approval', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!line) throw new AppError('service.approval_used');
    decided.push(line);
  }
  const approved = decisions.filter((d) => d.decision === 'approved').length;
  const approvedIds = new Set(decisions.filter((d) => d.decision === 'approved').map((d) => d.lineId));
  if (approvedIds.size) {
    // the lines as just written, in the order of their ids
    const lines = decided.filter((l) => approvedIds.has(l.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
    // the stocked parts of the approved lines are reserved (H6 ↔ H7); a part short of stock stays unreserved
    await reservePartsOfApprovedLines(trx, row, lines, actor?.userId ?? null);
  }
  const after =
    row.status === 'estimate_sent' || row.status === 'diagnosing'
      ? await applyOrderMove(trx, actor?.userId ?? null, row, 'approve', null)
      : withNames(await touchOrder(trx, row, 'status'), row);
  await recordAudit(trx, {
    actorId: actor?.userId ?? null,
    storeId: row.store_id,
    entity: 'repair_order',
    entityId: row.id,
    action: via === 'link' ? 'customer_decision_link' : 'customer_decision_in_store',
    after: { signerName, approved, declined: decisions.length - approved },
  });
  return { order: after, decided };
}

/** The customer signs in the store (on the advisor's tablet) instead of the link. */
export async function decideInStore(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; signerName: string; decisions: Decision[] },
) {
  const row = await loadOrder(trx, actor, id, 'service.manage');
  checkVersion(row, input.version);
  if (!['estimate_sent', ...estimateOpenStatuses].includes(row.status)) throw stateConflict(row);
  const lines = await linesOf(trx, row.id);
  const pending = lines.filter((l) => l.approval === 'pending').map((l) => l.id);
  if (!pending.length) throw stateConflict({ status: 'nothing_pending' });
  const { order, decided } = await applyDecisions(
    trx,
    actor,
    row,
    pending,
    input.decisions,
    'in_store',
    input.signerName,
  );
  // an open link for these lines is used up by the answer given in the store
  await trx
    .updateTable('repair_order_approvals')
    .set({ used_at: nowIso(), signer_name: input.signerName })
    .where('repair_order_id', '=', row.id)
    .where('used_at', 'is', null)
    .execute();
  // the decided lines as written; the others are as read, unless someone else changed the order meanwhile
  const written = new Map(decided.map((l) => [l.id, l]));
  const untouched = order.version === row.version + 1;
  return toRepairOrder(trx, order, untouched ? { lines: lines.map((l) => written.get(l.id) ?? l) } : {});
}
