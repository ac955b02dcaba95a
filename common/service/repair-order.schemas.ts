import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { boardMoves, repairOrderStatuses } from './repair-order.status';

/** Repair orders (维修工单, H6.1 3-8): check-in, diagnosis, estimate, approval, work, QC, settlement. */
const km = z.number().int().min(0).max(2_000_000);
const photoRefs = z.array(z.string().trim().min(1).max(500)).max(30);
const localDate = localDateSchema;
export const linePayers = ['customer', 'warranty', 'insurance'] as const;
export const lineKinds = ['labor', 'part', 'sublet'] as const;
export const inspectionRatings = ['green', 'yellow', 'red'] as const;
export const paymentMethods = ['cash', 'card', 'wechat', 'alipay', 'transfer'] as const;
/** An approval link works this long (hours) unless the advisor says otherwise. */
export const APPROVAL_LINK_HOURS = 48;
/** 三包 Art. 17 / 机动车维修管理规定: repair records are kept at least this many years. */
export const REPAIR_RECORD_YEARS = 6;

export const checkInSchema = z
  .strictObject({
    storeId: idSchema,
    customerVehicleId: idSchema,
    bookingId: idSchema.nullable().optional(),
    serviceRequestId: idSchema.nullable().optional(),
    odometerKm: km,
    /** Needed when the reading is below the vehicle's last one. */
    odometerReason: z.string().trim().max(200).nullable().optional(),
    fuelPercent: z.number().int().min(0).max(100).nullable().optional(),
    damageNotes: z.string().trim().max(2000).nullable().optional(),
    photos: photoRefs.optional(),
    valuables: z.string().trim().max(500).nullable().optional(),
    /** The customer's concerns in their own words. */
    customerConcern: z.string().trim().min(1).max(2000),
  })
  .meta({ id: 'CheckInRepairOrder' });

