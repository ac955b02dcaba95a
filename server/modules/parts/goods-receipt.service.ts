import { localToday } from '../../../common/rules/civil-date';
import type { z } from 'zod';
import type {
  CreateGoodsReceipt,
  GoodsReceipt,
  InspectReceipt,
  goodsReceiptListQuery,
} from '../../../common/parts/purchase-order.schemas';
import { receivableStatuses, type PurchaseOrderStatus } from '../../../common/parts/purchase-order.status';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict, type FieldError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import { findPartRows } from './part.repo';
import { inStoreScope } from './part.service';
import {
  addReceivedQty,
  lockPurchaseOrderLines,
  findGoodsReceiptRow,
  findPurchaseOrderRow,
  goodsReceiptLines,
  insertGoodsReceipt,
  purchaseOrderLines,
  qualityIssueIdsOfReceipt,
  recordInspection,
  transitionPurchaseOrder,
  type GoodsReceiptLineRow,
  type GoodsReceiptRow,
} from './purchase-order.repo';
import { loadPurchaseOrder } from './purchase-order.service';
import { lockBalancesFirst, receiveStock } from './stock-ledger.service';

type ListQuery = z.infer<typeof goodsReceiptListQuery>;

async function loadReceipt(db: DbOrTrx, actor: Actor, id: string, action: 'parts.read' | 'parts.manage') {
  const reach = requirePermission(actor, action);
  const row = await findGoodsReceiptRow(db, id);
  if (!row || !reaches(reach, { groupId: row.group_id, storeIds: [row.store_id] }))
    throw notFound('goods_receipt');
  return row;
}

async function toReceipt(db: DbOrTrx, row: GoodsReceiptRow): Promise<GoodsReceipt> {
  const lines = await goodsReceiptLines(db, row.id);
  const parts = await findPartRows(
    db,
    lines.map((l) => l.part_id),
  );
  const po = await findPurchaseOrderRow(db, row.purchase_order_id);
  return {
    id: row.id,
    number: row.number,
    storeId: row.store_id,
    purchaseOrderId: row.purchase_order_id,
    purchaseOrderNumber: po?.number ?? '',
    supplierId: row.supplier_id,
    status: row.status as GoodsReceipt['status'],
    receivedOn: row.received_on,
    onTime: row.on_time === null ? null : row.on_time === 1,
    deliveryNote: row.delivery_note,
    inspectedAt: row.inspected_at,
    lines: lines.map((l) => ({
      id: l.id,
      poLineId: l.po_line_id,
      partId: l.part_id,
      partNo: parts.get(l.part_id)?.part_no ?? '',
      name: parts.get(l.part_id)?.name ?? '',
      qty: l.qty,
      unitPrice: Number(l.unit_price),
      acceptedQty: l.accepted_qty,
      rejectedQty: l.rejected_qty,
      rejectReason: l.reject_reason,
      photos: JSON.parse(l.photos) as string[],
    })),
    qualityIssueIds: (await qualityIssueIdsOfReceipt(db, row.id)).map((r) => r.id),
    version: row.version,
    createdAt: row.created_at,
  };
}

/**
 * Goods arrive against a sent or confirmed purchase order (partial receipts and back orders allowed,
 * never more than is still open per line). They do not enter stock yet: incoming inspection decides.
 */
