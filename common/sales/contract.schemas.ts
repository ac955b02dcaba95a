import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { contractChecks } from './contract.readiness';
import { paymentMethods } from './deal.status';

const text = (max: number) => z.string().trim().max(max);
const localDate = localDateSchema;
export const contractLanguages = ['zh-CN', 'en'] as const;
export const contractStatuses = ['draft', 'signed', 'superseded', 'cancelled'] as const;
export const signingParties = ['customer', 'consultant'] as const;
export const cancellationReasons = [
  'customer_withdrew',
  'dealer_cannot_supply',
  'financing_declined',
  'other',
] as const;
/** Signature images from the on-screen pad: a PNG data URL, at most ~300 KB. */
export const signatureSchema = z
  .string()
  .max(400_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'a PNG data URL from the signature pad');
/** A document copy or photo: base64 of a PNG, JPEG or PDF, at most 4 MB. */
export const uploadSchema = z
  .strictObject({
    mime: z.enum(['image/png', 'image/jpeg', 'application/pdf']),
    dataBase64: z
      .string()
      .min(8)
      .max(5_600_000)
      .regex(/^[A-Za-z0-9+/]+=*$/, 'base64'),
    fileName: text(200).optional(),
  })
  .meta({ id: 'Upload' });

export const contractBuyerSchema = z.strictObject({
  kind: z.enum(['individual', 'company']),
  /** The buyer's name: the person, or the company's registered name. */
  name: text(100).min(1),
  /** An individual's identity document type (crm types: resident_id, passport, …) or 'uscc' for a company. */
  documentType: text(40).min(1),
  documentNumber: text(40).min(1),
  mobile: text(20).min(1),
  address: text(300).min(1),
  /** Employer (individual) or legal representative (company). */
  employer: text(200).min(1),
});

export const createContractSchema = z
  .strictObject({
    dealId: idSchema,
    language: z.enum(contractLanguages).default('zh-CN'),
    buyer: contractBuyerSchema,
    paymentMethod: z.enum(paymentMethods),
    deliveryDate: localDate,
    deliveryPlace: text(200).optional(),
    specialTerms: text(2000).optional(),
  })
  .meta({ id: 'CreateContract' });
export type CreateContract = z.infer<typeof createContractSchema>;

export const signContractSchema = z
  .strictObject({ version: versionSchema, party: z.enum(signingParties), signature: signatureSchema })
  .meta({ id: 'SignContract' });
export const contractIdCopySchema = uploadSchema
  .extend({ version: versionSchema })
  .meta({ id: 'ContractIdCopy' });
export const verifyIdentitySchema = z
  .strictObject({ version: versionSchema, note: text(200).optional() })
  .meta({ id: 'VerifyIdentity' });

/** A change (H4.1.3): the changed terms make a new version that both parties sign again. */
export const amendContractSchema = z
  .strictObject({
    version: versionSchema,
    reason: text(500).min(1),
    deliveryDate: localDate.optional(),
    deliveryPlace: text(200).optional(),
    paymentMethod: z.enum(paymentMethods).optional(),
    /** A lower agreed vehicle price (分); the same Art. 10 and discount-limit checks as the quote. */
    vehiclePrice: z.number().int().min(0).max(100_000_000_00).optional(),
    specialTerms: text(2000).optional(),
    buyer: contractBuyerSchema.partial().strict().optional(),
  })
  .meta({ id: 'AmendContract' });
export type AmendContract = z.infer<typeof amendContractSchema>;

export const cancelContractSchema = z
  .strictObject({ version: versionSchema, reason: z.enum(cancellationReasons), note: text(500).optional() })
  .meta({ id: 'CancelContract' });
export type CancelContract = z.infer<typeof cancelContractSchema>;

const termValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const contractSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    dealId: idSchema,
    storeId: idSchema,
    versionNo: z.number().int(),
    status: z.enum(contractStatuses),
    language: z.enum(contractLanguages),
    vin: z.string(),
    terms: z.record(z.string(), termValue),
    buyer: z.object({
      kind: z.enum(['individual', 'company']),
      name: z.string(),
      documentType: z.string(),
      /** Masked unless the reader may see identity numbers. */
      documentNumber: z.string(),
      mobile: z.string(),
      address: z.string(),
      employer: z.string(),
    }),
    checks: z.array(z.object({ check: z.enum(contractChecks), ok: z.boolean() })),
    idCopy: z.object({ attachmentId: idSchema, uploadedAt: z.string() }).nullable(),
    identityVerifiedBy: z.string().nullable(),
    identityVerifiedAt: z.string().nullable(),
    signatures: z.object({
      customer: z.object({ signedAt: z.string() }).nullable(),
      consultant: z.object({ signedAt: z.string(), by: z.string() }).nullable(),
    }),
    signedAt: z.string().nullable(),
    /** The customer's copy: a public link (signed contracts only). */
    customerCopyPath: z.string().nullable(),
    changes: z.array(z.object({ field: z.string(), before: termValue, after: termValue })),
    amendReason: z.string().nullable(),
    cancellation: z
      .object({
        reason: z.enum(cancellationReasons),
        note: z.string().nullable(),
        by: z.string(),
        at: z.string(),
      })
      .nullable(),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Contract' });
export type Contract = z.infer<typeof contractSchema>;
export const contractPageSchema = pageOf(contractSchema, 'ContractPage');
export const contractListQuery = paginationQuery.extend({
  dealId: idSchema.optional(),
  status: z.enum(contractStatuses).optional(),
  storeId: idSchema.optional(),
});
export const contractPdfQuery = z.strictObject({ lang: z.enum(contractLanguages).optional() });
