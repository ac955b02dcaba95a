import { validateCnResidentId } from '../../../common/rules/cn-id';

/**
 * A staff member's identity number for the HR file: a valid resident identity number (GB 11643,
 * check digit, real birth date) normalised to 18 characters with an upper-case X; null when invalid.
 */
export function normalizeStaffIdNumber(raw: string): string | null {
  const result = validateCnResidentId(raw);
  return result.valid ? result.normalized : null;
}
