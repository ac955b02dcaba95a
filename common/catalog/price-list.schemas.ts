import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { priceItemKinds, priceListStatuses } from './catalog.enums';

const localDate = localDateSchema;
const fen = z.number().int().min(0).max(1_000_000_000_00);

/**
 * A line of a price list: a trim (指导价 + 标价), a factory option or accessory (标价, guide price for
 * factory options), or a service fee of the published fee schedule (`itemRef` = fee code, with its name).
 */
const priceListItemFields = z.strictObject({
  itemKind: z.enum(priceItemKinds),
  itemRef: z.string().trim().min(1).max(64),
  name: z.string().trim().max(100).nullable().optional(),
  guidePrice: fen.nullable().optional(),
  displayPrice: fen,
});
export const priceListItemInput = priceListItemFields.meta({ id: 'PriceListLine' });
export const priceListItemSchema = z
  .object({
    ...priceListItemFields.shape,
    id: idSchema,
    name: z.string().nullable(),
    guidePrice: z.number().int().nullable(),
    displayPrice: z.number().int(),
    /** What the line prices: the model and trim name, the option's name, or the fee's name. */
    itemLabel: z.string().nullable(),
  })
  .meta({ id: 'PriceListItem' });

export const priceListSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    name: z.string(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    status: z.enum(priceListStatuses),
    items: z.array(priceListItemSchema),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PriceList' });
export const priceListSummarySchema = priceListSchema
  .omit({ items: true })
  .extend({ itemCount: z.number().int() })
  .meta({ id: 'PriceListSummary' });

export const createPriceListSchema = z
  .strictObject({
    storeId: idSchema,
    name: z.string().trim().min(1).max(100),
    effectiveFrom: localDate,
    effectiveTo: localDate.nullable().optional(),
    items: z.array(priceListItemInput).max(5000).default([]),
  })
  .meta({ id: 'CreatePriceList' });
/** Only a draft is edited; a published list is withdrawn and replaced by a new one (prices on display are history). */
export const patchPriceListSchema = z
  .strictObject({
    version: versionSchema,
    name: z.string().trim().min(1).max(100).optional(),
    effectiveFrom: localDate.optional(),
    effectiveTo: localDate.nullable().optional(),
    items: z.array(priceListItemInput).max(5000).optional(),
  })
  .meta({ id: 'PatchPriceList' });
export const priceListPageSchema = pageOf(priceListSummarySchema, 'PriceListPage');
export const priceListListQuery = paginationQuery.extend({
  sort: z.string().max(40).optional(),
  storeId: idSchema.optional(),
  status: z.enum(priceListStatuses).optional(),
});

/** 汽车销售管理办法 (2017) Art. 10: nothing above the displayed price, no fee that is not on display. */
export const quoteLineCheckSchema = z
  .strictObject({
    storeId: idSchema,
    date: localDate,
    itemKind: z.enum(priceItemKinds),
    itemRef: z.string().trim().min(1).max(64),
    price: z.number().int().min(0),
  })
  .meta({ id: 'QuoteLineCheck' });
export const quoteLineCheckResultSchema = z
  .object({
    allowed: z.boolean(),
    code: z.enum(['ok', 'above_display_price', 'not_on_display']),
    displayPrice: z.number().int().nullable(),
    guidePrice: z.number().int().nullable(),
    priceListId: idSchema.nullable(),
    article: z.string(),
    message: z.string(),
  })
  .meta({ id: 'QuoteLineCheckResult' });

export type PriceListItemInput = z.infer<typeof priceListItemInput>;
export type PriceListItem = z.infer<typeof priceListItemSchema>;
export type PriceList = z.infer<typeof priceListSchema>;
export type PriceListSummary = z.infer<typeof priceListSummarySchema>;
export type CreatePriceList = z.infer<typeof createPriceListSchema>;
export type PatchPriceList = z.infer<typeof patchPriceListSchema>;
export type PriceListListQuery = z.infer<typeof priceListListQuery>;
export type QuoteLineCheck = z.infer<typeof quoteLineCheckSchema>;
export type QuoteLineCheckResult = z.infer<typeof quoteLineCheckResultSchema>;
