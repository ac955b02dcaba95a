import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Part,
  PartStock,
  StockMovement,
  createMovementSchema,
  createPartSchema,
} from '@common/parts/part.schemas';
import type {
  PartsOrder,
  counterSaleSchema,
  createPartsOrderSchema,
} from '@common/parts/parts-order.schemas';
import type { StockAlertReport } from '@common/parts/stock-alert.schemas';
import type { Stocktake, createStocktakeSchema } from '@common/parts/stocktake.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';

export type CreatePart = z.input<typeof createPartSchema>;
export type CreateMovement = z.input<typeof createMovementSchema>;
export type CreatePartsOrder = z.input<typeof createPartsOrderSchema>;
export type CounterSale = z.input<typeof counterSaleSchema>;
export type CreateStocktake = z.input<typeof createStocktakeSchema>;
export type PartsOrderSummary = Pick<
  PartsOrder,
  | 'id'
  | 'number'
  | 'storeId'
  | 'channel'
  | 'status'
  | 'customerName'
  | 'total'
  | 'trackingNo'
  | 'version'
  | 'createdAt'
>;
export type StocktakeSummary = Omit<Stocktake, 'lines' | 'counted' | 'totalVariance' | 'totalVarianceValue'>;
export interface HistoryEntry {
  at: string;
  actorName: string | null;
  action: string;
  details: Record<string, unknown> | null;
}

export const partsKey = ['parts'] as const;

function useInvalidateParts() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: partsKey });
}

export interface PartFilters {
  q?: string;
  barcode?: string;
  modelId?: string;
  class?: string;
}

export function usePartList(filters: PartFilters) {
  return useInfiniteQuery({
    queryKey: [...partsKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<Part>>('/parts', { ...filters, limit: 50, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function usePart(id: string | undefined) {
  return useQuery({
    queryKey: [...partsKey, 'one', id],
    queryFn: () => api.get<Part>(`/parts/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useMovements(query: { partId?: string; storeId?: string | null }) {
  return useInfiniteQuery({
    queryKey: [...partsKey, 'movements', query],
    queryFn: ({ pageParam }) =>
      api.get<Page<StockMovement>>('/stock-movements', {
        partId: query.partId,
        storeId: query.storeId ?? undefined,
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCreatePart() {
  const invalidate = useInvalidateParts();
  return useMutation({
    mutationFn: (body: CreatePart) => api.create<Part>('/parts', body),
    onSuccess: invalidate,
  });
}

export function usePostMovement() {
  const invalidate = useInvalidateParts();
  return useMutation({
    mutationFn: (body: CreateMovement) =>
      api.create<{ movements: StockMovement[] }>('/stock-movements', body),
    onSuccess: invalidate,
  });
}

export function useStockSettings(partId: string) {
  const invalidate = useInvalidateParts();
  return useMutation({
    mutationFn: (body: {
      storeId: string;
      bin?: string | null;
      minQty?: number | null;
      maxQty?: number | null;
      leadTimeDays?: number | null;
    }) => api.put<PartStock>(`/parts/${encodeURIComponent(partId)}/stock-settings`, body),
    onSuccess: invalidate,
  });
}

export function useStockAlerts(storeId: string | null, serviceLevel: number) {
  return useQuery({
    queryKey: [...partsKey, 'alerts', storeId, serviceLevel],
    queryFn: () =>
      api.get<StockAlertReport>('/stock-alerts', { storeId: storeId ?? undefined, serviceLevel }),
    enabled: !!storeId,
  });
}

export function usePartsOrders(storeId: string | null, status?: string) {
  return useInfiniteQuery({
    queryKey: [...partsKey, 'orders', storeId, status],
    queryFn: ({ pageParam }) =>
      api.get<Page<PartsOrderSummary>>('/parts-orders', {
        storeId: storeId ?? undefined,
        status,
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePartsOrder(id: string | undefined) {
  return useQuery({
    queryKey: [...partsKey, 'order', id],
    queryFn: () => api.get<PartsOrder>(`/parts-orders/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function usePartsOrderHistory(id: string | undefined) {
  return useQuery({
    queryKey: [...partsKey, 'order-history', id],
    queryFn: () =>
      api.get<Page<HistoryEntry>>(`/parts-orders/${encodeURIComponent(id ?? '')}/history`, { limit: 200 }),
    enabled: !!id,
  });
}

export function useCreatePartsOrder() {
  const invalidate = useInvalidateParts();
  return useMutation({
    mutationFn: (body: CreatePartsOrder) => api.create<PartsOrder>('/parts-orders', body),
    onSuccess: invalidate,
  });
}

export function useCounterSale() {
  const invalidate = useInvalidateParts();
  return useMutation({
    mutationFn: (body: CounterSale) => api.create<PartsOrder>('/parts-orders/counter-sale', body),
    onSuccess: invalidate,
  });
}

/** A step of a parts order (review, pick, pack, ship, sign-off, cancel, exceptions, exception resolve). */
export function usePartsOrderStep(id: string) {
  const invalidate = useInvalidateParts();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      api.post<PartsOrder>(`/parts-orders/${encodeURIComponent(id)}/${path}`, body),
    onSuccess: invalidate,
  });
}

export const pickListUrl = (id: string, lang: string) =>
  `/api/v1/parts-orders/${encodeURIComponent(id)}/pick-list?lang=${encodeURIComponent(lang)}`;

export function useStocktakes(storeId: string | null) {
  return useInfiniteQuery({
    queryKey: [...partsKey, 'stocktakes', storeId],
    queryFn: ({ pageParam }) =>
      api.get<Page<StocktakeSummary>>('/stocktakes', {
        storeId: storeId ?? undefined,
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useStocktake(id: string | undefined) {
  return useQuery({
    queryKey: [...partsKey, 'stocktake', id],
    queryFn: () => api.get<Stocktake>(`/stocktakes/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useCreateStocktake() {
  const invalidate = useInvalidateParts();
  return useMutation({
    mutationFn: (body: CreateStocktake) => api.create<Stocktake>('/stocktakes', body),
    onSuccess: invalidate,
  });
}

export function useStocktakeStep(id: string) {
  const invalidate = useInvalidateParts();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      api.post<Stocktake>(`/stocktakes/${encodeURIComponent(id)}/${path}`, body),
    onSuccess: invalidate,
  });
}
