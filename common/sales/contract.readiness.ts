/**
 * Preparation checks before a contract may be signed (H4.1): the vehicle is fully described, the
 * buyer's identity was verified against a document copy, the buyer's data is complete, and the price,
 * payment method and delivery date are agreed. Pure: the server refuses to sign with the failing checks
 * named; the contract screen shows the same list as a checklist.
 */
export const contractChecks = [
  'vehicle_model',
  'vehicle_configuration',
  'vehicle_colour',
  'vehicle_vin',
  'buyer_identity_document',
  'buyer_identity_copy',
  'buyer_identity_verified',
  'buyer_contact',
  'buyer_address',
  'buyer_employer',
  'agreed_price',
  'payment_method',
  'delivery_date',
] as const;
export type ContractCheck = (typeof contractChecks)[number];

export interface ContractReadinessInput {
  model: string | null;
  trim: string | null;
  colour: string | null;
  vin: string | null;
  buyer: {
    kind: 'individual' | 'company';
    documentType: string | null;
    documentNumberValid: boolean;
    idCopyAttached: boolean;
    verifiedBy: string | null;
    mobile: string | null;
    address: string | null;
    /** Employer (individual) or the company's legal representative (company). */
    employer: string | null;
  };
  agreedPrice: number | null;
  paymentMethod: string | null;
  deliveryDate: string | null;
}

export interface ContractCheckResult {
  check: ContractCheck;
  ok: boolean;
}

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0;

export function contractReadiness(c: ContractReadinessInput): ContractCheckResult[] {
  const results: Record<ContractCheck, boolean> = {
    vehicle_model: filled(c.model),
    vehicle_configuration: filled(c.trim),
    vehicle_colour: filled(c.colour),
    vehicle_vin: filled(c.vin),
    buyer_identity_document: filled(c.buyer.documentType) && c.buyer.documentNumberValid,
    buyer_identity_copy: c.buyer.idCopyAttached,
    buyer_identity_verified: filled(c.buyer.verifiedBy),
    buyer_contact: filled(c.buyer.mobile),
    buyer_address: filled(c.buyer.address),
    buyer_employer: filled(c.buyer.employer),
    agreed_price: c.agreedPrice !== null && c.agreedPrice > 0,
    payment_method: filled(c.paymentMethod),
    delivery_date: filled(c.deliveryDate),
  };
  return contractChecks.map((check) => ({ check, ok: results[check] }));
}

export const failingChecks = (results: readonly ContractCheckResult[]) =>
  results.filter((r) => !r.ok).map((r) => r.check);

/** The terms a contract version fixes; a change (H4.1.3) is the difference between two versions' terms. */
export type ContractTerms = Record<string, string | number | boolean | null>;

export interface TermChange {
  field: string;
  before: string | number | boolean | null;
  after: string | number | boolean | null;
}

export function termChanges(before: ContractTerms, after: ContractTerms): TermChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((f) => (before[f] ?? null) !== (after[f] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}
