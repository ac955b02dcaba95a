/**
 * The purchase order's status machine (H7.3.2): a draft is submitted; up to the approval limit it is
 * approved at once, above it a second person with purchasing.approve approves it; then it is sent to
 * the supplier, confirmed with expected dates and received in one or more goods receipts (back orders).
 */
export const purchaseOrderStatuses = [
  'draft',
  'pending_approval',
  'approved',
  'sent',
  'confirmed',
  'partially_received',
  'received',
  'cancelled',
] as const;
export type PurchaseOrderStatus = (typeof purchaseOrderStatuses)[number];

export const purchaseOrderTransitions = {
  submit: { from: ['draft'], to: 'pending_approval' }, // becomes 'approved' at once up to the limit
  approve: { from: ['pending_approval'], to: 'approved' },
  send: { from: ['approved'], to: 'sent' },
  confirm: { from: ['sent'], to: 'confirmed' },
  cancel: { from: ['draft', 'pending_approval', 'approved', 'sent', 'confirmed'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly PurchaseOrderStatus[]; to: PurchaseOrderStatus }>;
export type PurchaseOrderAction = keyof typeof purchaseOrderTransitions;

/** Orders goods may be received against (sent, confirmed, or already partly received). */
export const receivableStatuses: readonly PurchaseOrderStatus[] = ['sent', 'confirmed', 'partially_received'];

/** Orders above this total (分) need approval by a second person: ¥50,000.00. */
export const purchaseApprovalLimit = 5_000_000;

export function purchaseOrderActionsFrom(status: PurchaseOrderStatus): PurchaseOrderAction[] {
  return (Object.keys(purchaseOrderTransitions) as PurchaseOrderAction[]).filter((a) =>
    (purchaseOrderTransitions[a].from as readonly string[]).includes(status),
  );
}

/** Supplier qualification (H7.3.1): only approved suppliers receive purchase orders. */
export const supplierStatuses = ['approved', 'probation', 'blocked'] as const;
export const certificateKinds = [
  'business_licence',
  'iso9001',
  'iatf16949',
  'brand_authorisation',
  'other',
] as const;
export const qualityResolutions = ['return', 'claim'] as const;
