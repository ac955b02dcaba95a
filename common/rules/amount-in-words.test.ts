import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountInWords } from './amount-in-words';
import { parseYuanToFen } from './money';

/** Test-only parser: financial upper-case words back to fen. */
function parseWords(words: string): number {
  const DIG = '零壹贰叁肆伍陆柒捌玖';
  let s = words;
  let sign = 1;
  if (s.startsWith('负')) {
    sign = -1;
    s = s.slice(1);
  }
  expect(s.length).toBeGreaterThan(0);
  let intPart = '';
  let frac = s;
  const yuanAt = s.indexOf('元');
  if (yuanAt >= 0) {
    intPart = s.slice(0, yuanAt);
    frac = s.slice(yuanAt + 1);
  }
  let yi = 0;
  let wan = 0;
  let section = 0;
  let num = 0;
  for (const ch of intPart) {
    const d = DIG.indexOf(ch);
    if (d > 0) num = d;
    else if (ch === '零') continue;
    else if (ch === '拾' || ch === '佰' || ch === '仟') {
      section += num * (ch === '拾' ? 10 : ch === '佰' ? 100 : 1000);
      num = 0;
    } else if (ch === '万') {
      wan = section + num;
      section = 0;
      num = 0;
    } else if (ch === '亿') {
      yi = wan * 1e4 + section + num;
      wan = 0;
      section = 0;
      num = 0;
    } else throw new Error(`unexpected ${ch} in ${words}`);
  }
  const yuan = yi * 1e8 + wan * 1e4 + section + num;
  const m = /^零?(?:([壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?(整)?$/.exec(frac);
  if (!m) throw new Error(`bad fraction ${frac} in ${words}`);
  const jiao = m[1] ? DIG.indexOf(m[1]) : 0;
  const fen = m[2] ? DIG.indexOf(m[2]) : 0;
  return sign * (yuan * 100 + jiao * 10 + fen);
}

const w = (yuan: string) => amountInWords(parseYuanToFen(yuan)!);

describe('financial upper-case amounts (支付结算办法 附件一)', () => {
  it('the required example', () => {
    expect(w('226000.00')).toBe('贰拾贰万陆仟元整');
  });

  it('the regulation’s own examples', () => {
    expect(w('1680.32')).toBe('壹仟陆佰捌拾元零叁角贰分');
    expect(w('107000.53')).toBe('壹拾万柒仟元零伍角叁分');
    expect(w('16409.02')).toBe('壹万陆仟肆佰零玖元零贰分');
    expect(w('325.04')).toBe('叁佰贰拾伍元零肆分');
  });

  it('零 handling for inner zeros', () => {
    expect(w('100010.05')).toBe('壹拾万零壹拾元零伍分');
    expect(w('1001')).toBe('壹仟零壹元整');
    expect(w('10001')).toBe('壹万零壹元整');
    expect(w('100000')).toBe('壹拾万元整');
    expect(w('100500000')).toBe('壹亿零伍拾万元整');
    expect(w('1000000001')).toBe('壹拾亿零壹元整');
    expect(w('1200000000000')).toBe('壹万贰仟亿元整');
    expect(w('10')).toBe('壹拾元整');
  });

  it('角 without 分 ends with 整; 分 never does', () => {
    expect(w('1.50')).toBe('壹元伍角整');
    expect(w('0.50')).toBe('伍角整');
    expect(w('0.05')).toBe('伍分');
    expect(w('0.55')).toBe('伍角伍分');
    expect(w('10.50')).toBe('壹拾元零伍角整');
    expect(w('0')).toBe('零元整');
    expect(w('-12.30')).toBe('负壹拾贰元叁角整');
  });

  it('refuses non-integer fen', () => {
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });

  it('property: round-trips through the parser and is well formed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9e15, max: 9e15 }), (n) => {
        const words = amountInWords(n);
        expect(parseWords(words)).toBe(n);
        if (n !== 0) expect(words).not.toMatch(/零零|零[元万亿拾佰仟角分整]|^(负)?零/);
        expect(words.endsWith('整')).toBe(Math.abs(n) % 10 === 0);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (n) => {
        expect(parseWords(amountInWords(n))).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });
});