export async function createGoodsReceipt(trx: Trx, actor: Actor, input: CreateGoodsReceipt) {
  const po = await loadPurchaseOrder(trx, actor, input.purchaseOrderId, 'parts.manage');
  if (!receivableStatuses.includes(po.status as PurchaseOrderStatus))
    throw new AppError('resource.state_conflict', { params: { state: po.status } });
  const store = (await findStoreRow(trx, po.store_id))!;
  const poLines = await purchaseOrderLines(trx, po.id);
  const id = newId();
  const lines: GoodsReceiptLineRow[] = [];
  const unknown = input.lines.findIndex((l) => !poLines.some((x) => x.id === l.poLineId));
  if (unknown >= 0)
    throw new AppError('request.invalid', {
      errors: [
        { path: `lines.${unknown}.poLineId`, code: 'unknown_line', message: 'not a line of this order' },
      ],
    });
  await lockPurchaseOrderLines(
    trx,
    input.lines.map((l) => l.poLineId),
  );
  for (const [i, l] of input.lines.entries()) {
    const poLine = poLines.find((x) => x.id === l.poLineId)!;
    if (!(await addReceivedQty(trx, poLine.id, l.qty)))
      throw new AppError('parts.receipt_exceeds_order', {
        params: { open: poLine.qty - poLine.received_qty },
        errors: [
          { path: `lines.${i}.qty`, code: 'parts.receipt_exceeds_order', message: 'more than is open' },
        ],
      });
    lines.push({
      id: newId(),
      goods_receipt_id: id,
      po_line_id: poLine.id,
      part_id: poLine.part_id,
      qty: l.qty,
      unit_price: l.unitPrice ?? Number(poLine.unit_price),
      accepted_qty: null,
      rejected_qty: null,
      reject_reason: null,
      photos: '[]',
    });
  }
  const receivedOn = input.receivedOn ?? localToday(store.timezone);
  const now = nowIso();
  const row: GoodsReceiptRow = {
    id,
    group_id: po.group_id,
    store_id: po.store_id,
    number: await nextDocumentNumber(trx, po.store_id, 'GR', localYear(store.timezone)),
    purchase_order_id: po.id,
    supplier_id: po.supplier_id,
    status: 'pending_inspection',
    received_on: receivedOn,
    on_time: po.expected_on ? (receivedOn <= po.expected_on ? 1 : 0) : null,
    delivery_note: input.deliveryNote ?? null,
    received_by: actor.userId,
    inspected_by: null,
    inspected_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertGoodsReceipt(trx, row, lines);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'goods_receipt',
    entityId: id,
    action: 'create',
    after: { number: row.number, purchaseOrderId: po.id, lines: lines.length },
  });
  return toReceipt(trx, row);
}

/**
 * Incoming inspection (入库检验, H7.3.3): per line accepted + rejected = received. Accepted units enter
 * stock at the delivered price; rejected units never do — each rejected line becomes a supplier quality
 * issue (return or claim) and goes back on the order as owed. The PO is received when every line is
 * accepted in full, else partially received.
 */
