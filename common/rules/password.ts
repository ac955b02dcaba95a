/**
 * Password policy (issue 9 security basics; OWASP ASVS 2.1 / NIST SP 800-63B §5.1.1.2): at least 10
 * characters, and not a password attackers try first — a well-known password (optionally with digits or
 * symbols added), only digits, one or two characters repeated, a keyboard or alphabet run, or the
 * user's own name. No composition rules (they make passwords worse, not stronger).
 */
import { issue, type RuleIssue } from './result';

export const PASSWORD_MIN_LENGTH = 10;

/** The head of the breached-password lists (Have I Been Pwned, the Chinese leaks of CSDN / 12306 / Tianya). */
const common = new Set(
  [
    'password',
    'passw0rd',
    'p@ssw0rd',
    'qwerty',
    'qwertyuiop',
    'asdfghjkl',
    'zxcvbnm',
    'iloveyou',
    'woaini',
    'woaini1314',
    'admin',
    'administrator',
    'welcome',
    'letmein',
    'monkey',
    'dragon',
    'football',
    'baseball',
    'sunshine',
    'princess',
    'master',
    'shadow',
    'superman',
    'trustno1',
    'abc123',
    'a123456',
    'aa123456',
    'qq123456',
    '1qaz2wsx',
    '1q2w3e4r',
    '1q2w3e4r5t',
    'zaq12wsx',
    'qazwsx',
    'qazwsxedc',
    'changeme',
    'secret',
    'forecourt',
    'dealer',
    'toyota',
    'honda',
    'volkswagen',
    'china',
    'beijing',
    'shanghai',
    'baidu',
    'taobao',
    'computer',
    'internet',
    'whatever',
    'nicetomeetyou',
    'iloveyou1314',
    'wangyang',
    'zhangwei',
    'liuyang',
  ].map((p) => p.toLowerCase()),
);

const runs = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv',
];
const isRun = (s: string) =>
  s.length >= 4 && runs.some((r) => r.includes(s) || [...r].reverse().join('').includes(s));

export function passwordIssues(
  password: string,
  names: readonly (string | null | undefined)[] = [],
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH)
    issues.push(issue('rules.password.too_short', { min: PASSWORD_MIN_LENGTH }));
  const lower = password.toLowerCase();
  // a known password with digits or symbols added at either end ("Password123!", "2024woaini")
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (common.has(lower) || (core.length > 0 && common.has(core))) issues.push(issue('rules.password.common'));
  else if (/^\d+$/.test(password)) issues.push(issue('rules.password.only_digits'));
  else if (new Set(lower).size <= 2) issues.push(issue('rules.password.repeated'));
  else if (isRun(lower) || isRun(core)) issues.push(issue('rules.password.sequence'));
  for (const name of names) {
    const n = name?.trim().toLowerCase();
    if (n && n.length >= 3 && lower.includes(n)) {
      issues.push(issue('rules.password.contains_name'));
      break;
    }
  }
  return issues;
}
