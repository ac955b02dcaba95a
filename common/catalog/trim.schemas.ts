import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { catalogCode } from './brand.schemas';
import {
  bodyTypes,
  colourKinds,
  drivetrains,
  energies,
  featureKeys,
  mediaKinds,
  optionKinds,
  transmissions,
} from './catalog.enums';

const name = z.string().trim().min(1).max(100);
const positiveInt = z.number().int().positive();

export const colourSchema = z
  .strictObject({
    kind: z.enum(colourKinds),
    code: z.string().trim().min(1).max(20),
    name,
    nameEn: name,
    hex: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .nullable()
      .optional(),
  })
  .meta({ id: 'Colour' });
export const trimColourSchema = colourSchema
  .extend({ id: idSchema, hex: z.string().nullable() })
  .meta({ id: 'TrimColour' });

export const mediaSchema = z
  .object({
    id: idSchema,
    kind: z.enum(mediaKinds),
    url: z.string(),
    title: z.string(),
    sort: z.number().int(),
  })
  .meta({ id: 'TrimMedia' });
export const createMediaSchema = z
  .strictObject({
    kind: z.enum(mediaKinds),
    url: z.string().trim().url().max(1000),
    title: z.string().trim().min(1).max(100),
    sort: z.number().int().min(0).max(1000).default(0),
  })
  .meta({ id: 'CreateTrimMedia' });

/** The technical and equipment attributes of a trim, as the customer compares them. */
const trimAttributes = {
  modelYear: z.number().int().min(1990).max(2100),
  bodyType: z.enum(bodyTypes),
  seats: z.number().int().min(1).max(60),
  energy: z.enum(energies),
  drivetrain: z.enum(drivetrains),
  transmission: z.enum(transmissions),
  powerKw: positiveInt.max(2000),
  torqueNm: positiveInt.max(5000).nullable().optional(),
  displacementMl: positiveInt.max(10000).nullable().optional(),
  batteryWh: positiveInt.max(500_000).nullable().optional(),
  rangeKm: positiveInt.max(3000).nullable().optional(),
  fuelLPer100kmX10: positiveInt.max(500).nullable().optional(),
  lengthMm: positiveInt.max(20000).nullable().optional(),
  wheelbaseMm: positiveInt.max(10000).nullable().optional(),
  features: z.array(z.enum(featureKeys)).max(featureKeys.length),
};

export const trimSchema = z
  .object({
    id: idSchema,
    modelId: idSchema,
    brandId: idSchema,
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    ...trimAttributes,
    torqueNm: z.number().int().nullable(),
    displacementMl: z.number().int().nullable(),
    batteryWh: z.number().int().nullable(),
    rangeKm: z.number().int().nullable(),
    fuelLPer100kmX10: z.number().int().nullable(),
    lengthMm: z.number().int().nullable(),
    wheelbaseMm: z.number().int().nullable(),
    isNev: z.boolean(),
    /** 厂商指导价 and 标价 (分) in force, when the list was asked with `priceStoreId` + `priceDate`; else null. */
    guidePrice: z.number().int().nullable(),
    displayPrice: z.number().int().nullable(),
    colours: z.array(trimColourSchema),
    media: z.array(mediaSchema),
    active: z.boolean(),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Trim' });
export type Trim = z.infer<typeof trimSchema>;

export const createTrimSchema = z
  .strictObject({
    modelId: idSchema,
    code: catalogCode,
    name,
    nameEn: name,
    ...trimAttributes,
    colours: z.array(colourSchema).max(60).default([]),
  })
  .meta({ id: 'CreateTrim' });
export const patchTrimSchema = z
  .strictObject(trimAttributes)
  .partial()
  .extend({
    version: versionSchema,
    name: name.optional(),
    nameEn: name.optional(),
    /** The full colour list: colours are matched by kind + code; a colour a vehicle uses cannot be removed. */
    colours: z.array(colourSchema).max(60).optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'PatchTrim' });
export const trimPageSchema = pageOf(trimSchema, 'TrimPage');

/** GET /api/v1/trims filters: every attribute a consultant filters on. `features` = all of them (comma list). */
export const trimListQuery = paginationQuery.extend({
  sort: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  brandId: idSchema.optional(),
  modelId: idSchema.optional(),
  energy: z.string().max(60).optional(), // comma list of energies
  nev: z.enum(['true', 'false']).optional(),
  bodyType: z.string().max(100).optional(), // comma list
  drivetrain: z.string().max(40).optional(),
  seatsMin: z.coerce.number().int().optional(),
  seatsMax: z.coerce.number().int().optional(),
  powerKwMin: z.coerce.number().int().optional(),
  rangeKmMin: z.coerce.number().int().optional(),
  features: z.string().max(1000).optional(),
  active: z.enum(['true', 'false']).optional(),
  /** With a store and a date, each trim carries its guide and display price in force then. */
  priceStoreId: idSchema.optional(),
  priceDate: localDateSchema.optional(),
});

const localDate = localDateSchema;

/** GET /api/v1/trims/compare: 2 to 4 trims side by side (comma list of ids), optionally with prices. */
export const trimCompareQuery = z.strictObject({
  ids: z
    .string()
    .max(400)
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(idSchema).min(2).max(4)),
  priceStoreId: idSchema.optional(),
  priceDate: localDate.optional(),
});
export const trimComparisonSchema = z.object({ items: z.array(trimSchema) }).meta({ id: 'TrimComparison' });

/** GET /api/v1/trims/export: the list filters, as a CSV or XLSX file with the import's columns. */
export const trimExportQuery = trimListQuery
  .omit({ limit: true, cursor: true, sort: true, priceStoreId: true, priceDate: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const trimImportQuery = z.strictObject({
  mode: z.enum(['dry-run', 'strict', 'lenient']).default('dry-run'),
});

export const catalogOptionSchema = z
  .object({
    id: idSchema,
    modelId: idSchema.nullable(),
    kind: z.enum(optionKinds),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    active: z.boolean(),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CatalogOption' });
export const createCatalogOptionSchema = z
  .strictObject({
    modelId: idSchema.nullable().optional(),
    kind: z.enum(optionKinds),
    code: catalogCode,
    name,
    nameEn: name,
  })
  .meta({ id: 'CreateCatalogOption' });
export const patchCatalogOptionSchema = z
  .strictObject({
    version: versionSchema,
    name: name.optional(),
    nameEn: name.optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'PatchCatalogOption' });
export const catalogOptionPageSchema = pageOf(catalogOptionSchema, 'CatalogOptionPage');
export const catalogOptionListQuery = paginationQuery.extend({
  sort: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  kind: z.enum(optionKinds).optional(),
  /** Options that fit this model: its own and those that fit every model. */
  modelId: idSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});

export type CreateTrim = z.infer<typeof createTrimSchema>;
export type PatchTrim = z.infer<typeof patchTrimSchema>;
export type TrimListQuery = z.infer<typeof trimListQuery>;
export type TrimExportQuery = z.infer<typeof trimExportQuery>;
export type ColourInput = z.infer<typeof colourSchema>;
export type CreateTrimMedia = z.infer<typeof createMediaSchema>;
export type CatalogOption = z.infer<typeof catalogOptionSchema>;
export type CreateCatalogOption = z.infer<typeof createCatalogOptionSchema>;
export type PatchCatalogOption = z.infer<typeof patchCatalogOptionSchema>;
export type CatalogOptionListQuery = z.infer<typeof catalogOptionListQuery>;
