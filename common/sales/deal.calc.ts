/**
 * What a deal costs (报价, H4): the vehicle invoice (agreed vehicle price + factory options) split into
 * price excl. VAT and VAT with the purchase-tax estimate of the rules library, accessories and the
 * value-added services the customer accepted (each declinable: 汽车销售管理办法 Art. 14 forbids forced
 * bundling), the trade-in credit, and both payment scenarios side by side. Pure: the server stores it,
 * the deal desk shows it live, the contract and the invoice print it. Money in 分.
 */
import { computeVehicleTax } from '../rules/vehicle-tax';
import type { Energy } from '../catalog/catalog.enums';
import { monthlyInstalment, type LoanSchedule } from '../crm/loan';

export interface DealLineInput {
  kind: 'factory_option' | 'accessory' | 'service';
  price: number;
  accepted: boolean;
}

export interface LoanTermsInput {
  downPayment: number;
  termMonths: number;
  annualRateBp: number;
}

export interface DealCalcInput {
  /** The 标价 of the trim in force on the quote date. */
  displayPrice: number;
  /** The agreed vehicle price: never above the display price (Art. 10). */
  vehiclePrice: number;
  energy: Energy;
  lines: readonly DealLineInput[];
  tradeInCredit: number;
  paymentKind: 'full' | 'loan';
  loan: LoanTermsInput | null;
  /** Purchase date the tax relief is judged on ('YYYY-MM-DD'). */
  purchaseDate: string;
}

export interface ScenarioTotals {
  loan: LoanSchedule | null;
  /** What the customer pays out of pocket: to the dealer (less the loan and the trade-in) plus the purchase tax. */
  outOfPocket: number;
  /** Out of pocket plus all instalments. */
  totalCost: number;
}

export interface DealTotals {
  displayPrice: number;
  vehiclePrice: number;
  /** displayPrice − vehiclePrice: what the approval threshold applies to. */
  discount: number;
  factoryOptions: number;
  accessories: number;
  services: number;
  /** 机动车销售统一发票 价税合计: vehicle price + factory options. */
  invoiceTotal: number;
  priceExclVat: number;
  vat: number;
  purchaseTaxBeforeRelief: number;
  purchaseTaxRelief: number;
  purchaseTax: number;
  taxPolicy: string | null;
  tradeInCredit: number;
  /** Everything the deal owes the dealer: invoice total + accessories + services. Payments cover this. */
  dueToDealer: number;
  full: ScenarioTotals;
  loanScenario: ScenarioTotals | null;
  /** The scenario the deal is written on. */
  chosen: ScenarioTotals;
}

const sumAccepted = (lines: readonly DealLineInput[], kind: DealLineInput['kind']) =>
  lines.filter((l) => l.accepted && l.kind === kind).reduce((s, l) => s + l.price, 0);

/** Why the inputs cannot be totalled (the API answers 400/422 naming the field), or null. */
export function dealCalcProblem(input: DealCalcInput): { path: string; code: string } | null {
  if (input.vehiclePrice > input.displayPrice) return { path: 'vehiclePrice', code: 'above_display_price' };
  const invoiceTotal = input.vehiclePrice + sumAccepted(input.lines, 'factory_option');
  if (input.paymentKind === 'loan' && !input.loan) return { path: 'loan', code: 'required' };
  if (input.loan && input.loan.downPayment > invoiceTotal)
    return { path: 'loan.downPayment', code: 'above_vehicle_price' };
  const due = invoiceTotal + sumAccepted(input.lines, 'accessory') + sumAccepted(input.lines, 'service');
  const financed = input.paymentKind === 'loan' && input.loan ? invoiceTotal - input.loan.downPayment : 0;
  if (input.tradeInCredit > due - financed) return { path: 'tradeIn.credit', code: 'above_amount_due' };
  return null;
}

export function calculateDeal(input: DealCalcInput): DealTotals {
  const factoryOptions = sumAccepted(input.lines, 'factory_option');
  const accessories = sumAccepted(input.lines, 'accessory');
  const services = sumAccepted(input.lines, 'service');
  const invoiceTotal = input.vehiclePrice + factoryOptions;
  const tax = computeVehicleTax({
    totalInclVat: invoiceTotal,
    purchaseDate: input.purchaseDate,
    energy: input.energy,
  });
  const dueToDealer = invoiceTotal + accessories + services;
  const scenario = (loan: LoanSchedule | null): ScenarioTotals => {
    const outOfPocket = dueToDealer - (loan?.principal ?? 0) - input.tradeInCredit + tax.purchaseTax;
    return { loan, outOfPocket, totalCost: outOfPocket + (loan?.totalRepaid ?? 0) };
  };
  const full = scenario(null);
  const loanScenario = input.loan
    ? scenario(
        monthlyInstalment({
          principal: Math.max(0, invoiceTotal - input.loan.downPayment),
          termMonths: input.loan.termMonths,
          annualRateBp: input.loan.annualRateBp,
        }),
      )
    : null;
  return {
    displayPrice: input.displayPrice,
    vehiclePrice: input.vehiclePrice,
    discount: input.displayPrice - input.vehiclePrice,
    factoryOptions,
    accessories,
    services,
    invoiceTotal,
    priceExclVat: tax.priceExclVat,
    vat: tax.vat,
    purchaseTaxBeforeRelief: tax.purchaseTaxBeforeRelief,
    purchaseTaxRelief: tax.purchaseTaxRelief,
    purchaseTax: tax.purchaseTax,
    taxPolicy: tax.policy?.reference ?? null,
    tradeInCredit: input.tradeInCredit,
    dueToDealer,
    full,
    loanScenario,
    chosen: input.paymentKind === 'loan' && loanScenario ? loanScenario : full,
  };
}

/**
 * The discount a role may give without approval (H4: over the threshold the deal waits for a manager).
 * `limits` maps roles to a limit in 分; a role absent from the map gives none; null = unlimited.
 */
export function discountLimitOf(
  roles: readonly string[],
  limits: Readonly<Record<string, number | null>>,
): number | null {
  let best: number | null = 0;
  for (const role of roles) {
    if (!(role in limits)) continue;
    const limit = limits[role] ?? null;
    if (limit === null) return null;
    if (best !== null && limit > best) best = limit;
  }
  return best;
}

export const withinLimit = (discount: number, limit: number | null) => limit === null || discount <= limit;
