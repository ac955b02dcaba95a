import { z } from 'zod';
import { idSchema } from '../platform/common.schemas';
import { partClasses } from './part.enums';

export const stockAlertKinds = [
  'out_of_stock',
  'below_min',
  'below_reorder_point',
  'excess',
  'slow_moving',
] as const;

export const stockAlertQuery = z.strictObject({
  /** Default: the only store the user works in. */
  storeId: idSchema.optional(),
  /** Days of demand history (default 90). */
  days: z.coerce.number().int().min(7).max(730).default(90),
  /** Cycle service level in per cent (default 95). */
  serviceLevel: z.coerce.number().min(50).max(99.9).default(95),
  abcA: z.coerce.number().int().min(1).max(98).default(80),
  abcB: z.coerce.number().int().min(1).max(98).default(15),
  alert: z.enum(stockAlertKinds).optional(),
});

export const stockAlertItemSchema = z
  .object({
    partId: idSchema,
    partNo: z.string(),
    name: z.string(),
    nameEn: z.string(),
    class: z.enum(partClasses),
    bin: z.string().nullable(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    onOrder: z.number().int(),
    stockValue: z.number().int(),
    meanDaily: z.number(),
    sdDaily: z.number(),
    leadTimeDays: z.number().int(),
    safetyStock: z.number().int(),
    reorderPoint: z.number().int(),
    minQty: z.number().int().nullable(),
    maxQty: z.number().int().nullable(),
    orderUpTo: z.number().int(),
    daysOfSupply: z.number().nullable(),
    consumptionValue: z.number().int(),
    abc: z.enum(['A', 'B', 'C']),
    alerts: z.array(z.enum(stockAlertKinds)),
    proposedQty: z.number().int(),
  })
  .meta({ id: 'StockAlertItem' });
export type StockAlertItem = z.infer<typeof stockAlertItemSchema>;

const abcBucket = z.object({
  parts: z.number().int(),
  consumptionValue: z.number().int(),
  stockValue: z.number().int(),
});

export const stockAlertReportSchema = z
  .object({
    storeId: idSchema,
    days: z.number().int(),
    serviceLevel: z.number(),
    z: z.number(),
    items: z.array(stockAlertItemSchema),
    nextCursor: z.null(),
    abc: z.object({ A: abcBucket, B: abcBucket, C: abcBucket }),
    stockValue: z.number().int(),
    consumptionValue: z.number().int(),
    /** Consumption at cost per year ÷ stock value (周转率); null with no stock. */
    annualTurnover: z.number().nullable(),
    alertCounts: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'StockAlertReport' });
export type StockAlertReport = z.infer<typeof stockAlertReportSchema>;
