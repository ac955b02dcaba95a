import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { idSchema, isoInstant, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { paymentKinds, paymentMethods, paymentStatuses, refundStatuses } from './deal.status';
import { invoiceKinds, invoiceStatuses, invoiceVoidModes } from './invoice.calc';

const text = (max: number) => z.string().trim().max(max);
const localDate = localDateSchema;
const positiveFen = z.number().int().min(1).max(100_000_000_00);

export const recordPaymentSchema = z
  .strictObject({
    dealId: idSchema,
    kind: z.enum(paymentKinds),
    method: z.enum(paymentMethods),
    amount: positiveFen,
    reference: text(100).optional(),
    receivedAt: isoInstant.optional(),
  })
  .meta({ id: 'RecordPayment' });
export type RecordPayment = z.infer<typeof recordPaymentSchema>;
export const confirmPaymentSchema = z.strictObject({ version: versionSchema }).meta({ id: 'ConfirmPayment' });
export const rejectPaymentSchema = z
  .strictObject({ version: versionSchema, reason: text(300).min(1) })
  .meta({ id: 'RejectPayment' });

export const paymentSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    dealId: idSchema,
    dealNumber: z.string(),
    customerName: z.string(),
    storeId: idSchema,
    kind: z.enum(paymentKinds),
    method: z.enum(paymentMethods),
    amount: z.number().int(),
    reference: z.string().nullable(),
    status: z.enum(paymentStatuses),
    receivedAt: z.string(),
    recordedBy: z.string(),
    confirmedBy: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    version: versionSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'Payment' });
export type Payment = z.infer<typeof paymentSchema>;
export const paymentPageSchema = pageOf(paymentSchema, 'PaymentPage');
export const paymentListQuery = paginationQuery.extend({
  dealId: idSchema.optional(),
  status: z.enum(paymentStatuses).optional(),
  storeId: idSchema.optional(),
});

export const createRefundSchema = z
  .strictObject({ dealId: idSchema, amount: positiveFen, reason: text(300).min(1) })
  .meta({ id: 'CreateRefund' });
export const payRefundSchema = z
  .strictObject({ version: versionSchema, method: z.enum(paymentMethods), reference: text(100).optional() })
  .meta({ id: 'PayRefund' });
export const refundSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    dealId: idSchema,
    dealNumber: z.string(),
    storeId: idSchema,
    amount: z.number().int(),
    reason: z.string(),
    source: z.enum(['cancellation', 'overpayment']),
    status: z.enum(refundStatuses),
    method: z.enum(paymentMethods).nullable(),
    reference: z.string().nullable(),
    createdBy: z.string(),
    paidBy: z.string().nullable(),
    paidAt: z.string().nullable(),
    version: versionSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'Refund' });
export type Refund = z.infer<typeof refundSchema>;
export const refundPageSchema = pageOf(refundSchema, 'RefundPage');
export const refundListQuery = paginationQuery.extend({
  dealId: idSchema.optional(),
  status: z.enum(refundStatuses).optional(),
  storeId: idSchema.optional(),
});

export const createInvoiceSchema = z.strictObject({ dealId: idSchema }).meta({ id: 'CreateInvoice' });
export const issueInvoiceSchema = z
  .strictObject({
    version: versionSchema,
    /** 发票代码 and 发票号码 given by the tax system (digital invoices: the 20-digit number only). */
    invoiceCode: z
      .string()
      .regex(/^\d{10,12}$/)
      .optional(),
    invoiceNo: z.string().regex(/^\d{8,20}$/),
    issueDate: localDate,
  })
  .meta({ id: 'IssueInvoice' });
export const voidInvoiceSchema = z
  .strictObject({ version: versionSchema, mode: z.enum(invoiceVoidModes), reason: text(300).min(1) })
  .meta({ id: 'VoidInvoice' });

export const invoiceSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    dealId: idSchema,
    storeId: idSchema,
    kind: z.enum(invoiceKinds),
    status: z.enum(invoiceStatuses),
    originalInvoiceId: idSchema.nullable(),
    buyerKind: z.enum(['individual', 'company']),
    buyerName: z.string(),
    buyerTaxId: z.string(),
    sellerName: z.string(),
    sellerTaxId: z.string(),
    sellerAddress: z.string().nullable(),
    sellerPhone: z.string().nullable(),
    sellerBank: z.string().nullable(),
    vehicleType: z.string(),
    brandModel: z.string(),
    origin: z.string().nullable(),
    vin: z.string(),
    engineNo: z.string().nullable(),
    cocNo: z.string().nullable(),
    totalInclVat: z.number().int(),
    totalInWords: z.string(),
    vatRatePercent: z.number().int(),
    vat: z.number().int(),
    priceExclVat: z.number().int(),
    invoiceCode: z.string().nullable(),
    invoiceNo: z.string().nullable(),
    issueDate: z.string().nullable(),
    issuedBy: z.string().nullable(),
    voidReason: z.string().nullable(),
    /** The e-invoicing hand-off: pending, sent, failed (retried), with the provider's reference. */
    submission: z.object({
      status: z.enum(['none', 'pending', 'sent', 'failed']),
      reference: z.string().nullable(),
      error: z.string().nullable(),
      attempts: z.number().int(),
    }),
    version: versionSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'Invoice' });
export type Invoice = z.infer<typeof invoiceSchema>;
export const invoicePageSchema = pageOf(invoiceSchema, 'InvoicePage');
export const invoiceListQuery = paginationQuery.extend({
  dealId: idSchema.optional(),
  status: z.enum(invoiceStatuses).optional(),
  storeId: idSchema.optional(),
});
