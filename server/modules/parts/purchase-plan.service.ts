import type { z } from 'zod';
import type {
  CreatePartsPurchasePlan,
  PartsPurchasePlan,
  convertPartsPurchasePlanSchema,
  partsPurchasePlanListQuery,
} from '../../../common/parts/parts-purchase-plan.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { findPartRows } from './part.repo';
import { inStoreScope, loadStoreInReach } from './part.service';
import type { PartsPurchasePlanLinesTable, PartsPurchasePlansTable } from './parts.tables';
import { createPurchaseOrder } from './purchase-order.service';
import { stockAlerts } from './stock-alert.service';
import { averageCost } from './stock-ledger.service';
import { findStockRow } from './stock.repo';

type Row = PartsPurchasePlansTable;
type ListQuery = z.infer<typeof partsPurchasePlanListQuery>;

async function loadPlan(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'suppliers.read' | 'purchasing.manage',
) {
  const reach = requirePermission(actor, action);
  const row = await db.selectFrom('parts_purchase_plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !reaches(reach, { groupId: row.group_id, storeIds: [row.store_id] }))
    throw notFound('parts_purchase_plan');
  return row;
}

const planLines = (db: DbOrTrx, id: string) =>
  db
    .selectFrom('parts_purchase_plan_lines')
    .selectAll()
    .where('plan_id', '=', id)
    .orderBy('line_no')
    .execute();

async function toPlan(db: DbOrTrx, row: Row): Promise<PartsPurchasePlan> {
  const lines = await planLines(db, row.id);
  const parts = await findPartRows(
    db,
    lines.map((l) => l.part_id),
  );
  return {
    id: row.id,
    number: row.number,
    storeId: row.store_id,
    status: row.status as PartsPurchasePlan['status'],
    note: row.note,
    purchaseOrderId: row.purchase_order_id,
    total: lines.reduce((s, l) => s + l.qty * Number(l.unit_price), 0),
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      partId: l.part_id,
      partNo: parts.get(l.part_id)?.part_no ?? '',
      name: parts.get(l.part_id)?.name ?? '',
      qty: l.qty,
      unitPrice: Number(l.unit_price),
      reason: l.reason,
    })),
    version: row.version,
    createdAt: row.created_at,
  };
}

/**
 * A purchase plan from the stock plan (H7.3.2): without lines, every part the store's alerts propose to
 * buy (at the reorder point: up to the max), priced at the moving-average cost; or the lines given.
 */
export async function createPurchasePlan(trx: Trx, actor: Actor, input: CreatePartsPurchasePlan) {
  const reach = requirePermission(actor, 'purchasing.manage');
  const store = await loadStoreInReach(trx, reach, input.storeId);
  let wanted: { partId: string; qty: number; unitPrice?: number; reason: string | null }[];
  if (input.lines) wanted = input.lines.map((l) => ({ ...l, reason: null }));
  else {
    const report = await stockAlerts(trx, actor, {
      storeId: store.id,
      days: 90,
      serviceLevel: input.serviceLevel,
      abcA: 80,
      abcB: 15,
    });
    wanted = report.items
      .filter((i) => i.proposedQty > 0)
      .map((i) => ({ partId: i.partId, qty: i.proposedQty, reason: i.alerts.join(',') }));
    if (wanted.length === 0)
      throw new AppError('request.invalid', {
        errors: [
          { path: 'lines', code: 'nothing_to_buy', message: 'the stock plan proposes nothing to buy now' },
        ],
      });
  }
  const parts = await findPartRows(
    trx,
    wanted.map((w) => w.partId),
  );
  const id = newId();
  const lines: PartsPurchasePlanLinesTable[] = [];
  for (const [i, w] of wanted.entries()) {
    const part = parts.get(w.partId);
    if (!part || part.group_id !== store.group_id)
      throw new AppError('request.invalid', {
        errors: [{ path: `lines.${i}.partId`, code: 'unknown_part', message: 'unknown part' }],
      });
    const stock = await findStockRow(trx, store.id, part.id);
    const price =
      w.unitPrice ?? (stock ? averageCost(stock, Number(part.standard_cost)) : Number(part.standard_cost));
    lines.push({
      id: newId(),
      plan_id: id,
      line_no: i + 1,
      part_id: part.id,
      qty: w.qty,
      unit_price: price,
      reason: w.reason,
    });
  }
  const now = nowIso();
  const row: Row = {
    id,
    group_id: store.group_id,
    store_id: store.id,
    number: await nextDocumentNumber(trx, store.id, 'PP', localYear(store.timezone)),
    status: 'draft',
    note: input.note ?? null,
    purchase_order_id: null,
    created_by: actor.userId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('parts_purchase_plans').values(row).execute();
  await trx.insertInto('parts_purchase_plan_lines').values(lines).execute();
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'parts_purchase_plan',
    entityId: id,
    action: 'create',
    after: { number: row.number, lines: lines.length },
  });
  return toPlan(trx, row);
}

/** Turns a draft plan into one draft purchase order to an approved supplier (the plan records it). */
export async function convertPurchasePlan(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof convertPartsPurchasePlanSchema>,
) {
  const row = await loadPlan(trx, actor, id, 'purchasing.manage');
  if (row.status !== 'draft')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (row.version !== input.version) throw versionConflict(row.version);
  const lines = await planLines(trx, id);
  const po = await createPurchaseOrder(trx, actor, {
    storeId: row.store_id,
    supplierId: input.supplierId,
    expectedOn: input.expectedOn,
    note: row.number,
    lines: lines.map((l) => ({ partId: l.part_id, qty: l.qty, unitPrice: Number(l.unit_price) })),
  });
  const now = nowIso();
  const res = await trx
    .updateTable('parts_purchase_plans')
    .set({ status: 'converted', purchase_order_id: po.id, version: row.version + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(row.version + 1);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'parts_purchase_plan',
    entityId: id,
    action: 'convert',
    after: { purchaseOrderId: po.id, supplierId: input.supplierId },
  });
  return toPlan(trx, { ...row, status: 'converted', purchase_order_id: po.id, version: row.version + 1 });
}

export async function getPurchasePlan(db: DbOrTrx, actor: Actor, id: string) {
  return toPlan(db, await loadPlan(db, actor, id, 'suppliers.read'));
}

export async function listPurchasePlans(db: DbOrTrx, actor: Actor, query: ListQuery) {
  const reach = requirePermission(actor, 'suppliers.read');
  const scoped = await inStoreScope(
    db.selectFrom('parts_purchase_plans').selectAll(),
    db,
    reach,
    query.storeId,
  );
  if (!scoped) return { items: [], nextCursor: null };
  let q = scoped;
  if (query.status) q = q.where('status', '=', query.status);
  const sort = { column: 'created_at', direction: 'desc' as const, field: 'createdAt' };
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  const page = toPage(
    rows,
    query.limit,
    (r) => r.created_at,
    (r) => r.id,
    (r) => r,
  );
  const items = [];
  for (const r of page.items) {
    const { lines: _lines, ...plan } = await toPlan(db, r);
    void _lines;
    items.push(plan);
  }
  return { items, nextCursor: page.nextCursor };
}
