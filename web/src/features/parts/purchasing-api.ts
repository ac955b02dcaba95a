import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  GoodsReceipt,
  PurchaseOrder,
  QualityIssue,
  createPurchaseOrderSchema,
} from '@common/parts/purchase-order.schemas';
import type {
  Scorecard,
  Supplier,
  createSupplierSchema,
  patchSupplierSchema,
} from '@common/parts/supplier.schemas';
import type { PartsPurchasePlan } from '@common/parts/parts-purchase-plan.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';
import { partsKey } from './parts-api';

export type CreateSupplier = z.input<typeof createSupplierSchema>;
export type PatchSupplier = z.input<typeof patchSupplierSchema>;
export type CreatePurchaseOrder = z.input<typeof createPurchaseOrderSchema>;
export type PurchaseOrderSummary = Pick<
  PurchaseOrder,
  | 'id'
  | 'number'
  | 'storeId'
  | 'supplierId'
  | 'supplierName'
  | 'status'
  | 'total'
  | 'expectedOn'
  | 'version'
  | 'createdAt'
>;
export type GoodsReceiptSummary = Pick<
  GoodsReceipt,
  'id' | 'number' | 'status' | 'receivedOn' | 'purchaseOrderId'
>;
export type QualityIssueSummary = Omit<QualityIssue, 'actions' | 'photos'>;

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: partsKey });
}

export function useSuppliers(storeId: string | null) {
  return useInfiniteQuery({
    queryKey: [...partsKey, 'suppliers', storeId],
    queryFn: ({ pageParam }) =>
      api.get<Page<Supplier>>('/suppliers', {
        storeId: storeId ?? undefined,
        limit: 100,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useSupplier(id: string | undefined) {
  return useQuery({
    queryKey: [...partsKey, 'supplier', id],
    queryFn: () => api.get<Supplier>(`/suppliers/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useScorecard(id: string | undefined) {
  return useQuery({
    queryKey: [...partsKey, 'scorecard', id],
    queryFn: () => api.get<Scorecard>(`/suppliers/${encodeURIComponent(id ?? '')}/scorecard`),
    enabled: !!id,
  });
}

export function useCreateSupplier() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateSupplier) => api.create<Supplier>('/suppliers', body),
    onSuccess: invalidate,
  });
}

export function usePatchSupplier(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PatchSupplier) => api.patch<Supplier>(`/suppliers/${encodeURIComponent(id)}`, body),
    onSuccess: invalidate,
  });
}

export function usePurchaseOrders(storeId: string | null, supplierId?: string) {
  return useInfiniteQuery({
    queryKey: [...partsKey, 'purchase-orders', storeId, supplierId],
    queryFn: ({ pageParam }) =>
      api.get<Page<PurchaseOrderSummary>>('/purchase-orders', {
        storeId: storeId ?? undefined,
        supplierId,
        limit: 50,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePurchaseOrder(id: string | undefined) {
  return useQuery({
    queryKey: [...partsKey, 'purchase-order', id],
    queryFn: () => api.get<PurchaseOrder>(`/purchase-orders/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useCreatePurchaseOrder() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreatePurchaseOrder) => api.create<PurchaseOrder>('/purchase-orders', body),
    onSuccess: invalidate,
  });
}

export function usePurchaseOrderStep(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ action, body }: { action: string; body: unknown }) =>
      api.post<PurchaseOrder>(`/purchase-orders/${encodeURIComponent(id)}/${action}`, body),
    onSuccess: invalidate,
  });
}

export function useReceipts(purchaseOrderId: string | undefined) {
  return useQuery({
    queryKey: [...partsKey, 'receipts', purchaseOrderId],
    queryFn: () => api.get<Page<GoodsReceiptSummary>>('/goods-receipts', { purchaseOrderId, limit: 100 }),
    enabled: !!purchaseOrderId,
  });
}

export function useReceipt(id: string | undefined) {
  return useQuery({
    queryKey: [...partsKey, 'receipt', id],
    queryFn: () => api.get<GoodsReceipt>(`/goods-receipts/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useReceiveGoods() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: {
      purchaseOrderId: string;
      deliveryNote?: string;
      lines: { poLineId: string; qty: number }[];
    }) => api.create<GoodsReceipt>('/goods-receipts', body),
    onSuccess: invalidate,
  });
}

export function useInspectReceipt(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: {
      version: number;
      lines: { lineId: string; acceptedQty: number; rejectedQty: number; rejectReason?: string }[];
    }) => api.post<GoodsReceipt>(`/goods-receipts/${encodeURIComponent(id)}/inspect`, body),
    onSuccess: invalidate,
  });
}

export function useQualityIssues(supplierId: string | undefined) {
  return useQuery({
    queryKey: [...partsKey, 'quality-issues', supplierId],
    queryFn: () => api.get<Page<QualityIssueSummary>>('/supplier-quality-issues', { supplierId, limit: 100 }),
    enabled: !!supplierId,
  });
}

export function useCreatePurchasePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { storeId: string; serviceLevel?: number }) =>
      api.create<PartsPurchasePlan>('/parts-purchase-plans', body),
    onSuccess: invalidate,
  });
}

export function useConvertPurchasePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { version: number; supplierId: string } }) =>
      api.post<PartsPurchasePlan>(`/parts-purchase-plans/${encodeURIComponent(id)}/convert`, body),
    onSuccess: invalidate,
  });
}
