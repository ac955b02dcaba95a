import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many distinct statements stay prepared (the app runs a few hundred; multi-row INSERTs vary). */
const capacity = 2000;

/**
 * The SQLite connection as Kysely sees it, with its prepared statements kept for reuse. Kysely's
 * SQLite driver prepares every statement on every call; preparing (parsing and planning) was a fifth of
 * the server's CPU time on a customer search. A statement still stepping through rows (`busy`: a
 * streamed export reading while another query of it runs) is never handed out twice: that call gets
 * a fresh one. SQLite re-prepares a kept statement by itself after a schema change.
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      const hit = kept.get(sql);
      if (hit && !hit.busy) {
        kept.delete(sql); // most recently used last: the first key is the one to evict
        kept.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      if (!hit) {
        kept.set(sql, statement);
        if (kept.size > capacity) kept.delete(kept.keys().next().value!);
      }
      return statement;
    },
    close() {
      kept.clear();
      sqlite.close();
    },
  };
}
