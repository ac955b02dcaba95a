import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Delivery, updateDeliverySchema } from '@common/sales/delivery.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';
import { pathOf, salesKey, useRefreshSales, useSalesCreate, useSalesVerb } from './sales-query';

export type UpdateDeliveryInput = z.input<typeof updateDeliverySchema>;

export function useDeliveries(query: {
  status?: string;
  from?: string;
  to?: string;
  storeId?: string | null;
}) {
  return useQuery({
    queryKey: [...salesKey, 'deliveries', query],
    queryFn: () =>
      api.get<Page<Delivery>>('/deliveries', {
        status: query.status,
        from: query.from,
        to: query.to,
        storeId: query.storeId ?? undefined,
        limit: 100,
      }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
}

export function useDelivery(id: string | null | undefined) {
  return useQuery({
    queryKey: [...salesKey, 'delivery', id],
    queryFn: () => api.get<Delivery>(pathOf('/deliveries', id ?? '')),
    enabled: !!id,
  });
}

export function useScheduleDelivery() {
  return useSalesCreate<{ dealId: string; scheduledAt: string; place: string }, Delivery>('/deliveries');
}

export function useUpdateDelivery(id: string) {
  const refresh = useRefreshSales();
  return useMutation({
    mutationFn: (patch: UpdateDeliveryInput) => api.patch<Delivery>(pathOf('/deliveries', id), patch),
    onSuccess: () => refresh(),
  });
}

export function useUploadPdiPhoto() {
  return useSalesVerb<{ item: string; mime: string; dataBase64: string }, Delivery>('/deliveries', 'photos');
}

export function useSignDelivery() {
  return useSalesVerb<{ version: number; signature: string }, Delivery>('/deliveries', 'sign');
}

export function useCompleteDelivery() {
  return useSalesVerb<{ version: number }, Delivery>('/deliveries', 'complete');
}

export const attachmentUrl = (id: string) => `/api/v1/sales-attachments/${encodeURIComponent(id)}`;
