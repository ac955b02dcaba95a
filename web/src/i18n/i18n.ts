import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@common/identity/user.schemas';
import { en } from './en';
import { zhCN } from './zh-CN';

export const languages: readonly Language[] = ['zh-CN', 'en'];
const storageKey = 'forecourt.language';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh-CN' || value === 'en';
}

/** Before sign-in: the last language used in this browser, else the browser's own, else Chinese. */
function detectLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(storageKey);
  if (isLanguage(stored)) return stored;
  const preferred = globalThis.navigator?.languages ?? [];
  for (const tag of preferred) {
    if (tag.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (tag.toLowerCase().startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

/** Switch the UI language everywhere at once and remember it in this browser. */
export async function applyLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(storageKey, language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}
