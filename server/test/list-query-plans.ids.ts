import { sql } from 'kysely';
import { tablesInOrder } from '../db/table-order';
import type { TestApp } from './harness';

/**
 * The list-query plan test's guesses of real values for list routes (server/test/list-query-plans.test.ts):
 * which table an `…Id` filter points into, the ids likeliest to narrow a list to a non-empty page, and
 * real ids for the path parameters of a route.
 */

export interface ListRoute {
  path: string;
  query: { name: string; required: boolean; enum?: string[]; type?: string }[];
}

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The table a snake-case noun names (`store` → stores, `needs_analyses` → itself), if there is one. */
function tableNamed(noun: string): string | undefined {
  const table = noun.endsWith('s') ? noun : `${noun}s`;
  return (tablesInOrder as readonly string[]).includes(table) ? table : undefined;
}

/** `…Id` parameters that name a person by their part in a record: they hold a user's id. */
const personRoles = new Set([
  'owner',
  'consultant',
  'assignee',
  'advisor',
  'technician',
  'recipient',
  'actor',
]);

/**
 * The table an `…Id` parameter points into and the column names it is likely compared with, most
 * specific first: the whole name (`purchaseOrderId` → purchase_orders; `customerVehicleId` →
 * customer_vehicles), else its last words (`priceStoreId` → stores), a person's part → users
 * (`ownerId`, `consultantId`). Undefined for a name that names no table (`excludeId`).
 */
function targetOf(name: string): { table: string; columns: string[] } | undefined {
  const words = /^([a-z][A-Za-z]*)Id$/.exec(name)?.[1];
  if (!words) return undefined;
  const parts = snake(words).split('_');
  const columns = parts.map((_, i) => `${parts.slice(i).join('_')}_id`);
  for (let i = 0; i < parts.length; i++) {
    const noun = parts.slice(i).join('_');
    const table = personRoles.has(noun) ? 'users' : tableNamed(noun);
    if (table) return { table, columns };
  }
  return undefined;
}

/** An id from the table a path segment names (`price-lists` → price_lists), the first by id. */
async function anyIdOf(t: TestApp, noun: string): Promise<string | undefined> {
  const table = tableNamed(noun);
  if (!table) return undefined;
  const row = await sql<{ id: string }>`select id from ${sql.table(table)} order by id limit 1`.execute(
    t.handle.db,
  );
  return row.rows[0]?.id;
}

/**
 * Every table's column names. PostgreSQL: of this test's own schema only — Kysely's introspection reads
 * every schema, and a parallel test file's may be dropped while it does.
 */
async function columnsByTable(t: TestApp): Promise<Map<string, string[]>> {
  const rows =
    t.dialect === 'postgres'
      ? await sql<{ t: string; c: string }>`
          select table_name as t, column_name as c from information_schema.columns
          where table_schema = current_schema()`.execute(t.handle.db)
      : await sql<{ t: string; c: string }>`
          select m.name as t, p.name as c from sqlite_master m join pragma_table_info(m.name) p
          where m.type = 'table'`.execute(t.handle.db);
  const columns = new Map<string, string[]>();
  for (const { t: table, c } of rows.rows)
    if ((tablesInOrder as readonly string[]).includes(table))
      columns.set(table, [...(columns.get(table) ?? []), c]);
  return columns;
}

/** The table a list path answers from, when its last segment names one (`/api/v1/leads` → leads). */
const tableOfRoute = (path: string) => {
  const segment = /\/([a-z-]+)$/.exec(path)?.[1];
  return segment ? tableNamed(segment.replace(/-/g, '_')) : undefined;
};

const topIdsCache = new Map<string, Promise<{ table: string; id: string; n: number }[]>>();

/**
 * Of each table holding the column an `…Id` filter is compared with (`owner_id` for `ownerId`; for
 * `priceStoreId`, no `price_store_id`, so `store_id`), the id of the target table it holds most often.
 */
