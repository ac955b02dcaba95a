import { sql } from 'kysely';
import type { Trx } from '../db/database';

/**
 * Next document number from a counter row, inside the caller's transaction: `PREFIX-YYYY-000001`.
 * Gap-free under concurrency: the upsert locks the counter row until the transaction ends, and a
 * rolled-back transaction gives its number back.
 */
export async function nextDocumentNumber(
  trx: Trx,
  scope: string,
  prefix: string,
  year: number,
): Promise<string> {
  const row = await trx
    .insertInto('counters')
    .values({ scope, prefix, year, value: 1 })
    .onConflict((oc) =>
      oc.columns(['scope', 'prefix', 'year']).doUpdateSet({ value: sql`counters.value + 1` }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return `${prefix}-${year}-${String(row.value).padStart(6, '0')}`;
}

/** Documents are numbered by the store's local year: callers take it from here with nextDocumentNumber. */
export { localYear } from '../../common/rules/civil-date';

/**
 * Reserves `n` document numbers per counter key in one statement (the counter row is bumped by n and
 * locked until commit, like nextDocumentNumber): returns the first number of each key's range.
 */
async function reserveNumbers(trx: Trx, wants: Map<string, number>) {
  const rows = [...wants].map(([key, n]) => {
    const [scope, prefix, year] = key.split('|') as [string, string, string];
    return { scope, prefix, year: Number(year), value: n };
  });
  const first = new Map<string, number>();
  if (rows.length === 0) return first;
  const got = await trx
    .insertInto('counters')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['scope', 'prefix', 'year']).doUpdateSet({ value: sql`counters.value + excluded.value` }),
    )
    .returning(['scope', 'prefix', 'year', 'value'])
    .execute();
  for (const r of got) {
    const key = `${r.scope}|${r.prefix}|${r.year}`;
    first.set(key, Number(r.value) - wants.get(key)! + 1);
  }
  return first;
}

/** Numbers a batch of documents at once (bulk loads): `PREFIX-YYYY-nnnnnn` from the counter of (scope, prefix, store year). */
export async function numberDocuments(
  trx: Trx,
  docs: { scope: string; prefix: string; year: number; set(n: string): void }[],
) {
  const wants = new Map<string, number>();
  for (const d of docs) {
    const key = `${d.scope}|${d.prefix}|${d.year}`;
    wants.set(key, (wants.get(key) ?? 0) + 1);
  }
  const next = await reserveNumbers(trx, wants);
  for (const d of docs) {
    const key = `${d.scope}|${d.prefix}|${d.year}`;
    const n = next.get(key)!;
    next.set(key, n + 1);
    d.set(`${d.prefix}-${d.year}-${String(n).padStart(6, '0')}`);
  }
}
