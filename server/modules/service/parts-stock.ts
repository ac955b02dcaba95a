import type { Trx } from '../../db/database';
import { findPartByNo, issuePartsToRepairOrder, releasePartsOfRepairOrder } from '../parts';

/**
 * The repair order's parts come from the store's stock when the part number is in the parts master
 * (H6 ↔ H7): an approved line reserves its parts, issuing to the order posts the ledger movement at the
 * moving-average cost. A part line whose number is not in the master (a sublet or a one-off purchase)
 * stays a priced line, as before the parts module existed.
 */
interface Order {
  id: string;
  group_id: string;
  store_id: string;
}
interface PartLine {
  kind: string;
  part_number: string | null;
  quantity: number;
}

const stockedPart = async (trx: Trx, order: Order, line: PartLine) =>
  line.kind === 'part' && line.part_number ? findPartByNo(trx, order.group_id, line.part_number) : undefined;

/** Issues a stocked part to the order from the ledger (409 parts.insufficient_stock when it is not there). */
export async function issueStockedPart(trx: Trx, order: Order, line: PartLine, qty: number, actorId: string) {
  const part = await stockedPart(trx, order, line);
  if (!part) return null;
  return issuePartsToRepairOrder(trx, {
    storeId: order.store_id,
    partId: part.id,
    qty,
    repairOrderId: order.id,
    actorId,
  });
}

/** A cancelled order gives back what it still holds of each stocked part. */
export async function releaseOrderParts(trx: Trx, order: Order, actorId: string) {
  const lines = await trx
    .selectFrom('repair_order_lines')
    .select(['kind', 'part_number', 'quantity'])
    .where('repair_order_id', '=', order.id)
    .where('kind', '=', 'part')
    .execute();
  await releasePartsOfRepairOrder(trx, order, lines, actorId);
}
