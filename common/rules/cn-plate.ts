/**
 * Motor-vehicle number plates, GA 36-2018 (中华人民共和国机动车号牌).
 * Covers the civilian plates a dealer registers: ordinary plates (5-character
 * serial) and the new-energy plates (6-character serial). Special-purpose
 * plates (学/警/挂/港/澳/使/领 …) are outside this function and reported invalid.
 */
import { issue, type RuleIssue, type ValidationResult } from './result';

/** GA 36-2018 §5.3: the 31 province-level abbreviations used as the first character. */
export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/** GA 36-2018 §5.4: letters and digits allowed in authority code and serial; I and O are never used. */
const SERIAL_CHAR = /^[A-HJ-NP-Z0-9]$/;

export type PlateKind = 'ordinary' | 'nev_small' | 'nev_large';
/** GA 36-2018 §5.5.2: D/A/B/C/E (small) or D (large) = battery-electric; F/G/H/J/K (small) or F (large) = other new energy. */
export type PlateEnergy = 'battery_electric' | 'other_new_energy';

export interface CnPlateDetails {
  kind: PlateKind;
  energy: PlateEnergy | null;
  province: string;
  authority: string;
  serial: string;
}

const SMALL_BEV = 'DABCE';
const SMALL_OTHER = 'FGHJK';

/**
 * Validates a plate number and returns its kind and energy type (GA 36-2018).
 *  - Province character + authority letter (A-Z without I, O) + serial.
 *  - Ordinary plate: 5 serial characters from digits and letters without I, O.
 *  - Small new-energy plate (GA 36-2018 §5.5.2): 6 characters, first D/A/B/C/E
 *    (battery-electric) or F/G/H/J/K (other new energy), second a letter or digit,
 *    last four digits.
 *  - Large new-energy plate: five digits then D (battery-electric) or F (other new energy).
 * Spaces, '·', '•' and hyphens are ignored; letters are upper-cased.
 */
export function validateCnPlate(input: string): ValidationResult<CnPlateDetails> {
  const plate = input.replace(/[\s·•.-]+/g, '').toUpperCase();
  const errors: RuleIssue[] = [];
  const fail = (): ValidationResult<CnPlateDetails> => ({
    valid: false,
    normalized: null,
    errors,
    warnings: [],
  });
  const chars = [...plate];
  if (chars.length !== 7 && chars.length !== 8) {
    errors.push(issue('rules.cn_plate.bad_length', { length: chars.length }));
    return fail();
  }
  const province = chars[0] ?? '';
  if (!PLATE_PROVINCES.includes(province))
    errors.push(issue('rules.cn_plate.unknown_province', { char: province }));
  const authority = chars[1] ?? '';
  if (!/^[A-Z]$/.test(authority) || authority === 'I' || authority === 'O') {
    errors.push(issue('rules.cn_plate.bad_authority', { char: authority }));
  }
  const serial = chars.slice(2).join('');
  for (const ch of serial) {
    if (ch === 'I' || ch === 'O') errors.push(issue('rules.cn_plate.forbidden_letter', { char: ch }));
    else if (!SERIAL_CHAR.test(ch)) errors.push(issue('rules.cn_plate.bad_serial', { serial }));
  }
  if (errors.length > 0) return fail();

  let kind: PlateKind;
  let energy: PlateEnergy | null = null;
  if (serial.length === 5) {
    kind = 'ordinary';
  } else if (
    /^[A-HJ-K][A-HJ-NP-Z0-9]\d{4}$/.test(serial) &&
    (SMALL_BEV + SMALL_OTHER).includes(serial.charAt(0))
  ) {
    kind = 'nev_small';
    energy = SMALL_BEV.includes(serial.charAt(0)) ? 'battery_electric' : 'other_new_energy';
  } else if (/^\d{5}[DF]$/.test(serial)) {
    kind = 'nev_large';
    energy = serial.endsWith('D') ? 'battery_electric' : 'other_new_energy';
  } else {
    errors.push(issue('rules.cn_plate.bad_nev_serial', { serial }));
    return fail();
  }
  return {
    valid: true,
    normalized: plate,
    errors,
    warnings: [],
    details: { kind, energy, province, authority, serial },
  };
}
