import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff, makeStore } from '../../test/factories';
import { xlsxType } from '../../platform/tabular';
import { breakCheckDigit, makeTrimRows, makeVehicle, makeVin } from './vehicle.fixtures';

const header =
  'vin,trimCode,exteriorColourCode,interiorColourCode,purchaseCost,holdingCostPerDay,status,arrivedOn';

describe.each(dialects)('stock import and export on %s', (dialect) => {
  let t: TestApp;
  let trim: Awaited<ReturnType<typeof makeTrimRows>>;
  let manager: string;
  const count = async () => (await t.handle.db.selectFrom('vehicles').select('id').execute()).length;
  const upload = (mode: string, csv: string, storeId = t.hqStoreId, token = manager) =>
    t.call('POST', `/api/v1/vehicles/import?mode=${mode}&storeId=${storeId}`, {
      token,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
  beforeAll(async () => {
    t = await createTestApp(dialect);
    trim = await makeTrimRows(t);
    manager = (await makeStaff(t, 'sales_manager', t.hqStoreId)).token;
  });
  afterAll(() => t.close());

  it('imports 10,000 rows in one go', async () => {
    const lines = Array.from(
      { length: 10_000 },
      (_, i) =>
        `${makeVin()},${trim.code},${i % 2 ? 'WH' : 'BK'},BG,182000.50,30.00,in_stock,2026-0${1 + (i % 9)}-15`,
    );
    const before = await count();
    const started = performance.now();
    const res = await upload('strict', [header, ...lines].join('\n'));
    const ms = Math.round(performance.now() - started);
    console.log(`[${dialect}] import of 10,000 rows: ${ms} ms`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mode: 'strict',
      rows: 10_000,
      valid: 10_000,
      written: 10_000,
      errors: [],
    });
    expect(await count()).toBe(before + 10_000);
    const one = await t.handle.db
      .selectFrom('vehicles')
      .selectAll()
      .where('vin', '=', lines[1]!.split(',')[0]!)
      .executeTakeFirstOrThrow();
    expect(one).toMatchObject({
      purchase_cost: 18_200_050,
      holding_cost_per_day: 3_000,
      exterior_colour_id: trim.exterior[0],
    });
    const audits = await t.handle.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'import')
      .execute();
    expect(audits).toHaveLength(10_000);
  });

  it('reports bad rows by line; strict writes none of the file, lenient the good rows, dry-run nothing', async () => {
    const existing = await makeVehicle(t, t.hqStoreId, trim.trimId);
    const bad = breakCheckDigit(makeVin());
    const dup = makeVin();
    const rows = [
      `${makeVin()},${trim.code},WH,BG,150000,20,in_stock,2026-02-01`, // line 2: good
      `${bad.vin},${trim.code},,,,,,`, // line 3: check digit
      `${makeVin()},NOPE,,,,,,`, // line 4: unknown trim
      `${dup},${trim.code},,,,,,`, // line 5: good
      `${dup},${trim.code},,,,,,`, // line 6: duplicate of line 5
      `${existing.vin},${trim.code},,,,,,`, // line 7: already in stock
      `${makeVin()},${trim.code},RED,BG,12.345,,flying,2026-13-01`, // line 8: colour, amount, status, date
    ];
    const csv = [header, ...rows].join('\n');
    const before = await count();
    const strict = await upload('strict', csv);
    expect(strict.status).toBe(422);
    expect(strict.body.code).toBe('import.rows_invalid');
    expect(strict.body.title).toBe('5 rows have errors; nothing was imported');
    const paths = strict.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual([
      'line:3.vin',
      'line:4.trimCode',
      'line:6.vin',
      'line:7.vin',
      'line:8.status',
      'line:8.exteriorColourCode',
      'line:8.purchaseCost',
      'line:8.arrivedOn',
    ]);
    expect(strict.body.errors[0]).toMatchObject({
      code: 'rules.vin.check_digit_mismatch',
      message: expect.stringContaining(`should be ${bad.expected}`),
    });
    expect(strict.body.errors[2].message).toBe('VIN already on line 5');
    expect(await count()).toBe(before);

    const dry = await upload('dry-run', csv);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ mode: 'dry-run', rows: 7, valid: 2, written: 0 });
    expect(dry.body.errors[0]).toMatchObject({ line: 3, field: 'vin' });
    expect(await count()).toBe(before);

    const lenient = await upload('lenient', csv);
    expect(lenient.body).toMatchObject({ mode: 'lenient', rows: 7, valid: 2, written: 2 });
    expect(await count()).toBe(before + 2);
    const zh = await t.call('POST', `/api/v1/vehicles/import?mode=dry-run&storeId=${t.hqStoreId}`, {
      token: manager,
      body: csv,
      headers: { 'content-type': 'text/csv', 'accept-language': 'zh-CN' },
    });
    expect(zh.body.errors.find((e: { line: number }) => e.line === 3).message).toContain(
      `应为 ${bad.expected}`,
    );
  });

  it('refuses a file without the VIN column, an unreadable file, and another store', async () => {
    const noVin = await upload('strict', `trimCode\n${trim.code}\n`);
    expect(noVin.status).toBe(422);
    expect(noVin.body.errors[0].path).toBe('line:1.vin');
    const xlsx = await t.call('POST', `/api/v1/vehicles/import?mode=dry-run&storeId=${t.hqStoreId}`, {
      token: manager,
      body: 'not a zip',
      headers: { 'content-type': xlsxType },
    });
    expect(xlsx.status).toBe(400);
    expect(xlsx.body.code).toBe('import.unreadable_file');
    const storeB = await makeStore(t);
    expect((await upload('dry-run', header, storeB.id)).status).toBe(404);
    const consultant = (await makeStaff(t, 'sales_consultant', t.hqStoreId)).token;
    expect((await upload('dry-run', header, t.hqStoreId, consultant)).status).toBe(403);
  });

  it('exports stock with the import’s columns; the XLSX export reads back in', async () => {
    const store = await makeStore(t);
    const v = await makeVehicle(t, store.id, trim.trimId, {
      exteriorColourId: trim.exterior[1],
      purchaseCost: 15_000_099,
      arrivedOn: '2026-01-02',
    });
    const csv = await t.call('GET', `/api/v1/vehicles/export?format=csv&storeId=${store.id}`, {
      token: t.adminToken,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = String(csv.body).replace(/^\ufeff/, '');
    expect(text.split('\n')[0]).toBe(
      'vin,trimCode,exteriorColourCode,interiorColourCode,engineNo,cocNo,productionDate,purchaseCost,holdingCostPerDay,supplierRef,location,status,arrivedOn,stockAgeDays',
    );
    expect(text).toContain(`${v.vin},${trim.code},BK,,,,,150000.99,,,yard,in_stock,2026-01-02,`);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/v1/vehicles/export?format=xlsx&storeId=${store.id}`,
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(xlsx.statusCode).toBe(200);
    const back = await t.call('POST', `/api/v1/vehicles/import?mode=dry-run&storeId=${store.id}`, {
      token: t.adminToken,
      body: xlsx.rawPayload,
      headers: { 'content-type': xlsxType },
    });
    expect(back.body).toMatchObject({ rows: 1, valid: 0 });
    expect(back.body.errors).toEqual([
      expect.objectContaining({ line: 2, field: 'vin', code: 'vehicles.vin_exists' }),
    ]);
  });
});
