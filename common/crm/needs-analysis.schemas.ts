import { z } from 'zod';
import { bodyTypes, energies, featureKeys } from '../catalog/catalog.enums';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';

/** What the car is for (H3.3.1 用途): several may apply. */
export const carPurposes = [
  'commute',
  'family',
  'business',
  'long_trips',
  'ride_hailing',
  'weekend_leisure',
  'first_car',
  'replacement',
] as const;
export const paymentPreferences = ['full', 'loan', 'lease'] as const;
export const homeChargingAnswers = ['yes', 'no', 'unsure'] as const;

const fen = z.number().int().min(0).max(100_000_000_00);
const features = z.array(z.enum(featureKeys)).max(featureKeys.length);

/**
 * The needs questionnaire (需求分析, H3.3.1): purpose, budget, family and body, energy and charging,
 * features, brands and competitors. Every field is optional except the purposes and the payment
 * preference: a first talk fills little, a later one more (each save is a new version).
 */
export const needsAnswersSchema = z
  .strictObject({
    purposes: z.array(z.enum(carPurposes)).max(carPurposes.length),
    annualKm: z.number().int().min(0).max(300_000).nullable().optional(),
    budgetMin: fen.nullable().optional(),
    budgetMax: fen.nullable().optional(),
    payment: z.enum(paymentPreferences),
    familySize: z.number().int().min(1).max(20).nullable().optional(),
    seatsNeeded: z.number().int().min(1).max(9).nullable().optional(),
    bodyTypes: z.array(z.enum(bodyTypes)).max(bodyTypes.length).default([]),
    /** Empty: any energy. */
    energies: z.array(z.enum(energies)).max(energies.length).default([]),
    homeCharging: z.enum(homeChargingAnswers).default('unsure'),
    mustHave: features.default([]),
    niceToHave: features.default([]),
    /** Brands of the group's catalogue the customer considers. */
    brandIds: z.array(idSchema).max(20).default([]),
    /** Competitor models the customer has seen elsewhere (free text). */
    competitorModels: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.budgetMin != null && v.budgetMax != null && v.budgetMin > v.budgetMax)
      ctx.addIssue({
        code: 'custom',
        path: ['budgetMin'],
        message: 'the budget minimum exceeds the maximum',
      });
    const both = (v.niceToHave ?? []).filter((f) => (v.mustHave ?? []).includes(f));
    if (both.length)
      ctx.addIssue({
        code: 'custom',
        path: ['niceToHave'],
        message: `already a must-have: ${both.join(', ')}`,
      });
  });
export type NeedsAnswers = z.output<typeof needsAnswersSchema>;

/**
 * Saves the lead's needs as a new version (never overwriting the last). `version`: the latest version
 * the consultant saw (required once the lead has one; a stale one is 409).
 */
export const saveNeedsAnalysisSchema = z
  .strictObject({
    leadId: idSchema,
    version: versionSchema.optional(),
    answers: needsAnswersSchema,
  })
  .meta({ id: 'SaveNeedsAnalysis' });

export const needsAnalysisSchema = z
  .object({
    id: idSchema,
    leadId: idSchema,
    leadNumber: z.string(),
    customerId: idSchema,
    customerName: z.string(),
    storeId: idSchema,
    /** 1 for the first save of the lead's needs, then 2, 3 … */
    version: versionSchema,
    latest: z.boolean(),
    answers: z.object({
      purposes: z.array(z.enum(carPurposes)),
      annualKm: z.number().int().nullable(),
      budgetMin: z.number().int().nullable(),
      budgetMax: z.number().int().nullable(),
      payment: z.enum(paymentPreferences),
      familySize: z.number().int().nullable(),
      seatsNeeded: z.number().int().nullable(),
      bodyTypes: z.array(z.enum(bodyTypes)),
      energies: z.array(z.enum(energies)),
      homeCharging: z.enum(homeChargingAnswers),
      mustHave: z.array(z.enum(featureKeys)),
      niceToHave: z.array(z.enum(featureKeys)),
      brandIds: z.array(idSchema),
      competitorModels: z.array(z.string()),
      notes: z.string().nullable(),
    }),
    /** The answers that differ from the version before (H3.2.2: notice when the need changes). */
    changed: z.array(z.string()),
    createdBy: idSchema.nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'NeedsAnalysis' });
export type NeedsAnalysis = z.infer<typeof needsAnalysisSchema>;
export type StoredNeedsAnswers = NeedsAnalysis['answers'];

/** One version with the lead's whole history, newest first. */
export const needsAnalysisDetailSchema = needsAnalysisSchema
  .extend({ history: z.array(needsAnalysisSchema.omit({ answers: true })) })
  .meta({ id: 'NeedsAnalysisDetail' });
export type NeedsAnalysisDetail = z.infer<typeof needsAnalysisDetailSchema>;

export const needsAnalysisPageSchema = pageOf(needsAnalysisSchema, 'NeedsAnalysisPage');
export const needsAnalysisListQuery = paginationQuery.extend({
  leadId: idSchema.optional(),
  customerId: idSchema.optional(),
  /** true: only each lead's latest version. */
  latest: z.enum(['true', 'false']).optional(),
});

/** The answers as stored and shown: every optional field present (null or empty). */
export function normaliseAnswers(a: z.input<typeof needsAnswersSchema>): StoredNeedsAnswers {
  return {
    purposes: [...new Set(a.purposes)],
    annualKm: a.annualKm ?? null,
    budgetMin: a.budgetMin ?? null,
    budgetMax: a.budgetMax ?? null,
    payment: a.payment,
    familySize: a.familySize ?? null,
    seatsNeeded: a.seatsNeeded ?? null,
    bodyTypes: [...new Set(a.bodyTypes ?? [])],
    energies: [...new Set(a.energies ?? [])],
    homeCharging: a.homeCharging ?? 'unsure',
    mustHave: [...new Set(a.mustHave ?? [])],
    niceToHave: [...new Set(a.niceToHave ?? [])],
    brandIds: [...new Set(a.brandIds ?? [])],
    competitorModels: a.competitorModels ?? [],
    notes: a.notes ?? null,
  };
}

/** The answer fields that differ between two versions (order-insensitive for lists). */
export function changedAnswers(before: StoredNeedsAnswers | null, after: StoredNeedsAnswers): string[] {
  if (!before) return [];
  const norm = (v: unknown) => (Array.isArray(v) ? JSON.stringify([...v].sort()) : JSON.stringify(v));
  return (Object.keys(after) as (keyof StoredNeedsAnswers)[]).filter(
    (k) => norm(before[k]) !== norm(after[k]),
  );
}
