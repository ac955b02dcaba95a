import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { energies } from '../catalog/catalog.enums';
import { LOAN_RATE_BP_MAX, LOAN_TERM_MONTHS } from '../crm/loan';
import { idSchema, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { dealServiceCodes, dealStatuses, type DealAction } from './deal.status';

const fen = z.number().int().min(0).max(100_000_000_00);
const localDate = localDateSchema;
const text = (max: number) => z.string().trim().max(max);

export const loanTermsSchema = z
  .strictObject({
    downPayment: fen,
    termMonths: z.number().int().min(LOAN_TERM_MONTHS.min).max(LOAN_TERM_MONTHS.max),
    /** Nominal annual rate in basis points (350 = 3.50 %). */
    annualRateBp: z.number().int().min(0).max(LOAN_RATE_BP_MAX),
    lender: text(100).optional(),
  })
  .meta({ id: 'LoanTerms' });

/** The customer's used car taken in part exchange (置换), with its appraisal. */
export const tradeInSchema = z
  .strictObject({
    description: text(200).min(1),
    vin: text(17).optional(),
    plate: text(10).optional(),
    mileageKm: z.number().int().min(0).max(2_000_000).optional(),
    appraisedValue: fen,
    /** What the deal credits for it: at most the appraisal. */
    credit: fen,
    appraisedBy: text(100).optional(),
  })
  .meta({ id: 'TradeIn' });

/** The quote (报价): what can be edited while the deal is a quote. */
export const quoteSchema = z.strictObject({
  /** A VIN from stock (reserved for the deal), or a trim to order. */
  vehicleId: idSchema.nullable().optional(),
  trimId: idSchema.optional(),
  exteriorColourId: idSchema.nullable().optional(),
  /** The agreed vehicle price (分): never above the 标价 in force (Art. 10). */
  vehiclePrice: fen,
  /** Factory options and accessories of the catalogue at their quoted price; declined lines are kept. */
  options: z
    .array(z.strictObject({ optionId: idSchema, price: fen, accepted: z.boolean().default(true) }))
    .max(40)
    .default([]),
  /** Value-added services, each separately accepted or declined (Art. 14). */
  services: z
    .array(z.strictObject({ code: z.enum(dealServiceCodes), price: fen, accepted: z.boolean() }))
    .max(10)
    .default([]),
  tradeIn: tradeInSchema.nullable().optional(),
  paymentKind: z.enum(['full', 'loan']).default('full'),
  loan: loanTermsSchema.nullable().optional(),
  /** Purchase date the quote's tax estimate is made for; today in the store when absent. */
  expectedPurchaseDate: localDate.optional(),
  notes: text(1000).optional(),
});

export const createDealSchema = quoteSchema
  .extend({
    customerId: idSchema,
    leadId: idSchema.nullable().optional(),
    storeId: idSchema.optional(),
  })
  .meta({ id: 'CreateDeal' });
export type CreateDeal = z.infer<typeof createDealSchema>;

export const updateQuoteSchema = quoteSchema.extend({ version: versionSchema }).meta({ id: 'UpdateQuote' });
export type UpdateQuote = z.infer<typeof updateQuoteSchema>;

export const dealDecisionSchema = z
  .strictObject({ version: versionSchema, note: text(500).optional() })
  .meta({ id: 'DealDecision' });

export const dealLineSchema = z
  .object({
    id: idSchema,
    kind: z.enum(['factory_option', 'accessory', 'service']),
    ref: z.string(),
    name: z.string(),
    displayPrice: z.number().int().nullable(),
    price: z.number().int(),
    accepted: z.boolean(),
  })
  .meta({ id: 'DealLine' });

const scenarioSchema = z.object({
  loan: z
    .object({
      principal: z.number().int(),
      termMonths: z.number().int(),
      annualRateBp: z.number().int(),
      monthly: z.number().int(),
      totalRepaid: z.number().int(),
      totalInterest: z.number().int(),
    })
    .nullable(),
  outOfPocket: z.number().int(),
  totalCost: z.number().int(),
});

export const dealTotalsSchema = z
  .object({
    displayPrice: z.number().int(),
    vehiclePrice: z.number().int(),
    discount: z.number().int(),
    factoryOptions: z.number().int(),
    accessories: z.number().int(),
    services: z.number().int(),
    invoiceTotal: z.number().int(),
    priceExclVat: z.number().int(),
    vat: z.number().int(),
    purchaseTaxBeforeRelief: z.number().int(),
    purchaseTaxRelief: z.number().int(),
    purchaseTax: z.number().int(),
    taxPolicy: z.string().nullable(),
    tradeInCredit: z.number().int(),
    dueToDealer: z.number().int(),
    full: scenarioSchema,
    loanScenario: scenarioSchema.nullable(),
    chosen: scenarioSchema,
  })
  .meta({ id: 'DealTotals' });

/** Money of a deal (H4.3.1): always derived from the payment and refund records, never edited. */
export const dealBalanceSchema = z
  .object({
    due: z.number().int(),
    confirmed: z.number().int(),
    awaitingConfirmation: z.number().int(),
    refunded: z.number().int(),
    /** due − confirmed + refunded: > 0 owed, < 0 overpaid. */
    balance: z.number().int(),
    overpaid: z.number().int(),
  })
  .meta({ id: 'DealBalance' });

export const dealSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    storeId: idSchema,
    status: z.enum(dealStatuses),
    customerId: idSchema,
    customerName: z.string(),
    leadId: idSchema.nullable(),
    consultantId: idSchema,
    consultantName: z.string(),
    vehicleId: idSchema.nullable(),
    vin: z.string().nullable(),
    trimId: idSchema,
    vehicleName: z.string(),
    energy: z.enum(energies),
    exteriorColourId: idSchema.nullable(),
    colourName: z.string().nullable(),
    lines: z.array(dealLineSchema),
    tradeIn: tradeInSchema.nullable(),
    paymentKind: z.enum(['full', 'loan']),
    loan: loanTermsSchema.nullable(),
    expectedPurchaseDate: z.string(),
    notes: z.string().nullable(),
    totals: dealTotalsSchema,
    /** The discount the consultant may give alone (null = unlimited). */
    discountLimit: z.number().int().nullable(),
    approval: z
      .object({
        requestedBy: z.string().nullable(),
        requestedAt: z.string().nullable(),
        decidedBy: z.string().nullable(),
        decidedAt: z.string().nullable(),
        decision: z.enum(['approved', 'rejected']).nullable(),
        note: z.string().nullable(),
      })
      .nullable(),
    balance: dealBalanceSchema,
    contractId: idSchema.nullable(),
    deliveryId: idSchema.nullable(),
    actions: z.array(z.string()),
    /** Days since the deal was opened (aging on the managers' list). */
    ageDays: z.number().int(),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Deal' });
export type Deal = z.infer<typeof dealSchema>;
export type DealView = Deal & { actions: DealAction[] };

export const dealSummarySchema = dealSchema
  .pick({
    id: true,
    number: true,
    storeId: true,
    status: true,
    customerId: true,
    customerName: true,
    consultantId: true,
    consultantName: true,
    vin: true,
    vehicleName: true,
    ageDays: true,
    version: true,
    createdAt: true,
    updatedAt: true,
  })
  .extend({ dueToDealer: z.number().int(), discount: z.number().int(), balance: z.number().int() })
  .meta({ id: 'DealSummary' });
export const dealPageSchema = pageOf(dealSummarySchema, 'DealPage');

export const dealListQuery = paginationQuery.extend({
  status: z.enum(dealStatuses).optional(),
  storeId: idSchema.optional(),
  consultantId: idSchema.optional(),
  customerId: idSchema.optional(),
  sort: z.enum(['createdAt', '-createdAt', 'updatedAt', '-updatedAt']).default('-updatedAt'),
});

/** Sales settings of a store: discount limits per role, care calls, first maintenance, PDI items, cancellation rules. */
export const salesSettingsSchema = z
  .object({
    storeId: idSchema,
    /** Discount (分) each role may give without approval; null = unlimited; a role absent gives none. */
    discountLimits: z.record(z.string(), fen.nullable()),
    careCallDays: z.array(z.number().int().min(0).max(365)).max(10),
    firstMaintenanceMonths: z.number().int().min(1).max(24),
    firstMaintenanceKm: z.number().int().min(500).max(50_000),
    pdiItems: z.array(z.string().trim().min(1).max(60)).min(1).max(60),
    /** Cancellation (H4.1.3): whether a deposit is refunded when the customer withdraws. */
    depositRefundableOnWithdrawal: z.boolean(),
    keysExpected: z.number().int().min(1).max(6),
    /** Seller data of the invoice (销货单位). */
    sellerName: z.string().nullable(),
    sellerTaxId: z.string().nullable(),
    sellerAddress: z.string().nullable(),
    sellerPhone: z.string().nullable(),
    sellerBank: z.string().nullable(),
    contractClauses: z.record(z.enum(['zh-CN', 'en']), z.string()),
    version: versionSchema,
  })
  .meta({ id: 'SalesSettings' });
export type SalesSettings = z.infer<typeof salesSettingsSchema>;

export const patchSalesSettingsSchema = salesSettingsSchema
  .omit({ storeId: true })
  .partial()
  .extend({ version: versionSchema })
  .strict()
  .meta({ id: 'PatchSalesSettings' });
