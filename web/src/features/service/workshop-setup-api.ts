import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { User } from '@common/identity/user.schemas';
import type {
  campaignSchema,
  createCampaignSchema,
  workshopSettingsInput,
} from '@common/service/workshop.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';

export type Campaign = z.infer<typeof campaignSchema>;
export type SaveSettings = z.input<typeof workshopSettingsInput>;
export type CreateCampaign = z.input<typeof createCampaignSchema>;

/** Writes of the workshop setup screen; every one refreshes the service queries. */
export function useSetupWrite<T>(method: 'post' | 'put', path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => (method === 'put' ? api.put(path, body) : api.create(path, body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['service'] }),
  });
}

export function useCampaigns() {
  return useQuery({
    queryKey: ['service', 'campaigns'],
    queryFn: () => api.get<Page<Campaign>>('/service-campaigns', { limit: 200 }),
    select: (page) => page.items,
  });
}

/** The store's technicians (role), to register them with their skills. */
export function useStoreTechnicians(storeId: string | null) {
  return useQuery({
    queryKey: ['service', 'technician-users', storeId],
    queryFn: () =>
      api.get<Page<User>>('/users', {
        storeId: storeId ?? undefined,
        role: 'technician',
        status: 'active',
        limit: 200,
      }),
    select: (page) => page.items,
    enabled: !!storeId,
  });
}