export const moveRepairOrderSchema = z
  .strictObject({
    version: versionSchema,
    action: z.enum([...boardMoves, 'cancel']),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .meta({ id: 'MoveRepairOrder' });

export const diagnosisSchema = z
  .strictObject({
    version: versionSchema,
    findings: z.string().trim().min(1).max(4000),
    faultCodes: z.array(z.string().trim().min(1).max(20)).max(50).default([]),
    photos: photoRefs.optional(),
  })
  .meta({ id: 'RecordDiagnosis' });

export const addLineSchema = z
  .strictObject({
    version: versionSchema,
    kind: z.enum(lineKinds),
    /** A canned job: its standard hours × the store's labour rate. */
    laborOperationId: idSchema.nullable().optional(),
    description: z.string().trim().min(1).max(200).optional(),
    partNumber: z.string().trim().min(1).max(40).optional(),
    quantity: z.number().int().min(1).max(10_000).default(1),
    unitPrice: z.number().int().min(0).max(1_000_000_000).optional(),
    hoursCenti: z.number().int().min(1).max(100_000).optional(),
    payer: z.enum(linePayers).default('customer'),
  })
  .meta({ id: 'AddEstimateLine' });

export const inspectionSchema = z
  .strictObject({
    version: versionSchema,
    items: z
      .array(
        z.strictObject({
          item: z.string().trim().min(1).max(100),
          rating: z.enum(inspectionRatings),
          note: z.string().trim().max(500).nullable().optional(),
          photos: photoRefs.optional(),
        }),
      )
      .min(1)
      .max(100),
  })
  .meta({ id: 'RecordInspection' });

export const sendEstimateSchema = z
  .strictObject({
    version: versionSchema,
    language: z.enum(['zh-CN', 'en']).default('zh-CN'),
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(APPROVAL_LINK_HOURS),
  })
  .meta({ id: 'SendEstimate' });

const decisions = z
  .array(z.strictObject({ lineId: idSchema, decision: z.enum(['approved', 'declined']) }))
  .min(1)
  .max(200);
export const decideInStoreSchema = z
  .strictObject({ version: versionSchema, signerName: z.string().trim().min(1).max(60), decisions })
  .meta({ id: 'DecideEstimateInStore' });
export const decideByLinkSchema = z
  .strictObject({ signerName: z.string().trim().min(1).max(60), decisions })
  .meta({ id: 'DecideEstimateByLink' });

export const clockSchema = z
  .strictObject({ action: z.enum(['start', 'pause', 'finish']) })
  .meta({ id: 'ClockAction' });
export const issuePartSchema = z
  .strictObject({ quantity: z.number().int().min(1).max(10_000) })
  .meta({ id: 'IssuePart' });

export const qualityCheckSchema = z
  .strictObject({
    version: versionSchema,
    checklist: z
      .array(z.strictObject({ item: z.string().trim().min(1).max(100), passed: z.boolean() }))
      .min(1)
      .max(100),
  })
  .meta({ id: 'QualityCheck' });

export const settleSchema = z
  .strictObject({
    version: versionSchema,
    payments: z
      .array(
        z.strictObject({
          method: z.enum(paymentMethods),
          amount: z.number().int().min(1).max(1_000_000_000),
          reference: z.string().trim().max(60).nullable().optional(),
        }),
      )
      .max(10),
    insurerName: z.string().trim().max(100).nullable().optional(),
    nextServiceDate: localDate.nullable().optional(),
    nextServiceKm: km.nullable().optional(),
  })
  .meta({ id: 'SettleRepairOrder' });

export const handoverSchema = z
  .strictObject({
    version: versionSchema,
    signerName: z.string().trim().min(1).max(60),
    /** The customer's signature as a PNG data URL from the signature pad. */
    signature: z
      .string()
      .max(200_000)
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'PNG data URL'),
  })
  .meta({ id: 'HandoverRepairOrder' });

export const versionBody = z.strictObject({ version: versionSchema }).meta({ id: 'VersionOnly' });
export const followUpSchema = z
  .strictObject({
    version: versionSchema,
    satisfaction: z.number().int().min(1).max(5),
    note: z.string().trim().max(1000).nullable().optional(),
  })
  .meta({ id: 'RecordServiceFollowUp' });

export const lineSchema = z
  .object({
    id: idSchema,
    kind: z.string(),
    laborOperationId: idSchema.nullable(),
    description: z.string(),
    partNumber: z.string().nullable(),
    quantity: z.number().int(),
    unitPrice: z.number().int(),
    hoursCenti: z.number().int(),
    amount: z.number().int(),
    payer: z.string(),
    approval: z.string(),
    decidedAt: z.string().nullable(),
    decidedVia: z.string().nullable(),
    origin: z.string(),
    workStatus: z.string(),
    issuedQty: z.number().int(),
  })
  .meta({ id: 'RepairOrderLine' });

const hours = z.object({
  flaggedMs: z.number().int(),
  clockedMs: z.number().int(),
  efficiencyBp: z.number().int().nullable(),
});

export const repairOrderSummarySchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    number: z.string(),
    status: z.enum(repairOrderStatuses),
    customerId: idSchema,
    customerName: z.string(),
    customerVehicleId: idSchema,
    vin: z.string(),
    plate: z.string().nullable(),
    vehicleName: z.string().nullable(),
    advisorId: idSchema,
    advisorName: z.string(),
    customerConcern: z.string(),
    recall: z.boolean(),
    checkedInAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'RepairOrderSummary' });
export const repairOrderPageSchema = pageOf(repairOrderSummarySchema, 'RepairOrderPage');

export const campaignFlagSchema = z
  .object({ id: idSchema, code: z.string(), title: z.string(), kind: z.string() })
  .meta({ id: 'CampaignFlag' });
