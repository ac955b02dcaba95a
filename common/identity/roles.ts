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
] as const;
export type Action = (typeof actions)[number];

/** own: records the user owns; store: records of the stores where the user holds the role; group: every store of the group. */
export type Scope = 'own' | 'store' | 'group';

const everyone: Partial<Record<Action, Scope>> = { 'rules.use': 'store', 'stores.read': 'store' };
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
  },
  store_manager: { ...managerOfStore, 'users.reveal_id_number': 'store' },
  sales_manager: { ...everyone, 'users.read': 'store' },
  sales_consultant: { ...everyone, 'users.read': 'own' },
  service_advisor: { ...everyone, 'users.read': 'own' },
  technician: { ...everyone, 'users.read': 'own' },
  parts_clerk: { ...everyone, 'users.read': 'own' },
  finance: { ...everyone, 'users.read': 'own' },
  marketing: { ...everyone, 'users.read': 'own' },
  quality_manager: { ...everyone, 'users.read': 'own' },
  receptionist: { ...everyone, 'users.read': 'own' },
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
