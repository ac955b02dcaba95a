import { useMemo } from 'react';
import { storesGranting, widestScope } from '@common/identity/roles';
import type { Action } from '@common/identity/roles';
import type { Me } from '@common/identity/user.schemas';
import { permissionScope } from './auth-api';
import { useStoreList } from './stores-api';

export interface StoreOption {
  id: string;
  code: string;
  name: string;
}

/** Every store the user can see, by id: for showing "HQ · Sales consultant" instead of an id. */
export function useStoreNames(me: Me): Map<string, StoreOption> {
  const canListStores = permissionScope(me, 'stores.read') !== null;
  const stores = useStoreList(canListStores);
  return useMemo(() => {
    const byId = new Map<string, StoreOption>();
    for (const s of me.stores) byId.set(s.id, s);
    for (const s of stores.data ?? []) byId.set(s.id, s);
    return byId;
  }, [me.stores, stores.data]);
}

/** The stores in which the user may grant roles for an action: all of them at group scope, else their own. */
export function useGrantableStores(me: Me, action: Action): StoreOption[] {
  const names = useStoreNames(me);
  const scope = widestScope(me.user.storeRoles, action) ?? permissionScope(me, action);
  return useMemo(() => {
    if (scope === 'group') return [...names.values()];
    const allowed = new Set(storesGranting(me.user.storeRoles, action));
    return [...names.values()].filter((s) => allowed.has(s.id));
  }, [names, scope, me.user.storeRoles, action]);
}

export function storeLabel(names: Map<string, StoreOption>, storeId: string): string {
  const store = names.get(storeId);
  return store ? store.name : storeId;
}

/** "North store (N01)", or just "HQ" when the name is the code. */
export function storeOptionLabel(store: StoreOption): string {
  return store.name === store.code ? store.name : `${store.name} (${store.code})`;
}
