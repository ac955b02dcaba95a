import { z } from 'zod';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';

export const catalogCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'letters, digits, . _ or -, up to 40 characters');
const name = z.string().trim().min(1).max(100);

export const brandSchema = z
  .object({
    id: idSchema,
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    country: z.string().nullable(),
    active: z.boolean(),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Brand' });
export const createBrandSchema = z
  .strictObject({
    code: catalogCode,
    name,
    nameEn: name,
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .optional(),
  })
  .meta({ id: 'CreateBrand' });
export const patchBrandSchema = z
  .strictObject({
    version: versionSchema,
    name: name.optional(),
    nameEn: name.optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'PatchBrand' });
export const brandPageSchema = pageOf(brandSchema, 'BrandPage');
export const brandListQuery = paginationQuery.extend({
  sort: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
});

/** Series (车系) with the 三包 and warranty terms that apply to every trim of it. */
export const warrantyTermsSchema = z
  .strictObject({
    // SAMR Order 43 Art. 17: 三包 validity at least 2 years / 50,000 km; repair warranty at least 3 years / 60,000 km
    threeGuaranteeMonths: z.number().int().min(24).max(120),
    threeGuaranteeKm: z.number().int().min(50_000).max(1_000_000),
    warrantyMonths: z.number().int().min(36).max(240),
    warrantyKm: z.number().int().min(60_000).max(2_000_000),
    // Art. 27: usage compensation rate n at most 0.5 % (5000 ppm)
    compensationRatePpm: z.number().int().min(0).max(5000),
  })
  .meta({ id: 'WarrantyTerms' });

export const modelSchema = z
  .object({
    id: idSchema,
    brandId: idSchema,
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    segment: z.string().nullable(),
    warranty: warrantyTermsSchema,
    active: z.boolean(),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Model' });
export const createModelSchema = z
  .strictObject({
    brandId: idSchema,
    code: catalogCode,
    name,
    nameEn: name,
    segment: z.string().trim().max(40).nullable().optional(),
    warranty: warrantyTermsSchema.default({
      threeGuaranteeMonths: 24,
      threeGuaranteeKm: 50_000,
      warrantyMonths: 36,
      warrantyKm: 60_000,
      compensationRatePpm: 5000,
    }),
  })
  .meta({ id: 'CreateModel' });
export const patchModelSchema = z
  .strictObject({
    version: versionSchema,
    name: name.optional(),
    nameEn: name.optional(),
    segment: z.string().trim().max(40).nullable().optional(),
    warranty: warrantyTermsSchema.optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'PatchModel' });
export const modelPageSchema = pageOf(modelSchema, 'ModelPage');
export const modelListQuery = brandListQuery.extend({ brandId: idSchema.optional() });

export type Brand = z.infer<typeof brandSchema>;
export type CreateBrand = z.infer<typeof createBrandSchema>;
export type PatchBrand = z.infer<typeof patchBrandSchema>;
export type BrandListQuery = z.infer<typeof brandListQuery>;
export type Model = z.infer<typeof modelSchema>;
export type CreateModel = z.infer<typeof createModelSchema>;
export type PatchModel = z.infer<typeof patchModelSchema>;
export type ModelListQuery = z.infer<typeof modelListQuery>;
export type WarrantyTerms = z.infer<typeof warrantyTermsSchema>;
