import { createHash, randomInt } from 'node:crypto';
import { UUID } from 'uuidv7';
import { MODEL_YEAR_CODES, VIN_ALPHABET, withVinCheckDigit } from '../../../common/rules/vin';
import { addDays, localDateOf } from '../../../common/rules/civil-date';
import type { Db } from '../../db/database';
import { findStoreRow } from '../identity';
import { trimColourCodes, type VehicleRow } from './vehicle.repo';

/** World manufacturer identifiers of Chinese plants (GB 16735), by brand name or code. */
const wmiByBrand: [RegExp, string][] = [
  [/byd|比亚迪/i, 'LGX'],
  [/tesla|特斯拉/i, 'LRW'],
  [/volkswagen|vw|大众/i, 'LFV'],
  [/toyota|丰田/i, 'LVG'],
  [/bmw|宝马/i, 'LBV'],
  [/geely|吉利|zeekr|极氪/i, 'LB3'],
  [/li auto|lixiang|理想/i, 'LW4'],
  [/nio|蔚来/i, 'LJ1'],
  [/honda|本田/i, 'LHG'],
  [/benz|mercedes|奔驰/i, 'LE4'],
  [/gac|广汽|aion|埃安/i, 'LMG'],
  [/changan|长安/i, 'LS5'],
  [/great wall|长城|haval|哈弗/i, 'LGW'],
];
// plant codes of the large yard (customer cars of the large seed use A–K): VINs never meet
const plants = 'LMNPRSTUVW';

/** The vehicle descriptor section (5 characters) of a trim, salted apart from the small demo yard's. */
const descriptor = (trimCode: string) =>
  [...createHash('sha256').update(`${trimCode}|large`).digest().subarray(0, 5)]
    .map((b) => VIN_ALPHABET.charAt(b % VIN_ALPHABET.length))
    .join('');

/** A small deterministic random source (mulberry32). */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface LargeYardOptions {
  batchSize?: number;
  /** Arrivals run from `years` before today up to today. */
  years?: number;
  now?: Date;
  onProgress?: (done: number) => void;
}

/**
 * The large demo yard (load trials): `count` vehicles of the group's active trims spread over the stores,
 * arriving evenly over the last three years — the older ones mostly delivered, the recent ones in stock,
 * reserved, sold or demo cars — each with a valid unique VIN (brand WMI, the trim's model year, plant and
 * serial from the running number, check digit). A batch whose first VIN exists is skipped, so a second
 * run adds nothing.
 */
