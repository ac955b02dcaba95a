import { sql, type SelectQueryBuilder } from 'kysely';
import type { Dialect } from './database';

/**
 * The one file of dialect-specific SQL (architecture rule 5).
 * Everything else is written once with Kysely's builder and runs on both databases.
 */

/** Row-claiming for job workers: PostgreSQL locks the chosen rows and skips rows other workers hold. */
export function lockForClaim<DB, TB extends keyof DB, O>(
  dialect: Dialect,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  // SQLite has one writer at a time: the claiming transaction itself is the lock.
  return dialect === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/** Case-insensitive "contains" on a text column. */
export function containsInsensitive(dialect: Dialect, column: string, needle: string) {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return dialect === 'postgres'
    ? sql<boolean>`${sql.ref(column)} ilike ${pattern} escape '\\'`
    : sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`; // SQLite LIKE is case-insensitive for ASCII
}

/** A unique or primary-key constraint failed (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Orders text byte-wise on both databases (PostgreSQL would otherwise follow the locale's collation). */
export function binaryOrder(dialect: Dialect, column: string, isText: boolean) {
  return dialect === 'postgres' && isText ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`;
}
