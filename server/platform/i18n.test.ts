import { describe, expect, it } from 'vitest';
import { errorStatus } from './errors';
import { errorTitles, languageFrom } from './i18n';

describe('server messages', () => {
  it('has a title in both languages for every error code', () => {
    for (const code of Object.keys(errorStatus) as (keyof typeof errorStatus)[]) {
      expect(errorTitles[code].en.length).toBeGreaterThan(0);
      expect(errorTitles[code]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('picks the language from Accept-Language by quality, defaulting to Chinese', () => {
    expect(languageFrom('en-US,en;q=0.9')).toBe('en');
    expect(languageFrom('zh-TW;q=0.5,en;q=0.8')).toBe('en');
    expect(languageFrom('fr-FR, zh-CN;q=0.7')).toBe('zh-CN');
    expect(languageFrom('de')).toBe('zh-CN');
    expect(languageFrom(undefined)).toBe('zh-CN');
  });
});
