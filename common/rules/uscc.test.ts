import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeOrgCodeCheckChar, computeUsccCheckChar, USCC_ALPHABET, validateUscc } from './uscc';

describe('unified social credit code (GB 32100-2015)', () => {
  it('91110000600037341L is valid', () => {
    expect(validateUscc('91110000600037341L')).toMatchObject({
      valid: true,
      normalized: '91110000600037341L',
      warnings: [],
      details: {
        registrationAuthority: '9',
        category: '1',
        divisionCode: '110000',
        organizationCode: '600037341',
        province: { zh: '北京' },
      },
    });
  });

  it('removes spaces and hyphens, upper-cases', () => {
    expect(validateUscc(' 9111 0000-6000 3734 1l ').normalized).toBe('91110000600037341L');
  });

  it('reports the expected check character', () => {
    expect(validateUscc('91110000600037341M').errors).toEqual([
      { code: 'rules.uscc.check_char_mismatch', params: { expected: 'L', actual: 'M' } },
    ]);
    expect(computeUsccCheckChar('91110000600037341')).toBe('L');
  });

  it('refuses I, O, S, V, Z, wrong length and letters in the division code', () => {
    expect(validateUscc('9111000060003734IL').errors[0]).toEqual({
      code: 'rules.uscc.invalid_character',
      params: { char: 'I', position: 17 },
    });
    for (const c of 'IOSVZ') expect(validateUscc(`91110000600037341${c}`).valid).toBe(false);
    expect(validateUscc('9111000060003734').errors[0]?.code).toBe('rules.uscc.bad_length');
    const first17 = '911A0000600037341';
    const r = validateUscc(first17 + computeUsccCheckChar(first17));
    expect(r.errors.map((e) => e.code)).toEqual(['rules.uscc.bad_division_code']);
  });

  it('embedded GB 11714 organisation code check is a warning only', () => {
    expect(computeOrgCodeCheckChar('60003734')).toBe('1');
    const first17 = '91110000600037342';
    const r = validateUscc(first17 + computeUsccCheckChar(first17));
    expect(r.valid).toBe(true);
    expect(r.warnings).toEqual([
      { code: 'rules.uscc.org_code_check_mismatch', params: { expected: '1', actual: '2' } },
    ]);
  });

  it('property: computed check character validates; any single substitution is detected (MOD 31, prime)', () => {
    const arb = fc
      .tuple(
        fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 2, maxLength: 2 }),
        fc.integer({ min: 0, max: 999999 }),
        fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 9, maxLength: 9 }),
      )
      .map(([a, div, org]) => {
        const first17 = a.join('') + String(div).padStart(6, '0') + org.join('');
        return first17 + computeUsccCheckChar(first17);
      });
    fc.assert(
      fc.property(
        arb,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...USCC_ALPHABET),
        (code, pos, ch) => {
          expect(validateUscc(code).valid).toBe(true);
          fc.pre(code[pos] !== ch);
          expect(validateUscc(code.slice(0, pos) + ch + code.slice(pos + 1)).valid).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
