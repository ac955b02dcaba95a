/**
 * The parts order's status machine (H7.2, architecture rule 6): received orders are reviewed (审核) and
 * allocated from stock, picked, packed, shipped and signed for (签收). A counter sale is reserved, issued
 * and invoiced in one step and is born completed.
 */
export const partsOrderStatuses = [
  'submitted',
  'allocated',
  'picked',
  'packed',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
] as const;
export type PartsOrderStatus = (typeof partsOrderStatuses)[number];

export const partsOrderTransitions = {
  review: { from: ['submitted'], to: 'allocated' }, // 审核: reviewed and stock reserved for every line
  pick: { from: ['allocated'], to: 'picked' }, // taken from the shelf: the stock leaves the ledger
  pack: { from: ['picked'], to: 'packed' }, // packages and weights
  ship: { from: ['packed'], to: 'shipped' }, // carrier and tracking number
  sign_off: { from: ['shipped'], to: 'delivered' }, // the receiver signs per line for quantity and condition
  cancel: { from: ['submitted', 'allocated'], to: 'cancelled' }, // reservations given back
} as const satisfies Record<string, { from: readonly PartsOrderStatus[]; to: PartsOrderStatus }>;
export type PartsOrderAction = keyof typeof partsOrderTransitions;

export function canPartsOrder(status: PartsOrderStatus, action: PartsOrderAction): boolean {
  return (partsOrderTransitions[action].from as readonly PartsOrderStatus[]).includes(status);
}

export function partsOrderActionsFrom(status: PartsOrderStatus): PartsOrderAction[] {
  return (Object.keys(partsOrderTransitions) as PartsOrderAction[]).filter((a) => canPartsOrder(status, a));
}

/** Exceptions in transit (H7.2.4) may be raised once the parts are on their way. */
export const exceptionStatuses: readonly PartsOrderStatus[] = ['shipped', 'delivered'];
export const partsOrderChannels = ['counter', 'customer', 'workshop', 'store'] as const;
export const exceptionTypes = ['short', 'damaged', 'wrong_part', 'lost'] as const;
export const exceptionResolutions = ['reship', 'credit', 'return'] as const;
export const lineConditions = ['ok', 'damaged', 'wrong_part'] as const;
