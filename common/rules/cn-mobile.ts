/**
 * Mainland China mobile numbers (ITU-T E.164 country code 86; MIIT numbering
 * plan: 11-digit numbers in the 13x-19x segments).
 */
import { issue, type RuleIssue, type ValidationResult } from './result';

const MOBILE_RE = /^(?:\+86|0086)?(1[3-9]\d{9})$/;

export interface CnMobileDetails {
  masked: string;
}

/**
 * Validates a mainland mobile number: optional +86 / 0086 prefix, then 1[3-9]
 * and 9 more digits (MIIT 电信网编号计划). Spaces, hyphens and parentheses are
 * ignored; the result is normalised to the bare 11 digits.
 */
export function validateCnMobile(input: string): ValidationResult<CnMobileDetails> {
  const compact = input.replace(/[\s\-()]+/g, '');
  const m = MOBILE_RE.exec(compact);
  if (!m || m[1] === undefined) {
    const errors: RuleIssue[] = [issue('rules.cn_mobile.bad_format')];
    return { valid: false, normalized: null, errors, warnings: [] };
  }
  return { valid: true, normalized: m[1], errors: [], warnings: [], details: { masked: maskCnMobile(m[1]) } };
}

/**
 * Masks a mobile number for display, keeping the first 3 and last 4 digits
 * (`13812345678` → `138****5678`), the form used under PIPL de-identification
 * practice. Input that is not a valid number is masked except its last 4 characters.
 */
export function maskCnMobile(input: string): string {
  const m = MOBILE_RE.exec(input.replace(/[\s\-()]+/g, ''));
  if (m && m[1] !== undefined) return `${m[1].slice(0, 3)}****${m[1].slice(7)}`;
  const s = input.trim();
  return s.length <= 4 ? '*'.repeat(s.length) : '*'.repeat(s.length - 4) + s.slice(-4);
}
