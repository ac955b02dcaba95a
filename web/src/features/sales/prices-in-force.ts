import { useMemo } from 'react';
import { todayLocal } from '../catalog/catalog-format';
import { usePriceList, usePriceLists } from '../catalog/price-lists-api';

export const feeKey = (code: string) => `fee:${code}`;

/**
 * The 标价 on display in the store today (汽车销售管理办法 Art. 10): the published price list in force,
 * as a map from the priced item (trim id, option id, `fee:<code>`) to its display price in 分. The deal desk prefills
 * prices from it; the server refuses any quote line above it.
 */
export function usePricesInForce(storeId: string | null | undefined) {
  const lists = usePriceLists(storeId ?? null, 'published');
  const today = todayLocal();
  const inForce = useMemo(() => {
    const all = lists.data?.pages.flatMap((p) => p.items) ?? [];
    return all
      .filter((l) => l.effectiveFrom <= today && (!l.effectiveTo || l.effectiveTo >= today))
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  }, [lists.data, today]);
  const list = usePriceList(inForce?.id ?? null);
  return useMemo(() => {
    const prices = new Map<string, number>();
    for (const item of list.data?.items ?? []) {
      // published service fees (收费标准) are keyed `fee:<code>` beside the trims and options
      prices.set(item.itemKind === 'fee' ? feeKey(item.itemRef) : item.itemRef, item.displayPrice);
    }
    return { prices, listName: inForce?.name ?? null, loading: lists.isPending || list.isFetching };
  }, [list.data, list.isFetching, lists.isPending, inForce]);
}
