/**
 * Vehicle identification number (VIN): ISO 3779 / ISO 3780, 49 CFR Part 565
 * (USA) and GB 16735-2019 (China).
 */
import { isValidCivilDate, todayInChina } from './civil-date';
import { issue, type RuleIssue } from './result';
import { lookupWmi, vinCountry, vinRegion, type VinRegion, type WmiEntry } from './vin-wmi';

/** ISO 3779 §4 / 49 CFR 565.14(c): VIN characters are 0-9 and A-Z except I, O and Q. */
export const VIN_ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';

/** 49 CFR 565.15(c)(1) / GB 16735-2019 Annex B, table B.1: transliteration of letters. */
const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};

/** 49 CFR 565.15(c)(2) / GB 16735-2019 table B.2: position weights (position 9, the check digit itself, weighs 0). */
export const VIN_WEIGHTS: readonly number[] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** 49 CFR 565.15(b) / GB 16735-2019 §5.4.2 table 1: year codes of position 10 for 1980-2009 (repeats every 30 years). */
export const MODEL_YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** Numeric value of a VIN character (digits themselves, letters per the transliteration table); null if not allowed. */
export function vinCharValue(ch: string): number | null {
  if (ch.length !== 1) return null;
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  return TRANSLITERATION[ch] ?? null;
}

/**
 * Check digit (position 9) for a 17-character VIN: sum of value × weight, mod 11,
 * with remainder 10 written 'X' (49 CFR 565.15(c)(3)-(4); GB 16735-2019 Annex B).
 * The character currently in position 9 is ignored (its weight is 0).
 * Returns null when the VIN is not 17 allowed characters.
 */
