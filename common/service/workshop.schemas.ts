import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';

/** The workshop (H6.3): bays/lifts and technicians with skills, opening hours, labour rate, canned jobs. */
export const workshopSkills = ['general', 'hv', 'diagnosis', 'body', 'paint', 'tyres', 'alignment'] as const;
export type WorkshopSkill = (typeof workshopSkills)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const skills = z.array(z.enum(workshopSkills)).max(workshopSkills.length);

export const workshopSettingsInput = z
  .strictObject({
    storeId: idSchema,
    version: versionSchema.optional(),
    /** 分 per hour of standard (flagged) labour. */
    labourRate: z.number().int().min(0).max(10_000_000),
    opensAt: hhmm,
    closesAt: hhmm,
    /** ISO weekdays the workshop opens, 1 = Monday. */
    openDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    slotMinutes: z.number().int().min(15).max(240),
    firstResponseMinutes: z.number().int().min(5).max(10_080),
    followUpDays: z.number().int().min(1).max(30),
  })
  .meta({ id: 'SaveWorkshopSettings' });

export const workshopSettingsSchema = z
  .object({
    storeId: idSchema,
    labourRate: z.number().int(),
    opensAt: z.string(),
    closesAt: z.string(),
    openDays: z.array(z.number().int()),
    slotMinutes: z.number().int(),
    firstResponseMinutes: z.number().int(),
    followUpDays: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'WorkshopSettings' });

export const createBaySchema = z
  .strictObject({
    storeId: idSchema,
    code: z.string().trim().min(1).max(20),
    name: z.string().trim().min(1).max(60),
    /** What the bay is equipped for, e.g. hv (insulated bay for new-energy work), alignment. */
    skills,
  })
  .meta({ id: 'CreateWorkshopBay' });

export const baySchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    code: z.string(),
    name: z.string(),
    skills: z.array(z.string()),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'WorkshopBay' });

export const createTechnicianSchema = z
  .strictObject({
    storeId: idSchema,
    userId: idSchema,
    /** e.g. hv = high-voltage certified for new-energy work. */
    skills,
  })
  .meta({ id: 'CreateWorkshopTechnician' });

export const technicianSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    userId: idSchema,
    name: z.string(),
    skills: z.array(z.string()),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'WorkshopTechnician' });

export const workshopResourcesSchema = z
  .object({
    settings: workshopSettingsSchema,
    bays: z.array(baySchema),
    technicians: z.array(technicianSchema),
  })
  .meta({ id: 'WorkshopResources' });

export const workshopQuery = z.strictObject({ storeId: idSchema.optional() });

export const createLaborOperationSchema = z
  .strictObject({
    storeId: idSchema,
    code: z.string().trim().min(1).max(30),
    name: z.string().trim().min(1).max(100),
    /** Standard hours in hundredths (150 = 1.5 h). */
    hoursCenti: z.number().int().min(1).max(100_000),
    skill: z.enum(workshopSkills).nullable().optional(),
  })
  .meta({ id: 'CreateLaborOperation' });

export const laborOperationSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    code: z.string(),
    name: z.string(),
    hoursCenti: z.number().int(),
    skill: z.string().nullable(),
    /** hours × the store's labour rate, in 分. */
    price: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'LaborOperation' });
export const laborOperationPageSchema = pageOf(laborOperationSchema, 'LaborOperationPage');
export const laborOperationQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
});

const vin17 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NPR-Z0-9]{17}$/, 'VIN');
const localDate = localDateSchema;

/** A recall or service campaign of the maker (召回/服务活动): the VINs it covers by list or by range. */
export const createCampaignSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(40),
    title: z.string().trim().min(1).max(200),
    kind: z.enum(['recall', 'service']),
    description: z.string().trim().max(2000).nullable().optional(),
    vins: z.array(vin17).max(5000).optional(),
    vinFrom: vin17.nullable().optional(),
    vinTo: vin17.nullable().optional(),
    startsOn: localDate,
    endsOn: localDate.nullable().optional(),
  })
  .meta({ id: 'CreateServiceCampaign' });

export const campaignSchema = z
  .object({
    id: idSchema,
    code: z.string(),
    title: z.string(),
    kind: z.string(),
    description: z.string().nullable(),
    vinCount: z.number().int(),
    vinFrom: z.string().nullable(),
    vinTo: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    status: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'ServiceCampaign' });
export const campaignPageSchema = pageOf(campaignSchema, 'ServiceCampaignPage');
export const campaignQuery = paginationQuery.extend({
  /** Campaigns open for this VIN. */
  vin: vin17.optional(),
});

/** Whether a VIN falls in a campaign's range (same length and alphabet, so text order is VIN order). */
export function vinInRange(vin: string, from: string | null, to: string | null): boolean {
  if (!from || !to) return false;
  return vin >= from && vin <= to;
}
