import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createShowroomPlanSchema,
  patchShowroomPlanSchema,
  showroomPlanSchema,
  Vehicle,
} from '@common/vehicles/vehicle.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';

export type ShowroomPlan = z.infer<typeof showroomPlanSchema>;
export type CreateShowroomPlan = z.input<typeof createShowroomPlanSchema>;
export type PatchShowroomPlan = z.input<typeof patchShowroomPlanSchema>;

const showroomKey = ['showroom-plans'] as const;

export function useShowroomPlans(storeId: string | null) {
  return useQuery({
    queryKey: [...showroomKey, 'list', storeId],
    queryFn: () =>
      api.get<Page<ShowroomPlan>>('/showroom-plans', { storeId: storeId ?? undefined, limit: 100 }),
    select: (page) => page.items,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: showroomKey });
}

export function useSavePlan(id: string | null) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: CreateShowroomPlan | PatchShowroomPlan) =>
      id
        ? api.patch<ShowroomPlan>(`/showroom-plans/${encodeURIComponent(id)}`, input)
        : api.create<ShowroomPlan>('/showroom-plans', input),
    onSuccess: refresh,
  });
}

export function usePlanTransition() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'activate' | 'archive' }) =>
      api.post<ShowroomPlan>(`/showroom-plans/${encodeURIComponent(id)}/${action}`),
    onSuccess: refresh,
  });
}

/** Vehicles that can stand in the showroom: in stock or demo cars of the store. */
export function useShowroomCandidates(storeId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['vehicles', 'showroom-candidates', storeId],
    queryFn: () =>
      api.get<Page<Vehicle>>('/vehicles', {
        storeId: storeId ?? undefined,
        status: 'in_stock,demo',
        limit: 200,
      }),
    enabled,
    select: (page) => page.items,
  });
}
