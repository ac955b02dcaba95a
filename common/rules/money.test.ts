import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addFen,
  divRoundHalfUp,
  fenToYuanString,
  formatFen,
  mulRatio,
  parseYuanToFen,
  subFen,
} from './money';

describe('money in integer fen', () => {
  it('formats', () => {
    expect(formatFen(22600000)).toBe('¥226,000.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-100)).toBe('-¥1.00');
    expect(formatFen(123456789, { symbol: false, grouping: false })).toBe('1234567.89');
    expect(fenToYuanString(22600000)).toBe('226000.00');
  });

  it('parses yuan text without floating point', () => {
    expect(parseYuanToFen('226000.00')).toBe(22600000);
    expect(parseYuanToFen('¥226,000.00')).toBe(22600000);
    expect(parseYuanToFen('0.1')).toBe(10);
    expect(parseYuanToFen('-3.07')).toBe(-307);
    expect(parseYuanToFen('1.005')).toBeNull();
    expect(parseYuanToFen('1e3')).toBeNull();
    expect(parseYuanToFen('')).toBeNull();
  });

  it('rounds half away from zero (四舍五入)', () => {
    expect(divRoundHalfUp(5, 2)).toBe(3);
    expect(divRoundHalfUp(-5, 2)).toBe(-3);
    expect(divRoundHalfUp(4, 3)).toBe(1);
    expect(mulRatio(15, 10, 100)).toBe(2); // 1.5 → 2
    expect(() => divRoundHalfUp(1, 0)).toThrow(RangeError);
  });

  it('refuses non-integer fen', () => {
    expect(() => addFen(1.5)).toThrow(RangeError);
    expect(() => formatFen(0.1)).toThrow(RangeError);
    expect(addFen(1, 2, 3)).toBe(6);
    expect(subFen(1, 3)).toBe(-2);
  });

  it('property: format/parse round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        expect(parseYuanToFen(formatFen(n))).toBe(n);
        expect(parseYuanToFen(fenToYuanString(n))).toBe(n);
      }),
    );
  });
});
