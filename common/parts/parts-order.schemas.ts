import { z } from 'zod';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { partOrigins } from './part.enums';
import { fen, quantity } from './part.schemas';
import {
  exceptionResolutions,
  exceptionTypes,
  lineConditions,
  partsOrderChannels,
  partsOrderStatuses,
  partsOrderTransitions,
} from './parts-order.status';

const text = (max: number) => z.string().trim().min(1).max(max);

export const partsOrderLineSchema = z
  .object({
    id: idSchema,
    lineNo: z.number().int(),
    partId: idSchema,
    partNo: z.string(),
    name: z.string(),
    nameEn: z.string(),
    /** 汽车销售管理办法 Art. 17: original / equivalent / remanufactured / reused, shown where sold. */
    origin: z.enum(partOrigins),
    bin: z.string().nullable(),
    qty: z.number().int(),
    unitPrice: z.number().int(),
    amount: z.number().int(),
    pickedQty: z.number().int(),
    receivedQty: z.number().int().nullable(),
    condition: z.enum(lineConditions).nullable(),
  })
  .meta({ id: 'PartsOrderLine' });

export const partsOrderExceptionSchema = z
  .object({
    id: idSchema,
    lineId: idSchema.nullable(),
    type: z.enum(exceptionTypes),
    qty: z.number().int(),
    note: z.string().nullable(),
    status: z.enum(['open', 'resolved']),
    resolution: z.enum(exceptionResolutions).nullable(),
    followUp: z.string().nullable(),
    raisedAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .meta({ id: 'PartsOrderException' });

export const partsOrderSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    storeId: idSchema,
    channel: z.enum(partsOrderChannels),
    status: z.enum(partsOrderStatuses),
    customerId: idSchema.nullable(),
    customerName: z.string().nullable(),
    toStoreId: idSchema.nullable(),
    shipTo: z.string().nullable(),
    total: z.number().int(),
    carrier: z.string().nullable(),
    trackingNo: z.string().nullable(),
    signedBy: z.string().nullable(),
    signedAt: z.string().nullable(),
    note: z.string().nullable(),
    lines: z.array(partsOrderLineSchema),
    packages: z.array(
      z.object({ packageNo: z.number().int(), weightG: z.number().int(), lineIds: z.array(idSchema) }),
    ),
    exceptions: z.array(partsOrderExceptionSchema),
    /** Invoice data (counter sale): VAT 13 % included in the prices. */
    invoice: z
      .object({
        buyerName: z.string(),
        total: z.number().int(),
        taxRatePercent: z.number().int(),
        tax: z.number().int(),
        net: z.number().int(),
      })
      .nullable(),
    actions: z.array(z.enum(Object.keys(partsOrderTransitions) as [keyof typeof partsOrderTransitions])),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PartsOrder' });
export type PartsOrder = z.infer<typeof partsOrderSchema>;

export const partsOrderSummarySchema = partsOrderSchema
  .pick({
    id: true,
    number: true,
    storeId: true,
    channel: true,
    status: true,
    customerName: true,
    total: true,
    trackingNo: true,
    version: true,
    createdAt: true,
  })
  .meta({ id: 'PartsOrderSummary' });
export const partsOrderPageSchema = pageOf(partsOrderSummarySchema, 'PartsOrderPage');

export const partsOrderListQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  status: z.enum(partsOrderStatuses).optional(),
  channel: z.enum(partsOrderChannels).optional(),
});

const orderLines = z
  .array(z.strictObject({ partId: idSchema, qty: quantity, unitPrice: fen.optional() }))
  .min(1)
  .max(100);

export const createPartsOrderSchema = z
  .strictObject({
    storeId: idSchema,
    channel: z.enum(['customer', 'workshop', 'store']),
    customerId: idSchema.optional(),
    customerName: text(100).optional(),
    toStoreId: idSchema.optional(),
    shipTo: text(300).optional(),
    note: z.string().trim().max(500).optional(),
    lines: orderLines,
  })
  .meta({ id: 'CreatePartsOrder' });
export type CreatePartsOrder = z.infer<typeof createPartsOrderSchema>;

/** An over-the-counter sale (柜台销售): reserve, issue and invoice data in one step. */
export const counterSaleSchema = z
  .strictObject({
    storeId: idSchema,
    customerId: idSchema.optional(),
    customerName: text(100).optional(),
    lines: orderLines,
  })
  .meta({ id: 'CounterSale' });
export type CounterSale = z.infer<typeof counterSaleSchema>;

export const orderVersionSchema = z
  .strictObject({ version: versionSchema })
  .meta({ id: 'PartsOrderVersion' });

export const packOrderSchema = z
  .strictObject({
    version: versionSchema,
    packages: z
      .array(
        z.strictObject({
          weightG: z.number().int().min(1).max(1_000_000),
          lineIds: z.array(idSchema).min(1).max(100),
        }),
      )
      .min(1)
      .max(50),
  })
  .meta({ id: 'PackPartsOrder' });

export const shipOrderSchema = z
  .strictObject({ version: versionSchema, carrier: text(60), trackingNo: text(60) })
  .meta({ id: 'ShipPartsOrder' });

export const signOffSchema = z
  .strictObject({
    version: versionSchema,
    signedBy: text(60),
    lines: z
      .array(
        z.strictObject({
          lineId: idSchema,
          receivedQty: z.number().int().min(0).max(1_000_000),
          condition: z.enum(lineConditions),
          note: z.string().trim().max(300).optional(),
        }),
      )
      .min(1)
      .max(100),
  })
  .meta({ id: 'SignOffPartsOrder' });

export const raiseExceptionSchema = z
  .strictObject({
    type: z.enum(exceptionTypes),
    lineId: idSchema.optional(),
    qty: quantity,
    note: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'RaisePartsOrderException' });

export const resolveExceptionSchema = z
  .strictObject({ resolution: z.enum(exceptionResolutions), followUp: text(500) })
  .meta({ id: 'ResolvePartsOrderException' });

export const partsOrderHistorySchema = pageOf(
  z.object({
    at: z.string(),
    actorId: idSchema.nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    details: z.record(z.string(), z.unknown()).nullable(),
  }),
  'PartsOrderHistoryPage',
);
