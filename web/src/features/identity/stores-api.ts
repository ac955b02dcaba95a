import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateStore, PatchStore, Store } from '@common/identity/store.schemas';
import { api } from '../../api/api-client';
import { meKey } from './auth-api';
import type { Page } from './users-api';

const storesKey = ['stores'] as const;

export function useStoreList(enabled = true) {
  return useQuery({
    queryKey: storesKey,
    enabled,
    queryFn: async () => {
      const all: Store[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Store> = await api.get<Page<Store>>('/stores', { limit: 200, cursor });
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
  });
}

export function useCreateStore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<CreateStore> & Pick<CreateStore, 'code' | 'name'>) =>
      api.create<Store>('/stores', input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: storesKey }),
        queryClient.invalidateQueries({ queryKey: meKey }),
      ]),
  });
}

export function usePatchStore(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: PatchStore) => api.patch<Store>(`/stores/${encodeURIComponent(id)}`, patch),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: storesKey }),
        queryClient.invalidateQueries({ queryKey: meKey }),
      ]),
  });
}
