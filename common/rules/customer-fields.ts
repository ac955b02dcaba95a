import { validateCnResidentId } from './cn-id';
import { validateCnMobile } from './cn-mobile';
import { validateUscc } from './uscc';
import type { RuleIssue } from './result';

/**
 * Field checks of a customer with the rules library, shared by the server (400 naming the field) and
 * the create drawer (errors shown as the user types). Each problem names its dotted field path.
 */
export interface CustomerFieldIssue extends RuleIssue {
  path: string;
}

/** Document types are the crm's (`resident_id`, `passport`, permits). Passports and permits: letters and digits, 5-20 characters (the issuing formats differ too much for more). */
const otherDocumentRe = /^[A-Z0-9]{5,20}$/;

/** Normalises an identity number: resident ids per GB 11643 (15 → 18 digits, upper-case X), others upper-cased. */
export function normalizeIdentityNumber(type: string, raw: string): string | null {
  if (type === 'resident_id') {
    const result = validateCnResidentId(raw);
    return result.valid ? result.normalized : null;
  }
  const compact = raw.replace(/[\s-]+/g, '').toUpperCase();
  return otherDocumentRe.test(compact) ? compact : null;
}

export function identityNumberIssues(
  type: string,
  raw: string,
  path = 'identityDocument.number',
): CustomerFieldIssue[] {
  if (type === 'resident_id') return validateCnResidentId(raw).errors.map((e) => ({ ...e, path }));
  return normalizeIdentityNumber(type, raw) ? [] : [{ path, code: 'rules.crm.bad_document_number' }];
}

export function mobileIssues(mobiles: readonly string[], path = 'mobiles'): CustomerFieldIssue[] {
  const issues: CustomerFieldIssue[] = [];
  const seen = new Set<string>();
  mobiles.forEach((m, i) => {
    const result = validateCnMobile(m);
    if (!result.valid) issues.push(...result.errors.map((e) => ({ ...e, path: `${path}.${i}` })));
    else if (seen.has(result.normalized!))
      issues.push({ path: `${path}.${i}`, code: 'rules.crm.mobile_repeated' });
    else seen.add(result.normalized!);
  });
  return issues;
}

export function companyCodeIssues(raw: string, path = 'companyCode'): CustomerFieldIssue[] {
  return validateUscc(raw).errors.map((e) => ({ ...e, path }));
}

/** The normalised 11-digit mobile numbers (input already checked). */
export const normalizeMobiles = (mobiles: readonly string[]) =>
  mobiles.map((m) => validateCnMobile(m).normalized ?? m);

/** Every field problem of a customer's identifying data: mobiles, identity document, company code (USCC). */
export function customerIssues(input: {
  type?: string;
  mobiles?: readonly string[];
  identityDocument?: { type: string; number: string } | null;
  companyCode?: string | null;
}): CustomerFieldIssue[] {
  const issues: CustomerFieldIssue[] = [];
  if (input.mobiles) issues.push(...mobileIssues(input.mobiles));
  if (input.identityDocument)
    issues.push(...identityNumberIssues(input.identityDocument.type, input.identityDocument.number));
  if (input.companyCode) issues.push(...companyCodeIssues(input.companyCode));
  return issues;
}

/**
 * An odometer reading is never below the last one unless the reason is given (instrument cluster
 * replaced, earlier typo): a lower reading without a reason names the `reason` field.
 */
export function mileageIssues(
  lastKm: number | null,
  km: number,
  reason: string | null | undefined,
): CustomerFieldIssue[] {
  if (lastKm === null || km >= lastKm || (reason && reason.trim())) return [];
  return [{ path: 'reason', code: 'rules.crm.mileage_needs_reason', params: { last: lastKm } }];
}
