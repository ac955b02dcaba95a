import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createCustomerSchema,
  Customer,
  DuplicateMatch,
  patchCustomerSchema,
  TimelineEntry,
} from '@common/crm/customer.schemas';
import type {
  createCustomerVehicleSchema,
  CustomerVehicle,
  MileageReading,
} from '@common/crm/customer-vehicle.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';

export type CreateCustomer = z.input<typeof createCustomerSchema>;
export type PatchCustomer = z.input<typeof patchCustomerSchema>;
export type CreateCustomerVehicle = z.input<typeof createCustomerVehicleSchema>;

const customersKey = ['customers'] as const;

/** The customer search: as the consultant types (the page debounces `q`). */
export function useCustomerSearch(q: string, storeId: string | null) {
  return useInfiniteQuery({
    queryKey: [...customersKey, 'list', q, storeId],
    queryFn: ({ pageParam }) =>
      api.get<Page<Customer>>('/customers', {
        q: q || undefined,
        storeId: storeId ?? undefined,
        limit: 30,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: [...customersKey, 'one', id],
    queryFn: () => api.get<Customer>(`/customers/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useDuplicates(query: {
  mobile?: string;
  identityNumber?: string;
  companyCode?: string;
  excludeId?: string;
}) {
  const enabled = Boolean(query.mobile || query.identityNumber || query.companyCode);
  return useQuery({
    queryKey: [...customersKey, 'duplicates', query],
    queryFn: () => api.get<{ items: DuplicateMatch[] }>('/customers/duplicates', query),
    enabled,
  });
}

export function useTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: [...customersKey, 'timeline', id],
    queryFn: ({ pageParam }) =>
      api.get<Page<TimelineEntry>>(`/customers/${encodeURIComponent(id)}/timeline`, {
        limit: 20,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCustomerVehicles(customerId: string) {
  return useQuery({
    queryKey: [...customersKey, 'vehicles', customerId],
    queryFn: () => api.get<Page<CustomerVehicle>>('/customer-vehicles', { customerId, limit: 100 }),
  });
}

export function useMileage(vehicleId: string | null) {
  return useQuery({
    queryKey: [...customersKey, 'mileage', vehicleId],
    queryFn: () =>
      api.get<Page<MileageReading>>(`/customer-vehicles/${encodeURIComponent(vehicleId ?? '')}/mileage`),
    enabled: !!vehicleId,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: customersKey });
}

export function useCreateCustomer() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateCustomer) => api.create<Customer>('/customers', body),
    onSuccess: invalidate,
  });
}

export function usePatchCustomer(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PatchCustomer) => api.patch<Customer>(`/customers/${encodeURIComponent(id)}`, body),
    onSuccess: invalidate,
  });
}

export function useRevealIdentity(id: string) {
  return useMutation({
    mutationFn: () =>
      api.post<{ type: string | null; number: string | null }>(
        `/customers/${encodeURIComponent(id)}/reveal-identity`,
      ),
  });
}

export function useMergeCustomer(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { sourceId: string; version: number }) =>
      api.post<Customer>(`/customers/${encodeURIComponent(id)}/merge`, body),
    onSuccess: invalidate,
  });
}

export function useAddCustomerVehicle() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateCustomerVehicle) => api.create<CustomerVehicle>('/customer-vehicles', body),
    onSuccess: invalidate,
  });
}

export function useRecordMileage(vehicleId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { km: number; readAt: string; reason?: string | null }) =>
      api.post<MileageReading>(`/customer-vehicles/${encodeURIComponent(vehicleId)}/mileage`, body),
    onSuccess: invalidate,
  });
}
