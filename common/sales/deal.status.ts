/**
 * The deal's status machine (architecture rule 6). A quote is edited freely; submitting it agrees the
 * deal when the discount is within the consultant's limit, otherwise it waits for a manager (H4).
 * Signing the contract makes it `contracted`; handing the car over `delivered`. Cancelling is possible
 * until delivery and reverses what the deal holds (H4.1.3).
 */
export const dealStatuses = [
  'quote',
  'awaiting_approval',
  'agreed',
  'contracted',
  'delivered',
  'cancelled',
] as const;
export type DealStatus = (typeof dealStatuses)[number];

export const dealTransitions = {
  submit: { from: ['quote'], to: 'agreed' }, // within the consultant's discount limit
  request_approval: { from: ['quote'], to: 'awaiting_approval' }, // over the limit
  approve: { from: ['awaiting_approval'], to: 'agreed' },
  reject: { from: ['awaiting_approval'], to: 'quote' },
  reopen: { from: ['agreed'], to: 'quote' }, // change the quote before a contract is signed
  sign_contract: { from: ['agreed', 'contracted'], to: 'contracted' },
  deliver: { from: ['contracted'], to: 'delivered' },
  cancel: { from: ['quote', 'awaiting_approval', 'agreed', 'contracted'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly DealStatus[]; to: DealStatus }>;
export type DealAction = keyof typeof dealTransitions;

export function canDeal(status: DealStatus, action: DealAction): boolean {
  return (dealTransitions[action].from as readonly DealStatus[]).includes(status);
}

export function dealActionsFrom(status: DealStatus): DealAction[] {
  return (Object.keys(dealTransitions) as DealAction[]).filter((a) => canDeal(status, a));
}

/** Value-added services a deal may offer (H4, 汽车销售管理办法 Art. 14: each one declinable). */
export const dealServiceCodes = [
  'insurance_agency',
  'registration_agency',
  'financing_service',
  'extended_warranty',
  'accessory_fitting',
] as const;
export type DealServiceCode = (typeof dealServiceCodes)[number];

export const paymentKinds = [
  'deposit',
  'down_payment',
  'balance',
  'loan_disbursement',
  'trade_in_credit',
] as const;
export const paymentMethods = [
  'cash',
  'card',
  'bank_transfer',
  'wechat_pay',
  'alipay',
  'loan',
  'trade_in',
] as const;
export const paymentStatuses = ['recorded', 'confirmed', 'rejected'] as const;
export const refundStatuses = ['pending', 'paid'] as const;
