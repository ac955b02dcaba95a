import { createHash } from 'node:crypto';
import { MODEL_YEAR_CODES, VIN_ALPHABET, withVinCheckDigit } from '../../../common/rules/vin';
import { addDays, localToday } from '../../../common/rules/civil-date';
import type { Db } from '../../db/database';
import { newId, nowIso } from '../../platform/ids';
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
const statuses = ['in_stock', 'in_stock', 'demo', 'on_order', 'in_stock', 'in_transit', 'sold', 'in_stock'];

const hash = (text: string) => createHash('sha256').update(text).digest();
/** `n` VIN characters from a seed (deterministic, so a second run finds the same VINs). */
const vinChars = (seed: string, n: number, digitsOnly = false) =>
  [...hash(seed).subarray(0, n)]
    .map((b) => (digitsOnly ? String(b % 10) : VIN_ALPHABET.charAt(b % VIN_ALPHABET.length)))
    .join('');

/**
 * Demo yard: for every active trim of the group a few vehicles with valid VINs (a Chinese WMI fitting the
 * brand, the model year of the trim, a correct check digit), spread over the stores with mixed statuses
 * and arrivals 0-120 days ago. Idempotent: the VINs are derived from trim, store and number, and a VIN
 * already present is skipped.
 */
export async function seedYard(db: Db, groupId: string, storeIds: string[], perTrim = 3) {
  if (storeIds.length === 0) return 0;
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
  const zones = new Map<string, string>();
  for (const id of storeIds) zones.set(id, (await findStoreRow(db, id))?.timezone ?? 'Asia/Shanghai');
  const colours = await trimColourCodes(
    db,
    trims.map((t) => t.id),
  );
  const pick = (trimId: string, kind: string, seed: string) => {
    const own = colours.filter((c) => c.trim_id === trimId && c.kind === kind);
    return own.length ? own[hash(seed + kind)[0]! % own.length]!.id : null;
  };
  const now = nowIso();
  const rows: VehicleRow[] = [];
  for (const [t, trim] of trims.entries()) {
    const brand = `${trim.name} ${trim.name_en} ${trim.brand_code}`;
    const wmi = wmiByBrand.find(([re]) => re.test(brand))?.[1] ?? 'LSV';
    const yearCode = MODEL_YEAR_CODES.charAt((((trim.model_year - 1980) % 30) + 30) % 30);
    for (let k = 0; k < perTrim; k++) {
      const storeId = storeIds[(t + k) % storeIds.length]!;
      const seed = `${trim.code}|${storeId}|${k}`;
      const vin = withVinCheckDigit(
        `${wmi}${vinChars(trim.code, 5)}0${yearCode}${vinChars(seed, 1)}${vinChars(seed, 6, true)}`,
      )!;
      const status = statuses[(t * perTrim + k) % statuses.length]!;
      const arrived =
        status === 'on_order' || status === 'in_transit'
          ? null
          : addDays(localToday(zones.get(storeId)!), -(hash(seed)[7]! % 121));
      const cost = 12_000_000 + (hash(seed)[9]! % 200) * 100_000; // ¥120,000 - ¥319,000
      rows.push({
        id: newId(),
        group_id: groupId,
        store_id: storeId,
        vin,
        trim_id: trim.id,
        exterior_colour_id: pick(trim.id, 'exterior', seed),
        interior_colour_id: pick(trim.id, 'interior', seed),
        engine_no: `E${vinChars(seed, 8, true)}`,
        coc_no: `WDZ${vinChars(`${seed}coc`, 12, true)}`,
        production_date: arrived ? addDays(arrived, -20) : null,
        model_year: trim.model_year,
        purchase_cost: cost,
        // interest on the stocking loan (≈ 5 % a year) plus yard and insurance (¥15 a day)
        holding_cost_per_day: Math.round((cost * 0.05) / 365) + 1_500,
        supplier_ref: `OEM-${trim.code}-${k + 1}`,
        location: status === 'in_transit' ? 'in_transit' : status === 'demo' ? 'showroom' : 'yard',
        location_note: null,
        status,
        arrived_on: arrived,
        reserved_deal_id: null,
        reserved_by: null,
        reserved_until: null,
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
  }
  if (rows.length === 0) return 0;
  const existing = new Set<string>();
  for (let i = 0; i < rows.length; i += 500) {
    const found = await db
      .selectFrom('vehicles')
      .select('vin')
      .where(
        'vin',
        'in',
        rows.slice(i, i + 500).map((r) => r.vin),
      )
      .execute();
    for (const f of found) existing.add(f.vin);
  }
  const fresh = rows.filter((r, i) => !existing.has(r.vin) && rows.findIndex((o) => o.vin === r.vin) === i);
  for (let i = 0; i < fresh.length; i += 500)
    await db
      .insertInto('vehicles')
      .values(fresh.slice(i, i + 500))
      .execute();
  return fresh.length;
}
