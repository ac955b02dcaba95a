import { z } from 'zod';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { fen, localDate, quantity } from './part.schemas';

/** A purchase plan (采购计划, H7.3.2): the stock plan's proposals per part, turned into a purchase order. */
export const partsPurchasePlanSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    storeId: idSchema,
    status: z.enum(['draft', 'converted', 'cancelled']),
    note: z.string().nullable(),
    purchaseOrderId: idSchema.nullable(),
    total: z.number().int(),
    lines: z.array(
      z.object({
        id: idSchema,
        lineNo: z.number().int(),
        partId: idSchema,
        partNo: z.string(),
        name: z.string(),
        qty: z.number().int(),
        unitPrice: z.number().int(),
        reason: z.string().nullable(),
      }),
    ),
    version: versionSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'PartsPurchasePlan' });
export type PartsPurchasePlan = z.infer<typeof partsPurchasePlanSchema>;
export const partsPurchasePlanPageSchema = pageOf(
  partsPurchasePlanSchema.omit({ lines: true }),
  'PartsPurchasePlanPage',
);

export const partsPurchasePlanListQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  status: z.enum(['draft', 'converted', 'cancelled']).optional(),
});

/** Without lines, the plan takes every part the store's stock plan proposes to buy now. */
export const createPartsPurchasePlanSchema = z
  .strictObject({
    storeId: idSchema,
    note: z.string().trim().max(500).optional(),
    serviceLevel: z.number().min(50).max(99.9).default(95),
    lines: z
      .array(z.strictObject({ partId: idSchema, qty: quantity, unitPrice: fen.optional() }))
      .min(1)
      .max(500)
      .optional(),
  })
  .meta({ id: 'CreatePartsPurchasePlan' });
export type CreatePartsPurchasePlan = z.infer<typeof createPartsPurchasePlanSchema>;

export const convertPartsPurchasePlanSchema = z
  .strictObject({ version: versionSchema, supplierId: idSchema, expectedOn: localDate.optional() })
  .meta({ id: 'ConvertPartsPurchasePlan' });
