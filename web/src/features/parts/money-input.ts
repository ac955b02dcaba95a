import { parseYuanToFen } from '@common/rules/money';

/** Form rule: an amount in yuan (two decimals at most). */
export const yuanRule = (message: string) => ({
  validator: (_: unknown, v?: string) =>
    !v || parseYuanToFen(v) !== null ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** Yuan text to integer 分 (0 when empty). */
export const toFen = (v?: string) => (v ? (parseYuanToFen(v) ?? 0) : 0);

/** The store a write goes to: the one chosen in the header, else the user's first. */
export const writeStore = (selected: string | null, stores: { id: string }[]) =>
  selected ?? stores[0]?.id ?? '';
