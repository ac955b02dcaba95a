import { useMutation, useQuery } from '@tanstack/react-query';
import { NEV_PURCHASE_TAX_POLICIES } from '@common/rules/tax-policies';
import type { TaxReliefPolicy } from '@common/rules/tax-policies';
import type { ThreeGuaranteeRequest, ThreeGuaranteeResult } from '@common/rules/three-guarantee-types';
import { api } from '../../api/api-client';

/**
 * The relief policies the server applies (GET /rules/tax-policies). Until they arrive (or if the
 * call fails) the calculator uses the same table bundled from common/rules, so it never waits.
 */
export function useTaxPolicies() {
  return useQuery({
    queryKey: ['rules', 'tax-policies'],
    queryFn: () => api.get<{ items: TaxReliefPolicy[] }>('/rules/tax-policies'),
    select: (data) => data.items,
    placeholderData: { items: [...NEV_PURCHASE_TAX_POLICIES] },
    staleTime: 60 * 60 * 1000,
  });
}

/** POST /rules/three-guarantee: the server's assessment (reasons carry rule codes and params). */
export function useThreeGuaranteeAssessment() {
  return useMutation({
    mutationFn: (request: ThreeGuaranteeRequest) =>
      api.post<ThreeGuaranteeResult>('/rules/three-guarantee', request),
  });
}
