import { PostgresAdapter, sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Dialect } from './database';
import type { Database } from './schema';

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

/**
 * Refuses a PostgreSQL server that can lose acknowledged writes on a crash (fsync or full-page writes
 * off), and describes the durability settings in force for the start-up log.
 */
export async function describeDurability(db: Kysely<Database>, dialect: Dialect): Promise<string> {
  if (dialect === 'sqlite') {
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    const level = ['off', 'normal', 'full', 'extra'][sync.rows[0]?.synchronous ?? 1];
    return `SQLite journal_mode=${journal.rows[0]?.journal_mode}, synchronous=${level}`;
  }
  const settings = await sql<{ name: string; setting: string }>`
    select name, setting from pg_settings where name in ('fsync', 'full_page_writes', 'synchronous_commit')`.execute(
    db,
  );
  const value = (name: string) => settings.rows.find((r) => r.name === name)?.setting;
  for (const name of ['fsync', 'full_page_writes']) {
    if (value(name) === 'off') {
      throw new Error(
        `PostgreSQL runs with ${name}=off: a crash could lose acknowledged sales and payments. Turn it on (postgresql.conf) and restart.`,
      );
    }
  }
  return `PostgreSQL fsync=${value('fsync')}, full_page_writes=${value('full_page_writes')}, synchronous_commit=${value('synchronous_commit')}`;
}

/**
 * A text column that compares byte-wise on both databases (SQLite's default; `collate "C"` on
 * PostgreSQL), so prefix ranges over normalised search columns (`name >= 'wang' and name < 'wanh'`)
 * are answered from a plain b-tree index whatever the database's locale.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function binaryTextType(db: Kysely<any>) {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : sql`text`;
}
