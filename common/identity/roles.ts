/**
 * Roles, actions and scopes: the permission matrix of Forecourt.
 * The server checks every route against it; the web uses it only to hide what the server refuses.
 * Handbook H2.3.2: each role has its workflow — the matrix is where that becomes enforceable.
 */
export const roles = [
  'group_admin',
  'store_manager',
  'sales_manager',
  'sales_consultant',
  'service_advisor',
  'technician',
  'parts_clerk',
  'finance',
  'marketing',
  'quality_manager',
  'receptionist',
] as const;
export type Role = (typeof roles)[number];

export const actions = [
  'users.read',
  'users.manage',
  'users.reveal_id_number',
  'stores.read',
  'stores.manage',
  'tokens.manage',
  'audit.read',
  'webhooks.manage',
  'rules.use',
  'catalog.read',
  'catalog.manage',
  'prices.read',
  'prices.manage',
  'vehicles.read',
  'vehicles.manage',
  'vehicles.reserve',
  'vehicles.transfer',
  'showroom.read',
  'showroom.manage',
] as const;
export type Action = (typeof actions)[number];

/** own: records the user owns; store: records of the stores where the user holds the role; group: every store of the group. */
export type Scope = 'own' | 'store' | 'group';

const everyone: Partial<Record<Action, Scope>> = {
  'rules.use': 'store',
  'stores.read': 'store',
  // the catalogue is the group's: everyone who advises customers reads all of it
  'catalog.read': 'group',
};
/** Selling roles see the store's prices, stock and showroom; consultants reserve cars for their deals. */
const sellsCars: Partial<Record<Action, Scope>> = {
  'prices.read': 'store',
  'vehicles.read': 'store',
  'showroom.read': 'store',
};
const runsSales: Partial<Record<Action, Scope>> = {
  ...sellsCars,
  'prices.manage': 'store',
  'vehicles.manage': 'store',
  'vehicles.reserve': 'store',
  'vehicles.transfer': 'store',
  'showroom.manage': 'store',
};
const managerOfStore: Partial<Record<Action, Scope>> = {
  ...everyone,
  'users.read': 'store',
  'users.manage': 'store',
  'audit.read': 'store',
};

export const roleGrants: Record<Role, Partial<Record<Action, Scope>>> = {
  group_admin: {
    'users.read': 'group',
    'users.manage': 'group',
    'users.reveal_id_number': 'group',
    'stores.read': 'group',
    'stores.manage': 'group',
    'tokens.manage': 'group',
    'audit.read': 'group',
    'webhooks.manage': 'group',
    'rules.use': 'group',
    'catalog.read': 'group',
    'catalog.manage': 'group',
    'prices.read': 'group',
    'prices.manage': 'group',
    'vehicles.read': 'group',
    'vehicles.manage': 'group',
    'vehicles.reserve': 'group',
    'vehicles.transfer': 'group',
    'showroom.read': 'group',
    'showroom.manage': 'group',
  },
  store_manager: { ...managerOfStore, ...runsSales, 'users.reveal_id_number': 'store' },
  sales_manager: { ...everyone, ...runsSales, 'users.read': 'store' },
  sales_consultant: { ...everyone, ...sellsCars, 'vehicles.reserve': 'store', 'users.read': 'own' },
  service_advisor: { ...everyone, 'users.read': 'own' },
  technician: { ...everyone, 'users.read': 'own' },
  parts_clerk: { ...everyone, 'users.read': 'own' },
  finance: { ...everyone, ...sellsCars, 'users.read': 'own' },
  marketing: { ...everyone, ...sellsCars, 'showroom.manage': 'store', 'users.read': 'own' },
  quality_manager: { ...everyone, 'users.read': 'own' },
  receptionist: { ...everyone, 'showroom.read': 'store', 'users.read': 'own' },
};

const scopeRank: Record<Scope, number> = { own: 1, store: 2, group: 3 };

export interface StoreRole {
  storeId: string;
  role: Role;
}

/** The widest scope any of the user's roles grants for an action, or null when none does. */
export function widestScope(storeRoles: readonly StoreRole[], action: Action): Scope | null {
  let best: Scope | null = null;
  for (const { role } of storeRoles) {
    const scope = roleGrants[role][action];
    if (scope && (!best || scopeRank[scope] > scopeRank[best])) best = scope;
  }
  return best;
}

/** Stores where the user may do an action at store scope or wider (group scope: every store of the group). */
export function storesGranting(storeRoles: readonly StoreRole[], action: Action): string[] {
  return [
    ...new Set(
      storeRoles
        .filter(({ role }) => {
          const scope = roleGrants[role][action];
          return scope === 'store' || scope === 'group';
        })
        .map((r) => r.storeId),
    ),
  ];
}

export function can(storeRoles: readonly StoreRole[], action: Action): boolean {
  return widestScope(storeRoles, action) !== null;
}
