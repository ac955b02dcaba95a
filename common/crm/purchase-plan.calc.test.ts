import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paymentProblem, quotePlanLine } from './purchase-plan.calc';

describe('purchase plan quote', () => {
  const line = {
    vehiclePrice: 22_600_000,
    energy: 'bev' as const,
    options: [
      { kind: 'factory_option' as const, price: 0 },
      { kind: 'accessory' as const, price: 380_000 },
    ],
  };

  it('splits the invoice, relieves half the NEV purchase tax in 2026 and adds the accessories up front', () => {
    const q = quotePlanLine(line, { kind: 'full' }, '2026-06-01');
    expect(q).toMatchObject({
      invoiceTotal: 22_600_000,
      priceExclVat: 20_000_000,
      vat: 2_600_000,
      purchaseTaxBeforeRelief: 2_000_000,
      purchaseTaxRelief: 1_000_000,
      purchaseTax: 1_000_000,
      loan: null,
      dueAtPurchase: 22_600_000 + 380_000 + 1_000_000,
    });
    expect(q.totalCost).toBe(q.dueAtPurchase);
  });

  it('a petrol car pays the full purchase tax; a loan leaves the down payment due at purchase', () => {
    const q = quotePlanLine(
      { ...line, energy: 'ice' },
      { kind: 'loan', downPayment: 6_600_000, termMonths: 36, annualRateBp: 0 },
      '2026-06-01',
    );
    expect(q.purchaseTax).toBe(2_000_000);
    expect(q.loan).toMatchObject({ principal: 16_000_000, monthly: 444_444 });
    expect(q.dueAtPurchase).toBe(6_600_000 + 380_000 + 2_000_000);
    expect(q.totalCost).toBe(q.dueAtPurchase + 444_444 * 36);
  });

  it('refuses a down payment above the vehicle invoice', () => {
    expect(
      paymentProblem(line, { kind: 'loan', downPayment: 22_600_001, termMonths: 12, annualRateBp: 0 }),
    ).toMatch(/down payment/);
    expect(
      paymentProblem(line, { kind: 'loan', downPayment: 22_600_000, termMonths: 12, annualRateBp: 0 }),
    ).toBeNull();
  });

  it('property: price excl. VAT plus VAT is the invoice; due at purchase never exceeds the total cost', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 200_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 6, max: 84 }),
        fc.integer({ min: 0, max: 2000 }),
        (price, downPct, termMonths, annualRateBp) => {
          const l = { vehiclePrice: price, energy: 'phev' as const, options: [] };
          const q = quotePlanLine(
            l,
            { kind: 'loan', downPayment: Math.floor((price * downPct) / 100), termMonths, annualRateBp },
            '2027-03-01',
          );
          expect(q.priceExclVat + q.vat).toBe(q.invoiceTotal);
          expect(q.dueAtPurchase).toBeLessThanOrEqual(q.totalCost);
        },
      ),
    );
  });
});
