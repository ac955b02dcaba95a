import type { FormInstance } from 'antd';
import { i18n } from '../i18n/i18n';
import { isApiError } from './api-client';

/** Turns a server path like "storeRoles.0.role" or "/storeRoles/0/role" into an antd name path. */
export function toNamePath(path: string): (string | number)[] {
  return path
    .replace(/^\/+/, '')
    .split(/[./]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's per-field messages on the form fields they name.
 * Returns the messages whose field is not on the form, so the caller can show them with the title.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
): string[] {
  if (!isApiError(error) || !error.problem?.errors?.length) return [];
  const leftover: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const fieldError of error.problem.errors) {
    const name = toNamePath(fieldError.path);
    const top = name[0];
    if (typeof top === 'string' && fieldNames.includes(top)) {
      const key = name.join('.');
      const entry = byField.get(key) ?? { name, errors: [] };
      entry.errors.push(fieldError.message);
      byField.set(key, entry);
    } else {
      leftover.push(fieldError.path ? `${fieldError.path}: ${fieldError.message}` : fieldError.message);
    }
  }
  form.setFields([...byField.values()]);
  return leftover;
}

/** The headline of a failed request in the UI language: the server's localised title, or our own. */
export function describeError(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 0) return i18n.t('common.networkError');
    return error.problem?.title ?? i18n.t('common.requestFailed');
  }
  return i18n.t('common.requestFailed');
}
