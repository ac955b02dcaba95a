/**
 * The repair order (维修工单) status machine (architecture rule 6; handbook H6.1 4-8). The service refuses
 * any other move with a 409 naming the current state; the workshop board lets a card be dragged only to
 * the states this file allows from its column.
 */
export const repairOrderStatuses = [
  'open',
  'diagnosing',
  'estimate_sent',
  'approved',
  'in_progress',
  'waiting_parts',
  'quality_check',
  'ready',
  'delivered',
  'closed',
  'cancelled',
] as const;
export type RepairOrderStatus = (typeof repairOrderStatuses)[number];

/** Every move, by the verb the API posts. `to` is where it leads. */
export const repairOrderTransitions = {
  diagnose: { from: ['open'], to: 'diagnosing' },
  // the estimate goes to the customer by link; their answer (link, or signed in the store) approves it,
  // partly or whole
  send_estimate: { from: ['diagnosing'], to: 'estimate_sent' },
  approve: { from: ['diagnosing', 'estimate_sent'], to: 'approved' },
  start_work: { from: ['approved', 'waiting_parts'], to: 'in_progress' },
  wait_parts: { from: ['in_progress'], to: 'waiting_parts' },
  // nothing approved (all declined) goes straight to the final inspection
  to_quality_check: { from: ['in_progress', 'approved'], to: 'quality_check' },
  // the foreman's check fails: back to work
  rework: { from: ['quality_check'], to: 'in_progress' },
  pass_quality_check: { from: ['quality_check'], to: 'ready' },
  deliver: { from: ['ready'], to: 'delivered' },
  close: { from: ['delivered'], to: 'closed' },
  cancel: { from: ['open', 'diagnosing', 'estimate_sent', 'approved'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly RepairOrderStatus[]; to: RepairOrderStatus }>;
export type RepairOrderAction = keyof typeof repairOrderTransitions;
export const repairOrderActions = Object.keys(repairOrderTransitions) as RepairOrderAction[];

/** The moves a board drag may make by itself (the others need their own form: estimate, QC, handover, close). */
export const boardMoves = ['diagnose', 'start_work', 'wait_parts', 'to_quality_check', 'rework'] as const;
export type BoardMove = (typeof boardMoves)[number];

export function canMoveRepairOrder(status: RepairOrderStatus, action: RepairOrderAction): boolean {
  return (repairOrderTransitions[action].from as readonly RepairOrderStatus[]).includes(status);
}

/** Where a move leads from a state, or null when the machine refuses it. */
export function nextRepairOrderStatus(
  status: RepairOrderStatus,
  action: RepairOrderAction,
): RepairOrderStatus | null {
  return canMoveRepairOrder(status, action) ? repairOrderTransitions[action].to : null;
}

/** The board move that takes a card from one column to another, if a drag may do it. */
export function boardMoveBetween(from: RepairOrderStatus, to: RepairOrderStatus): BoardMove | null {
  return boardMoves.find((m) => canMoveRepairOrder(from, m) && repairOrderTransitions[m].to === to) ?? null;
}

/** States where more lines may be added to the estimate (additional findings go back through approval). */
export const estimateOpenStatuses: readonly RepairOrderStatus[] = [
  'diagnosing',
  'approved',
  'in_progress',
  'waiting_parts',
];
/** States where technicians clock work and parts are issued. */
export const workStatuses: readonly RepairOrderStatus[] = ['approved', 'in_progress'];
/** States where the order's money can be settled (after the final inspection, before handover). */
export const settleStatuses: readonly RepairOrderStatus[] = ['ready'];
