import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { customerVehicleStatuses } from './customer.enums';

const localDate = localDateSchema;
const km = z.number().int().min(0).max(2_000_000);

/** A vehicle a customer drives (保有车辆): VIN checked and decoded, plate checked (GA 36-2018). */
export const createCustomerVehicleSchema = z
  .strictObject({
    customerId: idSchema,
    vin: z.string().trim().min(1).max(32),
    plate: z.string().trim().max(16).nullable().optional(),
    /** A trim of the catalogue, or free text for a car the catalogue does not know. */
    trimId: idSchema.nullable().optional(),
    brandName: z.string().trim().max(60).nullable().optional(),
    modelName: z.string().trim().max(60).nullable().optional(),
    purchaseDate: localDate.nullable().optional(),
    /** The first odometer reading, taken now. */
    mileageKm: km.nullable().optional(),
  })
  .meta({ id: 'CreateCustomerVehicle' });

export const patchCustomerVehicleSchema = z
  .strictObject({
    version: versionSchema,
    plate: z.string().trim().max(16).nullable().optional(),
    trimId: idSchema.nullable().optional(),
    brandName: z.string().trim().max(60).nullable().optional(),
    modelName: z.string().trim().max(60).nullable().optional(),
    purchaseDate: localDate.nullable().optional(),
    /** inactive: sold on or scrapped; the VIN may then be registered for another customer. */
    status: z.enum(customerVehicleStatuses).optional(),
  })
  .meta({ id: 'PatchCustomerVehicle' });

export const customerVehicleSchema = z
  .object({
    id: idSchema,
    customerId: idSchema,
    storeId: idSchema,
    vin: z.string(),
    plate: z.string().nullable(),
    trimId: idSchema.nullable(),
    brandName: z.string().nullable(),
    modelName: z.string().nullable(),
    trimName: z.string().nullable(),
    modelYear: z.number().int().nullable(),
    purchaseDate: z.string().nullable(),
    lastMileageKm: z.number().int().nullable(),
    lastMileageAt: z.string().nullable(),
    status: z.enum(customerVehicleStatuses),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CustomerVehicle' });
export const customerVehiclePageSchema = pageOf(customerVehicleSchema, 'CustomerVehiclePage');

export const customerVehicleListQuery = paginationQuery.extend({
  customerId: idSchema.optional(),
  /** Plate prefix or VIN (full or last 6). */
  q: z.string().max(40).optional(),
  status: z.enum(customerVehicleStatuses).optional(),
});

export const mileageInputSchema = z
  .strictObject({
    km,
    readAt: z.string().datetime({ offset: true }),
    /** Needed when the reading is lower than the last one. */
    reason: z.string().trim().max(200).nullable().optional(),
  })
  .meta({ id: 'RecordMileage' });

export const mileageReadingSchema = z
  .object({
    id: idSchema,
    km: z.number().int(),
    readAt: z.string(),
    reason: z.string().nullable(),
    recordedBy: idSchema.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'MileageReading' });
export const mileagePageSchema = pageOf(mileageReadingSchema, 'MileageReadingPage');

export type CreateCustomerVehicle = z.infer<typeof createCustomerVehicleSchema>;
export type PatchCustomerVehicle = z.infer<typeof patchCustomerVehicleSchema>;
export type CustomerVehicle = z.infer<typeof customerVehicleSchema>;
export type CustomerVehicleListQuery = z.infer<typeof customerVehicleListQuery>;
export type MileageInput = z.infer<typeof mileageInputSchema>;
export type MileageReading = z.infer<typeof mileageReadingSchema>;
