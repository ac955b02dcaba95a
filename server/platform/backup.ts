import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { finished } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import type { Db, DbHandle, Dialect } from '../db/database';
import { binaryOrder } from '../db/dialect-sql';
import { schemaVersion } from '../db/migrate';
import { tablesInOrder } from '../db/table-order';
import { AppError } from './errors';

/**
 * Full-data backup: a gzip file of JSON lines. Line 1 is the manifest (format, schema version,
 * row counts); then one line per row `{"t": table, "r": row}`, tables in foreign-key order and rows in
 * column order, so the same data gives the same lines on SQLite and PostgreSQL. It restores into an
 * empty database of either dialect — this is also how a store moves from SQLite to PostgreSQL.
 */
export const backupFormat = 'forecourt-backup';

export interface BackupManifest {
  format: typeof backupFormat;
  formatVersion: 1;
  schemaVersion: string;
  createdAt: string;
  sourceDialect: string;
  tables: { name: string; rows: number }[];
}

interface Column {
  name: string;
  isText: boolean;
}

/**
 * A table's columns in their order, read from this database's own schema only: on PostgreSQL other
 * schemas may hold tables of the same name (tests, other installs), and introspecting all of them for
 * every table made a restore take over a minute while parallel tests filled the database with schemas.
 */
async function columnsOf(db: Db, dialect: Dialect, table: string): Promise<Column[]> {
  const rows =
    dialect === 'postgres'
      ? (
          await sql<{ name: string; type: string }>`select column_name as name, data_type as type
            from information_schema.columns where table_schema = current_schema() and table_name = ${table}
            order by ordinal_position`.execute(db)
        ).rows
      : (
          await sql<{
            name: string;
            type: string;
          }>`select name, type from pragma_table_info(${table}) order by cid`.execute(db)
        ).rows;
  if (rows.length === 0) throw new Error(`table ${table} not found`);
  return rows.map((c) => ({ name: c.name, isText: /text|char/i.test(c.type) }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (db: Db) => db as unknown as Kysely<any>;

/** Rows of a table in a stable order (every column, in order), a page at a time. */
async function* rowsOf(db: Db, dialect: Dialect, table: string, columns: Column[], pageSize = 1000) {
  for (let offset = 0; ; offset += pageSize) {
    let q = untyped(db)
      .selectFrom(table)
      .select(columns.map((c) => c.name));
    for (const c of columns) q = q.orderBy(binaryOrder(dialect, c.name, c.isText));
    const page = (await q.limit(pageSize).offset(offset).execute()) as Record<string, unknown>[];
    for (const row of page) yield row;
    if (page.length < pageSize) return;
  }
}

export async function writeBackup(handle: DbHandle, file: string): Promise<BackupManifest> {
  const { db } = handle;
  // one read transaction: the backup is a consistent snapshot even while the app runs (PostgreSQL);
  // SQLite's WAL gives the same to a reader that holds its transaction.
  return db.transaction().execute(async (trx) => {
    const tdb = trx as unknown as Db;
    if (handle.dialect === 'postgres')
      await sql`set transaction isolation level repeatable read`.execute(trx);
    const counts: { name: string; rows: number }[] = [];
    for (const name of tablesInOrder) {
      const row = (await untyped(tdb)
        .selectFrom(name)
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()) as { n: number };
      counts.push({ name, rows: Number(row.n) });
    }
    const manifest: BackupManifest = {
      format: backupFormat,
      formatVersion: 1,
      schemaVersion,
      createdAt: new Date().toISOString(),
      sourceDialect: handle.dialect,
      tables: counts,
    };
    const gzip = createGzip();
    const out = createWriteStream(file, { mode: 0o600 });
    gzip.pipe(out);
    const write = (line: string) =>
      gzip.write(line + '\n') ? Promise.resolve() : new Promise<void>((r) => gzip.once('drain', () => r()));
    await write(JSON.stringify(manifest));
    for (const name of tablesInOrder) {
      const columns = await columnsOf(tdb, handle.dialect, name);
      for await (const row of rowsOf(tdb, handle.dialect, name, columns))
        await write(JSON.stringify({ t: name, r: row }));
    }
    gzip.end();
    await finished(out);
    return manifest;
  });
}

async function assertEmpty(db: Db) {
  for (const name of tablesInOrder) {
    const row = await untyped(db)
      .selectFrom(name)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    if (Number((row as { n: number }).n) > 0)
      throw new AppError('backup.database_not_empty', { params: { table: name } });
  }
}

/** Restores a backup into an empty, migrated database, in one transaction (all or nothing). */
export async function restoreBackup(handle: DbHandle, file: string): Promise<BackupManifest> {
  const { db } = handle;
  await assertEmpty(db);
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let manifest: BackupManifest | null = null;
  const seen = new Map<string, number>();
  await db.transaction().execute(async (trx) => {
    let batch: { table: string; rows: Record<string, unknown>[] } | null = null;
    const flush = async () => {
      if (batch && batch.rows.length)
        await untyped(trx as unknown as Db)
          .insertInto(batch.table)
          .values(batch.rows)
          .execute();
      batch = null;
    };
    for await (const line of lines) {
      if (!line.trim()) continue;
      const parsed = JSON.parse(line) as unknown;
      if (!manifest) {
        const m = parsed as BackupManifest;
        if (m.format !== backupFormat || m.formatVersion !== 1) throw new AppError('backup.bad_archive');
        if (m.schemaVersion !== schemaVersion) {
          throw new AppError('backup.bad_archive', {
            detail: `backup schema ${m.schemaVersion}, this version ${schemaVersion}`,
          });
        }
        manifest = m;
        continue;
      }
      const { t, r } = parsed as { t: string; r: Record<string, unknown> };
      if (!(tablesInOrder as readonly string[]).includes(t))
        throw new AppError('backup.bad_archive', { detail: `unknown table ${t}` });
      seen.set(t, (seen.get(t) ?? 0) + 1);
      if (
        batch &&
        ((batch as { table: string }).table !== t || (batch as { rows: unknown[] }).rows.length >= 200)
      )
        await flush();
      batch ??= { table: t, rows: [] };
      (batch as { rows: Record<string, unknown>[] }).rows.push(r);
    }
    await flush();
    if (!manifest) throw new AppError('backup.bad_archive');
    for (const { name, rows } of (manifest as BackupManifest).tables) {
      if ((seen.get(name) ?? 0) !== rows)
        throw new AppError('backup.bad_archive', { detail: `table ${name}: expected ${rows} rows` });
    }
  });
  return manifest!;
}
