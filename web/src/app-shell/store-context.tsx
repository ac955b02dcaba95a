import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Me } from '@common/identity/user.schemas';

const storageKey = 'forecourt.storeId';

interface SelectedStore {
  /** The chosen store's id, or null for "all my stores". */
  storeId: string | null;
  selectStore: (storeId: string | null) => void;
}

const SelectedStoreContext = createContext<SelectedStore>({ storeId: null, selectStore: () => undefined });

/** The store the user works in, remembered per user in this browser; lists filter by it. */
export function SelectedStoreProvider({ me, children }: { me: Me; children: ReactNode }) {
  const key = `${storageKey}.${me.user.id}`;
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(key));
  const onlyStore = me.stores.length === 1 ? (me.stores[0]?.id ?? null) : null;
  const storeId = onlyStore ?? (chosen && me.stores.some((s) => s.id === chosen) ? chosen : null);

  const selectStore = useCallback(
    (id: string | null) => {
      if (id) localStorage.setItem(key, id);
      else localStorage.removeItem(key);
      setChosen(id);
    },
    [key],
  );

  const value = useMemo(() => ({ storeId, selectStore }), [storeId, selectStore]);
  return <SelectedStoreContext.Provider value={value}>{children}</SelectedStoreContext.Provider>;
}

export function useSelectedStore(): SelectedStore {
  return useContext(SelectedStoreContext);
}
