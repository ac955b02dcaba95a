import { formatFen } from '@common/rules/money';
import type { Brand, Model } from '@common/catalog/brand.schemas';
import type { Trim } from '@common/catalog/trim.schemas';
import { currentLanguage } from '../../i18n/i18n';

/** Money from the API (integer 分) as ¥226,000.00; '—' when there is none. */
export function formatMoney(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : formatFen(fen);
}

/** Today as the store sees it (the browser's local date), `YYYY-MM-DD`. */
export function todayLocal(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The catalogue's names come in Chinese and English: the one for the UI language. */
export function localName(item: { name: string; nameEn: string } | null | undefined): string {
  if (!item) return '—';
  return currentLanguage() === 'en' ? item.nameEn || item.name : item.name || item.nameEn;
}

export interface CatalogNames {
  brands: Map<string, Brand>;
  models: Map<string, Model>;
}

export function byId<T extends { id: string }>(items: T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((item) => [item.id, item]));
}

/** "BYD Seal · 2025 700 km Premium": brand, model and trim in the UI language. */
export function trimTitle(trim: Trim, names: CatalogNames): string {
  const brand = localName(names.brands.get(trim.brandId));
  const model = localName(names.models.get(trim.modelId));
  return `${brand} ${model} · ${localName(trim)}`;
}
