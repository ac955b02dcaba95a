import type { z } from 'zod';
import type {
  CreatePurchaseOrder,
  PurchaseOrder,
  purchaseOrderListQuery,
} from '../../../common/parts/purchase-order.schemas';
import {
  purchaseApprovalLimit,
  purchaseOrderActionsFrom,
  purchaseOrderTransitions,
  type PurchaseOrderAction,
  type PurchaseOrderStatus,
} from '../../../common/parts/purchase-order.status';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { findPartRows } from './part.repo';
import { inStoreScope, loadStoreInReach } from './part.service';
import {
  findPurchaseOrderRow,
  insertPurchaseOrder,
  purchaseOrderLines,
  transitionPurchaseOrder,
  type PurchaseOrderLineRow,
  type PurchaseOrderRow,
} from './purchase-order.repo';
import { findSupplierRow, findSupplierRows } from './supplier.repo';
import { supplierOrderable } from './supplier.service';

type ListQuery = z.infer<typeof purchaseOrderListQuery>;

export async function loadPurchaseOrder(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'suppliers.read' | 'purchasing.manage' | 'purchasing.approve' | 'parts.manage',
) {
  const reach = requirePermission(actor, action);
  const row = await findPurchaseOrderRow(db, id);
  if (!row || !reaches(reach, { groupId: row.group_id, storeIds: [row.store_id] }))
    throw notFound('purchase_order');
  return row;
}

export async function toPurchaseOrder(db: DbOrTrx, row: PurchaseOrderRow): Promise<PurchaseOrder> {
  const lines = await purchaseOrderLines(db, row.id);
  const parts = await findPartRows(
    db,
    lines.map((l) => l.part_id),
  );
  const supplier = await findSupplierRow(db, row.supplier_id);
  return {
    id: row.id,
    number: row.number,
    storeId: row.store_id,
    supplierId: row.supplier_id,
    supplierName: supplier?.name ?? '',
    status: row.status as PurchaseOrderStatus,
    total: Number(row.total),
    expectedOn: row.expected_on,
    note: row.note,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    sentAt: row.sent_at,
    confirmedAt: row.confirmed_at,
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      partId: l.part_id,
      partNo: parts.get(l.part_id)?.part_no ?? '',
      name: parts.get(l.part_id)?.name ?? '',
      qty: l.qty,
      unitPrice: Number(l.unit_price),
      amount: l.qty * Number(l.unit_price),
      receivedQty: l.received_qty,
      acceptedQty: l.accepted_qty,
      rejectedQty: l.rejected_qty,
      openQty: l.qty - l.received_qty,
    })),
    actions: purchaseOrderActionsFrom(row.status as PurchaseOrderStatus),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Refuses (422) a purchase order to a supplier that is not approved or whose certificates expired. */
async function assertOrderable(db: DbOrTrx, supplierId: string, groupId: string) {
  const supplier = await findSupplierRow(db, supplierId);
  if (!supplier || supplier.group_id !== groupId)
    throw new AppError('request.invalid', {
      errors: [{ path: 'supplierId', code: 'unknown_supplier', message: 'unknown supplier' }],
    });
  const { orderable, expired } = await supplierOrderable(db, supplier);
  if (!orderable)
    throw new AppError('parts.supplier_not_approved', {
      params: { status: expired && supplier.status === 'approved' ? 'certificate expired' : supplier.status },
      errors: [{ path: 'supplierId', code: 'parts.supplier_not_approved', message: supplier.status }],
    });
  return supplier;
}

/** A purchase order in draft (H7.3.2) to an approved supplier of the group. */
export async function createPurchaseOrder(trx: Trx, actor: Actor, input: CreatePurchaseOrder) {
  const reach = requirePermission(actor, 'purchasing.manage');
  const store = await loadStoreInReach(trx, reach, input.storeId);
  await assertOrderable(trx, input.supplierId, store.group_id);
  const parts = await findPartRows(
    trx,
    input.lines.map((l) => l.partId),
  );
  const id = newId();
  const lines = input.lines.map((l, i): PurchaseOrderLineRow => {
    const part = parts.get(l.partId);
    if (!part || part.group_id !== store.group_id)
      throw new AppError('request.invalid', {
        errors: [{ path: `lines.${i}.partId`, code: 'unknown_part', message: 'unknown part' }],
      });
    return {
      id: newId(),
      purchase_order_id: id,
      line_no: i + 1,
      part_id: part.id,
      qty: l.qty,
      unit_price: l.unitPrice,
      received_qty: 0,
      accepted_qty: 0,
      rejected_qty: 0,
    };
  });
  const now = nowIso();
  const row: PurchaseOrderRow = {
    id,
    group_id: store.group_id,
    store_id: store.id,
    number: await nextDocumentNumber(trx, store.id, 'PO', localYear(store.timezone)),
    supplier_id: input.supplierId,
    status: 'draft',
    total: lines.reduce((s, l) => s + l.qty * Number(l.unit_price), 0),
    expected_on: input.expectedOn ?? null,
    note: input.note ?? null,
    created_by: actor.userId,
    approved_by: null,
    approved_at: null,
    sent_at: null,
    confirmed_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertPurchaseOrder(trx, row, lines);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'purchase_order',
    entityId: id,
    action: 'create',
    after: { number: row.number, supplierId: row.supplier_id, total: row.total },
  });
  return toPurchaseOrder(trx, row);
}

