import { divRoundHalfUp } from '../../../common/rules/money';
import type { MovementType } from '../../../common/parts/part.enums';
import type { Trx } from '../../db/database';
import { AppError, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { findStoreRow } from '../identity';
import { findPartRow, findPartRows } from './part.repo';
import {
  activeReservation,
  findStockRow,
  insertMovement,
  insertMovements,
  insertReservation,
  lockStockRow,
  lockOrCreateStockRows,
  lockStockRows,
  setReservationQty,
  writeStockRow,
  writeStockRows,
  type MovementRow,
  type PartStockRow,
} from './stock.repo';

type StoreRow = NonNullable<Awaited<ReturnType<typeof findStoreRow>>>;

/** What a stock change refers to: a repair order, a parts order, a receipt, a stocktake… */
export interface StockRef {
  type: string;
  id: string;
}

export interface StockChange {
  storeId: string;
  partId: string;
  /** Units, always positive: the movement type says the direction. */
  qty: number;
  ref: StockRef | null;
  reason?: string | null;
  actorId?: string | null;
}

/** Moving-average unit cost (分): stock value ÷ on hand; the part's standard cost when the shelf is empty. */
export function averageCost(row: Pick<PartStockRow, 'on_hand' | 'stock_value'>, standardCost: number) {
  return row.on_hand > 0 ? divRoundHalfUp(row.stock_value, row.on_hand) : standardCost;
}

/** What `qty` units leaving the shelf take out at the moving average: the last unit takes whatever is left. */
export function outboundCost(row: Pick<PartStockRow, 'on_hand' | 'stock_value'>, qty: number) {
  const value = Number(row.stock_value);
  return qty === row.on_hand ? value : divRoundHalfUp(value * qty, row.on_hand);
}

function checkQty(qty: number) {
  if (!Number.isSafeInteger(qty) || qty <= 0)
    throw new AppError('request.invalid', {
      errors: [{ path: 'qty', code: 'too_small', message: 'quantity must be a positive whole number' }],
    });
}

/** The part and store of a change, both of one group, with the balance locked for the transaction. */
async function lockFor(trx: Trx, change: StockChange) {
  checkQty(change.qty);
  const store = await findStoreRow(trx, change.storeId);
  if (!store) throw notFound('store');
  const part = await findPartRow(trx, change.partId);
  if (!part || part.group_id !== store.group_id) throw notFound('part');
  const stock = await lockStockRow(trx, store.group_id, store.id, part.id);
  return { store, part, stock };
}

/**
 * Locks every balance a posting of several lines will move before its first line, in one order — by
 * store, then part — whatever the order of its lines: two postings that share parts never wait on each
 * other in a circle (a deadlock on PostgreSQL). A balance not there yet is created, as the line's own
 * lock would; a store or part not found, or a part of another group, is left for its line to refuse.
 * Each store and part is read once: returned for lines posted from here (reserveLines, releaseLines).
 */
export async function lockBalancesFirst(trx: Trx, balances: { storeId: string; partId: string }[]) {
  const partsOf = new Map<string, string[]>();
  for (const b of balances) partsOf.set(b.storeId, [...(partsOf.get(b.storeId) ?? []), b.partId]);
  const parts = await findPartRows(
    trx,
    balances.map((b) => b.partId),
  );
  const stores = new Map<string, StoreRow>();
  for (const storeId of [...partsOf.keys()].sort()) {
    const store = await findStoreRow(trx, storeId);
    if (!store) continue;
    stores.set(storeId, store);
    const ofGroup = partsOf.get(storeId)!.filter((id) => parts.get(id)?.group_id === store.group_id);
    await lockOrCreateStockRows(trx, store.group_id, store.id, ofGroup);
  }
  return { stores, parts };
}

/** A line of lockBalancesFirst's balances: refused as lockFor refuses it, else its balance (locked). */
async function lockedFor(trx: Trx, ctx: Awaited<ReturnType<typeof lockBalancesFirst>>, change: StockChange) {
  checkQty(change.qty);
  const store = ctx.stores.get(change.storeId);
  if (!store) throw notFound('store');
  const part = ctx.parts.get(change.partId);
  if (!part || part.group_id !== store.group_id) throw notFound('part');
  return (await findStockRow(trx, store.id, part.id))!;
}

const insufficient = (available: number, requested: number) =>
  new AppError('parts.insufficient_stock', { params: { available, requested } });

/** The ledger row of a movement just applied to `stock` (its on hand and value are the balance after it). */
function ledgerRow(
  stock: PartStockRow,
  change: StockChange,
  type: MovementType,
  signedQty: number,
  unitCost: number,
  totalCost: number,
): MovementRow {
  return {
    id: newId(),
    group_id: stock.group_id,
    store_id: stock.store_id,
    part_id: stock.part_id,
    type,
    qty: signedQty,
    unit_cost: unitCost,
    total_cost: totalCost,
    on_hand_after: stock.on_hand,
    value_after: Number(stock.stock_value),
    reason: change.reason ?? null,
    ref_type: change.ref?.type ?? null,
    ref_id: change.ref?.id ?? null,
    actor_id: change.actorId ?? null,
    at: nowIso(),
  };
}

/**
 * Posts one ledger row and moves the balance with it (H7.1.2). Receipts add at their unit cost and
 * re-average the cost (moving average: value and quantity add up); issues take out at the average, the
 * last unit taking whatever value is left, so the ledger's value always sums to the shelf's. Stock
 * never goes negative: an outbound movement needs the quantity available (on hand − reserved), or
 * reserved for this reference when `fromReserved` is given.
 */
async function post(
  trx: Trx,
  ctx: Awaited<ReturnType<typeof lockFor>>,
  change: StockChange,
  type: MovementType,
  options: { unitCost?: number; totalCost?: number; fromReserved?: number; direction: 'in' | 'out' },
): Promise<MovementRow> {
  const { stock, part } = ctx;
  const direction = options.direction;
  const fromReserved = options.fromReserved ?? 0;
  let onHand = stock.on_hand;
  let value = Number(stock.stock_value);
  let totalCost: number;
  let unitCost: number;
  if (direction === 'in') {
    unitCost = options.unitCost ?? averageCost(stock, Number(part.standard_cost));
    totalCost = options.totalCost ?? unitCost * change.qty;
    onHand += change.qty;
    value += totalCost;
  } else {
    const available = stock.on_hand - stock.reserved + fromReserved;
    if (change.qty > available) throw insufficient(stock.on_hand - stock.reserved, change.qty);
    const cost = outboundCost(stock, change.qty);
    unitCost = divRoundHalfUp(cost, change.qty);
    totalCost = -cost;
    onHand -= change.qty;
    value -= cost;
  }
  await writeStockRow(trx, stock.id, {
    on_hand: onHand,
    reserved: stock.reserved - fromReserved,
    stock_value: value,
  });
  stock.on_hand = onHand;
  stock.reserved -= fromReserved;
  stock.stock_value = value;
  const row = ledgerRow(
    stock,
    change,
    type,
    direction === 'in' ? change.qty : -change.qty,
    unitCost,
    totalCost,
  );
  await insertMovement(trx, row);
  return row;
}

/** Goods in (receipt, return from a customer, transfer in) at a unit cost that re-averages the stock. */
export async function receiveStock(
  trx: Trx,
  change: StockChange,
  unitCost: number,
  type: 'receive' | 'transfer_in' = 'receive',
  totalCost?: number,
) {
  return post(trx, await lockFor(trx, change), change, type, { unitCost, totalCost, direction: 'in' });
}

/** Goods out of what is available (not reserved by others): counter sale, scrap, return, transfer out. */
export async function takeStock(trx: Trx, change: StockChange, type: MovementType) {
  return post(trx, await lockFor(trx, change), change, type, { direction: 'out' });
}

/** A stock adjustment (signed): a count above the book adds at the average cost, below takes out. */
export async function adjustStock(trx: Trx, change: Omit<StockChange, 'qty'> & { delta: number }) {
  const c = { ...change, qty: Math.abs(change.delta) };
  return post(trx, await lockFor(trx, c), c, 'adjustment', { direction: change.delta > 0 ? 'in' : 'out' });
}

/** Holds available stock for a reference (a repair order's approved estimate, a parts order). */
export async function reserveStock(trx: Trx, change: StockChange & { ref: StockRef }) {
  const { stock } = await lockFor(trx, change);
  const available = stock.on_hand - stock.reserved;
  if (change.qty > available) throw insufficient(available, change.qty);
  return hold(trx, stock, change);
}

/** Adds `change.qty` (available) to the balance's reserved and to the reference's reservation. */
async function hold(trx: Trx, stock: PartStockRow, change: StockChange & { ref: StockRef }) {
  const available = stock.on_hand - stock.reserved;
  await writeStockRow(trx, stock.id, {
    on_hand: stock.on_hand,
    reserved: stock.reserved + change.qty,
    stock_value: Number(stock.stock_value),
  });
  const held = await activeReservation(trx, stock.store_id, stock.part_id, change.ref.type, change.ref.id);
  if (held) await setReservationQty(trx, held.id, held.qty + change.qty);
  else {
    const now = nowIso();
    await insertReservation(trx, {
      id: newId(),
      group_id: stock.group_id,
      store_id: stock.store_id,
      part_id: stock.part_id,
      qty: change.qty,
      ref_type: change.ref.type,
      ref_id: change.ref.id,
      status: 'active',
      version: 1,
      created_at: now,
      updated_at: now,
    });
  }
  return { reserved: (held?.qty ?? 0) + change.qty, available: available - change.qty };
}

/**
 * Holds stock for one reference line by line, in line order (a repair order's approved part lines), the
 * balances locked first (lockBalancesFirst) and the store read once. A line short of stock is left
 * unreserved (null); the others answer as reserveStock. Invalid lines are refused as reserveStock does.
 */
export async function reserveLines(
  trx: Trx,
  change: Omit<StockChange, 'partId' | 'qty'> & { ref: StockRef; lines: { partId: string; qty: number }[] },
) {
  const ctx = await lockBalancesFirst(
    trx,
    change.lines.map((l) => ({ storeId: change.storeId, partId: l.partId })),
  );
  const held: ({ reserved: number; available: number } | null)[] = [];
  for (const line of change.lines) {
    const lineChange = { ...change, ...line };
    const stock = await lockedFor(trx, ctx, lineChange);
    held.push(line.qty > stock.on_hand - stock.reserved ? null : await hold(trx, stock, lineChange));
  }
  return held;
}

/**
 * Issues stock to a reference: first from what it holds reserved, the rest from available stock.
 * One ledger row of `type` at the moving-average cost.
 */
export async function issueStock(trx: Trx, change: StockChange & { ref: StockRef }, type: MovementType) {
  const ctx = await lockFor(trx, change);
  const held = await activeReservation(
    trx,
    ctx.stock.store_id,
    ctx.stock.part_id,
    change.ref.type,
    change.ref.id,
  );
  const fromReserved = Math.min(held?.qty ?? 0, change.qty);
  const movement = await post(trx, ctx, change, type, { fromReserved, direction: 'out' });
  if (held && fromReserved > 0) await setReservationQty(trx, held.id, held.qty - fromReserved);
  return movement;
}

/** Gives back what a reference holds (all of it, or `qty` of it): the units become available again. */
export async function releaseStock(
  trx: Trx,
  change: Omit<StockChange, 'qty'> & { ref: StockRef; qty?: number },
) {
  const ctx = await lockFor(trx, { ...change, qty: change.qty ?? 1 });
  return giveBack(trx, ctx.stock, change);
}

async function giveBack(trx: Trx, stock: PartStockRow, change: { ref: StockRef; qty?: number }) {
  const held = await activeReservation(trx, stock.store_id, stock.part_id, change.ref.type, change.ref.id);
  if (!held) return { released: 0 };
  const released = Math.min(held.qty, change.qty ?? held.qty);
  await writeStockRow(trx, stock.id, {
    on_hand: stock.on_hand,
    reserved: stock.reserved - released,
    stock_value: Number(stock.stock_value),
  });
  await setReservationQty(trx, held.id, held.qty - released);
  return { released };
}

/**
 * Gives back all a reference holds of each of several parts (a cancelled repair order), the balances
 * locked first (lockBalancesFirst) and the store read once; answers as releaseStock, part by part.
 */
export async function releaseLines(
  trx: Trx,
  change: Omit<StockChange, 'partId' | 'qty'> & { ref: StockRef; partIds: string[] },
) {
  const ctx = await lockBalancesFirst(
    trx,
    change.partIds.map((partId) => ({ storeId: change.storeId, partId })),
  );
  const released: { released: number }[] = [];
  for (const partId of change.partIds) {
    const stock = await lockedFor(trx, ctx, { ...change, partId, qty: 1 });
    released.push(await giveBack(trx, stock, change));
  }
  return released;
}

/**
 * Issues several lines to one reference at once, all or nothing (an over-the-counter sale): line by line,
 * in line order, each leaves the ledger at the moving-average cost out of what is available (on hand −
 * reserved); a shortage on any line refuses them all. Reserving and issuing in the same transaction holds
 * nothing in between, so no reservation row is written: on hand, value and ledger rows come out as a
 * reserve then an issue of each line would leave them, with reserved unchanged. The caller has checked
 * that the parts are of the store's group (a part with no balance in the store has nothing to give).
 */
export async function issueLinesAtOnce(
  trx: Trx,
  change: Omit<StockChange, 'partId' | 'qty'> & { ref: StockRef; lines: { partId: string; qty: number }[] },
  type: MovementType,
): Promise<{ movements: MovementRow[]; stock: PartStockRow[] }> {
  for (const line of change.lines) checkQty(line.qty);
  const stock = await lockStockRows(
    trx,
    change.storeId,
    change.lines.map((l) => l.partId),
  );
  const movements = change.lines.map((line) => {
    const row = stock.get(line.partId);
    const available = row ? row.on_hand - row.reserved : 0;
    if (!row || line.qty > available) throw insufficient(available, line.qty);
    const cost = outboundCost(row, line.qty);
    row.on_hand -= line.qty;
    row.stock_value = Number(row.stock_value) - cost;
    return ledgerRow(row, { ...change, ...line }, type, -line.qty, divRoundHalfUp(cost, line.qty), -cost);
  });
  await writeStockRows(trx, [...stock.values()]);
  await insertMovements(trx, movements);
  return { movements, stock: [...stock.values()] };
}