export async function seedLargeYard(
  db: Db,
  groupId: string,
  storeIds: string[],
  count: number,
  options: LargeYardOptions = {},
) {
  const batchSize = options.batchSize ?? 500;
  const nowMs = (options.now ?? new Date()).getTime();
  const result = { vehicles: 0, skippedBatches: 0 };
  // read-only look into the catalogue: the group's active trims with their brand
  const trims = await db
    .selectFrom('trims')
    .innerJoin('models', 'models.id', 'trims.model_id')
    .innerJoin('brands', 'brands.id', 'models.brand_id')
    .select([
      'trims.id',
      'trims.code',
      'trims.model_year',
      'brands.name',
      'brands.name_en',
      'brands.code as brand_code',
    ])
    .where('trims.group_id', '=', groupId)
    .where('trims.active', '=', 1)
    .orderBy('trims.code')
    .execute();
  if (trims.length === 0 || storeIds.length === 0 || count <= 0) return result;
  const colours = await trimColourCodes(
    db,
    trims.map((t) => t.id),
  );
  const coloursOf = new Map<string, { exterior: string[]; interior: string[] }>();
  for (const c of colours) {
    const own = coloursOf.get(c.trim_id) ?? { exterior: [], interior: [] };
    if (c.kind === 'exterior' || c.kind === 'interior') own[c.kind].push(c.id);
    coloursOf.set(c.trim_id, own);
  }
  const trimVin = trims.map((t) => ({
    wmi: wmiByBrand.find(([re]) => re.test(`${t.name} ${t.name_en} ${t.brand_code}`))?.[1] ?? 'LSV',
    vds: descriptor(t.code),
    year: MODEL_YEAR_CODES.charAt((((t.model_year - 1980) % 30) + 30) % 30),
  }));
  const stores = [];
  for (const id of storeIds) {
    const row = await findStoreRow(db, id);
    if (!row) continue;
    // read-only look into identity: a consultant of the store holds the reservations
    const consultant = await db
      .selectFrom('user_store_roles')
      .select('user_id')
      .where('store_id', '=', id)
      .where('role', '=', 'sales_consultant')
      .orderBy('user_id')
      .executeTakeFirst();
    stores.push({
      id,
      today: localDateOf(new Date(nowMs), row.timezone),
      consultant: consultant?.user_id ?? null,
    });
  }
  const days = Math.round((options.years ?? 3) * 365);
  const vinOf = (n: number, t: number) => {
    const v = trimVin[t]!;
    const plant = plants.charAt(Math.floor(n / 1_000_000) % plants.length);
    const serial = String((n * 7_919 + 271_828) % 1_000_000).padStart(6, '0');
    return withVinCheckDigit(`${v.wmi}${v.vds}0${v.year}${plant}${serial}`)!;
  };
  const trimOf = (rnd: () => number) => Math.floor(rnd() * trims.length);

  for (let from = 0; from < count; from += batchSize) {
    const to = Math.min(count, from + batchSize);
    const rnd = seededRandom(1_000_003 + from);
    const firstTrim = trimOf(rnd);
    const marker = await db
      .selectFrom('vehicles')
      .select('id')
      .where('vin', '=', vinOf(from, firstTrim))
      .executeTakeFirst();
    if (marker) {
      result.skippedBatches++;
      options.onProgress?.(to);
      continue;
    }
    const rows: VehicleRow[] = [];
    for (let n = from; n < to; n++) {
      const t = n === from ? firstTrim : trimOf(rnd);
      const trim = trims[t]!;
      const store = stores[Math.floor(rnd() * stores.length)]!;
      const age = Math.max(0, days - Math.floor(((n + rnd()) * days) / count)); // oldest first
      const arrived = addDays(store.today, -age);
      const r = rnd();
      const status =
        age > 120
          ? r < 0.9
            ? 'delivered'
            : r < 0.94
              ? 'sold'
              : r < 0.97
                ? 'demo'
                : 'in_stock'
          : r < 0.55
            ? 'in_stock'
            : r < 0.65
              ? 'reserved'
              : r < 0.75
                ? 'sold'
                : r < 0.8
                  ? 'demo'
                  : 'delivered';
      const cost = 12_000_000 + Math.floor(rnd() * 200) * 100_000; // ¥120,000 - ¥319,000
      const createdMs = Date.parse(`${arrived}T02:00:00.000Z`) + Math.floor(rnd() * 8 * 3_600_000);
      const updatedMs =
        status === 'in_stock' ? createdMs : Math.min(nowMs, createdMs + Math.floor(rnd() * 30) * 86_400_000);
      const own = coloursOf.get(trim.id);
      const reserved = status === 'reserved';
      rows.push({
        id: UUID.fromFieldsV7(
          createdMs,
          randomInt(4096),
          randomInt(2 ** 30),
          randomInt(2 ** 32 - 1),
        ).toString(),
        group_id: groupId,
        store_id: store.id,
        vin: vinOf(n, t),
        trim_id: trim.id,
        exterior_colour_id: own?.exterior.length
          ? own.exterior[Math.floor(rnd() * own.exterior.length)]!
          : null,
        interior_colour_id: own?.interior.length
          ? own.interior[Math.floor(rnd() * own.interior.length)]!
          : null,
        engine_no: `E${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
        coc_no: `WDZ${String(n).padStart(12, '0')}`,
        production_date: addDays(arrived, -(10 + Math.floor(rnd() * 30))),
        model_year: trim.model_year,
        purchase_cost: cost,
        // interest on the stocking loan (≈ 5 % a year) plus yard and insurance (¥15 a day)
        holding_cost_per_day: Math.round((cost * 0.05) / 365) + 1_500,
        supplier_ref: `OEM-${trim.code}-L${n}`,
        location: status === 'demo' ? 'showroom' : status === 'delivered' ? 'other' : 'yard',
        location_note: null,
        status,
        arrived_on: arrived,
        reserved_deal_id: null,
        reserved_by: reserved ? store.consultant : null,
        reserved_until: reserved
          ? new Date(nowMs + (1 + Math.floor(rnd() * 3)) * 86_400_000).toISOString()
          : null,
        version: status === 'in_stock' ? 1 : status === 'delivered' ? 3 : 2,
        created_at: new Date(createdMs).toISOString(),
        updated_at: new Date(updatedMs).toISOString(),
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('vehicles')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
    });
    result.vehicles += rows.length;
    options.onProgress?.(to);
  }
  return result;
}
