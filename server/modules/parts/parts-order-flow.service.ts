import type { z } from 'zod';
import type {
  packOrderSchema,
  raiseExceptionSchema,
  resolveExceptionSchema,
  shipOrderSchema,
  signOffSchema,
} from '../../../common/parts/parts-order.schemas';
import {
  exceptionStatuses,
  partsOrderTransitions,
  type PartsOrderAction,
  type PartsOrderStatus,
} from '../../../common/parts/parts-order.status';
import { divRoundHalfUp } from '../../../common/rules/money';
import type { Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import type { Actor } from '../../platform/permissions';
import {
  findExceptionRow,
  orderLines,
  transitionOrderRow,
  updateOrderLine,
  type PartsOrderRow,
} from './parts-order.repo';
import { loadPartsOrder } from './parts-order.service';
import { toPartsOrder } from './parts-order.view';
import {
  issueStock,
  lockBalancesFirst,
  receiveStock,
  releaseStock,
  reserveStock,
} from './stock-ledger.service';

const stateConflict = (state: string) => new AppError('resource.state_conflict', { params: { state } });

/** Moves the order along its status machine (409 naming the state, stale version 409), audited. */
async function step(
  trx: Trx,
  actor: Actor,
  row: PartsOrderRow,
  action: PartsOrderAction,
  version: number,
  changes: Partial<PartsOrderRow>,
  details: Record<string, unknown>,
) {
  const t = partsOrderTransitions[action];
  if (!(t.from as readonly string[]).includes(row.status)) throw stateConflict(row.status);
  if (row.version !== version) throw versionConflict(row.version);
  const moved = await transitionOrderRow(trx, row.id, t.from, version, {
    ...changes,
    status: t.to,
    updated_at: nowIso(),
  });
  if (!moved) throw versionConflict(row.version + 1);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'parts_order',
    entityId: row.id,
    action,
    before: { status: row.status },
    after: { status: t.to, ...details },
  });
  const after = { ...row, ...changes, status: t.to as PartsOrderStatus, version: row.version + 1 };
  const order = await toPartsOrder(trx, after);
  await emitEvent(trx, `parts.parts_order.${action}`, { order }, row.store_id);
  return order;
}

const ref = (row: PartsOrderRow) => ({ type: 'parts_order', id: row.id });

/** The order's lines, their balances in its store locked first (in part order, whatever the line order). */
async function linesLocked(trx: Trx, row: PartsOrderRow) {
  const lines = await orderLines(trx, row.id);
  await lockBalancesFirst(
    trx,
    lines.map((l) => ({ storeId: row.store_id, partId: l.part_id })),
  );
  return lines;
}

/** Review (审核, H7.2.1) allocates every line from stock: a shortage on any line refuses the whole order. */
export async function reviewPartsOrder(trx: Trx, actor: Actor, id: string, version: number) {
  const row = await loadPartsOrder(trx, actor, id, 'parts.manage');
  if (row.status === 'submitted' && row.version === version)
    for (const line of await linesLocked(trx, row))
      await reserveStock(trx, { storeId: row.store_id, partId: line.part_id, qty: line.qty, ref: ref(row) });
  return step(trx, actor, row, 'review', version, {}, {});
}

/** Picking takes the parts off the shelf: each line leaves the ledger (to another store: a transfer out). */
export async function pickPartsOrder(trx: Trx, actor: Actor, id: string, version: number) {
  const row = await loadPartsOrder(trx, actor, id, 'parts.manage');
  if (row.status === 'allocated' && row.version === version)
    for (const line of await linesLocked(trx, row)) {
      const m = await issueStock(
        trx,
        {
          storeId: row.store_id,
          partId: line.part_id,
          qty: line.qty,
          ref: ref(row),
          reason: row.number,
          actorId: actor.userId,
        },
        row.channel === 'store' ? 'transfer_out' : 'order_issue',
      );
      await updateOrderLine(trx, line.id, { picked_qty: line.qty, picked_cost: -Number(m.total_cost) });
    }
  return step(trx, actor, row, 'pick', version, {}, {});
}

