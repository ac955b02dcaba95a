/**
 * One entry point for the form validators, by kind (the `POST /rules/validate`
 * request). Each kind delegates to the function that cites its standard.
 */
import { validateCnMobile } from './cn-mobile';
import { validateCnPlate } from './cn-plate';
import { validateCnResidentId } from './cn-id';
import type { ValidationResult } from './result';
import { validateUscc } from './uscc';
import { decodeVin } from './vin';

export const VALIDATION_KINDS = ['vin', 'cn-resident-id', 'uscc', 'cn-mobile', 'cn-plate'] as const;
export type ValidationKind = (typeof VALIDATION_KINDS)[number];

export interface ValidateOptions {
  /** Business date 'YYYY-MM-DD' (VIN model-year cycle, birth date not in the future); defaults to today in China. */
  today?: string;
}

/**
 * Validates `value` as `kind`: VIN (ISO 3779 / 49 CFR 565 / GB 16735, see decodeVin),
 * resident identity number (GB 11643-1999), unified social credit code
 * (GB 32100-2015), mainland mobile number, or licence plate (GA 36-2018).
 * For a VIN, `details` holds the decoded parts.
 */
export function validateByKind(
  kind: ValidationKind,
  value: string,
  options: ValidateOptions = {},
): ValidationResult {
  switch (kind) {
    case 'vin': {
      const { valid, normalized, errors, warnings, ...details } = decodeVin(value, options);
      return { valid, normalized, errors, warnings, details: { ...details } };
    }
    case 'cn-resident-id':
      return widen(validateCnResidentId(value, options));
    case 'uscc':
      return widen(validateUscc(value));
    case 'cn-mobile':
      return widen(validateCnMobile(value));
    case 'cn-plate':
      return widen(validateCnPlate(value));
  }
}

function widen<D extends object>(r: ValidationResult<D>): ValidationResult {
  const { details, ...rest } = r;
  return details === undefined ? rest : { ...rest, details: { ...details } as Record<string, unknown> };
}
