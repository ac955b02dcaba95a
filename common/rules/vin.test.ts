import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeVinCheckDigit,
  decodeVin,
  decideModelYear,
  MODEL_YEAR_CODES,
  modelYearCandidates,
  VIN_ALPHABET,
  vinCharValue,
  withVinCheckDigit,
} from './vin';
import { lookupWmi, vinCountry, vinRegion } from './vin-wmi';

const codes = (r: { code: string }[]) => r.map((i) => i.code);

describe('VIN (ISO 3779, 49 CFR 565, GB 16735-2019)', () => {
  it('decodes the 49 CFR 565 example 1HGCM82633A004352 (2003 Honda)', () => {
    const r = decodeVin('1HGCM82633A004352');
    expect(r.valid).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({
      wmi: '1HG',
      vds: 'CM8263',
      vis: '3A004352',
      region: 'north_america',
      country: 'US',
    });
    expect(r.manufacturer?.en).toMatch(/Honda/);
    expect(r.modelYear).toEqual({ code: '3', year: 2003, candidates: [2003], rule: 'cfr565_position7' });
    expect(r.checkDigit).toEqual({ expected: '3', actual: '3' });
  });

  it('rejects 1HGCM82633A004353 and says the check digit should be 5', () => {
    const r = decodeVin('1HGCM82633A004353');
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([
      { code: 'rules.vin.check_digit_mismatch', params: { expected: '5', actual: '3' } },
    ]);
    expect(r.checkDigit).toEqual({ expected: '5', actual: '3' });
    // without a valid check digit the position-7 rule does not apply
    expect(r.modelYear?.rule).toBe('ambiguous');
    expect(r.modelYear?.candidates).toEqual([2003, 2033]);
  });

  it('normalises: trims and upper-cases', () => {
    expect(decodeVin('  1hgcm82633a004352 \n').normalized).toBe('1HGCM82633A004352');
  });

  it('refuses wrong length and I, O, Q', () => {
    expect(codes(decodeVin('1HGCM82633A00435').errors)).toEqual(['rules.vin.bad_length']);
    const r = decodeVin('1HGCM82633AO04352');
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toEqual({ code: 'rules.vin.invalid_character', params: { char: 'O', position: 12 } });
    expect(decodeVin('IHGCM82633A004352').errors[0]?.params).toEqual({ char: 'I', position: 1 });
    expect(decodeVin('QHGCM82633A004352').valid).toBe(false);
  });

  it('check digit remainder 10 is written X', () => {
    // 1M8GDM9AXKP042788 is the classic example of a remainder-10 VIN
    expect(computeVinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(decodeVin('1M8GDM9AXKP042788').valid).toBe(true);
    expect(decodeVin('1M8GDM9A0KP042788').errors[0]?.params).toEqual({ expected: 'X', actual: '0' });
  });

  it('European VIN: a check-digit mismatch is only a warning', () => {
    const good = withVinCheckDigit('WVWZZZ1KZ' + 'Z' + 'W000001')!; // position 10 'Z'
    const bad = good.slice(0, 8) + (good[8] === '1' ? '2' : '1') + good.slice(9);
    const r = decodeVin(bad);
    expect(r.valid).toBe(true);
    expect(codes(r.warnings)).toContain('rules.vin.check_digit_mismatch');
    expect(r.region).toBe('europe');
    expect(r.manufacturer?.en).toBe('Volkswagen');
    // Z in position 10 is no year code: warning in Europe
    expect(codes(r.warnings)).toContain('rules.vin.bad_model_year_code');
    expect(r.modelYear).toBeNull();
  });

  it('Chinese VIN: check digit mandatory; GB 16735 cycle relative to today', () => {
    const vin = withVinCheckDigit('LSVAM4187T2000001')!; // T
    const r = decodeVin(vin, { today: '2026-03-01' });
    expect(r.valid).toBe(true);
    expect(r.manufacturer?.zh).toBe('上汽大众');
    expect(r.country).toBe('CN');
    expect(r.modelYear).toMatchObject({ year: 2026, rule: 'gb16735_recent_cycle' });
    // V = 2027 is "next year" in 2026 → allowed
    expect(decodeVin(withVinCheckDigit('LRW3E7EK0VC000001')!, { today: '2026-03-01' }).modelYear?.year).toBe(
      2027,
    );
    // W = 2028 is after next year → previous cycle 1998
    expect(decodeVin(withVinCheckDigit('LFV2A21K0WC000001')!, { today: '2026-03-01' }).modelYear?.year).toBe(
      1998,
    );
    // and in 2027 it is 2028
    expect(decodeVin(withVinCheckDigit('LFV2A21K0WC000001')!, { today: '2027-06-01' }).modelYear?.year).toBe(
      2028,
    );
    // a Chinese VIN ignores position 7 (a digit here would mean 1980-2009 in the US)
    const bad = vin.slice(0, 8) + (vin[8] === '1' ? '2' : '1') + vin.slice(9);
    expect(decodeVin(bad).valid).toBe(false);
  });

  it('49 CFR 565 position-7 rule: letter → 2010-2039', () => {
    const vin = withVinCheckDigit('5YJ3E1EA0PF000001')!; // position 7 'E', P
    expect(decodeVin(vin).modelYear).toMatchObject({ year: 2023, rule: 'cfr565_position7' });
    const old = withVinCheckDigit('1G1JC5240T7000001')!; // position 7 '4', T
    expect(decodeVin(old).modelYear?.year).toBe(1996);
  });

  it('year codes: T = 1996/2026, V = 1997/2027; U Z 0 are not year codes', () => {
    expect(modelYearCandidates('T')).toEqual([1996, 2026]);
    expect(modelYearCandidates('V')).toEqual([1997, 2027]);
    expect(modelYearCandidates('Y')).toEqual([2000, 2030]);
    expect(modelYearCandidates('9')).toEqual([2009, 2039]);
    for (const c of ['U', 'Z', '0', 'I', 'O', 'Q']) expect(modelYearCandidates(c)).toEqual([]);
    expect(MODEL_YEAR_CODES).toHaveLength(30);
    expect(decideModelYear('JHMCM82633A004352', false, 2026)).toMatchObject({
      year: null,
      candidates: [2003, 2033],
    });
  });

  it('North American VIN with no year code is an error', () => {
    const vin = withVinCheckDigit('1HGCM8263UA004352')!;
    expect(codes(decodeVin(vin).errors)).toEqual(['rules.vin.bad_model_year_code']);
  });

  it('low-volume makers: 9 in position 3, maker = WMI + positions 12-14', () => {
    const lv = decodeVin(withVinCheckDigit('LA9AB123' + '0' + 'RA' + 'XYZ' + '001')!);
    expect(lv.valid).toBe(true);
    expect(lv.lowVolume).toBe(true);
    expect(lv.manufacturerCode).toBe('LA9XYZ');
    expect(decodeVin('1HGCM82633A004352').lowVolume).toBe(false);
  });

  it('region and country per ISO 3780', () => {
    expect(vinRegion('A')).toBe('africa');
    expect(vinRegion('J')).toBe('asia');
    expect(vinRegion('L')).toBe('asia');
    expect(vinRegion('W')).toBe('europe');
    expect(vinRegion('3')).toBe('north_america');
    expect(vinRegion('6')).toBe('oceania');
    expect(vinRegion('9')).toBe('south_america');
    expect(vinRegion('0')).toBeNull();
    expect(vinCountry('WBA')).toBe('DE');
    expect(vinCountry('VF1')).toBe('FR');
    expect(vinCountry('VSS')).toBe('ES');
    expect(vinCountry('KMH')).toBe('KR');
    expect(vinCountry('3VW')).toBe('MX');
    for (const wmi of ['LSV', 'LFV', 'LBV', 'LGX', 'LRW', 'LSJ', 'L6T', 'LVG', 'LHG'])
      expect(lookupWmi(wmi)).not.toBeNull();
    expect(lookupWmi('ZZZ')).toBeNull();
  });
});

const body = fc.tuple(
  fc.constantFrom(...'12345L'),
  fc.array(fc.constantFrom(...VIN_ALPHABET), { minLength: 8, maxLength: 8 }),
  fc.constantFrom(...MODEL_YEAR_CODES),
  fc.array(fc.constantFrom(...VIN_ALPHABET), { minLength: 7, maxLength: 7 }),
);
const build = ([first, mid, year, tail]: [string, string[], string, string[]]) =>
  withVinCheckDigit(first + mid.join('') + year + tail.join(''))!;

const detected = (vin: string) => {
  const r = decodeVin(vin);
  return !r.valid || r.warnings.some((w) => w.code === 'rules.vin.check_digit_mismatch');
};

describe('VIN properties (fast-check)', () => {
  it('a VIN with its computed check digit always validates', () => {
    fc.assert(
      fc.property(body, (parts) => {
        const r = decodeVin(build(parts), { today: '2026-01-01' });
        expect(r.errors).toEqual([]);
        expect(r.valid).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('changing any one character is detected (unless the new character transliterates to the same value)', () => {
    fc.assert(
      fc.property(
        body,
        fc.integer({ min: 0, max: 16 }),
        fc.constantFrom(...VIN_ALPHABET, 'I', 'O', 'Q'),
        (parts, pos, ch) => {
          const vin = build(parts);
          fc.pre(vin[pos] !== ch);
          // The standard's own blind spot: A/J/1, B/K/S/2 … share a value, and the
          // weighted sum cannot see such a swap outside position 9.
          fc.pre(pos === 8 || vinCharValue(ch) !== vinCharValue(vin[pos]!));
          expect(detected(vin.slice(0, pos) + ch + vin.slice(pos + 1))).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('exhaustively: every value-changing substitution of the example VIN is detected', () => {
    const vin = '1HGCM82633A004352';
    for (let pos = 0; pos < 17; pos++) {
      for (const ch of VIN_ALPHABET) {
        if (ch === vin[pos] || (pos !== 8 && vinCharValue(ch) === vinCharValue(vin[pos]!))) continue;
        expect(detected(vin.slice(0, pos) + ch + vin.slice(pos + 1)), `${pos}:${ch}`).toBe(true);
      }
    }
  });
});