/** Packing (H7.2.2): every line goes into a package; each package has its weight. */
export async function packPartsOrder(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof packOrderSchema>,
) {
  const row = await loadPartsOrder(trx, actor, id, 'parts.manage');
  const lines = await orderLines(trx, id);
  const packed = new Set(input.packages.flatMap((p) => p.lineIds));
  const unknown = [...packed].find((l) => !lines.some((x) => x.id === l));
  if (unknown || lines.some((l) => !packed.has(l.id)))
    throw new AppError('request.invalid', {
      errors: [{ path: 'packages', code: 'lines_not_packed', message: 'every line of the order, once' }],
    });
  const order = await step(trx, actor, row, 'pack', input.version, {}, { packages: input.packages.length });
  await trx
    .insertInto('parts_order_packages')
    .values(
      input.packages.map((p, i) => ({
        id: newId(),
        order_id: id,
        package_no: i + 1,
        weight_g: p.weightG,
        line_ids: JSON.stringify(p.lineIds),
      })),
    )
    .execute();
  return { ...order, packages: input.packages.map((p, i) => ({ packageNo: i + 1, ...p })) };
}

export async function shipPartsOrder(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof shipOrderSchema>,
) {
  const row = await loadPartsOrder(trx, actor, id, 'parts.manage');
  return step(
    trx,
    actor,
    row,
    'ship',
    input.version,
    { carrier: input.carrier, tracking_no: input.trackingNo },
    { carrier: input.carrier, trackingNo: input.trackingNo },
  );
}

/**
 * Sign-off (签收, H7.2.3): the receiver states per line the quantity received and its condition. A line
 * short, damaged or of the wrong part raises the matching exception; another store of the group takes
 * the good units into its stock at the cost they left with.
 */
export async function signOffPartsOrder(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof signOffSchema>,
) {
  const row = await loadPartsOrder(trx, actor, id, 'parts.manage');
  const lines = await orderLines(trx, id);
  const given = new Map(input.lines.map((l) => [l.lineId, l]));
  const errors = lines.flatMap((l) => {
    const g = given.get(l.id);
    if (!g) return [{ path: 'lines', code: 'line_missing', message: `line ${l.line_no} not signed for` }];
    if (g.receivedQty > l.picked_qty)
      return [
        {
          path: `lines.${input.lines.indexOf(g)}.receivedQty`,
          code: 'too_big',
          message: 'more than shipped',
        },
      ];
    return [];
  });
  if (given.size !== input.lines.length || input.lines.some((l) => !lines.some((x) => x.id === l.lineId)))
    errors.push({ path: 'lines', code: 'unknown_line', message: 'each line of the order once' });
  if (errors.length) throw new AppError('request.invalid', { errors });
  const now = nowIso();
  const order = await step(
    trx,
    actor,
    row,
    'sign_off',
    input.version,
    { signed_by: input.signedBy, signed_at: now },
    {
      signedBy: input.signedBy,
    },
  );
  const arriving = (l: (typeof lines)[number]) => {
    const g = given.get(l.id)!;
    return row.channel === 'store' && g.condition === 'ok' && g.receivedQty > 0;
  };
  await lockBalancesFirst(
    trx,
    lines.filter(arriving).map((l) => ({ storeId: row.to_store_id!, partId: l.part_id })),
  );
  for (const line of lines) {
    const g = given.get(line.id)!;
    await updateOrderLine(trx, line.id, { received_qty: g.receivedQty, condition: g.condition });
    const good = g.condition === 'ok' ? g.receivedQty : 0;
    if (row.channel === 'store' && good > 0)
      await receiveStock(
        trx,
        {
          storeId: row.to_store_id!,
          partId: line.part_id,
          qty: good,
          ref: ref(row),
          reason: row.number,
          actorId: actor.userId,
        },
        divRoundHalfUp(Number(line.picked_cost ?? 0), line.picked_qty),
        'transfer_in',
        good === line.picked_qty
          ? Number(line.picked_cost ?? 0)
          : divRoundHalfUp(Number(line.picked_cost ?? 0) * good, line.picked_qty),
      );
    if (g.receivedQty < line.picked_qty)
      await addException(trx, actor, row, {
        type: 'short',
        lineId: line.id,
        qty: line.picked_qty - g.receivedQty,
        note: g.note,
      });
    if (g.condition !== 'ok' && g.receivedQty > 0)
      await addException(trx, actor, row, {
        type: g.condition,
        lineId: line.id,
        qty: g.receivedQty,
        note: g.note,
      });
  }
  return toPartsOrder(trx, {
    ...row,
    status: 'delivered',
    signed_by: input.signedBy,
    signed_at: now,
    version: order.version,
  });
}

