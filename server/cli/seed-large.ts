import { sql } from 'kysely';
import type { DbHandle } from '../db/database';
import type { PiiKeys } from '../platform/pii';
import { seedLargeCustomers } from '../modules/crm';
import { seedLargeYard } from '../modules/vehicles';

export interface LargeSeedSize {
  vehicles: number;
  customers: number;
  leads: number;
}
/** `seed-demo --size large`: a big dealer group's worth of history. */
export const largeSeedSize: LargeSeedSize = { vehicles: 200_000, customers: 1_000_000, leads: 300_000 };

/** A progress line every few seconds: rows done / total, rate, ETA. */
export function progressReporter(label: string, total: number, log: (line: string) => void, everyMs = 3_000) {
  const started = Date.now();
  let last = started;
  const fmt = (n: number) => n.toLocaleString('en-US');
  return {
    tick(done: number) {
      const now = Date.now();
      if (now - last < everyMs && done < total) return;
      last = now;
      const rate = done / Math.max(0.001, (now - started) / 1000);
      const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
      log(
        `  ${label}: ${fmt(done)} / ${fmt(total)} (${Math.round((done / total) * 100)} %), ${fmt(Math.round(rate))}/s, ETA ${eta} s`,
      );
    },
    seconds: () => (Date.now() - started) / 1000,
  };
}

/**
 * The large demo data on top of the small one: a yard of `size.vehicles` stock and sold vehicles and a
 * customer file of `size.customers` customers with `size.leads` leads, in batched multi-row inserts (one
 * transaction per batch). Already seeded batches are skipped, so a second run adds nothing.
 */
export async function seedLarge(
  handle: DbHandle,
  keys: PiiKeys,
  groupId: string,
  storeIds: string[],
  size: LargeSeedSize = largeSeedSize,
  log: (line: string) => void = console.log,
) {
  const { db } = handle;
  const started = Date.now();
  log(`large seed: ${size.vehicles.toLocaleString('en-US')} vehicles over ${storeIds.length} stores …`);
  const yardProgress = progressReporter('vehicles', size.vehicles, log);
  const yard = await seedLargeYard(db, groupId, storeIds, size.vehicles, { onProgress: yardProgress.tick });
  const yardSeconds = yardProgress.seconds();
  log(
    yard.vehicles === 0 && yard.skippedBatches > 0
      ? `  vehicles: already seeded, skipped`
      : `  vehicles: ${yard.vehicles} added in ${yardSeconds.toFixed(1)} s`,
  );
  log(
    `large seed: ${size.customers.toLocaleString('en-US')} customers with mobiles, ids, cars, ${size.leads.toLocaleString('en-US')} leads …`,
  );
  const crmProgress = progressReporter('customers', size.customers, log);
  const crm = await seedLargeCustomers(db, keys, groupId, storeIds, {
    customers: size.customers,
    leads: size.leads,
    onProgress: crmProgress.tick,
  });
  const crmSeconds = crmProgress.seconds();
  log(
    crm.customers === 0 && crm.skippedBatches > 0
      ? `  customers: already seeded, skipped`
      : `  customers: ${crm.customers} (${crm.mobiles} mobiles, ${crm.idDocuments} resident ids, ${crm.vehicles} cars, ` +
          `${crm.leads} leads, ${crm.appointments} appointments) added in ${crmSeconds.toFixed(1)} s`,
  );
  let analyzeSeconds = 0;
  if (yard.vehicles > 0 || crm.customers > 0) {
    const t = Date.now();
    // fresh planner statistics for the tables just filled: without them SQLite walks a whole group's
    // name index for a search by a mobile's last 4 digits (1.5 s at 1 M customers; 10 ms with them)
    await sql`analyze`.execute(db);
    analyzeSeconds = (Date.now() - t) / 1000;
    log(`  analyze: ${analyzeSeconds.toFixed(1)} s`);
  }
  const seconds = (Date.now() - started) / 1000;
  return { yard, crm, yardSeconds, crmSeconds, analyzeSeconds, seconds };
}
