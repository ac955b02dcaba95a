import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePriceList,
  PatchPriceList,
  PriceList,
  PriceListSummary,
  QuoteLineCheck,
  QuoteLineCheckResult,
} from '@common/catalog/price-list.schemas';
import type { PriceListAction } from '@common/catalog/price-list.status';
import { api } from '../../api/api-client';
import type { Page } from './catalog-api';

const priceListsKey = ['price-lists'] as const;

export function usePriceLists(storeId: string | null, status?: string) {
  return useInfiniteQuery({
    queryKey: [...priceListsKey, 'list', storeId, status],
    queryFn: ({ pageParam }) =>
      api.get<Page<PriceListSummary>>('/price-lists', {
        storeId: storeId ?? undefined,
        status,
        sort: '-effectiveFrom',
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePriceList(id: string | null) {
  return useQuery({
    queryKey: [...priceListsKey, 'one', id],
    queryFn: () => api.get<PriceList>(`/price-lists/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

function useRefreshLists() {
  const queryClient = useQueryClient();
  return (list: PriceList) => {
    queryClient.setQueryData([...priceListsKey, 'one', list.id], list);
    // Prices in force changed: the catalogue's prices too.
    void queryClient.invalidateQueries({ queryKey: ['catalog'] });
    return queryClient.invalidateQueries({ queryKey: [...priceListsKey, 'list'] });
  };
}

export function useCreatePriceList() {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: (input: CreatePriceList) => api.create<PriceList>('/price-lists', input),
    onSuccess: refresh,
  });
}

export function usePatchPriceList(id: string) {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: (patch: PatchPriceList) =>
      api.patch<PriceList>(`/price-lists/${encodeURIComponent(id)}`, patch),
    onSuccess: refresh,
  });
}

export function usePriceListTransition(id: string) {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: (action: PriceListAction) =>
      api.post<PriceList>(`/price-lists/${encodeURIComponent(id)}/${action}`),
    onSuccess: refresh,
  });
}

export function useCheckQuoteLine() {
  return useMutation({
    mutationFn: (line: QuoteLineCheck) =>
      api.post<QuoteLineCheckResult>('/price-lists/check-quote-line', line),
  });
}
