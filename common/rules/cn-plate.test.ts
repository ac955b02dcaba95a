import { describe, expect, it } from 'vitest';
import { validateCnPlate } from './cn-plate';

const codes = (s: string) => validateCnPlate(s).errors.map((e) => e.code);

describe('licence plates (GA 36-2018)', () => {
  it('ordinary plates', () => {
    expect(validateCnPlate('京A12345')).toMatchObject({
      valid: true,
      normalized: '京A12345',
      details: { kind: 'ordinary', energy: null, province: '京', authority: 'A', serial: '12345' },
    });
    expect(validateCnPlate('粤b·8c2d9').normalized).toBe('粤B8C2D9');
  });

  it('small new-energy plates: D/A/B/C/E battery-electric, F/G/H/J/K other', () => {
    for (const c of 'DABCE')
      expect(validateCnPlate(`沪A${c}12345`).details).toMatchObject({
        kind: 'nev_small',
        energy: 'battery_electric',
      });
    for (const c of 'FGHJK')
      expect(validateCnPlate(`沪A${c}12345`).details).toMatchObject({
        kind: 'nev_small',
        energy: 'other_new_energy',
      });
    expect(validateCnPlate('浙ADR1234').details?.kind).toBe('nev_small'); // second may be a letter
    expect(codes('沪AL12345')).toEqual(['rules.cn_plate.bad_nev_serial']); // L is not an energy letter
    expect(codes('沪AD1234A')).toEqual(['rules.cn_plate.bad_nev_serial']); // last four digits
  });

  it('large new-energy plates: five digits then D or F', () => {
    expect(validateCnPlate('京A12345D').details).toMatchObject({
      kind: 'nev_large',
      energy: 'battery_electric',
    });
    expect(validateCnPlate('京A12345F').details).toMatchObject({
      kind: 'nev_large',
      energy: 'other_new_energy',
    });
    expect(codes('京A12345G')).toEqual(['rules.cn_plate.bad_nev_serial']);
  });

  it('no I or O; unknown province; bad authority; length', () => {
    expect(codes('京A1234O')).toEqual(['rules.cn_plate.forbidden_letter']);
    expect(codes('京I12345')).toEqual(['rules.cn_plate.bad_authority']);
    expect(codes('台A12345')).toEqual(['rules.cn_plate.unknown_province']);
    expect(codes('京A1234')).toEqual(['rules.cn_plate.bad_length']);
    expect(codes('京A1234学')).toEqual(['rules.cn_plate.bad_serial']);
  });
});
