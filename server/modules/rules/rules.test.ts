import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff } from '../../test/factories';

describe.each(dialects)('rules API on %s', (dialect) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    token = (await makeStaff(t, 'service_advisor', t.hqStoreId)).token;
  });
  afterAll(() => t.close());

  it('decodes a valid VIN and explains an invalid one in the asked language', async () => {
    const ok = await t.call('GET', '/api/v1/rules/vin/1HGCM82633A004352', { token });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      valid: true,
      normalized: '1HGCM82633A004352',
      wmi: '1HG',
      region: 'north_america',
    });
    expect(ok.body.modelYear.year).toBe(2003);
    expect(ok.body.manufacturer.en).toMatch(/Honda/);
    const bad = await t.call('GET', '/api/v1/rules/vin/1hgcm82633a004353', {
      token,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(bad.status).toBe(200);
    expect(bad.body.valid).toBe(false);
    expect(bad.body.checkDigit).toEqual({ expected: '5', actual: '3' });
    expect(bad.body.errors[0].code).toBe('rules.vin.check_digit_mismatch');
    expect(bad.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(bad.body.errors[0].message).toContain('5');
  });

  it('validates each kind, with details', async () => {
    const id = await t.call('POST', '/api/v1/rules/validate', {
      token,
      body: { kind: 'cn-resident-id', value: '11010519491231002x' },
    });
    expect(id.body).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
      details: { birthDate: '1949-12-31', sex: 'female' },
    });
    const uscc = await t.call('POST', '/api/v1/rules/validate', {
      token,
      body: { kind: 'uscc', value: '91110000600037341L' },
    });
    expect(uscc.body.valid).toBe(true);
    const plate = await t.call('POST', '/api/v1/rules/validate', {
      token,
      body: { kind: 'cn-plate', value: '沪AD12345' },
    });
    expect(plate.body).toMatchObject({
      valid: true,
      details: { kind: 'nev_small', energy: 'battery_electric' },
    });
    const mobile = await t.call('POST', '/api/v1/rules/validate', {
      token,
      body: { kind: 'cn-mobile', value: '+86 138 1234 5678' },
    });
    expect(mobile.body).toMatchObject({ valid: true, normalized: '13812345678' });
    const badMobile = await t.call('POST', '/api/v1/rules/validate', {
      token,
      body: { kind: 'cn-mobile', value: '12812345678' },
    });
    expect(badMobile.body.valid).toBe(false);
    const unknownKind = await t.call('POST', '/api/v1/rules/validate', {
      token,
      body: { kind: 'iban', value: 'x' },
    });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors[0].path).toBe('kind');
  });

  it('computes vehicle taxes with the NEV relief in force', async () => {
    const nev = await t.call('POST', '/api/v1/rules/vehicle-tax', {
      token,
      body: { totalInclVat: 22600000, purchaseDate: '2026-01-01', energy: 'bev' },
    });
    expect(nev.status).toBe(200);
    expect(nev.body).toMatchObject({
      priceExclVat: 20000000,
      vat: 2600000,
      purchaseTaxBeforeRelief: 2000000,
      purchaseTax: 1000000,
    });
    const ice = await t.call('POST', '/api/v1/rules/vehicle-tax', {
      token,
      body: { totalInclVat: 22600000, purchaseDate: '2026-01-01', energy: 'ice' },
    });
    expect(ice.body.purchaseTax).toBe(2000000);
    const bad = await t.call('POST', '/api/v1/rules/vehicle-tax', {
      token,
      headers: { 'accept-language': 'en' },
      body: { totalInclVat: 100.5, purchaseDate: '2026-02-30', energy: 'bev' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'purchaseDate',
      'totalInclVat',
    ]);
  });

  it('writes amounts in words and refuses negatives', async () => {
    const res = await t.call('POST', '/api/v1/rules/amount-in-words', { token, body: { amount: 22600000 } });
    expect(res.body.words).toBe('贰拾贰万陆仟元整');
    const neg = await t.call('POST', '/api/v1/rules/amount-in-words', { token, body: { amount: -1 } });
    expect(neg.status).toBe(400);
    expect(neg.body.errors[0].path).toBe('amount');
  });

  it('assesses 三包 article by article and refuses impossible input', async () => {
    const res = await t.call('POST', '/api/v1/rules/three-guarantee', {
      token,
      headers: { 'accept-language': 'zh-CN' },
      body: {
        invoiceDate: '2026-01-10',
        assessDate: '2026-06-01',
        odometerKm: 12000,
        priceInclVat: 22600000,
        repairs: [
          {
            problem: 'gearbox noise',
            system: 'transmission',
            component: 'other',
            startedAt: '2026-02-01T09:00:00+08:00',
            completedAt: '2026-02-20T09:00:00+08:00',
            fixed: true,
          },
          {
            problem: 'gearbox noise',
            system: 'transmission',
            component: 'other',
            startedAt: '2026-03-01T09:00:00+08:00',
            completedAt: '2026-03-14T10:00:00+08:00',
            fixed: false,
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.periodStart).toBe('2026-01-10');
    expect(res.body.repairDays).toEqual({ perRepair: [19, 14], cumulative: 33 });
    const art24 = res.body.remedies.find((r: { article: string }) => r.article === '24(4)');
    expect(art24).toMatchObject({
      remedy: 'return_or_replace',
      reason: { code: 'rules.three_guarantee.art24_4_repair_days' },
    });
    expect(art24.reason.message).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.usageCompensation).toMatchObject({ amount: 22600000 * 0.005 * 12, article: '27' });
    const impossible = await t.call('POST', '/api/v1/rules/three-guarantee', {
      token,
      body: {
        invoiceDate: '2026-01-10',
        assessDate: '2026-06-01',
        odometerKm: -5,
        compensationRate: 0.01,
        repairs: [
          {
            problem: 'x',
            system: 'engine',
            component: 'other',
            startedAt: '2026-02-02T09:00:00+08:00',
            completedAt: '2026-02-01T09:00:00+08:00',
            fixed: true,
          },
        ],
      },
    });
    expect(impossible.status).toBe(400);
    const paths = impossible.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['odometerKm', 'compensationRate', 'repairs.0.completedAt']),
    );
  });

  it('needs a signed-in user', async () => {
    expect((await t.call('GET', '/api/v1/rules/vin/1HGCM82633A004352')).status).toBe(401);
  });
});
