import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localToday } from '../../../common/rules/civil-date';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff, makeStore } from '../../test/factories';
import { breakCheckDigit, makeTrimRows, makeVehicle, makeVin } from './vehicle.fixtures';

describe.each(dialects)('stock vehicles on %s', (dialect) => {
  let t: TestApp;
  let trim: Awaited<ReturnType<typeof makeTrimRows>>;
  let manager: string;
  const count = async () => (await t.handle.db.selectFrom('vehicles').select('id').execute()).length;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    trim = await makeTrimRows(t);
    manager = (await makeStaff(t, 'sales_manager', t.hqStoreId)).token;
  });
  afterAll(() => t.close());

  it('takes a vehicle into stock by VIN: normalised, decoded, in the manager’s store, arrived today', async () => {
    const vin = makeVin();
    const res = await t.call('POST', '/api/v1/vehicles', {
      token: manager,
      body: {
        vin: ` ${vin.toLowerCase()} `,
        trimId: trim.trimId,
        exteriorColourId: trim.exterior[0],
        interiorColourId: trim.interior,
        purchaseCost: 18_000_000,
        holdingCostPerDay: 3_000,
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/vehicles/${res.body.id}`);
    expect(res.body).toMatchObject({
      vin,
      storeId: t.hqStoreId,
      trimName: '汉 DM-i 尊贵型',
      brandName: '比亚迪',
      modelYear: 2025,
      status: 'in_stock',
      location: 'yard',
      arrivedOn: localToday('Asia/Shanghai'),
      stockAgeDays: 0,
      agingBucket: '0-30',
      holdingCostToDate: 0,
      version: 1,
    });
  });

  it('refuses an invalid VIN naming the expected check digit, in the asked language, writing nothing', async () => {
    const before = await count();
    const { vin, expected } = breakCheckDigit(makeVin());
    const en = await t.call('POST', '/api/v1/vehicles', {
      token: manager,
      body: { vin, trimId: trim.trimId },
    });
    expect(en.status).toBe(400);
    expect(en.headers['content-type']).toContain('application/problem+json');
    expect(en.body.code).toBe('vehicles.invalid_vin');
    expect(en.body.errors).toEqual([
      {
        path: 'vin',
        code: 'rules.vin.check_digit_mismatch',
        message: `Check digit (position 9) is ${vin.charAt(8)} but should be ${expected}.`,
      },
    ]);
    const zh = await t.call('POST', '/api/v1/vehicles', {
      token: manager,
      body: { vin, trimId: trim.trimId },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.body.title).toBe('车架号（VIN）无效');
    expect(zh.body.errors[0].message).toBe(`检验位（第 9 位）为 ${vin.charAt(8)}，应为 ${expected}。`);
    const short = await t.call('POST', '/api/v1/vehicles', {
      token: manager,
      body: { vin: 'LGX123', trimId: trim.trimId },
    });
    expect(short.body.errors[0]).toMatchObject({ path: 'vin', code: 'rules.vin.bad_length' });
    expect(await count()).toBe(before);
  });

  it('refuses bad input naming the field, and colours of another trim', async () => {
    const before = await count();
    const missing = await t.call('POST', '/api/v1/vehicles', { token: manager, body: { vin: makeVin() } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('trimId');
    const other = await makeTrimRows(t);
    const colour = await t.call('POST', '/api/v1/vehicles', {
      token: manager,
      body: { vin: makeVin(), trimId: trim.trimId, exteriorColourId: other.exterior[0] },
    });
    expect(colour.status).toBe(400);
    expect(colour.body.errors[0].path).toBe('exteriorColourId');
    const interiorAsExterior = await t.call('POST', '/api/v1/vehicles', {
      token: manager,
      body: { vin: makeVin(), trimId: trim.trimId, exteriorColourId: trim.interior },
    });
    expect(interiorAsExterior.status).toBe(400);
    const unknownTrim = await t.call('POST', '/api/v1/vehicles', {
      token: manager,
      body: { vin: makeVin(), trimId: 'nope' },
    });
    expect(unknownTrim.status).toBe(422);
    expect(unknownTrim.body.errors[0].path).toBe('trimId');
    expect(await count()).toBe(before);
  });

  it('refuses a duplicate VIN with 409, also when 10 requests race for it', async () => {
    const first = await makeVehicle(t, t.hqStoreId, trim.trimId);
    const again = await t.call('POST', '/api/v1/vehicles', {
      token: manager,
      body: { vin: first.vin, trimId: trim.trimId },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('vehicles.vin_exists');
    const vin = makeVin();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.call('POST', '/api/v1/vehicles', { token: manager, body: { vin, trimId: trim.trimId } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'vehicles.vin_exists')).toBe(
      true,
    );
  });

  it('changes details with the version; a stale version gets 409; history shows who and when', async () => {
    const v = await makeVehicle(t, t.hqStoreId, trim.trimId);
    const ok = await t.call('PATCH', `/api/v1/vehicles/${v.id}`, {
      token: manager,
      body: {
        version: 1,
        location: 'showroom',
        engineNo: 'BYD476ZQA-123',
        exteriorColourId: trim.exterior[1],
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, location: 'showroom', engineNo: 'BYD476ZQA-123' });
    const stale = await t.call('PATCH', `/api/v1/vehicles/${v.id}`, {
      token: manager,
      body: { version: 1, location: 'yard' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    const consultant = (await makeStaff(t, 'sales_consultant', t.hqStoreId)).token;
    const history = await t.call('GET', `/api/v1/vehicles/${v.id}/history`, { token: consultant });
    expect(history.status).toBe(200);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);
    expect(history.body.items[0]).toMatchObject({
      actorName: 'Administrator',
      fromStatus: null,
      toStatus: 'in_stock',
    });
    expect(history.body.items[1].changes).toMatchObject({ location: 'showroom', version: 2 });
  });

  it('keeps another store’s vehicles out of reach (404) and out of lists', async () => {
    const storeB = await makeStore(t);
    const vB = await makeVehicle(t, storeB.id, trim.trimId);
    expect((await t.call('GET', `/api/v1/vehicles/${vB.id}`, { token: manager })).status).toBe(404);
    const patch = await t.call('PATCH', `/api/v1/vehicles/${vB.id}`, {
      token: manager,
      body: { version: 1, location: 'yard' },
    });
    expect(patch.status).toBe(404);
    const list = await t.call('GET', `/api/v1/vehicles?limit=200&q=${vB.vin.slice(-6)}`, { token: manager });
    expect(list.body.items).toEqual([]);
    const intoB = await t.call('POST', '/api/v1/vehicles', {
      token: manager,
      body: { vin: makeVin(), trimId: trim.trimId, storeId: storeB.id },
    });
    expect(intoB.status).toBe(404);
    const admin = await t.call('GET', `/api/v1/vehicles?q=${vB.vin.slice(-6).toLowerCase()}`, {
      token: t.adminToken,
    });
    expect(admin.body.items.map((v: { id: string }) => v.id)).toEqual([vB.id]);
  });

  it('filters by status, aging bucket, NEV and model, pages with a cursor, and sums stock', async () => {
    const store = await makeStore(t);
    const nev = await makeTrimRows(t, { isNev: true });
    const today = localToday('Asia/Shanghai');
    const ages = [0, 10, 45, 75, 100, 200];
    for (const age of ages)
      await makeVehicle(t, store.id, age >= 100 ? nev.trimId : trim.trimId, {
        arrivedOn: addDays(today, -age),
        holdingCostPerDay: 1_000,
      });
    await makeVehicle(t, store.id, trim.trimId, { status: 'on_order', holdingCostPerDay: 1_000 });
    const get = async (qs: string) =>
      (await t.call('GET', `/api/v1/vehicles?storeId=${store.id}&${qs}`, { token: t.adminToken })).body;
    expect((await get('aging=0-30')).items).toHaveLength(2);
    expect((await get('aging=31-60')).items[0].stockAgeDays).toBe(45);
    expect(
      (await get('aging=90%2B')).items.map((v: { stockAgeDays: number }) => v.stockAgeDays).sort(),
    ).toEqual([100, 200]);
    expect((await get('nev=true')).items).toHaveLength(2);
    expect((await get(`modelId=${nev.modelId}`)).items).toHaveLength(2);
    expect((await get('status=on_order,in_transit')).items).toHaveLength(1);
    const bad = await t.call('GET', '/api/v1/vehicles?status=flying', { token: t.adminToken });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.status');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; arrivedOn: string }[]; nextCursor: string | null } = await get(
        `limit=2&sort=arrivedOn${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((v) => v.arrivedOn));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ages.map((a) => addDays(today, -a)).sort());
    const summary = await t.call('GET', `/api/v1/vehicles/summary?storeId=${store.id}`, {
      token: t.adminToken,
    });
    expect(summary.body).toEqual({
      byStatus: expect.objectContaining({ in_stock: 6, on_order: 1, sold: 0 }),
      byAging: { '0-30': 2, '31-60': 1, '61-90': 1, '90+': 2 },
      holdingCostPerDay: 6_000,
      holdingCostToDate: (0 + 10 + 45 + 75 + 100 + 200) * 1_000,
    });
  });
});
