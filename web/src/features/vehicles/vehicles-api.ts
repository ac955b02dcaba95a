import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createVehicleSchema,
  importReportSchema,
  reserveVehicleSchema,
  transferSchema,
  Vehicle,
  vehicleHistoryEntrySchema,
  stockSummarySchema,
} from '@common/vehicles/vehicle.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';

export type CreateVehicle = z.input<typeof createVehicleSchema>;
export type ReserveVehicle = z.input<typeof reserveVehicleSchema>;
export type VehicleHistoryEntry = z.infer<typeof vehicleHistoryEntrySchema>;
export type StockSummary = z.infer<typeof stockSummarySchema>;
export type VehicleTransfer = z.infer<typeof transferSchema>;
export type ImportReport = z.infer<typeof importReportSchema>;
export type ImportMode = ImportReport['mode'];

/** Status moves posted to a verb; reserve carries hours and a deal id. */
export type StatusVerb = 'reserve' | 'release' | 'receive' | 'ship' | 'to-demo' | 'from-demo';

export interface StockFilters {
  q?: string;
  status?: string[];
  aging?: string;
  nev?: 'true' | 'false';
}

const vehiclesKey = ['vehicles'] as const;

export function useVehicleList(filters: StockFilters, storeId: string | null) {
  return useInfiniteQuery({
    queryKey: [...vehiclesKey, 'list', filters, storeId],
    queryFn: ({ pageParam }) =>
      api.get<Page<Vehicle>>('/vehicles', {
        q: filters.q,
        status: filters.status?.length ? filters.status.join(',') : undefined,
        aging: filters.aging,
        nev: filters.nev,
        storeId: storeId ?? undefined,
        sort: '-arrivedOn',
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useStockSummary(storeId: string | null) {
  return useQuery({
    queryKey: [...vehiclesKey, 'summary', storeId],
    queryFn: () => api.get<StockSummary>('/vehicles/summary', { storeId: storeId ?? undefined }),
  });
}

export function useVehicle(id: string | undefined) {
  return useQuery({
    queryKey: [...vehiclesKey, 'one', id],
    queryFn: () => api.get<Vehicle>(`/vehicles/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useVehicleHistory(id: string | undefined) {
  return useInfiniteQuery({
    queryKey: [...vehiclesKey, 'history', id],
    queryFn: ({ pageParam }) =>
      api.get<Page<VehicleHistoryEntry>>(`/vehicles/${encodeURIComponent(id ?? '')}/history`, {
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!id,
  });
}

/** After any write: the vehicle, its history, the lists and the summary tiles are fresh again. */
function useRefreshVehicles() {
  const queryClient = useQueryClient();
  return (vehicle?: Vehicle) => {
    if (vehicle) queryClient.setQueryData([...vehiclesKey, 'one', vehicle.id], vehicle);
    return queryClient.invalidateQueries({ queryKey: vehiclesKey });
  };
}

export function useCreateVehicle() {
  const refresh = useRefreshVehicles();
  return useMutation({
    mutationFn: (input: CreateVehicle) => api.create<Vehicle>('/vehicles', input),
    onSuccess: (vehicle) => refresh(vehicle),
  });
}

export function useVehicleStatusChange(id: string) {
  const refresh = useRefreshVehicles();
  return useMutation({
    mutationFn: ({ verb, body }: { verb: StatusVerb; body?: ReserveVehicle | Record<string, unknown> }) =>
      api.post<Vehicle>(`/vehicles/${encodeURIComponent(id)}/${verb}`, body ?? {}),
    onSuccess: (vehicle) => refresh(vehicle),
  });
}

export function useVehicleTransfers(vehicleId: string | undefined) {
  return useQuery({
    queryKey: [...vehiclesKey, 'transfers', vehicleId],
    queryFn: () => api.get<Page<VehicleTransfer>>('/vehicle-transfers', { vehicleId, limit: 20 }),
    enabled: !!vehicleId,
    select: (page) => page.items,
  });
}

export function useCreateTransfer() {
  const refresh = useRefreshVehicles();
  return useMutation({
    mutationFn: (input: { vehicleId: string; toStoreId: string; note?: string | null }) =>
      api.create<VehicleTransfer>('/vehicle-transfers', input),
    onSuccess: () => refresh(),
  });
}

export function useCloseTransfer() {
  const refresh = useRefreshVehicles();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'receive' | 'cancel' }) =>
      api.post<VehicleTransfer>(`/vehicle-transfers/${encodeURIComponent(id)}/${action}`),
    onSuccess: () => refresh(),
  });
}

export function useImportVehicles() {
  const refresh = useRefreshVehicles();
  return useMutation({
    mutationFn: ({ file, mode, storeId }: { file: File; mode: ImportMode; storeId: string | null }) =>
      api.upload<ImportReport>('/vehicles/import', file, contentTypeOf(file), {
        mode,
        storeId: storeId ?? undefined,
      }),
    onSuccess: (report) => (report.written > 0 ? refresh() : undefined),
  });
}

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function contentTypeOf(file: File): string {
  return /\.xlsx$/i.test(file.name) ? xlsxType : 'text/csv';
}

export function exportUrl(format: 'csv' | 'xlsx', storeId: string | null): string {
  const params = new URLSearchParams({ format });
  if (storeId) params.set('storeId', storeId);
  return `/api/v1/vehicles/export?${params.toString()}`;
}
