import { z } from 'zod';
import { bodyTypes, energies, featureKeys, optionKinds } from '../catalog/catalog.enums';
import { idSchema } from '../platform/common.schemas';

export const reasonSchema = z
  .object({
    code: z.string(),
    kind: z.enum(['match', 'mismatch']),
    hard: z.boolean(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
  })
  .meta({ id: 'RecommendationReason' });

export const recommendedTrimSchema = z
  .object({
    rank: z.number().int(),
    trimId: idSchema,
    trimCode: z.string(),
    trimName: z.string(),
    trimNameEn: z.string(),
    modelId: idSchema,
    modelName: z.string(),
    modelNameEn: z.string(),
    brandId: idSchema,
    brandName: z.string(),
    brandNameEn: z.string(),
    bodyType: z.enum(bodyTypes),
    seats: z.number().int(),
    energy: z.enum(energies),
    rangeKm: z.number().int().nullable(),
    features: z.array(z.enum(featureKeys)),
    guidePrice: z.number().int().nullable(),
    displayPrice: z.number().int().nullable(),
    /** Vehicles of the trim in stock or demo at the lead's store. */
    inStock: z.number().int(),
    /** Options and accessories that fit the trim, at the store's displayed price (for the plan). */
    options: z.array(
      z.object({
        optionId: idSchema,
        kind: z.enum(optionKinds),
        code: z.string(),
        name: z.string(),
        nameEn: z.string(),
        price: z.number().int(),
      }),
    ),
    fits: z.boolean(),
    score: z.number().int(),
    reasons: z.array(reasonSchema),
  })
  .meta({ id: 'RecommendedTrim' });
export type RecommendedTrim = z.infer<typeof recommendedTrimSchema>;

export const recommendationsSchema = z
  .object({
    needsAnalysisId: idSchema,
    storeId: idSchema,
    priceDate: z.string(),
    priceListId: idSchema.nullable(),
    /** Trims that fit first, best first; then those that do not, each with why. */
    items: z.array(recommendedTrimSchema),
  })
  .meta({ id: 'Recommendations' });
export type Recommendations = z.infer<typeof recommendationsSchema>;

export const recommendationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
