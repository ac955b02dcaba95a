/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 * Structure (§4): registration authority (1) + organisation category (1) +
 * administrative division code (6, GB/T 2260) + organisation code (9, GB 11714) +
 * check character (1).
 */
import { provinceByCode, type Province } from './cn-regions';
import { issue, type RuleIssue, type ValidationResult } from './result';

/** GB 32100-2015 §5, table 3: the 31 code characters (no I, O, S, V, Z), valued 0-30 in this order. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 §5: weights Wi = 3^(i-1) mod 31 for positions 1-17. */
export const USCC_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/**
 * Check character (position 18) per GB 32100-2015 §5: C18 = 31 − (Σ Ci·Wi mod 31),
 * where 31 maps to '0'. Null when the 17 characters are not all from the alphabet.
 */
export function computeUsccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Check character of a 9-character organisation code (GB 11714-1997 §5):
 * C9 = 11 − (Σ Ci·Wi mod 11) with weights 3 7 9 10 5 8 4 2, letters A-Z = 10-35,
 * 10 → 'X', 11 → '0'. Null when the body is malformed.
 */
export function computeOrgCodeCheckChar(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8.charAt(i), 36) * (w[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export interface UsccDetails {
  /** Position 1, registration authority (e.g. '9' 工商/市场监管, '5' 民政, '1' 机构编制). */
  registrationAuthority: string;
  /** Position 2, organisation category within the authority (e.g. '1' enterprise, '2' individual business). */
  category: string;
  /** Positions 3-8, GB/T 2260 division code of the registering authority. */
  divisionCode: string;
  province: Province | null;
  /** Positions 9-17, GB 11714 organisation code. */
  organizationCode: string;
}

/**
 * Validates a unified social credit code (GB 32100-2015).
 *  - Spaces and hyphens are removed and letters upper-cased before checking.
 *  - §4: 18 characters from 0-9 A-H J-N P-R T U W X Y; positions 3-8 are digits.
 *  - §5: check character MOD 31.
 *  - Warning only: the embedded GB 11714 organisation-code check character
 *    (the standard does not make the USCC invalid on it, and some historic
 *    organisation codes are known to deviate).
 */
export function validateUscc(input: string): ValidationResult<UsccDetails> {
  const errors: RuleIssue[] = [];
  const warnings: RuleIssue[] = [];
  const code = input.replace(/[\s-]+/g, '').toUpperCase();
  if (code.length !== 18) {
    errors.push(issue('rules.uscc.bad_length', { length: code.length }));
    return { valid: false, normalized: null, errors, warnings };
  }
  for (let i = 0; i < 18; i++) {
    const ch = code.charAt(i);
    if (!USCC_ALPHABET.includes(ch))
      errors.push(issue('rules.uscc.invalid_character', { char: ch, position: i + 1 }));
  }
  if (errors.length > 0) return { valid: false, normalized: null, errors, warnings };
  const divisionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode))
    errors.push(issue('rules.uscc.bad_division_code', { code: divisionCode }));
  const expected = computeUsccCheckChar(code.slice(0, 17)) ?? '';
  const actual = code.charAt(17);
  if (expected !== actual) errors.push(issue('rules.uscc.check_char_mismatch', { expected, actual }));
  const organizationCode = code.slice(8, 17);
  const orgExpected = computeOrgCodeCheckChar(organizationCode.slice(0, 8));
  if (orgExpected !== null && orgExpected !== organizationCode.charAt(8)) {
    warnings.push(
      issue('rules.uscc.org_code_check_mismatch', {
        expected: orgExpected,
        actual: organizationCode.charAt(8),
      }),
    );
  }
  return {
    valid: errors.length === 0,
    normalized: code,
    errors,
    warnings,
    details: {
      registrationAuthority: code.charAt(0),
      category: code.charAt(1),
      divisionCode,
      province: provinceByCode(divisionCode.slice(0, 2)),
      organizationCode,
    },
  };
}