export const declinedLineSchema = z
  .object({
    repairOrderNumber: z.string(),
    description: z.string(),
    amount: z.number().int(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'DeclinedLine' });

export const repairOrderSchema = repairOrderSummarySchema
  .extend({
    bookingId: idSchema.nullable(),
    serviceRequestId: idSchema.nullable(),
    odometerKm: z.number().int(),
    fuelPercent: z.number().int().nullable(),
    damageNotes: z.string().nullable(),
    photos: z.array(z.string()),
    valuables: z.string().nullable(),
    campaigns: z.array(campaignFlagSchema),
    findings: z.string().nullable(),
    faultCodes: z.array(z.string()),
    diagnosedBy: z.string().nullable(),
    diagnosedAt: z.string().nullable(),
    lines: z.array(lineSchema),
    inspection: z.array(
      z.object({
        id: idSchema,
        item: z.string(),
        rating: z.string(),
        note: z.string().nullable(),
        photos: z.array(z.string()),
      }),
    ),
    declinedBefore: z.array(declinedLineSchema),
    approvalLink: z
      .object({ expiresAt: z.string(), usedAt: z.string().nullable(), signerName: z.string().nullable() })
      .nullable(),
    hours: hours.extend({
      lines: z.array(hours.extend({ lineId: idSchema })),
      technicians: z.array(hours.extend({ technicianId: idSchema, name: z.string() })),
    }),
    clocks: z.array(
      z.object({
        id: idSchema,
        lineId: idSchema,
        technicianId: idSchema,
        technicianName: z.string(),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
      }),
    ),
    qcChecklist: z.array(z.object({ item: z.string(), passed: z.boolean() })).nullable(),
    qcBy: z.string().nullable(),
    qcAt: z.string().nullable(),
    totals: z.object({
      labour: z.number().int(),
      parts: z.number().int(),
      sublet: z.number().int(),
      customer: z.number().int(),
      warranty: z.number().int(),
      insurance: z.number().int(),
    }),
    payments: z.array(
      z.object({ method: z.string(), amount: z.number().int(), reference: z.string().nullable() }),
    ),
    settledAt: z.string().nullable(),
    invoiceNumber: z.string().nullable(),
    insurerName: z.string().nullable(),
    handoverSigner: z.string().nullable(),
    hasSignature: z.boolean(),
    deliveredAt: z.string().nullable(),
    nextServiceDate: z.string().nullable(),
    nextServiceKm: z.number().int().nullable(),
    followUpTaskId: idSchema.nullable(),
    satisfaction: z.number().int().nullable(),
    followUpNote: z.string().nullable(),
    retainUntil: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'RepairOrder' });

export const sentEstimateSchema = z
  .object({ order: repairOrderSchema, approvalPath: z.string(), expiresAt: z.string() })
  .meta({ id: 'SentEstimate' });

export const repairOrderQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  status: z.enum(repairOrderStatuses).optional(),
  customerVehicleId: idSchema.optional(),
});

export const lookupQuery = z.strictObject({
  /** Default: the user's only store. */
  storeId: idSchema.optional(),
  /** Plate (prefix) or VIN (full or last 6). */
  q: z.string().trim().min(1).max(40),
});
export const lookupResultSchema = z
  .object({
    items: z.array(
      z.object({
        customerVehicleId: idSchema,
        customerId: idSchema,
        customerName: z.string(),
        vin: z.string(),
        plate: z.string().nullable(),
        vehicleName: z.string().nullable(),
        modelYear: z.number().int().nullable(),
        lastMileageKm: z.number().int().nullable(),
        campaigns: z.array(campaignFlagSchema),
        declinedBefore: z.array(declinedLineSchema),
        openOrderId: idSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'CheckInLookup' });

export const myJobsSchema = z
  .object({
    items: z.array(
      z.object({
        repairOrderId: idSchema,
        number: z.string(),
        plate: z.string().nullable(),
        vehicleName: z.string().nullable(),
        status: z.string(),
        line: lineSchema,
        running: z.boolean(),
        myClockedMs: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'MyJobs' });

/** What the customer sees on the approval page (no account): the order, the car, the lines to decide. */
export const publicEstimateSchema = z
  .object({
    storeName: z.string(),
    number: z.string(),
    plate: z.string().nullable(),
    vin: z.string(),
    vehicleName: z.string().nullable(),
    customerName: z.string(),
    language: z.string(),
    expiresAt: z.string(),
    findings: z.string().nullable(),
    inspection: z.array(z.object({ item: z.string(), rating: z.string(), note: z.string().nullable() })),
    lines: z.array(
      z.object({
        id: idSchema,
        kind: z.string(),
        description: z.string(),
        partNumber: z.string().nullable(),
        quantity: z.number().int(),
        unitPrice: z.number().int(),
        hoursCenti: z.number().int(),
        amount: z.number().int(),
        payer: z.string(),
      }),
    ),
  })
  .meta({ id: 'PublicEstimate' });
export const publicDecisionResultSchema = z
  .object({ approved: z.number().int(), declined: z.number().int(), approvedAmount: z.number().int() })
  .meta({ id: 'PublicEstimateDecision' });