function topIdsOf(t: TestApp, name: string, target: { table: string; columns: string[] }) {
  const key = `${t.dialect}|${name}`;
  if (!topIdsCache.has(key))
    topIdsCache.set(
      key,
      (async () => {
        const columns = await columnsByTable(t);
        for (const column of target.columns) {
          const tops: { table: string; id: string; n: number }[] = [];
          for (const [table, names] of columns) {
            if (!names.includes(column)) continue;
            const top = await sql<{ id: string; n: number }>`
              select ${sql.ref(column)} as id, count(*) as n from ${sql.table(table)}
              where ${sql.ref(column)} in (select id from ${sql.table(target.table)})
              group by ${sql.ref(column)} order by count(*) desc, ${sql.ref(column)} limit 1`.execute(
              t.handle.db,
            );
            tops.push(...top.rows.map((r) => ({ table, id: r.id, n: Number(r.n) })));
          }
          if (tops.length > 0) return tops.sort((x, y) => y.n - x.n || (x.id < y.id ? -1 : 1));
        }
        return [];
      })(),
    );
  return topIdsCache.get(key)!;
}

const maxCandidates = 10;

/**
 * Real ids of the right table for an `…Id` filter, the likeliest to narrow to a non-empty page first:
 * the most common value of the route's own table (the most common value is also the hardest case for
 * the planner), then of every other table with that column; without such a column, the first ids.
 */
async function idsFor(t: TestApp, route: ListRoute, name: string): Promise<string[]> {
  const target = targetOf(name);
  if (!target) return [];
  const tops = await topIdsOf(t, name, target);
  const own = tableOfRoute(route.path);
  const ordered = [...tops.filter((r) => r.table === own), ...tops.filter((r) => r.table !== own)];
  if (ordered.length > 0) return [...new Set(ordered.map((r) => r.id))].slice(0, maxCandidates);
  const rows = await sql<{ id: string }>`
    select id from ${sql.table(target.table)} order by id limit ${maxCandidates}`.execute(t.handle.db);
  return rows.rows.map((r) => r.id);
}

/**
 * Valid values for a documented query parameter, the likeliest to narrow to a non-empty page first;
 * empty when none is easy to give.
 */
export async function valuesFor(t: TestApp, route: ListRoute, name: string): Promise<string[]> {
  const param = route.query.find((q) => q.name === name)!;
  if (param.enum?.length) return [param.enum[0]!];
  const known: Record<string, string> = {
    q: '2',
    status: 'in_stock',
    entity: 'vehicle',
    seatsMin: '5',
    seatsMax: '7',
    powerKwMin: '100',
    rangeKmMin: '400',
    energy: 'bev',
    priceDate: new Date().toISOString().slice(0, 10),
  };
  if (name in known) return [known[name]!];
  if (name === 'id' && route.query.some((q) => q.name === 'entity')) {
    const id = await anyIdOf(t, 'vehicle');
    return id ? [id] : [];
  }
  if (name === 'ids') {
    const rows = await t.handle.db.selectFrom('trims').select('id').orderBy('id').limit(2).execute();
    return [rows.map((r) => r.id).join(',')];
  }
  return idsFor(t, route, name);
}

/** Paths whose parameter is not a record id (a share token): filled in while seeding. */
export const fixedPaths = new Map<string, string>();

/** `/api/v1/price-lists/{id}` → the path with a real id of the resource the segment before it names. */
export async function concretePath(t: TestApp, path: string): Promise<string | undefined> {
  if (fixedPaths.has(path)) return fixedPaths.get(path);
  let out = path;
  for (const m of path.matchAll(/\/([a-z-]+)\/\{[^}]+\}/g)) {
    const id = await anyIdOf(t, snake(m[1]!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())));
    if (!id) return undefined;
    out = out.replace(m[0], `/${m[1]}/${id}`);
  }
  return out;
}