/** Cancels an order not yet picked: what it holds reserved becomes available again. */
export async function cancelPartsOrder(trx: Trx, actor: Actor, id: string, version: number) {
  const row = await loadPartsOrder(trx, actor, id, 'parts.manage');
  if (row.status === 'allocated' && row.version === version)
    for (const line of await linesLocked(trx, row))
      await releaseStock(trx, { storeId: row.store_id, partId: line.part_id, ref: ref(row) });
  return step(trx, actor, row, 'cancel', version, {}, {});
}

async function addException(
  trx: Trx,
  actor: Actor,
  row: PartsOrderRow,
  input: { type: string; lineId?: string; qty: number; note?: string },
) {
  const id = newId();
  await trx
    .insertInto('parts_order_exceptions')
    .values({
      id,
      order_id: row.id,
      line_id: input.lineId ?? null,
      type: input.type,
      qty: input.qty,
      note: input.note ?? null,
      status: 'open',
      resolution: null,
      follow_up: null,
      raised_by: actor.userId,
      raised_at: nowIso(),
      resolved_by: null,
      resolved_at: null,
    })
    .execute();
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'parts_order',
    entityId: row.id,
    action: 'exception_raised',
    after: { exceptionId: id, type: input.type, qty: input.qty, lineId: input.lineId ?? null },
  });
  return id;
}

/** Raises an exception in transit (H7.2.4): short, damaged, wrong part or lost, once the parts are shipped. */
export async function raisePartsOrderException(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof raiseExceptionSchema>,
) {
  const row = await loadPartsOrder(trx, actor, id, 'parts.manage');
  if (!exceptionStatuses.includes(row.status as PartsOrderStatus)) throw stateConflict(row.status);
  if (input.lineId) {
    const line = (await orderLines(trx, id)).find((l) => l.id === input.lineId);
    if (!line)
      throw new AppError('request.invalid', {
        errors: [{ path: 'lineId', code: 'unknown_line', message: 'not a line of this order' }],
      });
    if (input.qty > line.qty)
      throw new AppError('request.invalid', {
        errors: [{ path: 'qty', code: 'too_big', message: 'more than ordered' }],
      });
  }
  await addException(trx, actor, row, input);
  await bumpOrder(trx, row);
  return toPartsOrder(trx, { ...row, version: row.version + 1 });
}

async function bumpOrder(trx: Trx, row: PartsOrderRow) {
  await trx
    .updateTable('parts_orders')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: nowIso() }))
    .where('id', '=', row.id)
    .execute();
}

/**
 * Resolves an exception: re-ship (the replacement leaves stock now, against this order), credit the
 * customer the line's price, or take the goods back; the follow-up note says what was agreed.
 */
export async function resolvePartsOrderException(
  trx: Trx,
  actor: Actor,
  id: string,
  exceptionId: string,
  input: z.infer<typeof resolveExceptionSchema>,
) {
  const row = await loadPartsOrder(trx, actor, id, 'parts.manage');
  const ex = await findExceptionRow(trx, id, exceptionId);
  if (!ex) throw notFound('parts_order_exception');
  const now = nowIso();
  const res = await trx
    .updateTable('parts_order_exceptions')
    .set({
      status: 'resolved',
      resolution: input.resolution,
      follow_up: input.followUp,
      resolved_by: actor.userId,
      resolved_at: now,
    })
    .where('id', '=', exceptionId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw stateConflict(ex.status);
  const line = ex.line_id ? (await orderLines(trx, id)).find((l) => l.id === ex.line_id) : undefined;
  const details: Record<string, unknown> = { exceptionId, type: ex.type, resolution: input.resolution };
  if (input.resolution === 'reship' && line)
    await issueStock(
      trx,
      {
        storeId: row.store_id,
        partId: line.part_id,
        qty: ex.qty,
        ref: { type: 'parts_order_exception', id: ex.id },
        reason: row.number,
        actorId: actor.userId,
      },
      'order_issue',
    );
  if (input.resolution === 'credit' && line) details.credit = ex.qty * Number(line.unit_price);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'parts_order',
    entityId: row.id,
    action: 'exception_resolved',
    after: details,
  });
  await bumpOrder(trx, row);
  return toPartsOrder(trx, { ...row, version: row.version + 1 });
}
