import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Brand, Model } from '@common/catalog/brand.schemas';
import type { CatalogOption, Trim } from '@common/catalog/trim.schemas';
import { api } from '../../api/api-client';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What the catalogue browser filters on; lists are sent as comma lists. */
export interface TrimFilters {
  q?: string;
  brandId?: string;
  energy?: string[];
  nev?: 'true' | 'false';
  bodyType?: string[];
  drivetrain?: string;
  seatsMin?: number | null;
  seatsMax?: number | null;
  powerKwMin?: number | null;
  rangeKmMin?: number | null;
  features?: string[];
}

export interface PriceContext {
  storeId: string | null;
  date: string;
}

const catalogKey = ['catalog'] as const;

function commaList(values: string[] | undefined): string | undefined {
  return values && values.length > 0 ? values.join(',') : undefined;
}

function trimQuery(filters: TrimFilters, prices: PriceContext) {
  return {
    q: filters.q,
    brandId: filters.brandId,
    energy: commaList(filters.energy),
    nev: filters.nev,
    bodyType: commaList(filters.bodyType),
    drivetrain: filters.drivetrain,
    seatsMin: filters.seatsMin,
    seatsMax: filters.seatsMax,
    powerKwMin: filters.powerKwMin,
    rangeKmMin: filters.rangeKmMin,
    features: commaList(filters.features),
    active: 'true',
    priceStoreId: prices.storeId ?? undefined,
    priceDate: prices.storeId ? prices.date : undefined,
  };
}

export function useBrands() {
  return useQuery({
    queryKey: [...catalogKey, 'brands'],
    queryFn: () => api.get<Page<Brand>>('/brands', { limit: 200, sort: 'name' }),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}

export function useModels() {
  return useQuery({
    queryKey: [...catalogKey, 'models'],
    queryFn: () => api.get<Page<Model>>('/models', { limit: 200 }),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}

export function useTrimList(filters: TrimFilters, prices: PriceContext) {
  return useInfiniteQuery({
    queryKey: [...catalogKey, 'trims', filters, prices],
    queryFn: ({ pageParam }) =>
      api.get<Page<Trim>>('/trims', {
        ...trimQuery(filters, prices),
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Trims for a picker (add a vehicle, a price-list line), searched by name. */
export function useTrimChoices(q: string) {
  return useQuery({
    queryKey: [...catalogKey, 'trim-choices', q],
    queryFn: () => api.get<Page<Trim>>('/trims', { q: q || undefined, limit: 50, active: 'true' }),
    placeholderData: keepPreviousData,
    select: (page) => page.items,
  });
}

export function useTrim(id: string | null | undefined) {
  return useQuery({
    queryKey: [...catalogKey, 'trim', id],
    queryFn: () => api.get<Trim>(`/trims/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
    staleTime: 60_000,
  });
}

export function useTrimComparison(ids: string[], prices: PriceContext, enabled: boolean) {
  return useQuery({
    queryKey: [...catalogKey, 'compare', ids, prices],
    queryFn: () =>
      api.get<{ items: Trim[] }>('/trims/compare', {
        ids: ids.join(','),
        priceStoreId: prices.storeId ?? undefined,
        priceDate: prices.storeId ? prices.date : undefined,
      }),
    enabled: enabled && ids.length >= 2,
  });
}

export function useCatalogOptions() {
  return useQuery({
    queryKey: [...catalogKey, 'options'],
    queryFn: () => api.get<Page<CatalogOption>>('/catalog-options', { limit: 200, active: 'true' }),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}
