import type { DbOrTrx } from '../../db/database';
import { PLATE_PROVINCES } from '../../../common/rules/cn-plate';

/**
 * The search-as-you-type of the customer file, each kind of input answered from its own index:
 * name prefix (customers.name_search), mobile full or last 4 (customer_mobiles), identity number by
 * keyed hash, USCC, plate prefix and VIN full or last 6 (customer_vehicles).
 */

/** Name search form: lower-cased, spaces removed (stored the same way in name_search). */
export const nameSearchForm = (name: string) => name.toLowerCase().replace(/\s+/g, '');

/** The smallest string above every string that starts with `prefix` (byte order). */
export function prefixUpperBound(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop()!;
  return chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}

export interface SearchPlan {
  namePrefix: string | null;
  mobile: string | null;
  mobilePrefix: string | null;
  last4: string | null;
  idNumberHash: string | null;
  companyCode: string | null;
  platePrefix: string | null;
  vin: string | null;
  vinLast6: string | null;
}

/** How a typed query is looked up: every plausible reading of it, each an indexed lookup. */
export function planSearch(q: string, hashOf: (plain: string) => string): SearchPlan {
  const raw = q.trim();
  const compact = raw.replace(/[\s\-()·•.]+/g, '').toUpperCase();
  const digits = /^(?:\+86|0086)?(\d+)$/.exec(compact)?.[1] ?? null;
  const plan: SearchPlan = {
    namePrefix: null,
    mobile: null,
    mobilePrefix: null,
    last4: null,
    idNumberHash: null,
    companyCode: null,
    platePrefix: null,
    vin: null,
    vinLast6: null,
  };
  if (!compact) return plan;
  if (digits !== null) {
    if (digits.length === 4) plan.last4 = digits;
    if (digits.length === 11 && digits.startsWith('1')) plan.mobile = digits;
    else if (digits.length >= 3 && digits.length < 11 && digits.startsWith('1')) plan.mobilePrefix = digits;
    if (digits.length === 6) plan.vinLast6 = digits;
  } else {
    plan.namePrefix = nameSearchForm(raw);
    if (PLATE_PROVINCES.includes([...compact][0] ?? '') && [...compact].length >= 2)
      plan.platePrefix = compact;
    if (/^[A-HJ-NPR-Z0-9]{17}$/.test(compact)) plan.vin = compact;
    if (/^[A-HJ-NPR-Z0-9]{6}$/.test(compact) && /\d/.test(compact)) plan.vinLast6 = compact;
    if (/^[0-9A-Z]{18}$/.test(compact)) plan.companyCode = compact;
  }
  // identity numbers (resident ids and passports alike) are found by their keyed hash only
  if (/^[0-9A-Z]{6,20}$/.test(compact) && /\d/.test(compact)) plan.idNumberHash = hashOf(compact);
  return plan;
}

/** Ids of customers of the group matching the non-name parts of the plan (each capped, each indexed). */
export async function searchCandidateIds(db: DbOrTrx, groupId: string, plan: SearchPlan, cap = 200) {
  const ids = new Set<string>();
  const collect = (rows: { customer_id: string }[]) => rows.forEach((r) => ids.add(r.customer_id));
  const mobiles = db.selectFrom('customer_mobiles').select('customer_id').where('group_id', '=', groupId);
  if (plan.mobile) collect(await mobiles.where('mobile', '=', plan.mobile).limit(cap).execute());
  if (plan.mobilePrefix)
    collect(
      await mobiles
        .where('mobile', '>=', plan.mobilePrefix)
        .where('mobile', '<', prefixUpperBound(plan.mobilePrefix))
        .limit(cap)
        .execute(),
    );
  if (plan.last4) collect(await mobiles.where('mobile_last4', '=', plan.last4).limit(cap).execute());
  const customers = db.selectFrom('customers').select('id as customer_id').where('group_id', '=', groupId);
  if (plan.idNumberHash)
    collect(await customers.where('id_number_hash', '=', plan.idNumberHash).limit(cap).execute());
  if (plan.companyCode)
    collect(await customers.where('company_code', '=', plan.companyCode).limit(cap).execute());
  const vehicles = db.selectFrom('customer_vehicles').select('customer_id').where('group_id', '=', groupId);
  if (plan.platePrefix)
    collect(
      await vehicles
        .where('plate', '>=', plan.platePrefix)
        .where('plate', '<', prefixUpperBound(plan.platePrefix))
        .limit(cap)
        .execute(),
    );
  if (plan.vin) collect(await vehicles.where('vin', '=', plan.vin).limit(cap).execute());
  if (plan.vinLast6) collect(await vehicles.where('vin_last6', '=', plan.vinLast6).limit(cap).execute());
  return [...ids];
}
