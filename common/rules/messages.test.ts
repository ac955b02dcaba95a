import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatRuleMessage, ruleMessages, ruleValueLabels } from './messages';
import { TG_FAILURE_KINDS, TG_SYSTEMS } from './three-guarantee-types';

const dir = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(dir).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'messages.ts',
);

/** Every rule code the library can emit, found in its sources (literal codes and `${NS}.…` codes). */
function emittedCodes(): Set<string> {
  const found = new Set<string>();
  for (const f of sources) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of text.matchAll(/'(rules\.[a-z_]+\.[a-z0-9_]+)'/g)) found.add(m[1]!);
    const ns = /const NS = '(rules\.[a-z_]+)'/.exec(text)?.[1];
    if (ns) for (const m of text.matchAll(/`\$\{NS\}\.([a-z0-9_]+)`/g)) found.add(`${ns}.${m[1]}`);
  }
  return found;
}

describe('rule messages', () => {
  const codes = emittedCodes();

  it('finds the codes (sanity)', () => {
    expect(codes.size).toBeGreaterThan(40);
    expect(codes).toContain('rules.vin.check_digit_mismatch');
    expect(codes).toContain('rules.three_guarantee.art24_4_same_problem');
  });

  it('every emitted code has a message in en and zh-CN', () => {
    const missing = [...codes].flatMap((c) =>
      (['en', 'zh-CN'] as const).filter((l) => !(c in ruleMessages[l])).map((l) => `${l}:${c}`),
    );
    expect(missing).toEqual([]);
  });

  it('both languages have the same codes and the same placeholders, and no dead entries', () => {
    expect(Object.keys(ruleMessages['zh-CN']).sort()).toEqual(Object.keys(ruleMessages.en).sort());
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, en] of Object.entries(ruleMessages.en))
      expect(ph(ruleMessages['zh-CN'][code]!), code).toEqual(ph(en));
    expect(Object.keys(ruleMessages.en).filter((c) => !codes.has(c))).toEqual([]);
  });

  it('labels every system and failure kind in both languages', () => {
    for (const v of [...TG_SYSTEMS, ...TG_FAILURE_KINDS]) {
      expect(ruleValueLabels.en[v], v).toBeDefined();
      expect(ruleValueLabels['zh-CN'][v], v).toBeDefined();
    }
  });

  it('formats with params', () => {
    expect(formatRuleMessage('rules.vin.check_digit_mismatch', { expected: '5', actual: '3' }, 'en')).toBe(
      'Check digit (position 9) is 3 but should be 5.',
    );
    expect(formatRuleMessage('rules.vin.check_digit_mismatch', { expected: '5', actual: '3' }, 'zh-CN')).toBe(
      '检验位（第 9 位）为 3，应为 5。',
    );
    expect(
      formatRuleMessage(
        'rules.three_guarantee.art24_2_core_assembly_replaced',
        { system: 'traction_battery', count: 2 },
        'zh-CN',
      ),
    ).toBe('动力蓄电池累计更换 2 次，仍不能正常使用：可更换或者退货。');
    expect(formatRuleMessage('rules.unknown.code', undefined, 'en')).toBe('rules.unknown.code');
  });
});
