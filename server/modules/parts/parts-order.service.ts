import type { z } from 'zod';
import type {
  CounterSale,
  CreatePartsOrder,
  PartsOrder,
  partsOrderListQuery,
} from '../../../common/parts/parts-order.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { recordCustomerEvent } from '../crm';
import { findPartRows } from './part.repo';
import { inStoreScope, loadStoreInReach } from './part.service';
import {
  findPartsOrderRow,
  insertOrderLines,
  insertOrderRow,
  type PartsOrderLineRow,
  type PartsOrderRow,
} from './parts-order.repo';
import { shapePartsOrder, toPartsOrder } from './parts-order.view';
import { issueLinesAtOnce } from './stock-ledger.service';

type ListQuery = z.infer<typeof partsOrderListQuery>;

/** A parts order the actor may act on; another store's order is 404. */
export async function loadPartsOrder(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'parts.read' | 'parts.manage',
) {
  const reach = requirePermission(actor, action);
  const row = await findPartsOrderRow(db, id);
  if (!row || !reaches(reach, { groupId: row.group_id, storeIds: [row.store_id] }))
    throw notFound('parts_order');
  return row;
}

export async function getPartsOrder(db: DbOrTrx, actor: Actor, id: string) {
  return toPartsOrder(db, await loadPartsOrder(db, actor, id, 'parts.read'));
}

/** Lines priced from the parts master: a price may be lower than the list price, never above it. */
async function priceLines(db: DbOrTrx, groupId: string, orderId: string, lines: CreatePartsOrder['lines']) {
  const parts = await findPartRows(
    db,
    lines.map((l) => l.partId),
  );
  const priced = lines.map((l, i): PartsOrderLineRow => {
    const part = parts.get(l.partId);
    if (!part || part.group_id !== groupId)
      throw new AppError('request.invalid', {
        errors: [{ path: `lines.${i}.partId`, code: 'unknown_part', message: 'unknown part' }],
      });
    const price = l.unitPrice ?? Number(part.list_price);
    if (price > Number(part.list_price))
      throw new AppError('catalog.price_above_display', {
        params: { price, displayPrice: Number(part.list_price) },
        errors: [{ path: `lines.${i}.unitPrice`, code: 'above_list_price', message: 'above the list price' }],
      });
    return {
      id: newId(),
      order_id: orderId,
      line_no: i + 1,
      part_id: part.id,
      qty: l.qty,
      unit_price: price,
      picked_qty: 0,
      picked_cost: null,
      received_qty: null,
      condition: null,
    };
  });
  return { lines: priced, parts };
}

/** The customer of a sale, when named by id: a customer of the group (read-only look into the file). */
async function customerOf(db: DbOrTrx, groupId: string, customerId?: string) {
  if (!customerId) return null;
  const row = await db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('id', '=', customerId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  if (!row)
    throw new AppError('request.invalid', {
      errors: [{ path: 'customerId', code: 'unknown_customer', message: 'unknown customer' }],
    });
  return row;
}

/** A new order's row and priced lines, numbered from the store's counter; the row is written, the lines not yet. */
async function newOrderRow(
  trx: Trx,
  actor: Actor,
  input: Pick<CreatePartsOrder, 'storeId' | 'customerId' | 'customerName'> & Partial<CreatePartsOrder>,
  channel: PartsOrderRow['channel'],
  status: PartsOrderRow['status'],
) {
  const reach = requirePermission(actor, 'parts.manage');
  const store = await loadStoreInReach(trx, reach, input.storeId);
  const customer = await customerOf(trx, store.group_id, input.customerId);
  const id = newId();
  const { lines, parts } = await priceLines(trx, store.group_id, id, input.lines!);
  const now = nowIso();
  const row: PartsOrderRow = {
    id,
    group_id: store.group_id,
    store_id: store.id,
    number: await nextDocumentNumber(trx, store.id, 'PT', localYear(store.timezone)),
    channel,
    status,
    customer_id: customer?.id ?? null,
    customer_name: input.customerName ?? customer?.name ?? null,
    to_store_id: input.toStoreId ?? null,
    ship_to: input.shipTo ?? null,
    total: lines.reduce((sum, l) => sum + l.qty * Number(l.unit_price), 0),
    carrier: null,
    tracking_no: null,
    signed_by: null,
    signed_at: null,
    note: input.note ?? null,
    created_by: actor.userId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertOrderRow(trx, row);
  return { row, lines, parts };
}

/** The audit row and the event (on the customer's timeline when the order names one) of a new order. */
async function afterCreate(trx: Trx, actor: Actor, row: PartsOrderRow, order: PartsOrder, action: string) {
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'parts_order',
    entityId: row.id,
    action,
    after: { number: row.number, channel: row.channel, status: row.status, total: Number(row.total) },
  });
  if (row.customer_id)
    await recordCustomerEvent(trx, {
      groupId: row.group_id,
      storeId: row.store_id,
      customerId: row.customer_id,
      type: `parts.parts_order.${action}`,
      entity: 'parts_order',
      entityId: row.id,
      actorId: actor.userId,
      data: { number: row.number, total: Number(row.total) },
    });
  else await emitEvent(trx, `parts.parts_order.${action}`, { order }, row.store_id);
  return order;
}

