import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Parts documents are numbered per store (PT-, PO-, GR-, SQ-, ST-, PP-YYYY-nnnnnn from the store's
 * counter, like every other document), but 0013 made `number` unique across the whole database: the
 * second store's first parts order collided with the first store's and was refused. The number is
 * unique within its store, as for deals and repair orders.
 */
const tables = [
  'purchase_orders',
  'goods_receipts',
  'supplier_quality_issues',
  'stocktakes',
  'parts_purchase_plans',
  'parts_orders',
] as const;

const uniqueIndex = (table: string) => `${table}_store_number_uq`;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of tables)
      await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.id(`${table}_number_key`)}`.execute(
        db,
      );
  } else {
    for (const table of tables) await rebuildSqliteWithoutNumberUnique(db, table);
  }
  for (const table of tables)
    await db.schema
      .createIndex(uniqueIndex(table))
      .on(table)
      .columns(['store_id', 'number'])
      .unique()
      .execute();
}

/**
 * SQLite cannot drop a column's UNIQUE: the table is rebuilt from its own CREATE statement without it,
 * rows and indexes as they were (SQLite's documented procedure: foreign keys off — Kysely runs SQLite
 * migrations outside a transaction, so the pragma takes effect — then one transaction, checked before
 * commit, with no foreign key broken that was not broken before).
 */
async function rebuildSqliteWithoutNumberUnique(db: Kysely<unknown>, table: string) {
  const master = (type: string) =>
    sql<{
      sql: string;
    }>`select sql from sqlite_master where type = ${type} and tbl_name = ${table} and sql is not null`.execute(
      db,
    );
  const created = (await master('table')).rows[0]!.sql;
  const rebuilt = created.replace('"number" text not null unique', '"number" text not null');
  if (rebuilt === created) throw new Error(`0017: ${table}.number is not defined as expected`);
  const indexes = (await master('index')).rows.map((r) => r.sql);
  const next = `${table}__0017`;
  const violations = async () => (await sql`pragma foreign_key_check`.execute(db)).rows.length;
  const before = await violations();
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    await sql.raw(rebuilt.replace(`CREATE TABLE "${table}"`, `CREATE TABLE "${next}"`)).execute(db);
    await sql`insert into ${sql.table(next)} select * from ${sql.table(table)}`.execute(db);
    await sql`drop table ${sql.table(table)}`.execute(db);
    await sql`alter table ${sql.table(next)} rename to ${sql.table(table)}`.execute(db);
    for (const index of indexes) await sql.raw(index).execute(db);
    // nothing that pointed at the table may point nowhere now
    if ((await violations()) > before) throw new Error(`0017: ${table} rebuild breaks foreign keys`);
    await sql`commit`.execute(db);
  } catch (err) {
    await sql`rollback`.execute(db);
    throw err;
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) await db.schema.dropIndex(uniqueIndex(table)).execute();
}
