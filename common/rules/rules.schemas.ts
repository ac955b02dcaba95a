/**
 * zod 4 schemas of the rules API (requests are strict: unknown fields are an
 * error). Refusal messages are rule codes (see ./messages) so the server can
 * answer 400 in the caller's language.
 */
import { z } from 'zod';
import { chinaDateOfEpochMs, isValidCivilDate, parseInstant } from './civil-date';
import { TG_COMPONENTS, TG_FAILURE_KINDS, TG_SYSTEMS } from './three-guarantee-types';
import { MAX_USAGE_COMPENSATION_RATE } from './three-guarantee';
import { VALIDATION_KINDS } from './validate';

/** 'YYYY-MM-DD' naming a real calendar date. */
export const civilDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'rules.input.bad_date')
  .refine(isValidCivilDate, 'rules.input.bad_date');

/** ISO-8601 instant with an explicit offset. */
export const instantSchema = z.string().refine((s) => parseInstant(s) !== null, 'rules.input.bad_instant');

/** Integer amount in fen. */
export const fenSchema = z
  .number()
  .int('rules.input.not_fen')
  .refine(Number.isSafeInteger, 'rules.input.not_fen');
export const nonNegativeFenSchema = fenSchema.refine((n) => n >= 0, 'rules.input.negative');

const kmSchema = z.number().int().nonnegative('rules.three_guarantee.negative_km');

export const ruleIssueSchema = z
  .object({
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    message: z.string(),
  })
  .meta({ id: 'RuleIssue' });

const provinceSchema = z
  .object({ code: z.string(), zh: z.string(), en: z.string() })
  .meta({ id: 'Province' });

// ---------------------------------------------------------------- VIN

export const vinModelYearSchema = z
  .object({
    code: z.string(),
    year: z.number().int().nullable(),
    candidates: z.array(z.number().int()),
    rule: z.enum(['cfr565_position7', 'gb16735_recent_cycle', 'ambiguous']),
  })
  .meta({ id: 'VinModelYear' });

const vinDecodedFields = {
  wmi: z.string().nullable(),
  vds: z.string().nullable(),
  vis: z.string().nullable(),
  region: z.enum(['africa', 'asia', 'europe', 'north_america', 'oceania', 'south_america']).nullable(),
  country: z.string().nullable(),
  manufacturer: z.object({ en: z.string(), zh: z.string() }).nullable(),
  lowVolume: z.boolean(),
  manufacturerCode: z.string().nullable(),
  modelYear: vinModelYearSchema.nullable(),
  checkDigit: z.object({ expected: z.string().nullable(), actual: z.string().nullable() }),
};

/** Response of GET /api/v1/rules/vin/{vin} (200 even when the VIN is invalid). */
export const vinDecodeResultSchema = z
  .object({
    valid: z.boolean(),
    normalized: z.string().nullable(),
    errors: z.array(ruleIssueSchema),
    warnings: z.array(ruleIssueSchema),
    ...vinDecodedFields,
  })
  .meta({ id: 'VinDecodeResult' });

// ---------------------------------------------------------------- validate

export const validationKindSchema = z.enum(VALIDATION_KINDS);

export const validateRequestSchema = z
  .strictObject({ kind: validationKindSchema, value: z.string().max(64) })
  .meta({ id: 'ValidateRequest' });

export const cnIdDetailsSchema = z
  .object({
    kind: z.enum(['resident', 'hk_macao_taiwan_permit', 'foreign_permanent_resident']),
    birthDate: z.string(),
    sex: z.enum(['male', 'female']),
    province: provinceSchema.nullable(),
    nationalityCode: z.string().optional(),
    convertedFrom15: z.string().optional(),
  })
  .meta({ id: 'CnIdDetails' });

export const usccDetailsSchema = z
  .object({
    registrationAuthority: z.string(),
    category: z.string(),
    divisionCode: z.string(),
    province: provinceSchema.nullable(),
    organizationCode: z.string(),
  })
  .meta({ id: 'UsccDetails' });

