import type { Energy } from '@common/catalog/catalog.enums';
import type { Deal } from '@common/sales/deal.schemas';
import { calculateDeal, dealCalcProblem, type DealTotals } from '@common/sales/deal.calc';
import { dealServiceCodes, type DealServiceCode } from '@common/sales/deal.status';
import { fenToYuanString, parseYuanToFen } from '@common/rules/money';
import type { CreateDealInput } from './deals-api';

/** The deal desk's form: money as the yuan text the user types (converted to 分 without floating point). */
export interface DeskValues {
  customerId?: string;
  source: 'stock' | 'order';
  vehicleId?: string | null;
  trimId?: string;
  exteriorColourId?: string | null;
  vehiclePrice?: string;
  options: { optionId: string; kind: 'factory_option' | 'accessory'; price?: string; accepted: boolean }[];
  services: { code: DealServiceCode; price?: string; accepted: boolean }[];
  hasTradeIn: boolean;
  tradeIn?: {
    description?: string;
    vin?: string;
    plate?: string;
    mileageKm?: number | null;
    appraisedValue?: string;
    credit?: string;
    appraisedBy?: string;
  };
  paymentKind: 'full' | 'loan';
  loan?: { downPayment?: string; termMonths?: number; annualRate?: string; lender?: string };
  notes?: string;
}

export const fen = (yuan: string | undefined | null): number => (yuan ? (parseYuanToFen(yuan) ?? 0) : 0);
export const yuan = (amount: number | null | undefined): string | undefined =>
  amount === null || amount === undefined ? undefined : fenToYuanString(amount);
/** '3.5' (%) → 350 basis points. */
const basisPoints = (percent: string | undefined) => {
  const parsed = parseYuanToFen(percent ?? '');
  return parsed === null ? 0 : parsed;
};

export const emptyDesk = (): DeskValues => ({
  source: 'stock',
  options: [],
  services: dealServiceCodes.map((code) => ({ code, price: undefined, accepted: false })),
  hasTradeIn: false,
  paymentKind: 'full',
  loan: { termMonths: 36, annualRate: '3.5' },
});

/** The saved deal back in the desk's form. */
export function deskOfDeal(deal: Deal): DeskValues {
  const byCode = new Map(deal.lines.filter((l) => l.kind === 'service').map((l) => [l.ref, l]));
  return {
    customerId: deal.customerId,
    source: deal.vehicleId ? 'stock' : 'order',
    vehicleId: deal.vehicleId,
    trimId: deal.trimId,
    exteriorColourId: deal.exteriorColourId,
    vehiclePrice: yuan(deal.totals.vehiclePrice),
    options: deal.lines
      .filter((l) => l.kind !== 'service')
      .map((l) => ({
        optionId: l.ref,
        kind: l.kind as 'factory_option' | 'accessory',
        price: yuan(l.price),
        accepted: l.accepted,
      })),
    services: dealServiceCodes.map((code) => {
      const line = byCode.get(code);
      return { code, price: yuan(line?.price), accepted: line?.accepted ?? false };
    }),
    hasTradeIn: !!deal.tradeIn,
    tradeIn: deal.tradeIn
      ? {
          ...deal.tradeIn,
          appraisedValue: yuan(deal.tradeIn.appraisedValue),
          credit: yuan(deal.tradeIn.credit),
        }
      : undefined,
    paymentKind: deal.paymentKind,
    loan: deal.loan
      ? {
          downPayment: yuan(deal.loan.downPayment),
          termMonths: deal.loan.termMonths,
          annualRate: yuan(deal.loan.annualRateBp),
          lender: deal.loan.lender,
        }
      : { termMonths: 36, annualRate: '3.5' },
    notes: deal.notes ?? undefined,
  };
}

const loanOf = (v: DeskValues, always = false) =>
  (v.paymentKind === 'loan' || (always && !!v.loan?.downPayment)) && v.loan
    ? {
        downPayment: fen(v.loan.downPayment),
        termMonths: v.loan.termMonths ?? 36,
        annualRateBp: basisPoints(v.loan.annualRate),
        lender: v.loan.lender?.trim() || undefined,
      }
    : null;

/** The quote the API takes (CreateDeal without the customer; UpdateQuote without the version). */
export function quoteOfDesk(v: DeskValues): Omit<CreateDealInput, 'customerId'> {
  return {
    vehicleId: v.source === 'stock' ? (v.vehicleId ?? null) : null,
    trimId: v.trimId,
    exteriorColourId: v.exteriorColourId ?? null,
    vehiclePrice: fen(v.vehiclePrice),
    options: v.options.map((o) => ({ optionId: o.optionId, price: fen(o.price), accepted: o.accepted })),
    // Art. 14: every offered service is kept with the customer's own decision, declined ones too
    services: v.services.map((s) => ({ code: s.code, price: fen(s.price), accepted: s.accepted })),
    tradeIn:
      v.hasTradeIn && v.tradeIn
        ? {
            description: v.tradeIn.description?.trim() ?? '',
            vin: v.tradeIn.vin?.trim() || undefined,
            plate: v.tradeIn.plate?.trim() || undefined,
            mileageKm: v.tradeIn.mileageKm ?? undefined,
            appraisedValue: fen(v.tradeIn.appraisedValue),
            credit: fen(v.tradeIn.credit),
            appraisedBy: v.tradeIn.appraisedBy?.trim() || undefined,
          }
        : null,
    paymentKind: v.paymentKind,
    loan: loanOf(v),
    notes: v.notes?.trim() || undefined,
  };
}

/** The live totals of the desk with the same pure rule as the server, or why they cannot be totalled. */
export function liveTotals(
  v: DeskValues | undefined,
  displayPrice: number | null,
  energy: Energy | undefined,
  purchaseDate: string,
): { totals: DealTotals | null; problem: { path: string; code: string } | null } {
  if (!v || displayPrice === null || !energy) return { totals: null, problem: null };
  const input = {
    displayPrice,
    vehiclePrice: fen(v.vehiclePrice),
    energy,
    lines: [
      ...(v.options ?? []).map((o) => ({ kind: o.kind, price: fen(o.price), accepted: o.accepted })),
      ...(v.services ?? []).map((s) => ({
        kind: 'service' as const,
        price: fen(s.price),
        accepted: s.accepted,
      })),
    ],
    tradeInCredit: v.hasTradeIn ? fen(v.tradeIn?.credit) : 0,
    paymentKind: v.paymentKind,
    // both scenarios side by side: the loan is totalled as soon as its terms are filled in
    loan: loanOf(v, true),
    purchaseDate,
  };
  return { totals: calculateDeal(input), problem: dealCalcProblem(input) };
}
