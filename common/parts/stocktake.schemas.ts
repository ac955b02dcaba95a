import { z } from 'zod';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';

/**
 * Stocktake (盘点, H7.1.2): a count sheet of a store — full, one bin prefix (location) or one class
 * (cycle count) — counted blind on a phone by barcode, submitted, then approved by a second person,
 * which posts the variances as adjustments.
 */
export const stocktakeStatuses = ['counting', 'submitted', 'posted', 'cancelled'] as const;
export const stocktakeTransitions = {
  submit: { from: ['counting'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'posted' },
  recount: { from: ['submitted'], to: 'counting' },
  cancel: { from: ['counting', 'submitted'], to: 'cancelled' },
} as const;
export type StocktakeAction = keyof typeof stocktakeTransitions;
export const stocktakeScopes = ['full', 'bin', 'class'] as const;

export const stocktakeLineSchema = z
  .object({
    id: idSchema,
    partId: idSchema,
    partNo: z.string(),
    name: z.string(),
    bin: z.string().nullable(),
    /** The book quantity when the sheet was made; hidden while a blind count is open. */
    expectedQty: z.number().int().nullable(),
    countedQty: z.number().int().nullable(),
    variance: z.number().int().nullable(),
    /** Variance at the moving-average cost (分). */
    varianceValue: z.number().int().nullable(),
    countedAt: z.string().nullable(),
  })
  .meta({ id: 'StocktakeLine' });

export const stocktakeSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    storeId: idSchema,
    scope: z.enum(stocktakeScopes),
    scopeValue: z.string().nullable(),
    blind: z.boolean(),
    status: z.enum(stocktakeStatuses),
    lines: z.array(stocktakeLineSchema),
    counted: z.number().int(),
    totalVariance: z.number().int().nullable(),
    totalVarianceValue: z.number().int().nullable(),
    approvedBy: idSchema.nullable(),
    postedAt: z.string().nullable(),
    version: versionSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'Stocktake' });
export type Stocktake = z.infer<typeof stocktakeSchema>;

export const stocktakePageSchema = pageOf(
  stocktakeSchema.omit({ lines: true, counted: true, totalVariance: true, totalVarianceValue: true }),
  'StocktakePage',
);

export const stocktakeListQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  status: z.enum(stocktakeStatuses).optional(),
});

export const createStocktakeSchema = z
  .strictObject({
    storeId: idSchema,
    scope: z.enum(stocktakeScopes).default('full'),
    /** The bin prefix (scope bin) or the part class (scope class). */
    scopeValue: z.string().trim().min(1).max(40).optional(),
    blind: z.boolean().default(true),
  })
  .meta({ id: 'CreateStocktake' });
export type CreateStocktake = z.infer<typeof createStocktakeSchema>;

export const recordCountsSchema = z
  .strictObject({
    counts: z
      .array(
        z
          .strictObject({
            partId: idSchema.optional(),
            barcode: z.string().trim().min(1).max(40).optional(),
            qty: z.number().int().min(0).max(1_000_000),
            /** set: the quantity counted; add: one more scan of `qty` units. */
            mode: z.enum(['set', 'add']).default('set'),
          })
          .refine((c) => Boolean(c.partId) !== Boolean(c.barcode), 'give a partId or a barcode'),
      )
      .min(1)
      .max(500),
  })
  .meta({ id: 'RecordStocktakeCounts' });

export const stocktakeStepSchema = z.strictObject({ version: versionSchema }).meta({ id: 'StocktakeStep' });
