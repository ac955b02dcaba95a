import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_USAGE_COMPENSATION_RATE } from '@common/rules/three-guarantee';
import { percentOfRate, rateOfPercent } from './delivery-labels';

describe('三包凭证 compensation rate on the delivery page', () => {
  it('0.5 % typed is the Art. 27 maximum of 0.005', () => {
    expect(rateOfPercent(0.5)).toBe(MAX_USAGE_COMPENSATION_RATE);
    expect(percentOfRate(0.005)).toBe(0.5);
  });

  it('per cent with up to three decimals goes to the API and back unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), (thousandths) => {
        const percent = thousandths / 1000;
        expect(percentOfRate(rateOfPercent(percent))).toBe(percent);
        expect(rateOfPercent(percent)).toBeLessThanOrEqual(MAX_USAGE_COMPENSATION_RATE);
      }),
    );
  });
});
