import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  availabilitySchema,
  bookingSchema,
  createBookingSchema,
  createServiceRequestSchema,
  serviceRequestSchema,
} from '@common/service/booking.schemas';
import type { healthRecordSchema } from '@common/service/health-record.schemas';
import type {
  checkInSchema,
  lookupResultSchema,
  myJobsSchema,
  repairOrderSchema,
  repairOrderSummarySchema,
  sentEstimateSchema,
} from '@common/service/repair-order.schemas';
import type { RepairOrderStatus } from '@common/service/repair-order.status';
import type { laborOperationSchema, workshopResourcesSchema } from '@common/service/workshop.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';

export type RepairOrder = z.infer<typeof repairOrderSchema>;
export type RepairOrderSummary = z.infer<typeof repairOrderSummarySchema>;
export type RepairOrderLine = RepairOrder['lines'][number];
export type LookupItem = z.infer<typeof lookupResultSchema>['items'][number];
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;
export type Booking = z.infer<typeof bookingSchema>;
export type Availability = z.infer<typeof availabilitySchema>;
export type LaborOperation = z.infer<typeof laborOperationSchema>;
export type WorkshopResources = z.infer<typeof workshopResourcesSchema>;
export type MyJob = z.infer<typeof myJobsSchema>['items'][number];
export type HealthRecord = z.infer<typeof healthRecordSchema>;
export type SentEstimate = z.infer<typeof sentEstimateSchema>;
export type CheckIn = z.input<typeof checkInSchema>;
export type CreateBooking = z.input<typeof createBookingSchema>;
export type CreateServiceRequest = z.input<typeof createServiceRequestSchema>;

const serviceKey = ['service'] as const;
const enc = encodeURIComponent;

/** The workshop board: every order not yet closed or cancelled, in one call per column. */
export function useBoardColumn(storeId: string | null, status: RepairOrderStatus) {
  return useQuery({
    queryKey: [...serviceKey, 'orders', storeId, status],
    queryFn: () =>
      api.get<Page<RepairOrderSummary>>('/repair-orders', {
        storeId: storeId ?? undefined,
        status,
        limit: 100,
      }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
}

export function useRepairOrder(id: string | undefined) {
  return useQuery({
    queryKey: [...serviceKey, 'order', id],
    queryFn: () => api.get<RepairOrder>(`/repair-orders/${enc(id ?? '')}`),
    enabled: !!id,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return (order?: RepairOrder) => {
    if (order) queryClient.setQueryData([...serviceKey, 'order', order.id], order);
    return queryClient.invalidateQueries({ queryKey: serviceKey });
  };
}

/** Any POST verb of a repair order that answers the order (move, diagnosis, lines, clock, QC, settle…). */
export function useOrderAction(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      api.post<RepairOrder>(`/repair-orders/${enc(id)}${path}`, body),
    onSuccess: (order) => refresh(order),
  });
}

/** A board drag: the move the machine allows between the two columns. */
export function useBoardMove() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ order, action }: { order: RepairOrderSummary; action: string }) =>
      api.post<RepairOrder>(`/repair-orders/${enc(order.id)}/move`, { version: order.version, action }),
    onSuccess: (order) => refresh(order),
  });
}

export function useSendEstimate(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { version: number; language: 'zh-CN' | 'en' }) =>
      api.post<SentEstimate>(`/repair-orders/${enc(id)}/send-estimate`, body),
    onSuccess: (sent) => refresh(sent.order),
  });
}

export function useCheckInLookup(storeId: string | null, q: string) {
  return useQuery({
    queryKey: [...serviceKey, 'lookup', storeId, q],
    queryFn: () =>
      api.get<{ items: LookupItem[] }>('/repair-orders/check-in-lookup', {
        storeId: storeId ?? undefined,
        q,
      }),
    enabled: q.trim().length >= 2,
    select: (r) => r.items,
  });
}

export function useCheckIn() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: CheckIn) => api.create<RepairOrder>('/repair-orders', input),
    onSuccess: (order) => refresh(order),
  });
}

