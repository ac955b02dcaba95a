import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Page } from './users-api';

export interface ApiToken {
  id: string;
  name: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const tokensKey = ['api-tokens'] as const;

export function useMyApiTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: async () => {
      const answer = await api.get<Page<ApiToken> | ApiToken[]>('/api-tokens');
      return Array.isArray(answer) ? answer : answer.items;
    },
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) =>
      api.create<{ token: string; apiToken: ApiToken }>('/api-tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/api-tokens/${encodeURIComponent(id)}/revoke`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
