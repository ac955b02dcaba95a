/**
 * The figures of a 机动车销售统一发票 (unified motor-vehicle sales invoice, H4.3.2): exactly one vehicle
 * line whose total including VAT (价税合计) is split into the price excluding VAT and the VAT at the
 * rate, with the total in upper-case Chinese (大写). The three always add up to the 分 because the VAT
 * is the remainder (rules library `splitVat`).
 */
import { amountInWords } from '../rules/amount-in-words';
import { splitVat, VAT_RATE_PERCENT } from '../rules/vehicle-tax';
import { identityNumberIssues, companyCodeIssues } from '../rules/customer-fields';

export interface InvoiceFigures {
  totalInclVat: number;
  priceExclVat: number;
  vat: number;
  vatRatePercent: number;
  totalInWords: string;
}

export function invoiceFigures(totalInclVat: number, vatRatePercent = VAT_RATE_PERCENT): InvoiceFigures {
  const split = splitVat(totalInclVat, vatRatePercent);
  return { ...split, vatRatePercent, totalInWords: amountInWords(totalInclVat) };
}

export type BuyerKind = 'individual' | 'company';

/**
 * The buyer's taxpayer id on the invoice: an individual's identity document number (a resident id is
 * checked per GB 11643), a company's unified social credit code (GB 32100). Returns the problem codes.
 */
export function buyerTaxIdIssues(kind: BuyerKind, documentType: string, taxId: string, path = 'buyerTaxId') {
  return kind === 'company'
    ? companyCodeIssues(taxId, path)
    : identityNumberIssues(documentType, taxId, path);
}

/** draft: the data sheet, editable; issued: numbered by the tax system; voided (作废) or reversed (红冲) by a red invoice. */
export const invoiceStatuses = ['draft', 'issued', 'voided', 'reversed'] as const;
export const invoiceKinds = ['blue', 'red'] as const;
/** 作废: the same month, the paper/e-invoice is cancelled; 红字: later, a negative invoice reverses it. */
export const invoiceVoidModes = ['void', 'red_letter'] as const;