export function useLaborOperations(storeId: string | null) {
  return useQuery({
    queryKey: [...serviceKey, 'labor', storeId],
    queryFn: () =>
      api.get<Page<LaborOperation>>('/labor-operations', { storeId: storeId ?? undefined, limit: 200 }),
    select: (page) => page.items,
  });
}

export function useWorkshop(storeId: string | null) {
  return useQuery({
    queryKey: [...serviceKey, 'workshop', storeId],
    queryFn: () => api.get<WorkshopResources>('/workshop-resources', { storeId: storeId ?? undefined }),
  });
}

export function useMyJobs() {
  return useQuery({
    queryKey: [...serviceKey, 'my-jobs'],
    queryFn: () => api.get<{ items: MyJob[] }>('/repair-orders/my-jobs'),
    select: (r) => r.items,
    refetchInterval: 30_000,
  });
}

export function useClock() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      orderId,
      lineId,
      action,
    }: {
      orderId: string;
      lineId: string;
      action: 'start' | 'pause' | 'finish';
    }) => api.post<RepairOrder>(`/repair-orders/${enc(orderId)}/lines/${enc(lineId)}/clock`, { action }),
    onSuccess: (order) => refresh(order),
  });
}

export function useServiceRequests(storeId: string | null) {
  return useInfiniteQuery({
    queryKey: [...serviceKey, 'requests', storeId],
    queryFn: ({ pageParam }) =>
      api.get<Page<ServiceRequest>>('/service-requests', {
        storeId: storeId ?? undefined,
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCreateServiceRequest() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: CreateServiceRequest) => api.create<ServiceRequest>('/service-requests', input),
    onSuccess: () => refresh(),
  });
}

export function useRespondRequest() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ request, note }: { request: ServiceRequest; note: string }) =>
      api.post<ServiceRequest>(`/service-requests/${enc(request.id)}/respond`, {
        version: request.version,
        note,
      }),
    onSuccess: () => refresh(),
  });
}

export function useBookings(storeId: string | null, date: string) {
  return useQuery({
    queryKey: [...serviceKey, 'bookings', storeId, date],
    queryFn: () =>
      api.get<Page<Booking>>('/service-bookings', { storeId: storeId ?? undefined, date, limit: 200 }),
    select: (page) => page.items,
  });
}

export function useAvailability(
  storeId: string | null,
  date: string,
  minutes: number,
  skill: string | undefined,
) {
  return useQuery({
    queryKey: [...serviceKey, 'availability', storeId, date, minutes, skill],
    queryFn: () =>
      api.get<Availability>('/service-bookings/availability', {
        storeId: storeId ?? undefined,
        date,
        minutes,
        skill,
      }),
    enabled: !!storeId,
  });
}

export function useCreateBooking() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: CreateBooking) => api.create<Booking>('/service-bookings', input),
    onSuccess: () => refresh(),
  });
}

export function useCancelBooking() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: Booking) =>
      api.post<Booking>(`/service-bookings/${enc(b.id)}/cancel`, { version: b.version }),
    onSuccess: () => refresh(),
  });
}

export function useUpdatePickup() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ booking, status }: { booking: Booking; status: 'picked_up' | 'returned' }) =>
      api.post<Booking>(`/service-bookings/${enc(booking.id)}/pickup`, { version: booking.version, status }),
    onSuccess: () => refresh(),
  });
}

export function useHealthRecords(storeId: string | null) {
  return useInfiniteQuery({
    queryKey: [...serviceKey, 'health', storeId],
    queryFn: ({ pageParam }) =>
      api.get<Page<HealthRecord>>('/health-records', {
        storeId: storeId ?? undefined,
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useRetryHealthRecord() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (r: HealthRecord) => api.post<HealthRecord>(`/health-records/${enc(r.id)}/retry`),
    onSuccess: () => refresh(),
  });
}

/** Money in 分 as ¥1,234.50 — the same formatting as everywhere in the app. */
export { formatFen } from '@common/rules/money';
