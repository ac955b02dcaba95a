import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeCnIdCheckChar, convertCnId15To18, maskCnResidentId, validateCnResidentId } from './cn-id';
import { PROVINCES } from './cn-regions';

const today = '2026-01-01';
const v = (s: string) => validateCnResidentId(s, { today });
const codes = (s: string) => v(s).errors.map((e) => e.code);

describe('resident identity number (GB 11643-1999)', () => {
  it('the standard’s worked examples', () => {
    // GB 11643-1999 Annex: 北京市朝阳区, born 1949-12-31, female
    expect(v('11010519491231002X')).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
      details: { kind: 'resident', birthDate: '1949-12-31', sex: 'female', province: { zh: '北京' } },
    });
    // 广东省汕头市潮阳县, born 1880-01-01, male
    expect(v('440524188001010014')).toMatchObject({
      valid: true,
      details: { birthDate: '1880-01-01', sex: 'male', province: { code: '44' } },
    });
  });

  it('accepts lower-case x and normalises it to X', () => {
    const r = v(' 11010519491231002x ');
    expect(r.valid).toBe(true);
    expect(r.normalized).toBe('11010519491231002X');
  });

  it('reports the expected check character', () => {
    expect(v('110105194912310021').errors).toEqual([
      { code: 'rules.cn_id.check_digit_mismatch', params: { expected: 'X', actual: '1' } },
    ]);
    expect(computeCnIdCheckChar('11010519491231002')).toBe('X');
  });

  it('converts 15-digit first-generation numbers', () => {
    expect(convertCnId15To18('110105491231002')).toBe('11010519491231002X');
    const r = v('110105491231002');
    expect(r.valid).toBe(true);
    expect(r.normalized).toBe('11010519491231002X');
    expect(r.warnings.map((w) => w.code)).toEqual(['rules.cn_id.converted_from_15']);
    expect(r.details?.convertedFrom15).toBe('110105491231002');
    expect(convertCnId15To18('11010549123100')).toBeNull();
  });

  it('birth date must be a real date, leap days included, and not in the future', () => {
    const make = (addr: string, date: string, seq = '001') => {
      const first17 = addr + date + seq;
      return first17 + computeCnIdCheckChar(first17);
    };
    expect(v(make('110105', '20000229')).valid).toBe(true);
    expect(codes(make('110105', '19000229'))).toEqual(['rules.cn_id.bad_birth_date']);
    expect(codes(make('110105', '20230229'))).toEqual(['rules.cn_id.bad_birth_date']);
    expect(codes(make('110105', '20231301'))).toEqual(['rules.cn_id.bad_birth_date']);
    expect(v(make('110105', '20260101')).valid).toBe(true);
    expect(codes(make('110105', '20260102'))).toEqual(['rules.cn_id.birth_date_in_future']);
  });

  it('province must exist', () => {
    const first17 = '99010519491231002'.replace(/^99/, '10');
    expect(codes(first17 + computeCnIdCheckChar(first17))).toEqual(['rules.cn_id.unknown_province']);
  });

  it('accepts the 81/82/83 residence-permit prefixes', () => {
    for (const [prefix, zh] of [
      ['81', '香港'],
      ['82', '澳门'],
      ['83', '台湾'],
    ] as const) {
      const first17 = `${prefix}0000199001010010`.slice(0, 17);
      const r = v(first17 + computeCnIdCheckChar(first17));
      expect(r.valid, prefix).toBe(true);
      expect(r.details).toMatchObject({ kind: 'hk_macao_taiwan_permit', province: { zh } });
    }
  });

  it('accepts the 9-prefix foreign permanent-resident number', () => {
    // 9 + issuing province 31 (上海) + nationality 156? no: 840 (USA) + birth 19850615 + seq 123
    const first17 = '931840' + '19850615' + '123';
    const r = v(first17 + computeCnIdCheckChar(first17));
    expect(r.valid).toBe(true);
    expect(r.details).toMatchObject({
      kind: 'foreign_permanent_resident',
      birthDate: '1985-06-15',
      sex: 'male',
      nationalityCode: '840',
      province: { zh: '上海' },
    });
    const bad = '981840' + '19850615' + '123';
    expect(codes(bad + computeCnIdCheckChar(bad))).toEqual(['rules.cn_id.unknown_province']);
  });

  it('format errors', () => {
    expect(codes('1101051949123100')).toEqual(['rules.cn_id.bad_length']);
    expect(codes('1101051949123100X2')).toEqual(['rules.cn_id.bad_characters']);
    expect(codes('')).toEqual(['rules.cn_id.bad_length']);
  });

  it('masks', () => {
    expect(maskCnResidentId('11010519491231002X')).toBe('110***********002X');
  });
});

const mainland = Object.keys(PROVINCES);
const idArb = fc
  .tuple(
    fc.constantFrom(...mainland),
    fc.integer({ min: 0, max: 9999 }),
    fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2025-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([p, area, d, seq]) => {
    const first17 =
      p +
      String(area).padStart(4, '0') +
      d.toISOString().slice(0, 10).replace(/-/g, '') +
      String(seq).padStart(3, '0');
    return first17 + computeCnIdCheckChar(first17);
  });

describe('identity-number properties (fast-check)', () => {
  it('a number with its computed check character validates', () => {
    fc.assert(
      fc.property(idArb, (id) => {
        expect(v(id).valid).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('changing any one character is detected (ISO 7064 MOD 11-2 catches every single substitution)', () => {
    fc.assert(
      fc.property(
        idArb,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...'0123456789X'),
        (id, pos, ch) => {
          fc.pre(id[pos] !== ch);
          expect(v(id.slice(0, pos) + ch + id.slice(pos + 1)).valid).toBe(false);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('exhaustively for the standard’s example', () => {
    const id = '11010519491231002X';
    for (let pos = 0; pos < 18; pos++) {
      for (const ch of '0123456789X') {
        if (ch !== id[pos])
          expect(v(id.slice(0, pos) + ch + id.slice(pos + 1)).valid, `${pos}:${ch}`).toBe(false);
      }
    }
  });
});
