import type { Trx } from '../../db/database';
import { issueStock, releaseStock, reserveStock } from './stock-ledger.service';

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

const ref = (id: string) => ({ type: 'repair_order', id });

/** Reserves parts for an approved estimate; 409 parts.insufficient_stock when not enough is available. */
export async function reservePartsForRepairOrder(trx: Trx, input: RepairOrderParts) {
  return reserveStock(trx, { ...input, ref: ref(input.repairOrderId) });
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
