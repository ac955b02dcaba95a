import { z } from 'zod';
import { energies, optionKinds } from '../catalog/catalog.enums';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { LOAN_RATE_BP_MAX, LOAN_TERM_MONTHS } from './loan';
import { reasonSchema } from './recommendation.schemas';

export const planLanguages = ['zh-CN', 'en'] as const;
/** A share link works this many days after it was issued. */
export const PLAN_SHARE_DAYS = 30;

const fen = z.number().int().min(0).max(100_000_000_00);

export const paymentScenarioSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('full') }),
    z.strictObject({
      kind: z.literal('loan'),
      downPayment: fen,
      termMonths: z.number().int().min(LOAN_TERM_MONTHS.min).max(LOAN_TERM_MONTHS.max),
      /** Nominal annual rate in basis points (350 = 3.50 %). */
      annualRateBp: z.number().int().min(0).max(LOAN_RATE_BP_MAX),
    }),
  ])
  .meta({ id: 'PaymentScenario' });

/**
 * A personalised purchase plan (个性化购车方案, H3.3.2) for a lead: 1–3 alternative trims, each with
 * options and accessories from the store's price list in force today, and one payment scenario.
 */
export const createPurchasePlanSchema = z
  .strictObject({
    leadId: idSchema,
    needsAnalysisId: idSchema.nullable().optional(),
    /** The customer's language: the PDF and the share page speak it. */
    language: z.enum(planLanguages).default('zh-CN'),
    items: z
      .array(
        z.strictObject({
          trimId: idSchema,
          optionIds: z.array(idSchema).max(30).default([]),
        }),
      )
      .min(1)
      .max(3),
    payment: paymentScenarioSchema,
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.items.forEach((item, i) => {
      if (seen.has(item.trimId))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'trimId'], message: 'each trim once' });
      seen.add(item.trimId);
      if (new Set(item.optionIds).size !== item.optionIds.length)
        ctx.addIssue({ code: 'custom', path: ['items', i, 'optionIds'], message: 'each option once' });
    });
  })
  .meta({ id: 'CreatePurchasePlan' });

const loanSchema = z.object({
  principal: z.number().int(),
  termMonths: z.number().int(),
  annualRateBp: z.number().int(),
  monthly: z.number().int(),
  totalRepaid: z.number().int(),
  totalInterest: z.number().int(),
});

export const planQuoteSchema = z
  .object({
    vehiclePrice: z.number().int(),
    factoryOptions: z.number().int(),
    accessories: z.number().int(),
    invoiceTotal: z.number().int(),
    priceExclVat: z.number().int(),
    vat: z.number().int(),
    purchaseTaxBeforeRelief: z.number().int(),
    purchaseTaxRelief: z.number().int(),
    purchaseTax: z.number().int(),
    taxPolicy: z.string().nullable(),
    loan: loanSchema.nullable(),
    dueAtPurchase: z.number().int(),
    totalCost: z.number().int(),
  })
  .meta({ id: 'PlanQuote' });

export const purchasePlanItemSchema = z
  .object({
    position: z.number().int(),
    trimId: idSchema,
    trimCode: z.string(),
    trimName: z.string(),
    trimNameEn: z.string(),
    modelName: z.string(),
    modelNameEn: z.string(),
    brandName: z.string(),
    brandNameEn: z.string(),
    energy: z.enum(energies),
    guidePrice: z.number().int().nullable(),
    displayPrice: z.number().int(),
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
    /** Why the trim fits the plan's needs analysis (the recommendation's reasons that day). */
    reasons: z.array(reasonSchema),
    quote: planQuoteSchema,
  })
  .meta({ id: 'PurchasePlanItem' });

/** What the customer sees on the share page and the PDF: the plan without internal ids of staff. */
export const publicPurchasePlanSchema = z
  .object({
    number: z.string(),
    storeName: z.string(),
    customerName: z.string(),
    consultantName: z.string().nullable(),
    language: z.enum(planLanguages),
    priceDate: z.string(),
    payment: paymentScenarioSchema,
    items: z.array(purchasePlanItemSchema),
    note: z.string().nullable(),
    createdAt: z.string(),
    shareExpiresAt: z.string(),
  })
  .meta({ id: 'PublicPurchasePlan' });
export type PublicPurchasePlan = z.infer<typeof publicPurchasePlanSchema>;

export const purchasePlanSchema = publicPurchasePlanSchema
  .extend({
    id: idSchema,
    storeId: idSchema,
    leadId: idSchema,
    leadNumber: z.string(),
    customerId: idSchema,
    needsAnalysisId: idSchema.nullable(),
    priceListId: idSchema,
    /** The share page (no sign-in) while the link is valid: `/share/purchase-plans/{token}`. */
    sharePath: z.string(),
    createdBy: idSchema.nullable(),
    version: versionSchema,
    updatedAt: z.string(),
  })
  .meta({ id: 'PurchasePlan' });
export type PurchasePlan = z.infer<typeof purchasePlanSchema>;
export type PurchasePlanItem = z.infer<typeof purchasePlanItemSchema>;
export const purchasePlanPageSchema = pageOf(purchasePlanSchema, 'PurchasePlanPage');
export const purchasePlanListQuery = paginationQuery.extend({
  leadId: idSchema.optional(),
  customerId: idSchema.optional(),
});

/** A new share link (the old one stops working), valid PLAN_SHARE_DAYS from now. */
export const renewShareSchema = z.strictObject({ version: versionSchema }).meta({ id: 'RenewPlanShare' });

export const planPdfQuery = z.strictObject({ lang: z.enum(planLanguages).optional() });
