import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { agingBuckets, showroomTags, vehicleLocations, vehicleStatuses } from './vehicle.status';

const localDate = localDateSchema;
const fen = z.number().int().min(0).max(100_000_000_00);

export const vehicleSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    vin: z.string(),
    trimId: idSchema,
    trimName: z.string(),
    modelName: z.string(),
    brandName: z.string(),
    isNev: z.boolean(),
    exteriorColourId: idSchema.nullable(),
    interiorColourId: idSchema.nullable(),
    optionIds: z.array(idSchema),
    engineNo: z.string().nullable(),
    cocNo: z.string().nullable(),
    productionDate: z.string().nullable(),
    modelYear: z.number().int().nullable(),
    purchaseCost: z.number().int().nullable(),
    holdingCostPerDay: z.number().int().nullable(),
    supplierRef: z.string().nullable(),
    location: z.enum(vehicleLocations),
    locationNote: z.string().nullable(),
    status: z.enum(vehicleStatuses),
    arrivedOn: z.string().nullable(),
    /** 库龄: days in stock since arrival (store-local date), null before arrival. */
    stockAgeDays: z.number().int().nullable(),
    agingBucket: z.enum(agingBuckets).nullable(),
    /** Holding cost so far: days × cost per day (分). */
    holdingCostToDate: z.number().int().nullable(),
    reservation: z
      .object({ dealId: z.string().nullable(), reservedBy: idSchema.nullable(), until: z.string() })
      .nullable(),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Vehicle' });
export type Vehicle = z.infer<typeof vehicleSchema>;

/** A stock vehicle needs at least its VIN (checked and decoded with the rules library) and its trim. */
export const createVehicleSchema = z
  .strictObject({
    vin: z.string().trim().min(1).max(32),
    trimId: idSchema,
    storeId: idSchema.optional(), // default: the only store the user works in
    exteriorColourId: idSchema.nullable().optional(),
    interiorColourId: idSchema.nullable().optional(),
    optionIds: z.array(idSchema).max(100).default([]),
    engineNo: z.string().trim().max(40).nullable().optional(),
    cocNo: z.string().trim().max(40).nullable().optional(),
    productionDate: localDate.nullable().optional(),
    purchaseCost: fen.nullable().optional(),
    holdingCostPerDay: fen.nullable().optional(),
    supplierRef: z.string().trim().max(60).nullable().optional(),
    location: z.enum(vehicleLocations).default('yard'),
    locationNote: z.string().trim().max(200).nullable().optional(),
    status: z.enum(['on_order', 'in_transit', 'in_stock']).default('in_stock'),
    arrivedOn: localDate.nullable().optional(), // default today (store-local) when created in stock
  })
  .meta({ id: 'CreateVehicle' });

export const patchVehicleSchema = z
  .strictObject({
    version: versionSchema,
    exteriorColourId: idSchema.nullable().optional(),
    interiorColourId: idSchema.nullable().optional(),
    optionIds: z.array(idSchema).max(100).optional(),
    engineNo: z.string().trim().max(40).nullable().optional(),
    cocNo: z.string().trim().max(40).nullable().optional(),
    productionDate: localDate.nullable().optional(),
    purchaseCost: fen.nullable().optional(),
    holdingCostPerDay: fen.nullable().optional(),
    supplierRef: z.string().trim().max(60).nullable().optional(),
    location: z.enum(vehicleLocations).optional(),
    locationNote: z.string().trim().max(200).nullable().optional(),
  })
  .meta({ id: 'PatchVehicle' });

export const vehicleListQuery = paginationQuery.extend({
  sort: z.string().max(40).optional(), // vin | arrivedOn | -arrivedOn | createdAt
  q: z.string().max(40).optional(), // VIN fragment (e.g. the last 6 characters)
  storeId: idSchema.optional(),
  status: z.string().max(200).optional(), // comma list
  trimId: idSchema.optional(),
  modelId: idSchema.optional(),
  aging: z.enum(agingBuckets).optional(),
  nev: z.enum(['true', 'false']).optional(),
  location: z.enum(vehicleLocations).optional(),
});
export const vehiclePageSchema = pageOf(vehicleSchema, 'VehiclePage');

export const reserveVehicleSchema = z
  .strictObject({
    version: versionSchema.optional(),
    dealId: z.string().trim().max(64).nullable().optional(),
    /** Hours the reservation holds (default 48, at most 14 days). */
    hours: z.number().int().min(1).max(336).default(48),
  })
  .meta({ id: 'ReserveVehicle' });
