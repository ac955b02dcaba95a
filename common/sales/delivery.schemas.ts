import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { idSchema, isoInstant, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { signatureSchema, uploadSchema } from './contract.schemas';
import {
  deliveryBlockers,
  deliveryDocuments,
  deliveryStatuses,
  pdiResults,
  registrationStatuses,
} from './delivery.checklist';

const text = (max: number) => z.string().trim().max(max);

export const scheduleDeliverySchema = z
  .strictObject({
    dealId: idSchema,
    scheduledAt: isoInstant,
    place: text(200).min(1),
  })
  .meta({ id: 'ScheduleDelivery' });

export const updateDeliverySchema = z
  .strictObject({
    version: versionSchema,
    scheduledAt: isoInstant.optional(),
    place: text(200).min(1).optional(),
    pdi: z
      .array(
        z.strictObject({ item: text(60).min(1), result: z.enum(pdiResults), note: text(300).optional() }),
      )
      .max(60)
      .optional(),
    documents: z
      .array(z.strictObject({ document: z.enum(deliveryDocuments), present: z.boolean() }))
      .max(10)
      .optional(),
    keysHanded: z.number().int().min(0).max(6).optional(),
    /** 三包凭证: 使用补偿系数 as a fraction (0.005 = 0.5 %, the maximum under Art. 27). */
    compensationRate: z.number().min(0).max(0.005).optional(),
    ceremonyNotes: text(1000).optional(),
    registrationStatus: z.enum(registrationStatuses).optional(),
    plateNo: text(10).optional(),
  })
  .meta({ id: 'UpdateDelivery' });
export type UpdateDelivery = z.infer<typeof updateDeliverySchema>;

export const deliveryPhotoSchema = uploadSchema
  .extend({ item: text(60).min(1) })
  .meta({ id: 'DeliveryPhoto' });
export const signDeliverySchema = z
  .strictObject({ version: versionSchema, signature: signatureSchema })
  .meta({ id: 'SignDelivery' });
export const completeDeliverySchema = z
  .strictObject({ version: versionSchema })
  .meta({ id: 'CompleteDelivery' });

export const deliverySchema = z
  .object({
    id: idSchema,
    number: z.string(),
    dealId: idSchema,
    dealNumber: z.string(),
    storeId: idSchema,
    customerId: idSchema,
    customerName: z.string(),
    consultantId: idSchema,
    vin: z.string().nullable(),
    vehicleName: z.string(),
    status: z.enum(deliveryStatuses),
    scheduledAt: z.string(),
    place: z.string(),
    pdi: z.array(
      z.object({
        item: z.string(),
        result: z.enum(pdiResults),
        note: z.string().nullable(),
        photoIds: z.array(idSchema),
      }),
    ),
    documents: z.array(z.object({ document: z.enum(deliveryDocuments), present: z.boolean() })),
    keysExpected: z.number().int(),
    keysHanded: z.number().int(),
    compensationRate: z.number().nullable(),
    /** 三包 periods from the delivery date (Art. 18): validity and warranty windows. */
    threeGuarantee: z
      .object({
        validityLastDay: z.string(),
        validityKm: z.number().int(),
        warrantyLastDay: z.string(),
        warrantyKm: z.number().int(),
      })
      .nullable(),
    ceremonyNotes: z.string().nullable(),
    customerSignedAt: z.string().nullable(),
    registrationStatus: z.enum(registrationStatuses),
    plateNo: z.string().nullable(),
    balance: z.number().int(),
    blockers: z.array(z.object({ blocker: z.enum(deliveryBlockers), items: z.array(z.string()) })),
    completedAt: z.string().nullable(),
    version: versionSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'Delivery' });
export type Delivery = z.infer<typeof deliverySchema>;
export const deliveryPageSchema = pageOf(deliverySchema, 'DeliveryPage');
export const deliveryListQuery = paginationQuery.extend({
  dealId: idSchema.optional(),
  status: z.enum(deliveryStatuses).optional(),
  storeId: idSchema.optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
});

export const commissionSchema = z
  .object({
    dealId: idSchema,
    dealNumber: z.string(),
    storeId: idSchema,
    consultantId: idSchema,
    consultantName: z.string(),
    deliveredOn: z.string(),
    /** Front gross: the vehicle's net price (excl. VAT) less its purchase cost (excl. VAT); null when the cost is unknown. */
    frontGross: z.number().int().nullable(),
    /** Back gross: value-added services and accessories accepted on the deal (incl. VAT). */
    backGross: z.number().int(),
  })
  .meta({ id: 'Commission' });
export const commissionPageSchema = pageOf(commissionSchema, 'CommissionPage');
export const commissionListQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  consultantId: idSchema.optional(),
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});
