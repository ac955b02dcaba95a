/**
 * Shared shapes for every validator in common/rules.
 *
 * Codes are stable and namespaced (`rules.<rule>.<problem>`); the human text
 * for each lives in ./messages (en and zh-CN).
 */

/** One finding: a stable code plus the parameters its message needs. */
export interface RuleIssue {
  code: string;
  params?: Record<string, string | number>;
}

/** The common validation result: `valid` is false exactly when `errors` is non-empty. */
export interface ValidationResult<D = Record<string, unknown>> {
  valid: boolean;
  normalized: string | null;
  errors: RuleIssue[];
  warnings: RuleIssue[];
  details?: D;
}

/** Builds a RuleIssue, omitting `params` when there are none. */
export function issue(code: string, params?: Record<string, string | number>): RuleIssue {
  return params === undefined ? { code } : { code, params };
}