export const cnMobileDetailsSchema = z.object({ masked: z.string() }).meta({ id: 'CnMobileDetails' });

export const cnPlateDetailsSchema = z
  .object({
    kind: z.enum(['ordinary', 'nev_small', 'nev_large']),
    energy: z.enum(['battery_electric', 'other_new_energy']).nullable(),
    province: z.string(),
    authority: z.string(),
    serial: z.string(),
  })
  .meta({ id: 'CnPlateDetails' });

export const vinDetailsSchema = z.object(vinDecodedFields).meta({ id: 'VinDetails' });

/** Response of POST /api/v1/rules/validate. */
export const validateResultSchema = z
  .object({
    valid: z.boolean(),
    normalized: z.string().nullable(),
    errors: z.array(ruleIssueSchema),
    warnings: z.array(ruleIssueSchema),
    details: z
      .union([
        vinDetailsSchema,
        cnIdDetailsSchema,
        usccDetailsSchema,
        cnMobileDetailsSchema,
        cnPlateDetailsSchema,
      ])
      .nullable(),
  })
  .meta({ id: 'ValidateResult' });

// ---------------------------------------------------------------- vehicle tax

export const vehicleEnergySchema = z.enum(['ice', 'hev', 'phev', 'erev', 'bev', 'fcev']);

export const vehicleTaxRequestSchema = z
  .strictObject({
    totalInclVat: nonNegativeFenSchema,
    purchaseDate: civilDateSchema,
    energy: vehicleEnergySchema,
  })
  .meta({ id: 'VehicleTaxRequest' });

export const taxReliefPolicySchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    effectiveFrom: z.string(),
    effectiveTo: z.string(),
    kind: z.enum(['exempt', 'halve']),
    capFen: z.number().int().nullable(),
    energies: z.array(vehicleEnergySchema).readonly(),
  })
  .meta({ id: 'TaxReliefPolicy' });

export const vehicleTaxResultSchema = z
  .object({
    totalInclVat: z.number().int(),
    priceExclVat: z.number().int(),
    vat: z.number().int(),
    vatRate: z.number(),
    purchaseTaxBeforeRelief: z.number().int(),
    purchaseTaxRelief: z.number().int(),
    purchaseTax: z.number().int(),
    policy: taxReliefPolicySchema.nullable(),
  })
  .meta({ id: 'VehicleTaxResult' });

// ---------------------------------------------------------------- amount in words

export const amountInWordsRequestSchema = z
  .strictObject({ amount: fenSchema })
  .meta({ id: 'AmountInWordsRequest' });
export const amountInWordsResultSchema = z.object({ words: z.string() }).meta({ id: 'AmountInWordsResult' });

// ---------------------------------------------------------------- 三包

const tgSystemSchema = z.enum(TG_SYSTEMS);

export const tgFailureSchema = z
  .strictObject({
    date: civilDateSchema,
    odometerKm: kmSchema,
    system: tgSystemSchema,
    component: z.enum(TG_COMPONENTS),
    kind: z.enum(TG_FAILURE_KINDS),
    seriousSafety: z.boolean().optional(),
    part: z.string().min(1).max(200).optional(),
  })
  .meta({ id: 'ThreeGuaranteeFailure' });

export const tgRepairSchema = z
  .strictObject({
    problem: z.string().min(1).max(200),
    system: tgSystemSchema,
    component: z.enum(TG_COMPONENTS),
    seriousSafety: z.boolean().optional(),
    startedAt: instantSchema,
    completedAt: instantSchema,
    excludedHours: z.number().nonnegative('rules.input.negative').optional(),
    replaced: z.enum(['assembly', 'main_part']).optional(),
    fixed: z.boolean(),
    odometerKm: kmSchema.optional(),
    part: z.string().min(1).max(200).optional(),
  })
  .superRefine((r, ctx) => {
    const start = parseInstant(r.startedAt);
    const end = parseInstant(r.completedAt);
    if (start === null || end === null) return;
    if (end < start) {
      ctx.addIssue({
        code: 'custom',
        message: 'rules.three_guarantee.completed_before_started',
        path: ['completedAt'],
      });
    } else if (r.excludedHours !== undefined && r.excludedHours * 3_600_000 > end - start) {
      ctx.addIssue({
        code: 'custom',
        message: 'rules.three_guarantee.excluded_exceeds_duration',
        path: ['excludedHours'],
      });
    }
  })
  .meta({ id: 'ThreeGuaranteeRepair' });