export function computeVinCheckDigit(vin: string): string | null {
  if (vin.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = vinCharValue(vin.charAt(i));
    if (v === null) return null;
    sum += v * (VIN_WEIGHTS[i] ?? 0);
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** Returns `vin` with position 9 replaced by its computed check digit (null when not 17 allowed characters). */
export function withVinCheckDigit(vin: string): string | null {
  const d = computeVinCheckDigit(vin);
  return d === null ? null : vin.slice(0, 8) + d + vin.slice(9);
}

export type ModelYearRule = 'cfr565_position7' | 'gb16735_recent_cycle' | 'ambiguous';

export interface VinModelYear {
  /** The position-10 character. */
  code: string;
  /** The decided year, or null where the rules leave two candidates. */
  year: number | null;
  /** Years the code can mean (one element when decided). */
  candidates: number[];
  rule: ModelYearRule;
}

export interface VinDecodeResult {
  valid: boolean;
  normalized: string | null;
  errors: RuleIssue[];
  warnings: RuleIssue[];
  /** Positions 1-3 (ISO 3780). */
  wmi: string | null;
  /** Positions 4-9 (vehicle descriptor section, incl. the check digit). */
  vds: string | null;
  /** Positions 10-17 (vehicle indicator section). */
  vis: string | null;
  region: VinRegion | null;
  /** ISO 3166 alpha-2 from the ISO 3780 ranges, when known. */
  country: string | null;
  manufacturer: WmiEntry | null;
  /** ISO 3780 / 49 CFR 565.15(a)(2) / GB 16735 §5.2: a '9' in position 3 marks a maker of < 1000 vehicles a year. */
  lowVolume: boolean;
  /** For low-volume makers: WMI + positions 12-14, which together identify the maker. */
  manufacturerCode: string | null;
  modelYear: VinModelYear | null;
  checkDigit: { expected: string | null; actual: string | null };
}

export interface VinOptions {
  /** Business date 'YYYY-MM-DD' for the GB 16735 cycle choice; defaults to the current year. */
  today?: string;
}

/**
 * Candidate model years of a position-10 code: the 1980-2009 year and the same
 * code 30 years later (49 CFR 565.15(b); GB 16735-2019 table 1). Empty for
 * characters not used as year codes (I O Q U Z 0).
 */
export function modelYearCandidates(code: string): number[] {
  const i = MODEL_YEAR_CODES.indexOf(code);
  return i < 0 || code.length !== 1 ? [] : [1980 + i, 2010 + i];
}

/**
 * Decides the model year of a VIN.
 *  - Chinese VIN (WMI starts with 'L', GB 16735-2019 §5.4.2): the most recent
 *    30-year cycle whose year is not after next year (relative to `todayYear`).
 *  - VIN made to 49 CFR 565 (not Chinese, valid check digit): 565.15(a)(2)
 *    position-7 rule — a digit in position 7 means 1980-2009, a letter 2010-2039.
 *    (The regulation states this for passenger cars, MPVs and light trucks; the
 *    VIN itself does not tell the vehicle type, so it is applied to all.)
 *  - Otherwise: both candidate years, `year: null`.
 */
export function decideModelYear(
  vin: string,
  checkDigitValid: boolean,
  todayYear: number,
): VinModelYear | null {
  const code = vin.charAt(9);
  const [early, late] = modelYearCandidates(code);
  if (early === undefined || late === undefined) return null;
  if (vin.charAt(0) === 'L') {
    let year = early;
    while (year + 30 <= todayYear + 1) year += 30;
    return { code, year, candidates: [year], rule: 'gb16735_recent_cycle' };
  }
  if (checkDigitValid) {
    const p7 = vin.charAt(6);
    const year = p7 >= '0' && p7 <= '9' ? early : late;
    return { code, year, candidates: [year], rule: 'cfr565_position7' };
  }
  return { code, year: null, candidates: [early, late], rule: 'ambiguous' };
}

function yearOf(date: string | undefined): number {
  // Default: the current business date in China (UTC+8); only the year is needed.
  return Number((date !== undefined && isValidCivilDate(date) ? date : todayInChina()).slice(0, 4));
}

/**
 * Validates and decodes a VIN (ISO 3779; 49 CFR 565; GB 16735-2019).
 *  - Normalises: trim, upper-case.
 *  - ISO 3779 §4 / GB 16735 §4.2: exactly 17 characters of 0-9 A-Z without I, O, Q.
 *  - Check digit (position 9): mandatory in 49 CFR 565.15(c) and GB 16735-2019
 *    §5.3.3, so a mismatch is an error for North-American (1-5) and Chinese (L)
 *    VINs; ISO 3779 does not require it, so elsewhere (notably Europe, whose VINs
 *    commonly carry none) it is only a warning.
 *  - Model year per decideModelYear; an unusable year code is an error where the
 *    year code is mandatory (US, China) and a warning elsewhere.
 */
export function decodeVin(input: string, options: VinOptions = {}): VinDecodeResult {
  const vin = input.trim().toUpperCase();
  const errors: RuleIssue[] = [];
  const warnings: RuleIssue[] = [];
  const empty: VinDecodeResult = {
    valid: false,
    normalized: null,
    errors,
    warnings,
    wmi: null,
    vds: null,
    vis: null,
    region: null,
    country: null,
    manufacturer: null,
    lowVolume: false,
    manufacturerCode: null,
    modelYear: null,
    checkDigit: { expected: null, actual: null },
  };
  if (vin.length !== 17) {
    errors.push(issue('rules.vin.bad_length', { length: vin.length }));
    return empty;
  }
  for (let i = 0; i < 17; i++) {
    const ch = vin.charAt(i);
    if (!VIN_ALPHABET.includes(ch))
      errors.push(issue('rules.vin.invalid_character', { char: ch, position: i + 1 }));
  }
  if (errors.length > 0) return empty;

  const wmi = vin.slice(0, 3);
  const region = vinRegion(vin.charAt(0));
  const chinese = vin.charAt(0) === 'L';
  const mandatory = chinese || region === 'north_america';
  const expected = computeVinCheckDigit(vin);
  const actual = vin.charAt(8);
  const checkOk = expected === actual;
  if (!checkOk) {
    const found = issue('rules.vin.check_digit_mismatch', { expected: expected ?? '', actual });
    (mandatory ? errors : warnings).push(found);
  }
  const modelYear = decideModelYear(vin, checkOk && !chinese, yearOf(options.today));
  if (modelYear === null) {
    (mandatory ? errors : warnings).push(issue('rules.vin.bad_model_year_code', { char: vin.charAt(9) }));
  } else if (modelYear.rule === 'ambiguous') {
    warnings.push(
      issue('rules.vin.model_year_ambiguous', {
        first: modelYear.candidates[0] ?? '',
        second: modelYear.candidates[1] ?? '',
      }),
    );
  }
  const lowVolume = vin.charAt(2) === '9';
  return {
    valid: errors.length === 0,
    normalized: vin,
    errors,
    warnings,
    wmi,
    vds: vin.slice(3, 9),
    vis: vin.slice(9),
    region,
    country: vinCountry(wmi),
    manufacturer: lookupWmi(wmi),
    lowVolume,
    manufacturerCode: lowVolume ? wmi + vin.slice(11, 14) : wmi,
    modelYear,
    checkDigit: { expected, actual },
  };
}
