import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { movementTypes, manualMovementTypes, partClasses, partOrigins } from './part.enums';

export const fen = z.number().int().min(0).max(100_000_000_00);
export const quantity = z.number().int().min(1).max(1_000_000);
export const localDate = localDateSchema;
const text = (max: number) => z.string().trim().min(1).max(max);

export const fitmentSchema = z
  .object({ modelId: idSchema, trimId: idSchema.nullable() })
  .meta({ id: 'PartFitment' });

export const partStockSchema = z
  .object({
    storeId: idSchema,
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    /** Moving-average unit cost (分), from the ledger's value ÷ on hand; the standard cost while empty. */
    averageCost: z.number().int(),
    stockValue: z.number().int(),
    bin: z.string().nullable(),
    minQty: z.number().int().nullable(),
    maxQty: z.number().int().nullable(),
    leadTimeDays: z.number().int().nullable(),
    version: versionSchema,
  })
  .meta({ id: 'PartStock' });
export type PartStock = z.infer<typeof partStockSchema>;

export const partSchema = z
  .object({
    id: idSchema,
    partNo: z.string(),
    name: z.string(),
    nameEn: z.string(),
    brand: z.string().nullable(),
    category: z.string(),
    class: z.enum(partClasses),
    origin: z.enum(partOrigins),
    unit: z.string(),
    listPrice: z.number().int(),
    standardCost: z.number().int(),
    supersededById: idSchema.nullable(),
    supersededByNo: z.string().nullable(),
    barcodes: z.array(z.string()),
    fitments: z.array(fitmentSchema),
    active: z.boolean(),
    /** Stock in each store in reach (the stores the part has been stocked in). */
    stock: z.array(partStockSchema),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Part' });
export type Part = z.infer<typeof partSchema>;
export const partPageSchema = pageOf(partSchema, 'PartPage');

const barcode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z\-.]{4,40}$/, 'barcode: 4-40 letters, digits, - or .');

export const createPartSchema = z
  .strictObject({
    partNo: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z][0-9A-Za-z\-.]{1,39}$/, 'part number: letters, digits, - or .'),
    name: text(100),
    nameEn: text(100),
    brand: z.string().trim().max(60).nullable().optional(),
    category: text(60),
    class: z.enum(partClasses).default('common'),
    origin: z.enum(partOrigins),
    unit: text(10).default('pc'),
    listPrice: fen,
    standardCost: fen,
    barcodes: z.array(barcode).max(20).default([]),
    fitments: z
      .array(z.strictObject({ modelId: idSchema, trimId: idSchema.nullable().optional() }))
      .max(200)
      .default([]),
  })
  .meta({ id: 'CreatePart' });
export type CreatePart = z.infer<typeof createPartSchema>;

export const patchPartSchema = z
  .strictObject({
    version: versionSchema,
    name: text(100).optional(),
    nameEn: text(100).optional(),
    brand: z.string().trim().max(60).nullable().optional(),
    category: text(60).optional(),
    class: z.enum(partClasses).optional(),
    origin: z.enum(partOrigins).optional(),
    unit: text(10).optional(),
    listPrice: fen.optional(),
    standardCost: fen.optional(),
    /** Supersession: the new part number that replaces this one (null clears it). */
    supersededById: idSchema.nullable().optional(),
    barcodes: z.array(barcode).max(20).optional(),
    fitments: z
      .array(z.strictObject({ modelId: idSchema, trimId: idSchema.nullable().optional() }))
      .max(200)
      .optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'PatchPart' });
export type PatchPart = z.infer<typeof patchPartSchema>;

export const stockSettingsSchema = z
  .strictObject({
    storeId: idSchema,
    bin: z.string().trim().max(40).nullable().optional(),
    minQty: z.number().int().min(0).max(1_000_000).nullable().optional(),
    maxQty: z.number().int().min(0).max(1_000_000).nullable().optional(),
    leadTimeDays: z.number().int().min(0).max(365).nullable().optional(),
  })
  .meta({ id: 'StockSettings' });
export type StockSettings = z.infer<typeof stockSettingsSchema>;

export const partListQuery = paginationQuery.extend({
  /** Part number prefix or a fragment of the name (zh or en). */
  q: z.string().trim().max(100).optional(),
  barcode: z.string().trim().max(40).optional(),
  modelId: idSchema.optional(),
  trimId: idSchema.optional(),
  class: z.enum(partClasses).optional(),
  storeId: idSchema.optional(),
  sort: z.enum(['partNo', '-partNo']).optional(),
});

export const stockMovementSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    partId: idSchema,
    partNo: z.string(),
    type: z.enum(movementTypes),
    qty: z.number().int(),
    unitCost: z.number().int(),
    totalCost: z.number().int(),
    onHandAfter: z.number().int(),
    valueAfter: z.number().int(),
    reason: z.string().nullable(),
    refType: z.string().nullable(),
    refId: z.string().nullable(),
    actorId: idSchema.nullable(),
    at: z.string(),
  })
  .meta({ id: 'StockMovement' });
export type StockMovement = z.infer<typeof stockMovementSchema>;
export const stockMovementPageSchema = pageOf(stockMovementSchema, 'StockMovementPage');

export const stockMovementQuery = paginationQuery.extend({
  partId: idSchema.optional(),
  storeId: idSchema.optional(),
  type: z.enum(movementTypes).optional(),
});

/**
 * A movement posted by hand: a receipt without an order (with its unit cost), a stock adjustment (signed),
 * scrap, a return to the supplier, or a transfer to another store of the group (out here, in there).
 */
export const createMovementSchema = z
  .strictObject({
    storeId: idSchema,
    partId: idSchema,
    type: z.enum(manualMovementTypes),
    qty: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((n) => n !== 0, 'not zero'),
    unitCost: fen.optional(),
    toStoreId: idSchema.optional(),
    reason: text(200),
  })
  .meta({ id: 'CreateStockMovement' });
export type CreateMovement = z.infer<typeof createMovementSchema>;

export const movementResultSchema = z
  .object({ movements: z.array(stockMovementSchema) })
  .meta({ id: 'StockMovementResult' });
