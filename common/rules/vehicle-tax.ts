/**
 * VAT split of a vehicle invoice and vehicle purchase tax (车辆购置税).
 */
import { assertFen, divRoundHalfUp, mulRatio } from './money';
import {
  findTaxReliefPolicy,
  NEV_PURCHASE_TAX_POLICIES,
  type TaxReliefPolicy,
  type VehicleEnergy,
} from './tax-policies';

/** 增值税法 (in force 2026-01-01) Art. 10: sales of goods 13 %; the same rate applied under 增值税暂行条例 Art. 2 from 2019-04-01. */
export const VAT_RATE_PERCENT = 13;

/** 车辆购置税法 Art. 4: rate 10 %. */
export const PURCHASE_TAX_RATE_PERCENT = 10;

export interface VatSplit {
  totalInclVat: number;
  priceExclVat: number;
  vat: number;
}

/**
 * Splits an invoice total including VAT (价税合计) into price and VAT:
 * price excl. VAT = total / (1 + rate) rounded 四舍五入 to the fen, VAT = total − price
 * (增值税法: 销项税额 = 销售额 × 税率, and the 销售额 excludes the tax itself). VAT is the
 * remainder so the two always add back to the total.
 */
export function splitVat(totalInclVat: number, ratePercent: number = VAT_RATE_PERCENT): VatSplit {
  assertFen(totalInclVat, 'totalInclVat');
  if (!Number.isInteger(ratePercent) || ratePercent < 0)
    throw new RangeError('ratePercent must be a non-negative integer');
  const priceExclVat = divRoundHalfUp(BigInt(totalInclVat) * 100n, 100 + ratePercent);
  return { totalInclVat, priceExclVat, vat: totalInclVat - priceExclVat };
}

export interface VehicleTaxRequest {
  /** 价税合计 in fen. */
  totalInclVat: number;
  /** Purchase date = issue date of the 机动车销售统一发票 ('YYYY-MM-DD'). */
  purchaseDate: string;
  energy: VehicleEnergy;
}

export interface VehicleTaxResult {
  totalInclVat: number;
  priceExclVat: number;
  vat: number;
  /** e.g. 0.13 */
  vatRate: number;
  purchaseTaxBeforeRelief: number;
  purchaseTaxRelief: number;
  purchaseTax: number;
  policy: TaxReliefPolicy | null;
}

/**
 * Vehicle taxes from the invoice total including VAT.
 *  - 车辆购置税法 Art. 6(1): the taxable price is the full price paid excluding VAT;
 *    Art. 4: tax = 10 % of it, rounded 四舍五入 to the fen.
 *  - Relief (tax-policies.ts): 'exempt' relieves the whole tax, 'halve' half of it
 *    (rounded half-up, i.e. in the buyer's favour on an odd fen), each limited by
 *    the policy's per-vehicle cap.
 * Example: NEV bought 2026-01-01, total ¥226,000 → price ¥200,000, VAT ¥26,000,
 * tax before relief ¥20,000, relief ¥10,000 (cap ¥15,000 not reached), tax ¥10,000.
 */
export function computeVehicleTax(
  request: VehicleTaxRequest,
  policies: readonly TaxReliefPolicy[] = NEV_PURCHASE_TAX_POLICIES,
): VehicleTaxResult {
  const { totalInclVat, purchaseDate, energy } = request;
  if (totalInclVat < 0) throw new RangeError('totalInclVat must not be negative');
  const split = splitVat(totalInclVat);
  const before = mulRatio(split.priceExclVat, PURCHASE_TAX_RATE_PERCENT, 100);
  const policy = findTaxReliefPolicy(purchaseDate, energy, policies);
  let relief = 0;
  if (policy) {
    relief = policy.kind === 'exempt' ? before : divRoundHalfUp(before, 2);
    if (policy.capFen !== null) relief = Math.min(relief, policy.capFen);
  }
  return {
    ...split,
    vatRate: VAT_RATE_PERCENT / 100,
    purchaseTaxBeforeRelief: before,
    purchaseTaxRelief: relief,
    purchaseTax: before - relief,
    policy,
  };
}
