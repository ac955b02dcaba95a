/**
 * What a purchase plan alternative costs the customer (个性化购车方案, H3.3.2): the vehicle invoice
 * (trim + factory options) split into price excl. VAT and VAT, the purchase tax with the NEV relief
 * of the rules library, accessories on their own invoice, and — for a loan — the monthly instalment.
 * Pure: the server, the web app (live while the consultant builds the plan) and the PDF use it.
 */
import { computeVehicleTax } from '../rules/vehicle-tax';
import type { Energy } from '../catalog/catalog.enums';
import { monthlyInstalment, type LoanSchedule } from './loan';

export type PaymentScenario =
  { kind: 'full' } | { kind: 'loan'; downPayment: number; termMonths: number; annualRateBp: number };

export interface PlanLineInput {
  /** 标价 of the trim (分). */
  vehiclePrice: number;
  energy: Energy;
  options: readonly { kind: 'factory_option' | 'accessory'; price: number }[];
}

export interface PlanQuote {
  vehiclePrice: number;
  factoryOptions: number;
  accessories: number;
  /** 机动车销售统一发票 total: trim + factory options (价税合计). */
  invoiceTotal: number;
  priceExclVat: number;
  vat: number;
  purchaseTaxBeforeRelief: number;
  purchaseTaxRelief: number;
  purchaseTax: number;
  /** The announcement of the relief applied, if any. */
  taxPolicy: string | null;
  loan: LoanSchedule | null;
  /** Paid at purchase: the full price (or the down payment), accessories and the purchase tax. */
  dueAtPurchase: number;
  /** Everything over the life of the plan: due at purchase plus all instalments. */
  totalCost: number;
}

/** Why a payment scenario cannot be applied to a line (the API answers 400 naming the field). */
export function paymentProblem(line: PlanLineInput, payment: PaymentScenario): string | null {
  if (payment.kind !== 'loan') return null;
  const invoice = line.vehiclePrice + sum(line.options.filter((o) => o.kind === 'factory_option'));
  return payment.downPayment > invoice ? 'down payment above the vehicle price' : null;
}

const sum = (xs: readonly { price: number }[]) => xs.reduce((s, x) => s + x.price, 0);

/** The costs of one alternative on a purchase date ('YYYY-MM-DD', the tax relief depends on it). */
export function quotePlanLine(
  line: PlanLineInput,
  payment: PaymentScenario,
  purchaseDate: string,
): PlanQuote {
  const factoryOptions = sum(line.options.filter((o) => o.kind === 'factory_option'));
  const accessories = sum(line.options.filter((o) => o.kind === 'accessory'));
  const invoiceTotal = line.vehiclePrice + factoryOptions;
  const tax = computeVehicleTax({ totalInclVat: invoiceTotal, purchaseDate, energy: line.energy });
  const loan =
    payment.kind === 'loan'
      ? monthlyInstalment({
          principal: Math.max(0, invoiceTotal - payment.downPayment),
          termMonths: payment.termMonths,
          annualRateBp: payment.annualRateBp,
        })
      : null;
  const upFrontVehicle = loan ? invoiceTotal - loan.principal : invoiceTotal;
  const dueAtPurchase = upFrontVehicle + accessories + tax.purchaseTax;
  return {
    vehiclePrice: line.vehiclePrice,
    factoryOptions,
    accessories,
    invoiceTotal,
    priceExclVat: tax.priceExclVat,
    vat: tax.vat,
    purchaseTaxBeforeRelief: tax.purchaseTaxBeforeRelief,
    purchaseTaxRelief: tax.purchaseTaxRelief,
    purchaseTax: tax.purchaseTax,
    taxPolicy: tax.policy?.reference ?? null,
    loan,
    dueAtPurchase,
    totalCost: dueAtPurchase + (loan?.totalRepaid ?? 0),
  };
}
