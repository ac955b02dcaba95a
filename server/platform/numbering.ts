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

/** The calendar year of an instant in a store's time zone (documents are numbered by the store's year). */
export function localYear(timezone: string, at: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric' }).format(at));
}
