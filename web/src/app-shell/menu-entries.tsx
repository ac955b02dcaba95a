import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import { ApiOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import type { Action } from '@common/identity/roles';
import type { Me } from '@common/identity/user.schemas';
import type { Messages } from '../i18n/en';
import { permissionScope } from '../features/identity/auth-api';

/** The handbook's areas, in menu order. A group shows only when it has an entry the user may open. */
export const menuGroups = [
  'reception',
  'sales',
  'delivery',
  'service',
  'parts',
  'purchasing',
  'quality',
  'marketing',
  'surveys',
  'staff',
  'analytics',
  'tools',
  'administration',
] as const satisfies readonly (keyof Messages['menu']['groups'])[];
export type MenuGroup = (typeof menuGroups)[number];

type MenuLabel = Exclude<keyof Messages['menu'], 'groups'>;

export interface MenuEntry {
  group: MenuGroup;
  /** i18n key under `menu.` */
  label: MenuLabel;
  path: string;
  icon: ReactNode;
  /** The action the user needs at any scope; none = every signed-in user. */
  permission?: Action;
  page: LazyExoticComponent<ComponentType>;
}

const usersPage = lazy(() =>
  import('../features/identity/users-page').then((m) => ({ default: m.UsersPage })),
);
const storesPage = lazy(() =>
  import('../features/identity/stores-page').then((m) => ({ default: m.StoresPage })),
);
const apiTokensPage = lazy(() =>
  import('../features/identity/api-tokens-page').then((m) => ({ default: m.ApiTokensPage })),
);

/** Every screen of the app. Adding a module's screen is one line here. */
export const menuEntries: MenuEntry[] = [
  {
    group: 'administration',
    label: 'users',
    path: '/admin/users',
    icon: <TeamOutlined />,
    permission: 'users.read',
    page: usersPage,
  },
  {
    group: 'administration',
    label: 'stores',
    path: '/admin/stores',
    icon: <ShopOutlined />,
    permission: 'stores.read',
    page: storesPage,
  },
  {
    group: 'administration',
    label: 'apiTokens',
    path: '/admin/api-tokens',
    icon: <ApiOutlined />,
    page: apiTokensPage,
  },
];

export function visibleEntries(me: Me): MenuEntry[] {
  return menuEntries.filter((entry) => !entry.permission || permissionScope(me, entry.permission) !== null);
}
