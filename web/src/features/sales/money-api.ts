import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Invoice, Payment, recordPaymentSchema, Refund } from '@common/sales/money.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';
import { salesKey, useSalesCreate, useSalesVerb } from './sales-query';

export type RecordPaymentInput = z.input<typeof recordPaymentSchema>;

export function usePayments(query: { dealId?: string; status?: string; storeId?: string | null }) {
  return useQuery({
    queryKey: [...salesKey, 'payments', query],
    queryFn: () =>
      api.get<Page<Payment>>('/payments', {
        dealId: query.dealId,
        status: query.status,
        storeId: query.storeId ?? undefined,
        limit: 100,
      }),
    select: (page) => page.items,
  });
}

export function useRecordPayment() {
  return useSalesCreate<RecordPaymentInput, Payment>('/payments');
}

export function useConfirmPayment() {
  return useSalesVerb<{ version: number }, Payment>('/payments', 'confirm');
}

export function useRejectPayment() {
  return useSalesVerb<{ version: number; reason: string }, Payment>('/payments', 'reject');
}

export const receiptUrl = (paymentId: string) => `/api/v1/payments/${encodeURIComponent(paymentId)}/receipt`;

export function useRefunds(query: { dealId?: string; status?: string; storeId?: string | null }) {
  return useQuery({
    queryKey: [...salesKey, 'refunds', query],
    queryFn: () =>
      api.get<Page<Refund>>('/refunds', {
        dealId: query.dealId,
        status: query.status,
        storeId: query.storeId ?? undefined,
        limit: 100,
      }),
    select: (page) => page.items,
  });
}

export function useCreateRefund() {
  return useSalesCreate<{ dealId: string; amount: number; reason: string }, Refund>('/refunds');
}

export function usePayRefund() {
  return useSalesVerb<{ version: number; method: string; reference?: string }, Refund>('/refunds', 'pay');
}

export function useDealInvoices(dealId: string | undefined) {
  return useQuery({
    queryKey: [...salesKey, 'invoices', dealId],
    queryFn: () => api.get<Page<Invoice>>('/invoices', { dealId, limit: 20 }),
    enabled: !!dealId,
    select: (page) => page.items,
  });
}

export function useCreateInvoice() {
  return useSalesCreate<{ dealId: string }, Invoice>('/invoices');
}

export function useIssueInvoice() {
  return useSalesVerb<
    { version: number; invoiceNo: string; invoiceCode?: string; issueDate: string },
    Invoice
  >('/invoices', 'issue');
}

export function useVoidInvoice() {
  return useSalesVerb<{ version: number; mode: 'void' | 'red_letter'; reason: string }, Invoice>(
    '/invoices',
    'void',
  );
}

export const invoicePdfUrl = (id: string) => `/api/v1/invoices/${encodeURIComponent(id)}/pdf`;
