import { describe, expect, it } from 'vitest';
import { passwordIssues } from './password';

const codes = (p: string, names: string[] = []) => passwordIssues(p, names).map((i) => i.code);

describe('password policy', () => {
  it('accepts long passphrases and refuses what attackers try first', () => {
    expect(codes('staff-password-123')).toEqual([]);
    expect(codes('Zhao-Lei-2026!')).toEqual([]);
    expect(codes('short-1')).toEqual(['rules.password.too_short']);
    expect(codes('Password123!')).toEqual(['rules.password.common']);
    expect(codes('2024woaini1314')).toEqual(['rules.password.common']);
    expect(codes('1qaz2wsx3edc')).toEqual(['rules.password.sequence']);
    expect(codes('12345678901')).toEqual(['rules.password.only_digits']);
    expect(codes('aaaaaaaaaaaa')).toEqual(['rules.password.repeated']);
    expect(codes('ababababab')).toEqual(['rules.password.repeated']);
    expect(codes('abcdefghijkl')).toEqual(['rules.password.sequence']);
    expect(codes('lkjhgfdsa000')).toEqual(['rules.password.sequence']);
    expect(codes('i-am-wang.fang-2026', ['wang.fang'])).toEqual(['rules.password.contains_name']);
  });
});