export const vehicleStatusChangeSchema = z
  .strictObject({
    version: versionSchema.optional(),
    note: z.string().trim().max(200).optional(),
    arrivedOn: localDate.optional(),
  })
  .meta({ id: 'VehicleStatusChange' });

export const vehicleHistoryEntrySchema = z
  .object({
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    changes: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'VehicleHistoryEntry' });

export const stockSummarySchema = z
  .object({
    byStatus: z.record(z.string(), z.number().int()),
    byAging: z.record(z.string(), z.number().int()),
    holdingCostPerDay: z.number().int(),
    holdingCostToDate: z.number().int(),
  })
  .meta({ id: 'StockSummary' });

export const transferSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    vehicleId: idSchema,
    vin: z.string(),
    fromStoreId: idSchema,
    toStoreId: idSchema,
    status: z.enum(['in_transit', 'received', 'cancelled']),
    note: z.string().nullable(),
    sentBy: idSchema,
    sentAt: z.string(),
    receivedBy: idSchema.nullable(),
    receivedAt: z.string().nullable(),
    version: versionSchema,
  })
  .meta({ id: 'VehicleTransfer' });
export const createTransferSchema = z
  .strictObject({
    vehicleId: idSchema,
    toStoreId: idSchema,
    note: z.string().trim().max(200).nullable().optional(),
  })
  .meta({ id: 'CreateVehicleTransfer' });
export const transferPageSchema = pageOf(transferSchema, 'VehicleTransferPage');

export const showroomSlotInput = z
  .strictObject({
    slot: z.string().trim().min(1).max(20),
    vehicleId: idSchema.nullable().optional(),
    trimId: idSchema,
    tags: z.array(z.enum(showroomTags)).max(3).default([]),
  })
  .meta({ id: 'ShowroomSlotInput' });
export const showroomPlanSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    name: z.string(),
    effectiveFrom: z.string(),
    status: z.enum(['draft', 'active', 'archived']),
    slots: z.array(
      showroomSlotInput.extend({
        id: idSchema,
        vehicleId: idSchema.nullable(),
        vin: z.string().nullable(),
        trimName: z.string(),
        isNev: z.boolean(),
      }),
    ),
    /** H2.2.2: a store that sells NEVs shows at least one. */
    checks: z.object({ sellsNev: z.boolean(), hasNev: z.boolean(), nevRequirementMet: z.boolean() }),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ShowroomPlan' });
export const createShowroomPlanSchema = z
  .strictObject({
    storeId: idSchema,
    name: z.string().trim().min(1).max(100),
    effectiveFrom: localDate,
    slots: z.array(showroomSlotInput).max(200).default([]),
  })
  .meta({ id: 'CreateShowroomPlan' });
export const patchShowroomPlanSchema = z
  .strictObject({
    version: versionSchema,
    name: z.string().trim().min(1).max(100).optional(),
    effectiveFrom: localDate.optional(),
    slots: z.array(showroomSlotInput).max(200).optional(),
  })
  .meta({ id: 'PatchShowroomPlan' });
export const showroomPlanPageSchema = pageOf(showroomPlanSchema, 'ShowroomPlanPage');

/** Import report: a dry run or a real run, with every bad row by line number. */
export const importReportSchema = z
  .object({
    mode: z.enum(['dry-run', 'strict', 'lenient']),
    rows: z.number().int(),
    valid: z.number().int(),
    written: z.number().int(),
    errors: z.array(
      z.object({
        line: z.number().int(),
        field: z.string().nullable(),
        code: z.string(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'ImportReport' });

export type CreateVehicle = z.infer<typeof createVehicleSchema>;
export type PatchVehicle = z.infer<typeof patchVehicleSchema>;
export type ReserveVehicle = z.infer<typeof reserveVehicleSchema>;
export type VehicleStatusChange = z.infer<typeof vehicleStatusChangeSchema>;
export type VehicleHistoryEntry = z.infer<typeof vehicleHistoryEntrySchema>;
export type StockSummary = z.infer<typeof stockSummarySchema>;
export type VehicleTransfer = z.infer<typeof transferSchema>;
export type CreateVehicleTransfer = z.infer<typeof createTransferSchema>;
export type ShowroomPlan = z.infer<typeof showroomPlanSchema>;
export type CreateShowroomPlan = z.infer<typeof createShowroomPlanSchema>;
export type PatchShowroomPlan = z.infer<typeof patchShowroomPlanSchema>;
export type ImportReport = z.infer<typeof importReportSchema>;
