import { useTranslation } from 'react-i18next';
import { formatRuleMessage, ruleValueLabels } from '@common/rules/messages';
import type { RuleLanguage } from '@common/rules/messages';
import type { RuleIssue } from '@common/rules/result';

const ZH_DIGITS = '零一二三四五六七八九';

/** 1-99 in Chinese numerals, as legal texts number their articles: 24 → 二十四. */
export function zhNumeral(n: number): string {
  if (n < 10) return ZH_DIGITS.charAt(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : ZH_DIGITS.charAt(tens)}十${ones ? ZH_DIGITS.charAt(ones) : ''}`;
}

/** Splits an article reference like '24(1)' into the article number and the item number. */
export function parseArticle(article: string): { article: number; item: number | null } {
  const m = /^(\d+)(?:\((\d+)\))?$/.exec(article);
  return { article: Number(m?.[1] ?? 0), item: m?.[2] ? Number(m[2]) : null };
}

/**
 * The rule library's texts in the UI language: every rule code's message comes from
 * common/rules/messages (one source for the API and the screens), formatted again
 * on each render so a language switch also changes results already shown.
 */
export function useRuleText() {
  const { t, i18n } = useTranslation();
  const lang: RuleLanguage = i18n.language === 'en' ? 'en' : 'zh-CN';

  const message = (issue: RuleIssue) => formatRuleMessage(issue.code, issue.params, lang);

  /** Label of a 三包 system or failure kind (shared with the rule messages), capitalised in English. */
  const valueLabel = (value: string) => {
    const label = ruleValueLabels[lang][value] ?? value;
    return lang === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label;
  };

  /** 'Art. 24(1)' / '第二十四条第（一）项'. */
  const articleLabel = (reference: string) => {
    const { article, item } = parseArticle(reference);
    const a = lang === 'en' ? String(article) : zhNumeral(article);
    if (item === null) return t('tools.article', { article: a });
    return t('tools.articleItem', { article: a, item: lang === 'en' ? String(item) : zhNumeral(item) });
  };

  /** A country's name in the UI language from its ISO 3166 code. */
  const countryName = (code: string) => {
    try {
      return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  };

  return { t, lang, message, valueLabel, articleLabel, countryName };
}
