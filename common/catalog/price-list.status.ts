import type { priceListStatuses } from './catalog.enums';

/**
 * The price list's status machine (architecture rule 6). A draft is edited freely; a published list is
 * what the store displays (标价) and is never edited — it is withdrawn and replaced by a new one.
 */
export type PriceListStatus = (typeof priceListStatuses)[number];

export const priceListTransitions = {
  publish: { from: ['draft'], to: 'published' },
  withdraw: { from: ['draft', 'published'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly PriceListStatus[]; to: PriceListStatus }>;
export type PriceListAction = keyof typeof priceListTransitions;

export function canTransitionPriceList(status: PriceListStatus, action: PriceListAction): boolean {
  return (priceListTransitions[action].from as readonly PriceListStatus[]).includes(status);
}

/** The actions a user may take from a state (the web shows only these). */
export function priceListActionsFrom(status: PriceListStatus): PriceListAction[] {
  return (Object.keys(priceListTransitions) as PriceListAction[]).filter((a) =>
    canTransitionPriceList(status, a),
  );
}
