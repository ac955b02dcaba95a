import { withVinCheckDigit } from '../../../common/rules/vin';
import { newId, nowIso } from '../../platform/ids';
import type { TestApp } from '../../test/harness';

/** Test-only builders for the vehicles module: catalogue rows written directly, vehicles through the API. */
let serial = Math.floor(Math.random() * 500_000);

/** A valid Chinese VIN (BYD WMI, model year 2025, correct check digit), different on every call. */
export function makeVin(wmi = 'LGX'): string {
  serial += 1;
  const s = String(serial % 1_000_000).padStart(6, '0');
  return withVinCheckDigit(`${wmi}CE4CB0SA${s}`)!;
}

/** The same VIN with a wrong check digit, and the digit it should have. */
export function breakCheckDigit(vin: string) {
  const wrong = vin.charAt(8) === '1' ? '2' : '1';
  return { vin: vin.slice(0, 8) + wrong + vin.slice(9), expected: vin.charAt(8) };
}

let n = 0;
/** A brand, model and trim of the test group with two exterior and one interior colour. */
export async function makeTrimRows(t: TestApp, options: { isNev?: boolean } = {}) {
  const db = t.handle.db;
  const group = await db
    .selectFrom('stores')
    .select('group_id')
    .where('id', '=', t.hqStoreId)
    .executeTakeFirstOrThrow();
  const now = nowIso();
  const tag = `${Date.now().toString(36)}${n++}`.toUpperCase();
  const common = { group_id: group.group_id, active: 1, version: 1, created_at: now, updated_at: now };
  const brandId = newId();
  await db
    .insertInto('brands')
    .values({ ...common, id: brandId, code: `B${tag}`, name: '比亚迪', name_en: 'BYD', country: 'CN' })
    .execute();
  const modelId = newId();
  await db
    .insertInto('models')
    .values({
      ...common,
      id: modelId,
      brand_id: brandId,
      code: `M${tag}`,
      name: '汉',
      name_en: 'Han',
      segment: 'sedan',
      three_guarantee_months: 24,
      three_guarantee_km: 50_000,
      warranty_months: 36,
      warranty_km: 60_000,
      compensation_rate_ppm: 5000,
    })
    .execute();
  const trimId = newId();
  const isNev = options.isNev ?? false;
  await db
    .insertInto('trims')
    .values({
      ...common,
      id: trimId,
      model_id: modelId,
      code: `T${tag}`,
      name: isNev ? '汉 EV 610 旗舰版' : '汉 DM-i 尊贵型',
      name_en: isNev ? 'Han EV 610 Flagship' : 'Han DM-i Premium',
      model_year: 2025,
      body_type: 'sedan',
      seats: 5,
      energy: isNev ? 'bev' : 'ice',
      is_nev: isNev ? 1 : 0,
      drivetrain: 'fwd',
      transmission: 'single_speed',
      power_kw: 180,
      torque_nm: null,
      displacement_ml: null,
      battery_wh: null,
      range_km: null,
      fuel_l_per_100km_x10: null,
      length_mm: null,
      wheelbase_mm: null,
    })
    .execute();
  const colours = [
    {
      id: newId(),
      trim_id: trimId,
      kind: 'exterior',
      code: 'WH',
      name: '白',
      name_en: 'White',
      hex: '#ffffff',
    },
    {
      id: newId(),
      trim_id: trimId,
      kind: 'exterior',
      code: 'BK',
      name: '黑',
      name_en: 'Black',
      hex: '#000000',
    },
    { id: newId(), trim_id: trimId, kind: 'interior', code: 'BG', name: '米', name_en: 'Beige', hex: null },
  ];
  await db.insertInto('trim_colours').values(colours).execute();
  return {
    groupId: group.group_id,
    modelId,
    trimId,
    code: `T${tag}`,
    exterior: [colours[0]!.id, colours[1]!.id],
    interior: colours[2]!.id,
  };
}

/** A stock vehicle created through the API by the administrator (201 expected). */
export async function makeVehicle(
  t: TestApp,
  storeId: string,
  trimId: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await t.call('POST', '/api/v1/vehicles', {
    token: t.adminToken,
    body: { vin: makeVin(), trimId, storeId, ...overrides },
  });
  if (res.status !== 201) throw new Error(`makeVehicle: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; vin: string; version: number; status: string };
}
