import { z } from 'zod';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { localDate } from './part.schemas';
import { certificateKinds, supplierStatuses } from './purchase-order.status';

const text = (max: number) => z.string().trim().min(1).max(max);
const score = z.number().int().min(0).max(100);

const certificate = z.object({
  kind: z.enum(certificateKinds),
  number: z.string(),
  validUntil: z.string(),
  expired: z.boolean(),
});

export const supplierSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    code: z.string(),
    name: z.string(),
    uscc: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    status: z.enum(supplierStatuses),
    /** Approved and every certificate valid: may receive purchase orders. */
    orderable: z.boolean(),
    leadTimeDays: z.number().int(),
    manualQuality: z.number().int().nullable(),
    manualService: z.number().int().nullable(),
    contractNo: z.string().nullable(),
    contractUntil: z.string().nullable(),
    note: z.string().nullable(),
    certificates: z.array(certificate),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Supplier' });
export type Supplier = z.infer<typeof supplierSchema>;
export const supplierPageSchema = pageOf(supplierSchema, 'SupplierPage');

const certificatesInput = z
  .array(z.strictObject({ kind: z.enum(certificateKinds), number: text(60), validUntil: localDate }))
  .max(20);

export const createSupplierSchema = z
  .strictObject({
    storeId: idSchema,
    code: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{2,20}$/, 'code: 2-20 letters, digits or -'),
    name: text(100),
    uscc: z.string().trim().length(18).optional(),
    contactName: z.string().trim().max(60).optional(),
    contactPhone: z.string().trim().max(30).optional(),
    status: z.enum(supplierStatuses).default('probation'),
    leadTimeDays: z.number().int().min(0).max(365).default(7),
    manualQuality: score.optional(),
    manualService: score.optional(),
    contractNo: z.string().trim().max(60).optional(),
    contractUntil: localDate.optional(),
    note: z.string().trim().max(500).optional(),
    certificates: certificatesInput.default([]),
  })
  .meta({ id: 'CreateSupplier' });
export type CreateSupplier = z.infer<typeof createSupplierSchema>;

export const patchSupplierSchema = z
  .strictObject({
    version: versionSchema,
    name: text(100).optional(),
    contactName: z.string().trim().max(60).nullable().optional(),
    contactPhone: z.string().trim().max(30).nullable().optional(),
    status: z.enum(supplierStatuses).optional(),
    leadTimeDays: z.number().int().min(0).max(365).optional(),
    manualQuality: score.nullable().optional(),
    manualService: score.nullable().optional(),
    contractNo: z.string().trim().max(60).nullable().optional(),
    contractUntil: localDate.nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
    certificates: certificatesInput.optional(),
  })
  .meta({ id: 'PatchSupplier' });
export type PatchSupplier = z.infer<typeof patchSupplierSchema>;

export const supplierListQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  status: z.enum(supplierStatuses).optional(),
});

/** The evaluation scorecard (H7.3.1) from the receipts and quality issues, plus the buyer's scores. */
export const scorecardSchema = z
  .object({
    supplierId: idSchema,
    receipts: z.number().int(),
    timedReceipts: z.number().int(),
    receivedQty: z.number().int(),
    rejectedQty: z.number().int(),
    /** Incoming rejection rate in basis points (1 bp = 0.01 %). */
    rejectionRateBp: z.number().int(),
    onTimeReceipts: z.number().int(),
    onTimeRateBp: z.number().int().nullable(),
    orderedValue: z.number().int(),
    invoicedValue: z.number().int(),
    /** (delivered price − ordered price) ÷ ordered price, basis points; positive = dearer than ordered. */
    priceVarianceBp: z.number().int(),
    openQualityIssues: z.number().int(),
    qualityIssues: z.number().int(),
    manualQuality: z.number().int().nullable(),
    manualService: z.number().int().nullable(),
    /** 0-100: quality 40 %, delivery 30 %, price 20 %, manual scores 10 %. */
    score: z.number().int(),
  })
  .meta({ id: 'SupplierScorecard' });
export type Scorecard = z.infer<typeof scorecardSchema>;
