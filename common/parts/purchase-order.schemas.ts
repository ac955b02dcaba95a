import { z } from 'zod';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { fen, localDate, quantity } from './part.schemas';
import { purchaseOrderStatuses, purchaseOrderTransitions, qualityResolutions } from './purchase-order.status';

const text = (max: number) => z.string().trim().min(1).max(max);

export const purchaseOrderLineSchema = z
  .object({
    id: idSchema,
    lineNo: z.number().int(),
    partId: idSchema,
    partNo: z.string(),
    name: z.string(),
    qty: z.number().int(),
    unitPrice: z.number().int(),
    amount: z.number().int(),
    receivedQty: z.number().int(),
    acceptedQty: z.number().int(),
    rejectedQty: z.number().int(),
    /** Still to come (back order): ordered − received (rejected units are owed again). */
    openQty: z.number().int(),
  })
  .meta({ id: 'PurchaseOrderLine' });

export const purchaseOrderSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    storeId: idSchema,
    supplierId: idSchema,
    supplierName: z.string(),
    status: z.enum(purchaseOrderStatuses),
    total: z.number().int(),
    expectedOn: z.string().nullable(),
    note: z.string().nullable(),
    approvedBy: idSchema.nullable(),
    approvedAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    lines: z.array(purchaseOrderLineSchema),
    actions: z.array(
      z.enum(Object.keys(purchaseOrderTransitions) as [keyof typeof purchaseOrderTransitions]),
    ),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PurchaseOrder' });
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

export const purchaseOrderSummarySchema = purchaseOrderSchema
  .pick({
    id: true,
    number: true,
    storeId: true,
    supplierId: true,
    supplierName: true,
    status: true,
    total: true,
    expectedOn: true,
    version: true,
    createdAt: true,
  })
  .meta({ id: 'PurchaseOrderSummary' });
export const purchaseOrderPageSchema = pageOf(purchaseOrderSummarySchema, 'PurchaseOrderPage');

export const purchaseOrderListQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  supplierId: idSchema.optional(),
  status: z.enum(purchaseOrderStatuses).optional(),
});

export const createPurchaseOrderSchema = z
  .strictObject({
    storeId: idSchema,
    supplierId: idSchema,
    expectedOn: localDate.optional(),
    note: z.string().trim().max(500).optional(),
    lines: z
      .array(z.strictObject({ partId: idSchema, qty: quantity, unitPrice: fen }))
      .min(1)
      .max(200),
  })
  .meta({ id: 'CreatePurchaseOrder' });
export type CreatePurchaseOrder = z.infer<typeof createPurchaseOrderSchema>;

export const purchaseOrderStepSchema = z
  .strictObject({ version: versionSchema, expectedOn: localDate.optional() })
  .meta({ id: 'PurchaseOrderStep' });

export const goodsReceiptLineSchema = z
  .object({
    id: idSchema,
    poLineId: idSchema,
    partId: idSchema,
    partNo: z.string(),
    name: z.string(),
    qty: z.number().int(),
    unitPrice: z.number().int(),
    acceptedQty: z.number().int().nullable(),
    rejectedQty: z.number().int().nullable(),
    rejectReason: z.string().nullable(),
    photos: z.array(z.string()),
  })
  .meta({ id: 'GoodsReceiptLine' });

export const goodsReceiptSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    storeId: idSchema,
    purchaseOrderId: idSchema,
    purchaseOrderNumber: z.string(),
    supplierId: idSchema,
    status: z.enum(['pending_inspection', 'posted']),
    receivedOn: z.string(),
    onTime: z.boolean().nullable(),
    deliveryNote: z.string().nullable(),
    inspectedAt: z.string().nullable(),
    lines: z.array(goodsReceiptLineSchema),
    qualityIssueIds: z.array(idSchema),
    version: versionSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'GoodsReceipt' });
export type GoodsReceipt = z.infer<typeof goodsReceiptSchema>;

export const goodsReceiptSummarySchema = goodsReceiptSchema
  .pick({
    id: true,
    number: true,
    storeId: true,
    purchaseOrderId: true,
    supplierId: true,
    status: true,
    receivedOn: true,
    version: true,
    createdAt: true,
  })
  .meta({ id: 'GoodsReceiptSummary' });
export const goodsReceiptPageSchema = pageOf(goodsReceiptSummarySchema, 'GoodsReceiptPage');

export const goodsReceiptListQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  purchaseOrderId: idSchema.optional(),
  status: z.enum(['pending_inspection', 'posted']).optional(),
});

/** Goods arrive against a purchase order (partial receipts allowed); they wait for incoming inspection. */
export const createGoodsReceiptSchema = z
  .strictObject({
    purchaseOrderId: idSchema,
    receivedOn: localDate.optional(),
    deliveryNote: z.string().trim().max(60).optional(),
    lines: z
      .array(z.strictObject({ poLineId: idSchema, qty: quantity, unitPrice: fen.optional() }))
      .min(1)
      .max(200),
  })
  .meta({ id: 'CreateGoodsReceipt' });
export type CreateGoodsReceipt = z.infer<typeof createGoodsReceiptSchema>;

/** Incoming inspection (入库检验, H7.3.3): accepted + rejected = received per line; rejects need a reason. */
export const inspectReceiptSchema = z
  .strictObject({
    version: versionSchema,
    lines: z
      .array(
        z.strictObject({
          lineId: idSchema,
          acceptedQty: z.number().int().min(0).max(1_000_000),
          rejectedQty: z.number().int().min(0).max(1_000_000),
          rejectReason: z.string().trim().min(1).max(300).optional(),
          photos: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
        }),
      )
      .min(1)
      .max(200),
  })
  .meta({ id: 'InspectGoodsReceipt' });
export type InspectReceipt = z.infer<typeof inspectReceiptSchema>;

export const qualityIssueSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    storeId: idSchema,
    supplierId: idSchema,
    supplierName: z.string(),
    goodsReceiptId: idSchema,
    partId: idSchema,
    partNo: z.string(),
    qty: z.number().int(),
    reason: z.string(),
    photos: z.array(z.string()),
    status: z.enum(['open', 'resolved']),
    resolution: z.enum(qualityResolutions).nullable(),
    claimAmount: z.number().int().nullable(),
    resolutionNote: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    actions: z.array(
      z.object({
        id: idSchema,
        description: z.string(),
        ownerId: idSchema,
        dueOn: z.string(),
        createdAt: z.string(),
      }),
    ),
    version: versionSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'SupplierQualityIssue' });
export type QualityIssue = z.infer<typeof qualityIssueSchema>;
export const qualityIssuePageSchema = pageOf(
  qualityIssueSchema.omit({ actions: true, photos: true }),
  'SupplierQualityIssuePage',
);

export const qualityIssueListQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  supplierId: idSchema.optional(),
  status: z.enum(['open', 'resolved']).optional(),
});

export const resolveQualityIssueSchema = z
  .strictObject({
    version: versionSchema,
    resolution: z.enum(qualityResolutions),
    claimAmount: fen.optional(),
    note: text(500),
  })
  .meta({ id: 'ResolveSupplierQualityIssue' });

/** An improvement action agreed with the supplier (joint improvement, H7.3.3): owner and due date. */
export const qualityActionSchema = z
  .strictObject({ description: text(500), ownerId: idSchema, dueOn: localDate })
  .meta({ id: 'CreateSupplierQualityAction' });
