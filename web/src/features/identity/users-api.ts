import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUser, PatchUser, User } from '@common/identity/user.schemas';
import { api, isApiError } from '../../api/api-client';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type UserSort = 'username' | '-username' | 'createdAt' | '-createdAt';

export interface UserFilters {
  q?: string;
  storeId?: string;
  role?: string;
  status?: string;
  sort?: UserSort;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  storeId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const usersKey = ['users'] as const;

export function useUserList(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<User>>('/users', { ...filters, limit: 50, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...usersKey, 'one', id],
    queryFn: () => api.get<User>(`/users/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUser) => api.create<User>('/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function usePatchUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: PatchUser) => api.patch<User>(`/users/${encodeURIComponent(id)}`, patch),
    onSuccess: (user) => {
      queryClient.setQueryData([...usersKey, 'one', id], user);
      return queryClient.invalidateQueries({ queryKey: [...usersKey, 'list'] });
    },
    onError: (error) => {
      // Someone else changed the user: the list shows the old values too.
      if (isApiError(error, 409)) void queryClient.invalidateQueries({ queryKey: [...usersKey, 'list'] });
    },
  });
}

export function useAuditTrail(entity: string, id: string | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['audit', entity, id],
    queryFn: ({ pageParam }) =>
      api.get<Page<AuditEntry>>('/audit', {
        entity,
        id: id ?? '',
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: enabled && id !== null,
  });
}