/**
 * A step of the purchase order: submit (approved at once up to ¥50,000; above, it waits for a second
 * person with purchasing.approve), approve, send, confirm (with the supplier's expected date), cancel.
 * Submitting and sending check the supplier's qualification again.
 */
export async function stepPurchaseOrder(
  trx: Trx,
  actor: Actor,
  id: string,
  action: PurchaseOrderAction,
  input: { version: number; expectedOn?: string },
) {
  const row = await loadPurchaseOrder(
    trx,
    actor,
    id,
    action === 'approve' ? 'purchasing.approve' : 'purchasing.manage',
  );
  const t = purchaseOrderTransitions[action];
  if (!(t.from as readonly string[]).includes(row.status))
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (row.version !== input.version) throw versionConflict(row.version);
  if (action === 'submit' || action === 'send') await assertOrderable(trx, row.supplier_id, row.group_id);
  const now = nowIso();
  let to: PurchaseOrderStatus = t.to;
  const changes: Partial<PurchaseOrderRow> = { updated_at: now };
  if (action === 'submit' && Number(row.total) <= purchaseApprovalLimit) {
    to = 'approved';
    changes.approved_by = actor.userId;
    changes.approved_at = now;
  }
  if (action === 'approve') Object.assign(changes, { approved_by: actor.userId, approved_at: now });
  if (action === 'send') changes.sent_at = now;
  if (action === 'confirm') {
    changes.confirmed_at = now;
    if (input.expectedOn) changes.expected_on = input.expectedOn;
  }
  if (!(await transitionPurchaseOrder(trx, id, t.from, input.version, { ...changes, status: to })))
    throw versionConflict(row.version + 1);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'purchase_order',
    entityId: id,
    action,
    before: { status: row.status },
    after: { status: to, ...(changes.expected_on ? { expectedOn: changes.expected_on } : {}) },
  });
  const po = await toPurchaseOrder(trx, { ...row, ...changes, status: to, version: row.version + 1 });
  await emitEvent(trx, `purchasing.purchase_order.${action}`, { purchaseOrder: po }, row.store_id);
  return po;
}

export async function getPurchaseOrder(db: DbOrTrx, actor: Actor, id: string) {
  return toPurchaseOrder(db, await loadPurchaseOrder(db, actor, id, 'suppliers.read'));
}

export async function listPurchaseOrders(db: DbOrTrx, actor: Actor, query: ListQuery) {
  const reach = requirePermission(actor, 'suppliers.read');
  const scoped = await inStoreScope(db.selectFrom('purchase_orders').selectAll(), db, reach, query.storeId);
  if (!scoped) return { items: [], nextCursor: null };
  let q = scoped;
  if (query.supplierId) q = q.where('supplier_id', '=', query.supplierId);
  if (query.status) q = q.where('status', '=', query.status);
  const sort = { column: 'created_at', direction: 'desc' as const, field: 'createdAt' };
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  const suppliers = await findSupplierRows(
    db,
    rows.map((r) => r.supplier_id),
  );
  return toPage(
    rows,
    query.limit,
    (r) => r.created_at,
    (r) => r.id,
    (r) => ({
      id: r.id,
      number: r.number,
      storeId: r.store_id,
      supplierId: r.supplier_id,
      supplierName: suppliers.get(r.supplier_id)?.name ?? '',
      status: r.status as PurchaseOrderStatus,
      total: Number(r.total),
      expectedOn: r.expected_on,
      version: r.version,
      createdAt: r.created_at,
    }),
  );
}
