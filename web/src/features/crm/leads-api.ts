import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Alert,
  createLeadSchema,
  Lead,
  leadFunnelSchema,
  leadSettingsSchema,
} from '@common/crm/lead.schemas';
import type { LeadAction, LostReason } from '@common/crm/lead.status';
import type { Customer } from '@common/crm/customer.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';

export type CreateLead = z.input<typeof createLeadSchema>;
export type LeadFunnel = z.infer<typeof leadFunnelSchema>;
export type LeadSettings = z.infer<typeof leadSettingsSchema>;

export interface LeadFilters {
  status?: string[];
  source?: string;
  overdue?: boolean;
  unassigned?: boolean;
  ownerId?: string;
}

/** The URL verb of each status move (the API names moves by business verb). */
export const leadVerbs: Record<Exclude<LeadAction, 'lose'>, string> = {
  contact: 'contact',
  book_appointment: 'book-appointment',
  visit: 'visit',
  negotiate: 'negotiate',
  win: 'win',
  reopen: 'reopen',
};

const leadsKey = ['leads'] as const;
const alertsKey = ['alerts'] as const;

export function useLeadList(filters: LeadFilters, storeId: string | null) {
  return useInfiniteQuery({
    queryKey: [...leadsKey, 'list', filters, storeId],
    queryFn: ({ pageParam }) =>
      api.get<Page<Lead>>('/leads', {
        status: filters.status?.length ? filters.status.join(',') : undefined,
        source: filters.source,
        overdue: filters.overdue ? 'true' : undefined,
        unassigned: filters.unassigned ? 'true' : undefined,
        ownerId: filters.ownerId,
        storeId: storeId ?? undefined,
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useLeadFunnel(storeId: string | null) {
  return useQuery({
    queryKey: [...leadsKey, 'funnel', storeId],
    queryFn: () => api.get<LeadFunnel>('/leads/funnel', { storeId: storeId ?? undefined }),
  });
}

/** After any lead write: lists, the funnel and the inbox are fresh again. */
function useRefreshLeads() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: leadsKey }),
      queryClient.invalidateQueries({ queryKey: alertsKey }),
    ]);
}

export function useCreateLead() {
  const refresh = useRefreshLeads();
  return useMutation({
    mutationFn: (input: CreateLead) => api.create<Lead>('/leads', input),
    onSuccess: () => refresh(),
  });
}

export function useMoveLead() {
  const refresh = useRefreshLeads();
  return useMutation({
    mutationFn: ({ lead, action }: { lead: Lead; action: Exclude<LeadAction, 'lose'> }) =>
      api.post<Lead>(`/leads/${encodeURIComponent(lead.id)}/${leadVerbs[action]}`, { version: lead.version }),
    onSuccess: () => refresh(),
  });
}

export function useLoseLead() {
  const refresh = useRefreshLeads();
  return useMutation({
    mutationFn: ({ lead, reason, note }: { lead: Lead; reason: LostReason; note?: string }) =>
      api.post<Lead>(`/leads/${encodeURIComponent(lead.id)}/lose`, {
        version: lead.version,
        reason,
        ...(note ? { note } : {}),
      }),
    onSuccess: () => refresh(),
  });
}

export function useAssignLead() {
  const refresh = useRefreshLeads();
  return useMutation({
    mutationFn: ({ lead, ownerId }: { lead: Lead; ownerId: string }) =>
      api.post<Lead>(`/leads/${encodeURIComponent(lead.id)}/assign`, { version: lead.version, ownerId }),
    onSuccess: () => refresh(),
  });
}

export function useLeadSettings(storeId: string | null) {
  return useQuery({
    queryKey: [...leadsKey, 'settings', storeId],
    queryFn: () => api.get<LeadSettings>(`/lead-settings/${encodeURIComponent(storeId ?? '')}`),
    enabled: !!storeId,
  });
}

export function useUpdateLeadSettings(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; slaMinutes?: number; assignment?: LeadSettings['assignment'] }) =>
      api.patch<LeadSettings>(`/lead-settings/${encodeURIComponent(storeId)}`, input),
    onSuccess: (settings) => queryClient.setQueryData([...leadsKey, 'settings', storeId], settings),
  });
}

export function useMyAlerts() {
  return useQuery({
    queryKey: [...alertsKey, 'open'],
    queryFn: () => api.get<Page<Alert>>('/alerts', { open: 'true', limit: 100 }),
    select: (page) => page.items,
    refetchInterval: 60_000,
  });
}

export function useResolveAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (alert: Alert) =>
      api.post<Alert>(`/alerts/${encodeURIComponent(alert.id)}/resolve`, { version: alert.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertsKey }),
  });
}

/** Customers for the lead form's picker, answering as the user types (name, mobile, plate). */
export function useCustomerOptions(q: string, storeId: string | null) {
  return useQuery({
    queryKey: ['customers', 'options', q, storeId],
    queryFn: () =>
      api.get<Page<Customer>>('/customers', {
        q: q || undefined,
        storeId: storeId ?? undefined,
        limit: 20,
      }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
}

/** The store's active consultants (and sales managers) a manager may hand a lead to. */
export function useLeadOwners(storeId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'lead-owners', storeId],
    queryFn: async () => {
      const [consultants, managers] = await Promise.all(
        ['sales_consultant', 'sales_manager'].map((role) =>
          api.get<Page<{ id: string; displayName: string }>>('/users', {
            storeId: storeId ?? undefined,
            role,
            status: 'active',
            limit: 200,
          }),
        ),
      );
      return [...consultants!.items, ...managers!.items];
    },
    enabled: enabled && !!storeId,
  });
}
