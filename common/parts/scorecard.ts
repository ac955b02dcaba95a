import { divRoundHalfUp } from '../rules/money';

/** What the scorecard is computed from: the supplier's receipts, their inspection and quality issues. */
export interface SupplierHistory {
  receipts: number;
  /** Receipts against an expected date (only these can be on time or late). */
  timedReceipts: number;
  onTimeReceipts: number;
  receivedQty: number;
  rejectedQty: number;
  /** Σ ordered price × received quantity, and Σ delivered price × received quantity (分). */
  orderedValue: number;
  invoicedValue: number;
  qualityIssues: number;
  openQualityIssues: number;
  manualQuality: number | null;
  manualService: number | null;
}

const clampBp = (n: number) => Math.max(0, Math.min(10_000, n));

/**
 * Supplier evaluation (H7.3.1: quality, price, lead time), all in basis points and whole scores:
 * quality = 100 − 5 points per 1 % rejected; delivery = % of receipts on time; price = 100 − 5 points
 * per 1 % paid above the ordered price (cheaper counts as 100); manual = mean of the buyer's scores.
 * Score = 40 % quality + 30 % delivery + 20 % price + 10 % manual (without manual scores the other three
 * are weighted up to 100 %), rounded half up. No dated receipts yet: delivery counts as 100; no receipts: price counts as 100.
 * Computed in integers (points × 100), so the same history always gives the same score.
 */
export function computeScorecard(h: SupplierHistory) {
  const rejectionRateBp = h.receivedQty > 0 ? divRoundHalfUp(h.rejectedQty * 10_000, h.receivedQty) : 0;
  const onTimeRateBp =
    h.timedReceipts > 0 ? divRoundHalfUp(h.onTimeReceipts * 10_000, h.timedReceipts) : null;
  const priceVarianceBp =
    h.orderedValue > 0 ? divRoundHalfUp((h.invoicedValue - h.orderedValue) * 10_000, h.orderedValue) : 0;
  const quality = clampBp(10_000 - rejectionRateBp * 5);
  const delivery = onTimeRateBp ?? 10_000;
  const price = clampBp(10_000 - Math.max(0, priceVarianceBp) * 5);
  const manuals = [h.manualQuality, h.manualService].filter((n): n is number => n !== null);
  const weighted = 4 * quality + 3 * delivery + 2 * price;
  const score = manuals.length
    ? divRoundHalfUp(
        weighted * manuals.length + manuals.reduce((a, b) => a + b, 0) * 100,
        1_000 * manuals.length,
      )
    : divRoundHalfUp(weighted, 900);
  return { rejectionRateBp, onTimeRateBp, priceVarianceBp, score };
}
