import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { monthlyInstalment } from './loan';

describe('monthly instalment (等额本息)', () => {
  it('matches the annuity formula on a known case: ¥100,000 over 12 months at 12 % → ¥8,884.88', () => {
    expect(monthlyInstalment({ principal: 10_000_000, termMonths: 12, annualRateBp: 1200 })).toEqual({
      principal: 10_000_000,
      termMonths: 12,
      annualRateBp: 1200,
      monthly: 888_488,
      totalRepaid: 10_661_856,
      totalInterest: 661_856,
    });
  });

  it('an interest-free loan splits the principal evenly', () => {
    const s = monthlyInstalment({ principal: 12_000_000, termMonths: 36, annualRateBp: 0 });
    expect(s.monthly).toBe(333_333);
    expect(s.totalInterest).toBe(-12);
  });

  it('at a tiny rate the rounded instalments may repay a few fen less than the principal', () => {
    const s = monthlyInstalment({ principal: 100_005, termMonths: 46, annualRateBp: 1 });
    expect(s.monthly).toBe(2_174);
    expect(s.totalInterest).toBe(-1);
  });

  it('refuses terms outside the allowed range', () => {
    expect(() => monthlyInstalment({ principal: 1, termMonths: 3, annualRateBp: 300 })).toThrow(RangeError);
    expect(() => monthlyInstalment({ principal: 1.5, termMonths: 12, annualRateBp: 300 })).toThrow(
      RangeError,
    );
    expect(() => monthlyInstalment({ principal: 1, termMonths: 12, annualRateBp: -1 })).toThrow(RangeError);
  });

  const terms = fc.record({
    principal: fc.integer({ min: 100_000, max: 1_000_000_000 }), // ¥1,000 to ¥10 million
    termMonths: fc.integer({ min: 6, max: 84 }),
    annualRateBp: fc.integer({ min: 0, max: 3600 }),
  });

  it('property: with interest you repay the principal, less rounding; a higher rate never lowers the instalment', () => {
    fc.assert(
      fc.property(terms, fc.integer({ min: 1, max: 500 }), (t, more) => {
        const s = monthlyInstalment(t);
        // each instalment is rounded to the fen (四舍五入): at 0.01 % a year the interest is below half a
        // fen, so ¥1,000.05 over 46 months repays 46 × ¥21.74 = ¥1,000.04
        if (t.annualRateBp > 0) expect(s.totalRepaid).toBeGreaterThanOrEqual(t.principal - t.termMonths / 2);
        const higher = monthlyInstalment({ ...t, annualRateBp: Math.min(3600, t.annualRateBp + more) });
        expect(higher.monthly).toBeGreaterThanOrEqual(s.monthly);
      }),
    );
  });

  it('property: the instalment pays the loan off — the balance after n months is within rounding of zero', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const s = monthlyInstalment(t);
        const r = t.annualRateBp / 10_000 / 12;
        let balance = t.principal;
        for (let i = 0; i < t.termMonths; i++) balance = balance * (1 + r) - s.monthly;
        // each instalment is off by at most half a fen, and that grows with the interest
        expect(Math.abs(balance)).toBeLessThanOrEqual(
          0.5 * t.termMonths * Math.pow(1 + r, t.termMonths) + 1e-6,
        );
      }),
    );
  });
});
