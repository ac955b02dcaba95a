import { z } from 'zod';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { assignmentModes, leadSources, leadStatuses, lostReasons } from './lead.status';

const note = z.string().trim().max(2000);

export const leadSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    storeId: idSchema,
    customerId: idSchema,
    customerName: z.string(),
    source: z.enum(leadSources),
    campaignRef: z.string().nullable(),
    referredBy: z.string().nullable(),
    modelId: idSchema.nullable(),
    trimId: idSchema.nullable(),
    interest: z.string().nullable(),
    status: z.enum(leadStatuses),
    lostReason: z.enum(lostReasons).nullable(),
    lostNote: z.string().nullable(),
    ownerId: idSchema.nullable(),
    ownerName: z.string().nullable(),
    assignedAt: z.string().nullable(),
    /** When the first contact is due (the store's SLA from creation); null once contacted. */
    slaDueAt: z.string().nullable(),
    firstContactedAt: z.string().nullable(),
    slaBreachedAt: z.string().nullable(),
    statusChangedAt: z.string(),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Lead' });
export type Lead = z.infer<typeof leadSchema>;
export const leadPageSchema = pageOf(leadSchema, 'LeadPage');

/** A lead is one purchase interest of a customer, with where it came from. */
export const createLeadSchema = z
  .strictObject({
    customerId: idSchema,
    source: z.enum(leadSources),
    storeId: idSchema.optional(), // default: the only store the user works in
    campaignRef: z.string().trim().min(1).max(100).nullable().optional(),
    referredBy: z.string().trim().min(1).max(100).nullable().optional(),
    /** The trim the customer asks about (its model follows); free text for anything else. */
    trimId: idSchema.nullable().optional(),
    interest: note.nullable().optional(),
    /** A manager may name the consultant; a consultant's own lead is theirs; else the store's rule decides. */
    ownerId: idSchema.nullable().optional(),
  })
  .meta({ id: 'CreateLead' });

export const leadListQuery = paginationQuery.extend({
  status: z.string().max(200).optional(), // comma-separated
  source: z.enum(leadSources).optional(),
  ownerId: idSchema.optional(),
  customerId: idSchema.optional(),
  storeId: idSchema.optional(),
  unassigned: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.string().max(40).optional(),
});

export const moveLeadSchema = z
  .strictObject({ version: versionSchema, note: note.optional() })
  .meta({ id: 'MoveLead' });
export const loseLeadSchema = z
  .strictObject({ version: versionSchema, reason: z.enum(lostReasons), note: note.optional() })
  .meta({ id: 'LoseLead' });
export const assignLeadSchema = z
  .strictObject({ version: versionSchema, ownerId: idSchema })
  .meta({ id: 'AssignLead' });

export const leadSettingsSchema = z
  .object({
    storeId: idSchema,
    /** A new lead must be contacted within this many minutes, else the managers are alerted. */
    slaMinutes: z.number().int(),
    assignment: z.enum(assignmentModes),
    version: versionSchema,
  })
  .meta({ id: 'LeadSettings' });
export const updateLeadSettingsSchema = z
  .strictObject({
    version: versionSchema,
    slaMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .optional(),
    assignment: z.enum(assignmentModes).optional(),
  })
  .meta({ id: 'UpdateLeadSettings' });

/** Counts per status for the manager's funnel (漏斗). */
export const leadFunnelSchema = z
  .object({
    byStatus: z.record(z.enum(leadStatuses), z.number().int()),
    lostByReason: z.record(z.enum(lostReasons), z.number().int()),
    overdue: z.number().int(),
    unassigned: z.number().int(),
  })
  .meta({ id: 'LeadFunnel' });

/** An alert in a user's inbox ("my day"): addressed to a person, or to a role in a store (its managers). */
export const alertSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    kind: z.string(),
    recipientId: idSchema.nullable(),
    recipientRole: z.string().nullable(),
    entity: z.string(),
    entityId: idSchema,
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: idSchema.nullable(),
    version: versionSchema,
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof alertSchema>;
export const alertPageSchema = pageOf(alertSchema, 'AlertPage');
export const alertListQuery = paginationQuery.extend({
  open: z.enum(['true', 'false']).default('true'),
});
