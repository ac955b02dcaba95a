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
  'customers.read',
  'customers.manage',
  'customers.view_contact',
  'customers.reveal_id_number',
  'customers.merge',
  'leads.read',
  'leads.manage',
  'leads.assign',
  'reception.read',
  'reception.manage',
  'needs.read',
  'needs.manage',
  'plans.read',
  'plans.manage',
  'tasks.read',
  'tasks.manage',
] as const;
export type Action = (typeof actions)[number];

/** own: records the user owns; store: records of the stores where the user holds the role; group: every store of the group. */
export type Scope = 'own' | 'store' | 'group';

const everyone: Partial<Record<Action, Scope>> = {
  // every user has their own follow-up tasks; managers see the store's
  'tasks.read': 'own',
  'tasks.manage': 'own',
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
/**
 * The customer file is shared by sales and service (H3.1.3, H6.1): a consultant reads the store's
 * customers but changes and sees the full contact data only of those they own; managers, reception and
 * service advisors work with the whole store's file.
 */
const servesCustomers: Partial<Record<Action, Scope>> = {
  'customers.read': 'store',
  'customers.manage': 'store',
  'customers.view_contact': 'store',
};
const managesCustomers: Partial<Record<Action, Scope>> = {
  ...servesCustomers,
  'customers.reveal_id_number': 'store',
  'customers.merge': 'store',
};
/** The showroom works as a team (H3.1): appointments, receptions and test drives are the store's. */
const receivesVisitors: Partial<Record<Action, Scope>> = {
  'reception.read': 'store',
  'reception.manage': 'store',
};
/** Leads (H3.1): managers see and hand out the store's; a consultant works their own; reception registers them. */
const runsLeads: Partial<Record<Action, Scope>> = {
  'leads.read': 'store',
  'leads.manage': 'store',
  'leads.assign': 'store',
  ...receivesVisitors,
  // managers see and hand out the store's follow-ups
  'tasks.read': 'store',
  'tasks.manage': 'store',
};
/** Needs analysis and purchase plans (H3.2, H3.3) follow the lead: managers work the store's. */
const advisesBuyers: Partial<Record<Action, Scope>> = {
  'needs.read': 'store',
  'needs.manage': 'store',
  'plans.read': 'store',
  'plans.manage': 'store',
};
const managerOfStore: Partial<Record<Action, Scope>> = {
  ...everyone,
  'tasks.read': 'store',
  'tasks.manage': 'store',
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
    'customers.read': 'group',
    'customers.manage': 'group',
    'customers.view_contact': 'group',
    'customers.reveal_id_number': 'group',
    'customers.merge': 'group',
    'leads.read': 'group',
    'leads.manage': 'group',
    'leads.assign': 'group',
    'reception.read': 'group',
    'reception.manage': 'group',
    'needs.read': 'group',
    'needs.manage': 'group',
    'plans.read': 'group',
    'plans.manage': 'group',
    'tasks.read': 'group',
    'tasks.manage': 'group',
  },
  store_manager: {
    ...managerOfStore,
    ...runsSales,
    ...managesCustomers,
    ...runsLeads,
    ...advisesBuyers,
    'users.reveal_id_number': 'store',
  },
  sales_manager: {
    ...everyone,
    ...runsSales,
    ...managesCustomers,
    ...runsLeads,
    ...advisesBuyers,
    'users.read': 'store',
  },
  sales_consultant: {
    ...everyone,
    ...sellsCars,
    'vehicles.reserve': 'store',
    'users.read': 'own',
    'customers.read': 'store',
    'customers.manage': 'own',
    'customers.view_contact': 'own',
    'leads.read': 'own',
    'leads.manage': 'own',
    ...receivesVisitors,
    'needs.read': 'own',
    'needs.manage': 'own',
    'plans.read': 'own',
    'plans.manage': 'own',
  },
  service_advisor: { ...everyone, ...servesCustomers, 'users.read': 'own' },
  technician: { ...everyone, 'users.read': 'own' },
  parts_clerk: { ...everyone, 'users.read': 'own' },
  finance: { ...everyone, ...sellsCars, 'users.read': 'own', 'customers.read': 'store' },
  marketing: {
    ...everyone,
    ...sellsCars,
    'showroom.manage': 'store',
    'users.read': 'own',
    'customers.read': 'store',
    'leads.read': 'store',
  },
  quality_manager: { ...everyone, 'users.read': 'own' },
  receptionist: {
    ...everyone,
    ...servesCustomers,
    'showroom.read': 'store',
    'users.read': 'own',
    'leads.read': 'store',
    'leads.manage': 'store',
    ...receivesVisitors,
    'needs.read': 'store',
    'plans.read': 'store',
  },
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
