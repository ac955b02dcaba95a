import { Kysely, PostgresDialect, SqliteDialect, type LogEvent, type Transaction } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { withStatementCache } from './statement-cache';
import { dirname } from 'node:path';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** A handle a repo can run on: the database itself or an open transaction. */
export type DbOrTrx = Db | Trx;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL returns int8 and numeric aggregates as strings; our money and counters fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/** Receives each statement a database runs: its SQL and parameters. */
export type QueryListener = (sql: string, parameters: readonly unknown[]) => void;
const queryListeners = new Set<QueryListener>();

/**
 * Tests only (server/test/list-query-plans.test.ts): `listener` hears every statement of the databases
 * opened after this call; returns the function that stops it. With no listener, openDb gives Kysely no
 * logger at all, so production pays nothing.
 */
export function listenToQueries(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

function queryLog(): { log?: (event: LogEvent) => void } {
  if (queryListeners.size === 0) return {};
  return {
    log: (event) => {
      if (event.level !== 'query') return;
      for (const listener of queryListeners) listener(event.query.sql, event.query.parameters);
    },
  };
}

export interface OpenDbOptions {
  /** postgres://… to use PostgreSQL; otherwise SQLite at sqlitePath. */
  databaseUrl?: string;
  sqlitePath?: string;
  /** PostgreSQL schema to use (tests give each file its own). */
  pgSchema?: string;
  poolSize?: number;
}

/** Opens the database: PostgreSQL when a URL is given, else embedded SQLite (WAL, foreign keys on). */
export function openDb(options: OpenDbOptions): DbHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...queryLog() });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const path = options.sqlitePath ?? ':memory:';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // planner statistics: without them SQLite may walk a whole group's index for a handful of keyed rows
  // (a customer search by a mobile's last 4 digits: 270 ms at 1 M customers, 5 ms with them). A database
  // that has none gets a full ANALYZE at open (about 2 s at 1 M customers); SQLite's `optimize` at close
  // refreshes those that drifted.
  const analysed = sqlite.prepare("select 1 from sqlite_master where name = 'sqlite_stat1'").get();
  if (!analysed && path !== ':memory:') sqlite.exec('analyze');
  // …and every few hours for a server that runs for weeks (tables that grew tenfold are analysed again)
  const refresh = setInterval(() => sqlite.open && sqlite.pragma('optimize'), 6 * 3_600_000);
  refresh.unref();
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    ...queryLog(),
  });
  return {
    db,
    dialect: 'sqlite',
    close: async () => {
      clearInterval(refresh);
      if (sqlite.open) sqlite.pragma('optimize');
      await db.destroy();
    },
  };
}
