import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';

/** Every sales query lives under this key: one write (a payment confirmed) changes deals, balances and deliveries. */
export const salesKey = ['sales'] as const;

export const pathOf = (base: string, id: string, verb?: string) =>
  `${base}/${encodeURIComponent(id)}${verb ? `/${verb}` : ''}`;

/** After any sales write the deal, its documents and the lists are read again. */
export function useRefreshSales() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: salesKey });
}

/** A POST to a verb of a sales record (`/contracts/:id/sign`), refreshing the sales data after. */
export function useSalesVerb<TBody, TResult = unknown>(base: string, verb: string) {
  const refresh = useRefreshSales();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TBody }) =>
      api.post<TResult>(pathOf(base, id, verb), body),
    onSuccess: () => refresh(),
  });
}

/** A create (POST with an Idempotency-Key) of a sales record. */
export function useSalesCreate<TBody, TResult>(path: string) {
  const refresh = useRefreshSales();
  return useMutation({
    mutationFn: (body: TBody) => api.create<TResult>(path, body),
    onSuccess: () => refresh(),
  });
}
