import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { Action, Scope } from '@common/identity/roles';
import type { Language, Me, User } from '@common/identity/user.schemas';
import { api, isApiError } from '../../api/api-client';
import { applyLanguage } from '../../i18n/i18n';

export const meKey = ['auth', 'me'] as const;

interface LoginResponse {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: User;
}

/** The signed-in user with their stores and permissions; null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>('/auth/me');
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: (count, error) => !isApiError(error) && count < 2,
  });
}

/** The scope the signed-in user has for an action, as the server computed it. */
export function permissionScope(me: Me | null | undefined, action: Action): Scope | null {
  const scope = me?.permissions[action];
  return scope === 'own' || scope === 'store' || scope === 'group' ? scope : null;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      api.post<LoginResponse>('/auth/login', credentials),
    onSuccess: async ({ user }) => {
      await applyLanguage(user.language);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

/** Ends the session; the next person at this browser starts from the sign-in page at `/`. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<void>('/auth/logout');
      } catch (error) {
        if (!isApiError(error, 401)) throw error;
      }
    },
    onSuccess: () => {
      void navigate('/', { replace: true });
      queryClient.setQueryData(meKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
    },
  });
}

/** Switches the UI language at once, then remembers it on the user's profile. */
export function useSetLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (language: Language) => {
      await applyLanguage(language);
      const signedIn = queryClient.getQueryData<Me | null>(meKey);
      if (!signedIn) return null;
      return api.put<Me>('/auth/me/preferences', { language });
    },
    onSuccess: (me) => {
      if (me) queryClient.setQueryData(meKey, me);
    },
  });
}
