import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function valueAt(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
}

describe('UI strings', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zhKeys = keyPaths(zhCN).sort();
    const enKeys = keyPaths(en).sort();
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(zhKeys.length).toBeGreaterThan(100);
  });

  it('every string is non-empty and uses the same {{placeholders}} in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const path of keyPaths(en)) {
      const english = valueAt(en, path);
      const chinese = valueAt(zhCN, path);
      expect(typeof english, path).toBe('string');
      expect(typeof chinese, path).toBe('string');
      expect((english as string).trim(), path).not.toBe('');
      expect((chinese as string).trim(), path).not.toBe('');
      expect(placeholders(chinese as string), path).toEqual(placeholders(english as string));
    }
  });

  it('the Chinese strings are really translated (most differ from English)', () => {
    const paths = keyPaths(en);
    const same = paths.filter((p) => valueAt(en, p) === valueAt(zhCN, p));
    // Only proper names may stay the same: the product name and the language names.
    expect(same.sort()).toEqual(['app.name', 'common.none', 'languages.en', 'languages.zh-CN']);
  });
});
