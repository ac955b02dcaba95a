import { describe, expect, it } from 'vitest';
import { computeScorecard, type SupplierHistory } from './scorecard';

const base: SupplierHistory = {
  receipts: 0,
  timedReceipts: 0,
  onTimeReceipts: 0,
  receivedQty: 0,
  rejectedQty: 0,
  orderedValue: 0,
  invoicedValue: 0,
  qualityIssues: 0,
  openQualityIssues: 0,
  manualQuality: null,
  manualService: null,
};

describe('supplier scorecard', () => {
  it('scores a supplier without history at 100', () => {
    expect(computeScorecard(base)).toEqual({
      rejectionRateBp: 0,
      onTimeRateBp: null,
      priceVarianceBp: 0,
      score: 100,
    });
  });

  it('weighs quality 40, delivery 30, price 20, manual 10', () => {
    // 2 of 100 rejected = 2 % → quality 90; 3 of 4 on time → 75; 1 % dearer → price 95; manual (80 + 60) / 2 = 70
    const s = computeScorecard({
      ...base,
      receipts: 5,
      timedReceipts: 4,
      onTimeReceipts: 3,
      receivedQty: 100,
      rejectedQty: 2,
      orderedValue: 100_000,
      invoicedValue: 101_000,
      manualQuality: 80,
      manualService: 60,
    });
    expect(s).toEqual({ rejectionRateBp: 200, onTimeRateBp: 7_500, priceVarianceBp: 100, score: 85 });
    // 0.4 × 90 + 0.3 × 75 + 0.2 × 95 + 0.1 × 70 = 36 + 22.5 + 19 + 7 = 84.5 → 85 (half up)
  });

  it('does not reward a price below the order, and floors quality at 0', () => {
    const s = computeScorecard({
      ...base,
      receivedQty: 10,
      rejectedQty: 10,
      orderedValue: 1_000,
      invoicedValue: 900,
    });
    expect(s.rejectionRateBp).toBe(10_000);
    expect(s.priceVarianceBp).toBe(-1_000);
    // quality 0, delivery 100 (no receipts counted), price 100: (0 + 30 + 20) / 0.9 = 55.6 → 56
    expect(s.score).toBe(56);
  });
});
