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
  // sales (H4, H5.1): deals and contracts, money, invoices, deliveries
  'deals.read',
  'deals.manage',
  'deals.approve',
  'payments.read',
  'payments.record',
  'payments.confirm',
  'invoices.read',
  'invoices.issue',
  'deliveries.read',
  'deliveries.manage',
  // service (H6): requests, bookings, repair orders; technicians' work; quality check; workshop setup
  'service.read',
  'service.manage',
  'service.work',
  'service.inspect',
  'service.settle',
  'workshop.manage',
  // parts and purchasing (H7)
  'parts.read',
  'parts.manage',
  'stocktakes.approve',
  'suppliers.read',
  'suppliers.manage',
  'purchasing.manage',
  'purchasing.approve',
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
/** Sales (H4): a consultant works their own deals; managers the store's and approve discounts and cancellations. */
const sellsOwnDeals: Partial<Record<Action, Scope>> = {
  'deals.read': 'own',
  'deals.manage': 'own',
  'payments.read': 'own',
  'payments.record': 'own',
  'invoices.read': 'own',
  'deliveries.read': 'own',
  'deliveries.manage': 'own',
};
const managesDeals: Partial<Record<Action, Scope>> = {
  'deals.read': 'store',
  'deals.manage': 'store',
  'deals.approve': 'store',
  'payments.read': 'store',
  'payments.record': 'store',
  'invoices.read': 'store',
  'deliveries.read': 'store',
  'deliveries.manage': 'store',
};
/** Finance (H4.3): confirms payments (reconciliation) and issues invoices; settles repair orders. */
const keepsAccounts: Partial<Record<Action, Scope>> = {
  'deals.read': 'store',
  'payments.read': 'store',
  'payments.record': 'store',
  'payments.confirm': 'store',
  'invoices.read': 'store',
  'invoices.issue': 'store',
  'deliveries.read': 'store',
  'service.read': 'store',
  'service.settle': 'store',
  'parts.read': 'store',
  'suppliers.read': 'store',
  'purchasing.approve': 'store',
};
/** The service lane (H6): advisors run requests, bookings and repair orders; technicians work and inspect. */
const advisesService: Partial<Record<Action, Scope>> = {
  'service.read': 'store',
  'service.manage': 'store',
  'service.settle': 'store',
  'parts.read': 'store',
};
const repairsCars: Partial<Record<Action, Scope>> = {
  'service.read': 'store',
  'service.work': 'store',
  // the foreman is a senior technician: quality check (H6.1 7)
  'service.inspect': 'store',
  'parts.read': 'store',
};
/** Parts and purchasing (H7): the clerk runs stock, orders, suppliers and purchase orders. */
const keepsParts: Partial<Record<Action, Scope>> = {
  'parts.read': 'store',
  'parts.manage': 'store',
  'suppliers.read': 'store',
  'suppliers.manage': 'store',
  'purchasing.manage': 'store',
  'service.read': 'store',
};
/** A store manager approves what needs a second person: stocktake postings and purchase orders over the limit. */
const runsWorkshopAndParts: Partial<Record<Action, Scope>> = {
  ...advisesService,
  ...repairsCars,
  ...keepsParts,
  'workshop.manage': 'store',
  'stocktakes.approve': 'store',
  'purchasing.approve': 'store',
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
    ...Object.fromEntries(
      actions.slice(actions.indexOf('deals.read')).map((action) => [action, 'group' as const]),
    ),
  },
  store_manager: {
    ...managerOfStore,
    ...runsSales,
    ...managesCustomers,
    ...runsLeads,
    ...advisesBuyers,
    ...managesDeals,
    ...runsWorkshopAndParts,
    'users.reveal_id_number': 'store',
  },
  sales_manager: {
    ...everyone,
    ...runsSales,
    ...managesCustomers,
    ...runsLeads,
    ...advisesBuyers,
    ...managesDeals,
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
    ...sellsOwnDeals,
  },
  service_advisor: { ...everyone, ...servesCustomers, ...advisesService, 'users.read': 'own' },
  technician: { ...everyone, ...repairsCars, 'users.read': 'own' },
  parts_clerk: { ...everyone, ...keepsParts, 'users.read': 'own' },
  finance: { ...everyone, ...sellsCars, ...keepsAccounts, 'users.read': 'own', 'customers.read': 'store' },
  marketing: {
    ...everyone,
    ...sellsCars,
    'showroom.manage': 'store',
    'users.read': 'own',
    'customers.read': 'store',
    'leads.read': 'store',
  },
  quality_manager: { ...everyone, 'users.read': 'own', 'service.read': 'store', 'suppliers.read': 'store' },
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