/**
 * POST /api/v1/rules/three-guarantee. Refuses impossible input with an issue whose
 * path names the field: completion before start, negative km, n > 0.5 % (Art. 27),
 * a failure or repair after the assessment date, a failure odometer above the
 * assessed one.
 */
export const threeGuaranteeRequestSchema = z
  .strictObject({
    invoiceDate: civilDateSchema,
    deliveryDate: civilDateSchema.optional(),
    assessDate: civilDateSchema,
    odometerKm: kmSchema,
    priceInclVat: nonNegativeFenSchema.optional(),
    compensationRate: z
      .number()
      .nonnegative('rules.input.negative')
      .max(MAX_USAGE_COMPENSATION_RATE, 'rules.three_guarantee.rate_too_high')
      .optional(),
    failure: tgFailureSchema.optional(),
    repairs: z.array(tgRepairSchema).max(500),
  })
  .superRefine((req, ctx) => {
    const f = req.failure;
    if (f) {
      if (f.date > req.assessDate) {
        ctx.addIssue({
          code: 'custom',
          message: 'rules.three_guarantee.after_assessment',
          path: ['failure', 'date'],
        });
      }
      if (f.odometerKm > req.odometerKm) {
        ctx.addIssue({
          code: 'custom',
          message: 'rules.three_guarantee.km_after_assessment',
          path: ['failure', 'odometerKm'],
        });
      }
    }
    req.repairs.forEach((r, i) => {
      const end = parseInstant(r.completedAt);
      // Compared as China business dates (UTC+8).
      if (end !== null && chinaDateOfEpochMs(end) > req.assessDate) {
        ctx.addIssue({
          code: 'custom',
          message: 'rules.three_guarantee.after_assessment',
          path: ['repairs', i, 'completedAt'],
        });
      }
      if (r.odometerKm !== undefined && r.odometerKm > req.odometerKm) {
        ctx.addIssue({
          code: 'custom',
          message: 'rules.three_guarantee.km_after_assessment',
          path: ['repairs', i, 'odometerKm'],
        });
      }
    });
  })
  .meta({ id: 'ThreeGuaranteeRequest' });

const tgWindowSchema = z
  .object({ lastDay: z.string(), km: z.number().int().nullable(), open: z.boolean() })
  .meta({ id: 'ThreeGuaranteeWindow' });

const tgReasonSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string().optional(),
});

export const threeGuaranteeResultSchema = z
  .object({
    periodStart: z.string(),
    windows: z.object({
      sevenDay: tgWindowSchema,
      sixtyDay: tgWindowSchema,
      validity: tgWindowSchema,
      warranty: tgWindowSchema,
    }),
    remedies: z.array(
      z.object({
        remedy: z.enum(['return_or_replace', 'replace_assembly', 'free_repair', 'spare_car']),
        article: z.string(),
        reason: tgReasonSchema,
      }),
    ),
    checks: z.array(z.object({ article: z.string(), met: z.boolean(), reason: tgReasonSchema })),
    repairDays: z.object({ perRepair: z.array(z.number().int()), cumulative: z.number().int() }),
    sameProblemRepairs: z.record(z.string(), z.number().int()),
    usageCompensation: z
      .object({
        priceInclVat: z.number().int(),
        km: z.number().int(),
        rate: z.number(),
        rateIsMaximum: z.boolean(),
        amount: z.number().int(),
        article: z.literal('27'),
      })
      .optional(),
  })
  .meta({ id: 'ThreeGuaranteeResult' });
