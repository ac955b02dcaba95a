import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeBrand, makeModel, makeStaff } from '../../test/factories';
import { csvType, readSheet, xlsxType } from '../../platform/tabular';
import { localYear } from '../../platform/numbering';
import { seedCatalog } from './index';

const header =
  'brandCode,modelCode,code,name,nameEn,modelYear,bodyType,seats,energy,drivetrain,transmission,powerKw,torqueNm,displacementMl,batteryKwh,rangeKm,fuelLPer100km,lengthMm,wheelbaseMm,features,active';

describe.each(dialects)('trim import and export on %s', (dialect) => {
  let t: TestApp;
  let brand: { code: string; id: string };
  let model: { code: string };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    brand = await makeBrand(t);
    model = await makeModel(t, { brandId: brand.id });
  });
  afterAll(() => t.close());

  const csv = (...rows: string[]) => [header, ...rows].join('\n');
  const good = (code: string, power = 150) =>
    `${brand.code},${model.code},${code},${code} 版,${code} edition,2026,suv,5,bev,rwd,single_speed,${power},310,,75.5,600,,4700,2900,aeb|acc|heat_pump,true`;
  const upload = (body: string | Buffer, mode: string, type = csvType, token = t.adminToken) =>
    t.call('POST', `/api/v1/trims/import?mode=${mode}`, { token, body, headers: { 'content-type': type } });
  const trimCodes = async () =>
    (await t.handle.db.selectFrom('trims').select('code').execute()).map((r) => r.code).sort();

  const file = () =>
    csv(
      good('IMP-1'),
      `${brand.code},${model.code},IMP-2,坏行,Bad,2026,spaceship,5,bev,rwd,single_speed,abc,,,75,600,,,,aeb,true`,
      good('IMP-3'),
      `${brand.code},NOPE,IMP-4,无车系,No model,2026,suv,5,bev,rwd,single_speed,100,,,60,500,,,,,true`,
      `${brand.code},${model.code},IMP-5,无电池,No battery,2026,suv,5,bev,rwd,single_speed,100,,,,500,,,,,true`,
      good('IMP-1'),
    );

  it('dry-run reports every bad row by line number and writes nothing', async () => {
    const res = await upload(file(), 'dry-run');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'dry-run', rows: 6, valid: 2, written: 0 });
    const byLine = res.body.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`);
    expect(byLine).toEqual(
      expect.arrayContaining(['3:powerKw', '3:bodyType', '5:modelCode', '6:batteryKwh', '7:code']),
    );
    expect(byLine.some((l: string) => l.startsWith('2:') || l.startsWith('4:'))).toBe(false);
    expect(await trimCodes()).toEqual([]);
  });

  it('strict writes nothing when any row is bad (422 with line:N.field paths)', async () => {
    const res = await upload(file(), 'strict');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('import.rows_invalid');
    expect(res.body.title).toBe('4 rows have errors; nothing was imported');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['line:3.powerKw', 'line:5.modelCode', 'line:6.batteryKwh', 'line:7.code']),
    );
    expect(await trimCodes()).toEqual([]);
  });

  it('lenient writes the good rows and reports the bad; a re-import upserts by code', async () => {
    const res = await upload(file(), 'lenient');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'lenient', rows: 6, valid: 2, written: 2 });
    expect(await trimCodes()).toEqual(['IMP-1', 'IMP-3']);
    const trim = await t.handle.db
      .selectFrom('trims')
      .selectAll()
      .where('code', '=', 'IMP-1')
      .executeTakeFirstOrThrow();
    expect(trim).toMatchObject({ battery_wh: 75_500, is_nev: 1, power_kw: 150, version: 1 });
    const again = await upload(csv(good('IMP-1', 180), good('IMP-3')), 'strict');
    expect(again.body).toMatchObject({ rows: 2, valid: 2, written: 1, errors: [] });
    const got = await t.call('GET', `/api/v1/trims/${trim.id}`, { token: t.adminToken });
    expect(got.body).toMatchObject({ powerKw: 180, version: 2, features: ['acc', 'aeb', 'heat_pump'] });
  });

  it('exports CSV and XLSX in the import columns; the export re-imports unchanged', async () => {
    const { token } = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/trims/export?format=csv&modelId=${(await t.handle.db.selectFrom('models').select('id').where('code', '=', model.code).executeTakeFirstOrThrow()).id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="trims.csv"');
    const rows = await readSheet(res.rawPayload, csvType);
    expect(rows.map((r) => r.values.code)).toEqual(['IMP-1', 'IMP-3']);
    expect(rows[0]!.values).toMatchObject({
      brandCode: brand.code,
      batteryKwh: '75.5',
      features: 'acc|aeb|heat_pump',
    });
    const back = await upload(res.rawPayload.toString('utf8'), 'strict');
    expect(back.body).toMatchObject({ rows: 2, valid: 2, written: 0, errors: [] });
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/trims/export?format=xlsx',
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(xlsx.headers['content-type']).toBe(xlsxType);
    const fromXlsx = await t.app.inject({
      method: 'POST',
      url: '/api/v1/trims/import?mode=dry-run',
      headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': xlsxType },
      payload: xlsx.rawPayload,
    });
    expect(JSON.parse(fromXlsx.body)).toMatchObject({ rows: 2, valid: 2, errors: [] });
  });

  it('only catalogue managers import; an unreadable file is a 400', async () => {
    const { token } = await makeStaff(t, 'store_manager', t.hqStoreId);
    expect((await upload(csv(good('IMP-9')), 'lenient', csvType, token)).status).toBe(403);
    const garbage = await upload(Buffer.from('PK\u0003\u0004garbage'), 'dry-run', xlsxType);
    expect(garbage.status).toBe(400);
    expect(garbage.body.code).toBe('import.unreadable_file');
  });

  it('seeds the demo catalogue once: brands incl. NEV brands, dozens of trims, a published list per store', async () => {
    const group = await t.handle.db.selectFrom('dealer_groups').select('id').executeTakeFirstOrThrow();
    const first = await seedCatalog(t.handle.db, group.id, [t.hqStoreId]);
    expect(first.brands).toBeGreaterThanOrEqual(7);
    expect(first.trims).toBeGreaterThanOrEqual(30);
    expect(first.priceLists).toBe(1);
    expect(await seedCatalog(t.handle.db, group.id, [t.hqStoreId])).toEqual({
      brands: 0,
      models: 0,
      trims: 0,
      options: 0,
      priceLists: 0,
    });
    const nev = await t.call('GET', '/api/v1/trims?nev=true&features=v2l,heat_pump&limit=200', {
      token: t.adminToken,
    });
    expect(nev.body.items.length).toBeGreaterThan(3);
    const year = localYear('Asia/Shanghai');
    const priced = await t.call(
      'GET',
      `/api/v1/trims?q=TESLA-MY-RWD&priceStoreId=${t.hqStoreId}&priceDate=${year}-06-01`,
      { token: t.adminToken },
    );
    expect(priced.body.items[0]).toMatchObject({ guidePrice: 26_350_000, displayPrice: 26_350_000 });
  });
});
