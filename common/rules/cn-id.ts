/**
 * Citizen identity number (公民身份号码), GB 11643-1999, check character per
 * ISO 7064:1983 MOD 11-2. Also the residence permits for Hong Kong, Macao and
 * Taiwan residents (address codes 81/82/83, same structure) and the 2023
 * foreign permanent-resident ID card number (first digit 9, same length and
 * checksum: 9 + province of issue (2) + nationality code (3) + birth date (8) +
 * sequence (3) + check).
 */
import { isValidCivilDate, todayInChina } from './civil-date';
import { provinceByCode, type Province } from './cn-regions';
import { issue, type RuleIssue, type ValidationResult } from './result';

/** ISO 7064 MOD 11-2 weights Wi = 2^(18-i) mod 11 for positions 1-17 (GB 11643-1999 §7.2). */
export const CN_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/**
 * Check character for the first 17 digits (GB 11643-1999 §7.2, ISO 7064 MOD 11-2):
 * a1 = (12 − Σ ai·Wi mod 11) mod 11, with 10 written 'X'. Null if not 17 digits.
 */
export function computeCnIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (CN_ID_WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Converts a first-generation 15-digit number (address 6 + YYMMDD + sequence 3)
 * to 18 digits: insert the century '19' and append the check character
 * (GB 11643-1999 §8 — the 15-digit numbers were issued for people born in the 1900s).
 * Returns null when the input is not 15 digits.
 */
export function convertCnId15To18(id15: string): string | null {
  const s = id15.trim();
  if (!/^\d{15}$/.test(s)) return null;
  const first17 = s.slice(0, 6) + '19' + s.slice(6);
  return first17 + (computeCnIdCheckChar(first17) ?? '');
}

export type CnIdKind = 'resident' | 'hk_macao_taiwan_permit' | 'foreign_permanent_resident';

export interface CnIdDetails {
  kind: CnIdKind;
  birthDate: string;
  /** GB 11643-1999 §6.3: the sequence code's last digit (17th character) is odd for men, even for women. */
  sex: 'male' | 'female';
  province: Province | null;
  /** Foreign permanent-resident numbers only: the 3-digit nationality code (positions 4-6). */
  nationalityCode?: string;
  /** Set when the input was a 15-digit first-generation number. */
  convertedFrom15?: string;
}

export interface CnIdOptions {
  /** Business date used to refuse future birth dates; defaults to today in China. */
  today?: string;
}

/**
 * Validates a resident identity number (GB 11643-1999) and returns birth date,
 * sex and province.
 *  - §5: 18 characters, 17 digits and a check digit or 'X' (lower-case x accepted, normalised to X);
 *    a 15-digit first-generation number is converted to 18 digits (warning `converted_from_15`).
 *  - §6.1: the address code's province must exist (GB/T 2260, plus 81/82/83 permits and 9-prefix foreign numbers).
 *  - §6.2: the birth date must be a real calendar date not after `today`.
 *  - §6.4/§7: check character per ISO 7064 MOD 11-2.
 */
export function validateCnResidentId(
  input: string,
  options: CnIdOptions = {},
): ValidationResult<CnIdDetails> {
  const errors: RuleIssue[] = [];
  const warnings: RuleIssue[] = [];
  let id = input.trim().toUpperCase();
  let convertedFrom15: string | undefined;
  if (/^\d{15}$/.test(id)) {
    convertedFrom15 = id;
    id = convertCnId15To18(id) ?? id;
    warnings.push(issue('rules.cn_id.converted_from_15', { original: convertedFrom15 }));
  }
  if (id.length !== 18) {
    errors.push(issue('rules.cn_id.bad_length', { length: id.length }));
    return { valid: false, normalized: null, errors, warnings };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    errors.push(issue('rules.cn_id.bad_characters'));
    return { valid: false, normalized: null, errors, warnings };
  }

  const foreign = id.charAt(0) === '9';
  const provinceCode = foreign ? id.slice(1, 3) : id.slice(0, 2);
  const province = provinceByCode(provinceCode);
  if (province === null || (foreign && Number(provinceCode) > 65)) {
    errors.push(issue('rules.cn_id.unknown_province', { code: provinceCode }));
  }

  const raw = id.slice(6, 14);
  const birthDate = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  const today = options.today ?? todayInChina();
  if (!isValidCivilDate(birthDate)) {
    errors.push(issue('rules.cn_id.bad_birth_date', { date: raw }));
  } else if (birthDate > today) {
    errors.push(issue('rules.cn_id.birth_date_in_future', { date: birthDate }));
  }

  const expected = computeCnIdCheckChar(id.slice(0, 17)) ?? '';
  const actual = id.charAt(17);
  if (expected !== actual) errors.push(issue('rules.cn_id.check_digit_mismatch', { expected, actual }));

  const kind: CnIdKind = foreign
    ? 'foreign_permanent_resident'
    : ['81', '82', '83'].includes(provinceCode)
      ? 'hk_macao_taiwan_permit'
      : 'resident';
  const details: CnIdDetails = {
    kind,
    birthDate,
    sex: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female',
    province,
  };
  if (foreign) details.nationalityCode = id.slice(3, 6);
  if (convertedFrom15 !== undefined) details.convertedFrom15 = convertedFrom15;
  return { valid: errors.length === 0, normalized: id, errors, warnings, details };
}

/**
 * Masks an identity number for lists and exports (PIPL: show only what the reader needs):
 * the first 3 and last 4 characters stay, `110***********1234`.
 */
export function maskCnResidentId(id: string): string {
  const s = id.trim().toUpperCase();
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}
