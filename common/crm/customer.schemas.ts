import { z } from 'zod';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import {
  consentSources,
  contactChannels,
  customerStatuses,
  customerTypes,
  identityDocumentTypes,
  maxMobiles,
  preferredTimes,
} from './customer.enums';

const text = (max: number) => z.string().trim().max(max);

export const identityDocumentInput = z.strictObject({
  type: z.enum(identityDocumentTypes),
  number: z.string().trim().min(1).max(40),
});

/** PIPL: consent per channel with the date and how it was given. */
export const consentInput = z.strictObject({
  channel: z.enum(contactChannels),
  granted: z.boolean(),
  source: z.enum(consentSources),
  /** When the customer gave (or withdrew) it; default now. */
  recordedAt: z.string().datetime({ offset: true }).optional(),
});

const customerFields = {
  name: z.string().trim().min(1).max(100),
  /** The first is the primary number (checked with the rules library's cn-mobile). */
  mobiles: z.array(z.string().trim().min(1).max(30)).min(1).max(maxMobiles),
  identityDocument: identityDocumentInput.nullable().optional(),
  /** 统一社会信用代码 of a company customer (GB 32100). */
  companyCode: text(30).nullable().optional(),
  email: z.email().max(120).nullable().optional(),
  address: text(200).nullable().optional(),
  employer: text(100).nullable().optional(),
  preferredChannel: z.enum(contactChannels).nullable().optional(),
  preferredTime: z.enum(preferredTimes).nullable().optional(),
  consents: z.array(consentInput).max(contactChannels.length).optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
  /** The consultant who owns the customer (default: the creator). */
  ownerId: idSchema.nullable().optional(),
  note: text(500).nullable().optional(),
};

/** A customer needs at least a type, a name and one mobile number. */
export const createCustomerSchema = z
  .strictObject({
    type: z.enum(customerTypes),
    ...customerFields,
    storeId: idSchema.optional(), // default: the only store the user works in
    /** Create even though a customer with the same mobile, identity number or company code exists. */
    allowDuplicate: z.boolean().default(false),
  })
  .meta({ id: 'CreateCustomer' });

export const patchCustomerSchema = z
  .strictObject({
    version: versionSchema,
    ...customerFields,
    name: customerFields.name.optional(),
    mobiles: customerFields.mobiles.optional(),
    allowDuplicate: z.boolean().default(false),
  })
  .meta({ id: 'PatchCustomer' });

export const consentSchema = z
  .object({
    channel: z.enum(contactChannels),
    granted: z.boolean(),
    source: z.enum(consentSources),
    recordedAt: z.string(),
    recordedBy: idSchema.nullable(),
  })
  .meta({ id: 'Consent' });

export const customerMobileSchema = z
  .object({
    /** Full for those who may see the customer's contact data, else `138****5678`. */
    number: z.string(),
    masked: z.boolean(),
    primary: z.boolean(),
  })
  .meta({ id: 'CustomerMobile' });

export const customerSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    storeId: idSchema,
    type: z.enum(customerTypes),
    name: z.string(),
    mobiles: z.array(customerMobileSchema),
    identityDocument: z.object({ type: z.enum(identityDocumentTypes), numberMasked: z.string() }).nullable(),
    companyCode: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    employer: z.string().nullable(),
    preferredChannel: z.enum(contactChannels).nullable(),
    preferredTime: z.enum(preferredTimes).nullable(),
    consents: z.array(consentSchema),
    tags: z.array(z.string()),
    ownerId: idSchema.nullable(),
    ownerName: z.string().nullable(),
    note: z.string().nullable(),
    status: z.enum(customerStatuses),
    mergedInto: idSchema.nullable(),
    /** Whether the reader sees this customer's contact data in full. */
    contactVisible: z.boolean(),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Customer' });

export const customerListQuery = paginationQuery.extend({
  sort: z.string().max(40).optional(), // name | createdAt | updatedAt, '-' for descending
  /** As you type: name prefix, mobile (full or last 4), plate, VIN (full or last 6), identity number, USCC. */
  q: z.string().max(40).optional(),
  storeId: idSchema.optional(),
  ownerId: idSchema.optional(),
  type: z.enum(customerTypes).optional(),
  status: z.enum(customerStatuses).default('active'),
  tag: z.string().max(20).optional(),
});
export const customerPageSchema = pageOf(customerSchema, 'CustomerPage');

export const duplicateQuery = z.strictObject({
  mobile: z.string().max(30).optional(),
  identityNumber: z.string().max(40).optional(),
  companyCode: z.string().max(30).optional(),
  /** Leave this customer out (the one being edited or merged into). */
  excludeId: idSchema.optional(),
});

export const duplicateMatchSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    name: z.string(),
    storeId: idSchema,
    mobile: z.string().nullable(),
    matchedOn: z.array(z.enum(['mobile', 'identityNumber', 'companyCode'])),
  })
  .meta({ id: 'DuplicateCustomer' });
export const duplicatesSchema = z
  .object({ items: z.array(duplicateMatchSchema) })
  .meta({ id: 'DuplicateCustomers' });

export const revealIdentitySchema = z
  .object({ type: z.enum(identityDocumentTypes).nullable(), number: z.string().nullable() })
  .meta({ id: 'RevealedIdentity' });

export const mergeCustomerSchema = z
  .strictObject({
    /** The duplicate that goes into this customer; it stays as `merged`, never deleted. */
    sourceId: idSchema,
    /** This (target) customer's version. */
    version: versionSchema,
  })
  .meta({ id: 'MergeCustomer' });

export const timelineEntrySchema = z
  .object({
    id: idSchema,
    at: z.string(),
    type: z.string(),
    entity: z.string(),
    entityId: idSchema,
    actorId: idSchema.nullable(),
    actorName: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CustomerTimelineEntry' });
export const timelinePageSchema = pageOf(timelineEntrySchema, 'CustomerTimelinePage');

export type CreateCustomer = z.infer<typeof createCustomerSchema>;
export type PatchCustomer = z.infer<typeof patchCustomerSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type CustomerListQuery = z.infer<typeof customerListQuery>;
export type DuplicateQuery = z.infer<typeof duplicateQuery>;
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type ConsentInput = z.infer<typeof consentInput>;