export async function inspectGoodsReceipt(trx: Trx, actor: Actor, id: string, input: InspectReceipt) {
  const row = await loadReceipt(trx, actor, id, 'parts.manage');
  if (row.status !== 'pending_inspection')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (row.version !== input.version) throw versionConflict(row.version);
  const lines = await goodsReceiptLines(trx, id);
  const errors: FieldError[] = [];
  const byLine = new Map(input.lines.map((l) => [l.lineId, l]));
  if (byLine.size !== input.lines.length || lines.length !== input.lines.length)
    errors.push({ path: 'lines', code: 'lines_mismatch', message: 'each line of the receipt once' });
  input.lines.forEach((l, i) => {
    const line = lines.find((x) => x.id === l.lineId);
    if (!line)
      errors.push({ path: `lines.${i}.lineId`, code: 'unknown_line', message: 'not a line of this receipt' });
    else if (l.acceptedQty + l.rejectedQty !== line.qty)
      errors.push({
        path: `lines.${i}.acceptedQty`,
        code: 'qty_mismatch',
        message: `accepted + rejected must be ${line.qty}`,
      });
    if (l.rejectedQty > 0 && !l.rejectReason)
      errors.push({
        path: `lines.${i}.rejectReason`,
        code: 'required',
        message: 'why the units are rejected',
      });
  });
  if (errors.length) throw new AppError('request.invalid', { errors });
  const now = nowIso();
  const claimed = await trx
    .updateTable('goods_receipts')
    .set({
      status: 'posted',
      inspected_by: actor.userId,
      inspected_at: now,
      updated_at: now,
      version: row.version + 1,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending_inspection')
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw versionConflict(row.version + 1);
  const store = (await findStoreRow(trx, row.store_id))!;
  await lockBalancesFirst(
    trx,
    lines
      .filter((l) => byLine.get(l.id)!.acceptedQty > 0)
      .map((l) => ({ storeId: row.store_id, partId: l.part_id })),
  );
  await lockPurchaseOrderLines(
    trx,
    lines.map((l) => l.po_line_id),
  );
  for (const line of lines) {
    const verdict = byLine.get(line.id)!;
    await trx
      .updateTable('goods_receipt_lines')
      .set({
        accepted_qty: verdict.acceptedQty,
        rejected_qty: verdict.rejectedQty,
        reject_reason: verdict.rejectReason ?? null,
        photos: JSON.stringify(verdict.photos),
      })
      .where('id', '=', line.id)
      .execute();
    await recordInspection(trx, line.po_line_id, verdict.acceptedQty, verdict.rejectedQty);
    if (verdict.acceptedQty > 0)
      await receiveStock(
        trx,
        {
          storeId: row.store_id,
          partId: line.part_id,
          qty: verdict.acceptedQty,
          ref: { type: 'goods_receipt', id: row.id },
          reason: row.number,
          actorId: actor.userId,
        },
        Number(line.unit_price),
      );
    if (verdict.rejectedQty > 0)
      await trx
        .insertInto('supplier_quality_issues')
        .values({
          id: newId(),
          group_id: row.group_id,
          store_id: row.store_id,
          number: await nextDocumentNumber(trx, row.store_id, 'SQ', localYear(store.timezone)),
          supplier_id: row.supplier_id,
          goods_receipt_id: row.id,
          part_id: line.part_id,
          qty: verdict.rejectedQty,
          reason: verdict.rejectReason!,
          photos: JSON.stringify(verdict.photos),
          status: 'open',
          resolution: null,
          claim_amount: null,
          resolution_note: null,
          resolved_at: null,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
  }
  const poLines = await purchaseOrderLines(trx, row.purchase_order_id);
  const done = poLines.every((l) => l.accepted_qty >= l.qty);
  await transitionPurchaseOrder(
    trx,
    row.purchase_order_id,
    ['sent', 'confirmed', 'partially_received'],
    undefined,
    {
      status: done ? 'received' : 'partially_received',
      updated_at: now,
    },
  );
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'goods_receipt',
    entityId: id,
    action: 'inspect',
    after: {
      accepted: input.lines.reduce((s, l) => s + l.acceptedQty, 0),
      rejected: input.lines.reduce((s, l) => s + l.rejectedQty, 0),
    },
  });
  const receipt = await toReceipt(trx, {
    ...row,
    status: 'posted',
    inspected_at: now,
    version: row.version + 1,
  });
  await emitEvent(trx, 'purchasing.goods_receipt.inspected', { receipt }, row.store_id);
  return receipt;
}

export async function getGoodsReceipt(db: DbOrTrx, actor: Actor, id: string) {
  return toReceipt(db, await loadReceipt(db, actor, id, 'parts.read'));
}

export async function listGoodsReceipts(db: DbOrTrx, actor: Actor, query: ListQuery) {
  const reach = requirePermission(actor, 'parts.read');
  const scoped = await inStoreScope(db.selectFrom('goods_receipts').selectAll(), db, reach, query.storeId);
  if (!scoped) return { items: [], nextCursor: null };
  let q = scoped;
  if (query.purchaseOrderId) q = q.where('purchase_order_id', '=', query.purchaseOrderId);
  if (query.status) q = q.where('status', '=', query.status);
  const sort = { column: 'created_at', direction: 'desc' as const, field: 'createdAt' };
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.created_at,
    (r) => r.id,
    (r) => ({
      id: r.id,
      number: r.number,
      storeId: r.store_id,
      purchaseOrderId: r.purchase_order_id,
      supplierId: r.supplier_id,
      status: r.status as GoodsReceipt['status'],
      receivedOn: r.received_on,
      version: r.version,
      createdAt: r.created_at,
    }),
  );
}
