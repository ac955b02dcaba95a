import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { code128Bars, code128Patterns, code128Values } from './code128';

describe('Code 128 subset B', () => {
  it('has 107 distinct symbols of 11 modules (stop: 13)', () => {
    expect(code128Patterns).toHaveLength(107);
    expect(new Set(code128Patterns).size).toBe(107);
    const sum = (p: string) => p.split('').reduce((s, d) => s + Number(d), 0);
    expect(code128Patterns.slice(0, 106).every((p) => sum(p) === 11)).toBe(true);
    expect(sum(code128Patterns[106]!)).toBe(13);
  });

  it('computes the checksum: PJJ123C → (104 + 48 + 2·42 + 3·42 + 4·17 + 5·18 + 6·19 + 7·35) mod 103 = 55', () => {
    expect(code128Values('PJJ123C')).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55, 106]);
  });

  it('refuses characters outside printable ASCII', () => {
    expect(code128Values('配件')).toBeNull();
    expect(code128Values('A\tB')).toBeNull();
  });

  it('is 11 modules per character plus start, checksum and stop (35), alternating bars and spaces', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ -~]{0,30}$/), (text) => {
        const b = code128Bars(text)!;
        expect(b.modules).toBe(11 * text.length + 35);
        for (let i = 1; i < b.bars.length; i++)
          expect(b.bars[i]![0]).toBeGreaterThan(b.bars[i - 1]![0] + b.bars[i - 1]![1] - 1);
      }),
    );
  });
});
