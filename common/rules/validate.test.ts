import { describe, expect, it } from 'vitest';
import { validateByKind } from './validate';

describe('validateByKind', () => {
  it('dispatches each kind', () => {
    expect(validateByKind('vin', '1HGCM82633A004352').details).toMatchObject({
      wmi: '1HG',
      modelYear: { year: 2003 },
    });
    expect(validateByKind('cn-resident-id', '11010519491231002x', { today: '2026-01-01' })).toMatchObject({
      valid: true,
      details: { birthDate: '1949-12-31', sex: 'female', province: { code: '11' } },
    });
    expect(validateByKind('uscc', '91110000600037341L').valid).toBe(true);
    expect(validateByKind('cn-mobile', '+86 138 1234 5678').normalized).toBe('13812345678');
    expect(validateByKind('cn-plate', '粤BD12345').details).toMatchObject({
      kind: 'nev_small',
      energy: 'battery_electric',
    });
    expect(validateByKind('cn-plate', 'nope')).toMatchObject({ valid: false, normalized: null });
  });
});
