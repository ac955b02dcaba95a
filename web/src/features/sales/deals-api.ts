import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createDealSchema,
  Deal,
  dealSummarySchema,
  SalesSettings,
  updateQuoteSchema,
} from '@common/sales/deal.schemas';
import type { DealStatus } from '@common/sales/deal.status';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';
import { pathOf, salesKey, useRefreshSales, useSalesCreate, useSalesVerb } from './sales-query';

export type CreateDealInput = z.input<typeof createDealSchema>;
export type UpdateQuoteInput = z.input<typeof updateQuoteSchema>;
export type DealSummary = z.infer<typeof dealSummarySchema>;
export type DealDecision = 'submit' | 'approve' | 'reject' | 'reopen';

export function useDealList(filters: { status?: DealStatus }, storeId: string | null) {
  return useInfiniteQuery({
    queryKey: [...salesKey, 'deals', filters, storeId],
    queryFn: ({ pageParam }) =>
      api.get<Page<DealSummary>>('/deals', {
        status: filters.status,
        storeId: storeId ?? undefined,
        sort: '-updatedAt',
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useDeal(id: string | undefined) {
  return useQuery({
    queryKey: [...salesKey, 'deal', id],
    queryFn: () => api.get<Deal>(pathOf('/deals', id ?? '')),
    enabled: !!id,
  });
}

export function useCreateDeal() {
  return useSalesCreate<CreateDealInput, Deal>('/deals');
}

export function useUpdateQuote(id: string) {
  const refresh = useRefreshSales();
  return useMutation({
    mutationFn: (input: UpdateQuoteInput) => api.put<Deal>(pathOf('/deals', id, 'quote'), input),
    onSuccess: () => refresh(),
  });
}

/** Submit (agreed, or awaiting a manager when over the limit), approve, reject, reopen. */
export function useDealDecision(decision: DealDecision) {
  return useSalesVerb<{ version: number; note?: string }, Deal>('/deals', decision);
}

export function useSalesSettings(storeId: string | null | undefined) {
  return useQuery({
    queryKey: [...salesKey, 'settings', storeId],
    queryFn: () => api.get<SalesSettings>(pathOf('/sales-settings', storeId ?? '')),
    enabled: !!storeId,
    staleTime: 60_000,
    // a consultant may not read the store's settings: the limit then comes with the saved deal
    retry: false,
  });
}

export type PatchSalesSettings = Partial<Omit<SalesSettings, 'storeId' | 'version'>> & { version: number };

/** A store manager changes the store's sales rules (discount limits, care plan, PDI items, seller data). */
export function usePatchSalesSettings(storeId: string) {
  const refresh = useRefreshSales();
  return useMutation({
    mutationFn: (patch: PatchSalesSettings) =>
      api.patch<SalesSettings>(pathOf('/sales-settings', storeId), patch),
    onSuccess: () => refresh(),
  });
}
