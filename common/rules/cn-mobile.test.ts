import { describe, expect, it } from 'vitest';
import { maskCnMobile, validateCnMobile } from './cn-mobile';

describe('mainland mobile number', () => {
  it('accepts 1[3-9] + 9 digits with optional +86 / 0086 and normalises to 11 digits', () => {
    for (const s of [
      '13812345678',
      '+8613812345678',
      '008613812345678',
      '+86 138-1234-5678',
      '138 1234 5678',
    ]) {
      expect(validateCnMobile(s), s).toMatchObject({
        valid: true,
        normalized: '13812345678',
        details: { masked: '138****5678' },
      });
    }
    for (const p of ['13', '14', '15', '16', '17', '18', '19'])
      expect(validateCnMobile(`${p}012345678`).valid).toBe(true);
  });

  it('refuses other numbers', () => {
    for (const s of [
      '12812345678',
      '1381234567',
      '138123456789',
      '8613812345678',
      '+85213812345678',
      '',
      'abc',
      '010-12345678',
    ]) {
      expect(validateCnMobile(s), s).toEqual({
        valid: false,
        normalized: null,
        errors: [{ code: 'rules.cn_mobile.bad_format' }],
        warnings: [],
      });
    }
  });

  it('masks as 138****5678', () => {
    expect(maskCnMobile('13812345678')).toBe('138****5678');
    expect(maskCnMobile('+86 13812345678')).toBe('138****5678');
    expect(maskCnMobile('12345')).toBe('*2345');
  });
});