/**
 * Takes an order from a customer, a workshop or another store of the group (H7.2.1). It waits for
 * review (审核), which allocates the stock.
 */
export async function createPartsOrder(trx: Trx, actor: Actor, input: CreatePartsOrder) {
  const problems: { path: string; code: string; message: string }[] = [];
  if (input.channel === 'store' && !input.toStoreId)
    problems.push({ path: 'toStoreId', code: 'required', message: 'the store ordering the parts' });
  if (input.channel === 'customer' && !input.customerId && !input.customerName)
    problems.push({ path: 'customerName', code: 'required', message: 'name the customer' });
  if (problems.length) throw new AppError('request.invalid', { errors: problems });
  if (input.channel === 'store') {
    if (input.toStoreId === input.storeId) throw new AppError('parts.same_store');
    await loadStoreInReach(trx, { scope: 'group', groupId: actor.groupId }, input.toStoreId!);
  }
  const { row, lines } = await newOrderRow(trx, actor, input, input.channel, 'submitted');
  await insertOrderLines(trx, lines);
  return afterCreate(trx, actor, row, await toPartsOrder(trx, row), 'created');
}

/**
 * An over-the-counter sale (柜台销售) confirmed in one step: every line is reserved and issued from
 * stock at once (a shortage on any line refuses the whole sale; reserved and issued in the same moment,
 * the sale leaves no reservation behind), and the order carries its invoice data with the VAT included.
 */
export async function sellOverCounter(trx: Trx, actor: Actor, input: CounterSale) {
  const { row, lines, parts } = await newOrderRow(trx, actor, input, 'counter', 'completed');
  const { movements, stock } = await issueLinesAtOnce(
    trx,
    {
      storeId: row.store_id,
      lines: lines.map((l) => ({ partId: l.part_id, qty: l.qty })),
      ref: { type: 'parts_order', id: row.id },
      reason: row.number,
      actorId: actor.userId,
    },
    'counter_sale',
  );
  // every line is picked in full, at the cost its ledger row took out
  const picked = lines.map((l, i) => ({
    ...l,
    picked_qty: l.qty,
    picked_cost: -Number(movements[i]!.total_cost),
  }));
  await insertOrderLines(trx, picked);
  const order = shapePartsOrder(row, { lines: picked, packages: [], exceptions: [], parts, stock });
  return afterCreate(trx, actor, row, order, 'sold');
}

/** Parts orders of the stores in reach, newest first. */
export async function listPartsOrders(db: DbOrTrx, actor: Actor, query: ListQuery) {
  const reach = requirePermission(actor, 'parts.read');
  const scoped = await inStoreScope(db.selectFrom('parts_orders').selectAll(), db, reach, query.storeId);
  if (!scoped) return { items: [], nextCursor: null };
  let q = scoped;
  if (query.status) q = q.where('status', '=', query.status);
  if (query.channel) q = q.where('channel', '=', query.channel);
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
      channel: r.channel as PartsOrder['channel'],
      status: r.status as PartsOrder['status'],
      customerName: r.customer_name,
      total: Number(r.total),
      trackingNo: r.tracking_no,
      version: r.version,
      createdAt: r.created_at,
    }),
  );
}

/** The order's history from the audit trail: every step and exception, who and when, oldest first. */
export async function partsOrderHistory(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  page: { limit: number; cursor?: string },
) {
  await loadPartsOrder(db, actor, id, 'parts.read');
  const q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id',
      'audit_log.action',
      'audit_log.after_json',
      'users.display_name as actor_name',
    ])
    .where('audit_log.entity', '=', 'parts_order')
    .where('audit_log.entity_id', '=', id);
  const sort = { column: 'audit_log.id', direction: 'asc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'audit_log.id', page.limit, page.cursor).execute();
  return toPage(
    rows,
    page.limit,
    (r) => r.id,
    (r) => r.id,
    (r) => ({
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      details: r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null,
    }),
  );
}
