import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Lead } from '@common/crm/lead.schemas';
import type {
  NeedsAnalysis,
  NeedsAnalysisDetail,
  needsAnswersSchema,
} from '@common/crm/needs-analysis.schemas';
import type { Recommendations } from '@common/crm/recommendation.schemas';
import type { createPurchasePlanSchema, PurchasePlan } from '@common/crm/purchase-plan.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';

export type NeedsAnswersInput = z.input<typeof needsAnswersSchema>;
export type CreatePlan = z.input<typeof createPurchasePlanSchema>;

export function useLead(id: string) {
  return useQuery({
    queryKey: ['leads', 'one', id],
    queryFn: () => api.get<Lead>(`/leads/${encodeURIComponent(id)}`),
  });
}

/** The lead's latest needs version (with its history), or null before the first save. */
export function useLatestNeeds(leadId: string) {
  return useQuery({
    queryKey: ['needs', 'latest', leadId],
    queryFn: async () => {
      const page = await api.get<Page<NeedsAnalysis>>('/needs-analyses', {
        leadId,
        latest: 'true',
        limit: 1,
      });
      const latest = page.items[0];
      return latest ? api.get<NeedsAnalysisDetail>(`/needs-analyses/${encodeURIComponent(latest.id)}`) : null;
    },
  });
}

export function useSaveNeeds(leadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version?: number; answers: NeedsAnswersInput }) =>
      api.post<NeedsAnalysis>('/needs-analyses', { leadId, ...input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['needs', 'latest', leadId] }),
  });
}

export function useRecommendations(needsId: string | null) {
  return useQuery({
    queryKey: ['needs', 'recommendations', needsId],
    queryFn: () =>
      api.get<Recommendations>(`/needs-analyses/${encodeURIComponent(needsId ?? '')}/recommendations`),
    enabled: !!needsId,
  });
}

export function useCreatePlan() {
  return useMutation({
    mutationFn: (input: CreatePlan) => api.create<PurchasePlan>('/purchase-plans', input),
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: ['purchase-plans', id],
    queryFn: () => api.get<PurchasePlan>(`/purchase-plans/${encodeURIComponent(id)}`),
  });
}

export function useRenewShare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: PurchasePlan) =>
      api.post<PurchasePlan>(`/purchase-plans/${encodeURIComponent(plan.id)}/share`, {
        version: plan.version,
      }),
    onSuccess: (plan) => queryClient.setQueryData(['purchase-plans', plan.id], plan),
  });
}
