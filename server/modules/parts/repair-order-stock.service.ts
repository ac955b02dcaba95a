import type { Trx } from '../../db/database';
import { findPartIdsByNo } from './part.repo';
import { issueStock, releaseLines, releaseStock, reserveLines, reserveStock } from './stock-ledger.service';

/**
 * The parts side of a repair order (H6 ↔ H7): the service module calls these inside its own
 * transaction. An approved estimate reserves its parts; work issues them (from the reservation first);
 * a removed line or a cancelled order releases what is still held.
 */
export interface RepairOrderParts {
  storeId: string;
  partId: string;
  qty: number;
  /** The repair order (or its line) the parts are for. */
  repairOrderId: string;
  actorId?: string | null;
}

/** A repair order as the service module holds it: its store and group. */
export interface RepairOrderOfStore {
  id: string;
  group_id: string;
  store_id: string;
}

/** A line of a repair order: a part line names its part number. */
export interface RepairOrderLine {
  kind: string;
  part_number: string | null;
  quantity: number;
}

const ref = (id: string) => ({ type: 'repair_order', id });

/** Reserves parts for an approved estimate; 409 parts.insufficient_stock when not enough is available. */
export async function reservePartsForRepairOrder(trx: Trx, input: RepairOrderParts) {
  return reserveStock(trx, { ...input, ref: ref(input.repairOrderId) });
}

/**
 * The stocked parts of repair-order lines, in line order: a part line whose number is in the group's
 * parts master (one look-up for all the lines). Any other line is a priced line (a sublet, a one-off
 * purchase) and has no stock.
 */
async function stockedLines<L extends Omit<RepairOrderLine, 'quantity'>>(
  trx: Trx,
  order: RepairOrderOfStore,
  lines: L[],
) {
  const partNo = (l: L) => (l.kind === 'part' && l.part_number ? l.part_number : null);
  const ids = await findPartIdsByNo(
    trx,
    order.group_id,
    lines.flatMap((l) => partNo(l) ?? []),
  );
  return lines.flatMap((line) => {
    const partId = ids.get(partNo(line) ?? '');
    return partId ? [{ partId, line }] : [];
  });
}

/**
 * Reserves the stocked parts of the lines the customer just approved, all at once: the balances are
 * locked in one order whatever the order of the lines, and the store is read once. A part short of stock
 * is left unreserved (no error: the approval stands; issuing it later waits for the goods receipt).
 */
export async function reservePartsOfApprovedLines(
  trx: Trx,
  order: RepairOrderOfStore,
  lines: RepairOrderLine[],
  actorId: string | null,
) {
  const stocked = await stockedLines(trx, order, lines);
  await reserveLines(trx, {
    storeId: order.store_id,
    ref: ref(order.id),
    actorId,
    lines: stocked.map((s) => ({ partId: s.partId, qty: s.line.quantity })),
  });
}

/** Issues parts to the repair order: one ledger row at the moving-average cost (returned: the cost to charge). */
export async function issuePartsToRepairOrder(trx: Trx, input: RepairOrderParts) {
  const m = await issueStock(trx, { ...input, ref: ref(input.repairOrderId) }, 'issue_repair_order');
  return { movementId: m.id, qty: -m.qty, unitCost: Number(m.unit_cost), totalCost: -Number(m.total_cost) };
}

/** Releases what the repair order still holds of a part (all of it when qty is not given). */
export async function releasePartReservation(
  trx: Trx,
  input: Omit<RepairOrderParts, 'qty'> & { qty?: number },
) {
  return releaseStock(trx, { ...input, ref: ref(input.repairOrderId) });
}

/**
 * A cancelled repair order gives back what it still holds of each stocked part of its lines, all at once:
 * the balances locked in one order, the store read once.
 */
export async function releasePartsOfRepairOrder(
  trx: Trx,
  order: RepairOrderOfStore,
  lines: Omit<RepairOrderLine, 'quantity'>[],
  actorId: string | null,
) {
  const partIds = [...new Set((await stockedLines(trx, order, lines)).map((s) => s.partId))];
  await releaseLines(trx, { storeId: order.store_id, ref: ref(order.id), actorId, partIds });
}
