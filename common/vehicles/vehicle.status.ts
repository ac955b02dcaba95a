/**
 * The stock vehicle's status machine (architecture rule 6): states and the transitions allowed between
 * them, named by the business action. The service refuses any other move with a 409 naming the current
 * state; the web shows only the actions legal from the current state.
 */
export const vehicleStatuses = [
  'on_order',
  'in_transit',
  'in_stock',
  'reserved',
  'sold',
  'delivered',
  'demo',
  'transferred',
] as const;
export type VehicleStatus = (typeof vehicleStatuses)[number];

export const vehicleTransitions = {
  ship: { from: ['on_order'], to: 'in_transit' }, // the OEM has dispatched it (发车)
  receive: { from: ['on_order', 'in_transit'], to: 'in_stock' }, // arrived and checked in (入库): 库龄 starts
  reserve: { from: ['in_stock', 'demo'], to: 'reserved' }, // held for a deal until an expiry
  release: { from: ['reserved'], to: 'in_stock' }, // reservation cancelled or expired
  sell: { from: ['reserved'], to: 'sold' }, // contract signed (sales module)
  deliver: { from: ['sold'], to: 'delivered' }, // handed over (sales module)
  return_to_stock: { from: ['sold'], to: 'in_stock' }, // the contract was cancelled (sales module, H4.1.3)
  to_demo: { from: ['in_stock'], to: 'demo' }, // becomes a demo / test-drive car
  from_demo: { from: ['demo'], to: 'in_stock' },
  transfer_out: { from: ['in_stock', 'demo'], to: 'transferred' }, // sent to another store of the group
  transfer_in: { from: ['transferred'], to: 'in_stock' }, // received by the other store (or transfer cancelled)
} as const satisfies Record<string, { from: readonly VehicleStatus[]; to: VehicleStatus }>;
export type VehicleAction = keyof typeof vehicleTransitions;

export function canTransition(status: VehicleStatus, action: VehicleAction): boolean {
  return (vehicleTransitions[action].from as readonly VehicleStatus[]).includes(status);
}

/** The actions a user may take from a state (the web shows only these). */
export function actionsFrom(status: VehicleStatus): VehicleAction[] {
  return (Object.keys(vehicleTransitions) as VehicleAction[]).filter((a) => canTransition(status, a));
}

/** Stock-age buckets (库龄) a sales manager watches: 0-30, 31-60, 61-90, over 90 days. */
export const agingBuckets = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof agingBuckets)[number];
export function agingBucket(days: number): AgingBucket {
  if (days <= 30) return '0-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  return '90+';
}

export const vehicleLocations = ['yard', 'showroom', 'in_transit', 'workshop', 'other'] as const;
export const showroomTags = ['hot', 'all_new', 'nev'] as const;
