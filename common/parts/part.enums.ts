/** Part classes (H7.1.1): common, seasonal, special (specific models or jobs), scrap/obsolete. */
export const partClasses = ['common', 'seasonal', 'special', 'obsolete'] as const;
export type PartClass = (typeof partClasses)[number];

/**
 * Origin label (汽车销售管理办法 Art. 17): a dealer selling parts states whether they are original
 * (原厂), of equivalent quality (同质), remanufactured (再制造) or reused (回用); shown wherever sold.
 */
export const partOrigins = ['original', 'equivalent', 'remanufactured', 'reused'] as const;
export type PartOrigin = (typeof partOrigins)[number];

/** Every kind of stock movement: each is one ledger row (H7.1.2). */
export const movementTypes = [
  'receive',
  'issue_repair_order',
  'counter_sale',
  'order_issue',
  'transfer_out',
  'transfer_in',
  'adjustment',
  'scrap',
  'return_to_supplier',
] as const;
export type MovementType = (typeof movementTypes)[number];

/** Movements a clerk may post by hand (the others come from orders, receipts and stocktakes). */
export const manualMovementTypes = [
  'receive',
  'adjustment',
  'scrap',
  'transfer',
  'return_to_supplier',
] as const;

/** Which movement types take stock out (their quantity is negative in the ledger). */
export const outboundTypes: readonly MovementType[] = [
  'issue_repair_order',
  'counter_sale',
  'order_issue',
  'transfer_out',
  'scrap',
  'return_to_supplier',
];
