import type { TFunction } from 'i18next';
import { formatFen } from '@common/rules/money';
import { currentLanguage } from '../../i18n/i18n';

const moneyKeys = new Set(['price', 'budgetMax', 'budgetMin', 'over']);

/** A recommendation reason as a sentence in the UI language (money, features, energies and bodies named). */
export function reasonText(
  t: TFunction,
  reason: { code: string; params: Record<string, string | number | string[]> },
): string {
  const params: Record<string, string> = {};
  const sep = currentLanguage() === 'en' ? ', ' : '、';
  const label = (value: string) =>
    t(`catalog.features.${value}`, {
      defaultValue: t(`catalog.energies.${value}`, {
        defaultValue: t(`catalog.bodyTypes.${value}`, { defaultValue: value }),
      }),
    });
  for (const [k, v] of Object.entries(reason.params)) {
    if (Array.isArray(v)) params[k] = v.map(label).join(sep);
    else if (moneyKeys.has(k) && typeof v === 'number') params[k] = formatFen(v);
    else if (k === 'energy' || k === 'bodyType') params[k] = label(String(v));
    else params[k] = String(v);
  }
  return t(`needs.reasons.${reason.code}`, {
    ...params,
    defaultValue: reason.code,
    interpolation: { escapeValue: false },
  });
}
