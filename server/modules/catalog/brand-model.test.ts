import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeBrand, makeModel, makeStaff } from '../../test/factories';

describe.each(dialects)('brands, series and options on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const count = async (table: 'brands' | 'models' | 'catalog_options') =>
    (await t.handle.db.selectFrom(table).select('id').execute()).length;

  it('creates a brand and a series with 三包 terms, audited, with an event', async () => {
    const brand = await t.call('POST', '/api/v1/brands', {
      token: t.adminToken,
      body: { code: 'BYD', name: '比亚迪', nameEn: 'BYD', country: 'CN' },
    });
    expect(brand.status).toBe(201);
    expect(brand.headers.location).toBe(`/api/v1/brands/${brand.body.id}`);
    const model = await t.call('POST', '/api/v1/models', {
      token: t.adminToken,
      body: {
        brandId: brand.body.id,
        code: 'BYD-HAN',
        name: '汉',
        nameEn: 'Han',
        warranty: {
          threeGuaranteeMonths: 24,
          threeGuaranteeKm: 50_000,
          warrantyMonths: 72,
          warrantyKm: 150_000,
          compensationRatePpm: 4000,
        },
      },
    });
    expect(model.status).toBe(201);
    expect(model.body).toMatchObject({ brandId: brand.body.id, warranty: { compensationRatePpm: 4000 } });
    const defaults = await makeModel(t, { brandId: brand.body.id });
    const fetched = await t.call('GET', `/api/v1/models/${defaults.id}`, { token: t.adminToken });
    expect(fetched.body.warranty).toEqual({
      threeGuaranteeMonths: 24,
      threeGuaranteeKm: 50_000,
      warrantyMonths: 36,
      warrantyKm: 60_000,
      compensationRatePpm: 5000,
    });
    const audit = await t.call('GET', `/api/v1/audit?entity=model&id=${model.body.id}`, {
      token: t.adminToken,
    });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['create']);
    const events = await t.handle.db
      .selectFrom('jobs')
      .select('type')
      .where('type', 'like', 'catalog.%')
      .execute();
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['catalog.brand.created', 'catalog.model.created']),
    );
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const brands = await count('brands');
    const models = await count('models');
    const bad = await t.call('POST', '/api/v1/brands', {
      token: t.adminToken,
      body: { code: 'has space', name: '', nameEn: 'X' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['code', 'name']);
    const brand = await makeBrand(t);
    // usage compensation rate n above 0.5 % (SAMR Order 43)
    const rate = await t.call('POST', '/api/v1/models', {
      token: t.adminToken,
      body: {
        brandId: brand.id,
        code: 'RATE',
        name: 'R',
        nameEn: 'R',
        warranty: {
          threeGuaranteeMonths: 24,
          threeGuaranteeKm: 50_000,
          warrantyMonths: 36,
          warrantyKm: 60_000,
          compensationRatePpm: 5001,
        },
      },
    });
    expect(rate.status).toBe(400);
    expect(rate.body.errors[0].path).toBe('warranty.compensationRatePpm');
    const unknownBrand = await t.call('POST', '/api/v1/models', {
      token: t.adminToken,
      body: { brandId: 'nope', code: 'NOPE', name: 'N', nameEn: 'N' },
    });
    expect(unknownBrand.status).toBe(422);
    expect(unknownBrand.body).toMatchObject({
      code: 'catalog.unknown_reference',
      errors: [{ path: 'brandId' }],
    });
    const taken = await t.call('POST', '/api/v1/brands', {
      token: t.adminToken,
      body: { code: brand.code, name: 'Dup', nameEn: 'Dup' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'catalog.code_taken', errors: [{ path: 'code' }] });
    expect(await count('brands')).toBe(brands + 1);
    expect(await count('models')).toBe(models);
  });

  it('changes with the version read; a stale version gets 409', async () => {
    const model = await makeModel(t);
    const ok = await t.call('PATCH', `/api/v1/models/${model.id}`, {
      token: t.adminToken,
      body: { version: 1, name: '新名字', segment: 'C SUV' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: '新名字', segment: 'C SUV', version: 2 });
    const stale = await t.call('PATCH', `/api/v1/models/${model.id}`, {
      token: t.adminToken,
      body: { version: 1, name: 'Late' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    const brand = await makeBrand(t);
    const off = await t.call('PATCH', `/api/v1/brands/${brand.id}`, {
      token: t.adminToken,
      body: { version: 1, active: false },
    });
    expect(off.body).toMatchObject({ active: false, version: 2 });
    const actives = await t.call('GET', '/api/v1/brands?active=true&limit=200', { token: t.adminToken });
    expect(actives.body.items.some((b: { id: string }) => b.id === brand.id)).toBe(false);
  });

  it('lists with cursor pagination and filters; consultants read, only group admins change', async () => {
    const brand = await makeBrand(t);
    for (let i = 0; i < 3; i++) await makeModel(t, { brandId: brand.id, name: `分页 ${i}` });
    const { token } = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const first = await t.call('GET', `/api/v1/models?brandId=${brand.id}&limit=2`, { token });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await t.call(
      'GET',
      `/api/v1/models?brandId=${brand.id}&limit=2&cursor=${first.body.nextCursor}`,
      {
        token,
      },
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const byText = await t.call('GET', `/api/v1/models?q=${encodeURIComponent('分页 1')}`, { token });
    expect(byText.body.items.map((m: { name: string }) => m.name)).toEqual(['分页 1']);
    const refused = await t.call('POST', '/api/v1/brands', {
      token,
      body: { code: 'NOPE2', name: 'N', nameEn: 'N' },
    });
    expect(refused.status).toBe(403);
  });

  it('keeps factory options and accessories; modelId lists those that fit the model', async () => {
    const model = await makeModel(t);
    const fitted = await t.call('POST', '/api/v1/catalog-options', {
      token: t.adminToken,
      body: {
        modelId: model.id,
        kind: 'factory_option',
        code: 'SUNROOF-X',
        name: '全景天窗',
        nameEn: 'Sunroof',
      },
    });
    expect(fitted.status).toBe(201);
    const mats = await t.call('POST', '/api/v1/catalog-options', {
      token: t.adminToken,
      body: { kind: 'accessory', code: 'MATS-X', name: '脚垫', nameEn: 'Floor mats' },
    });
    const other = await makeModel(t);
    await t.call('POST', '/api/v1/catalog-options', {
      token: t.adminToken,
      body: { modelId: other.id, kind: 'factory_option', code: 'OTHER-X', name: '其他', nameEn: 'Other' },
    });
    const fits = await t.call('GET', `/api/v1/catalog-options?modelId=${model.id}`, { token: t.adminToken });
    expect(fits.body.items.map((o: { code: string }) => o.code).sort()).toEqual(['MATS-X', 'SUNROOF-X']);
    const accessories = await t.call('GET', '/api/v1/catalog-options?kind=accessory', {
      token: t.adminToken,
    });
    expect(accessories.body.items.map((o: { id: string }) => o.id)).toContain(mats.body.id);
    const before = await count('catalog_options');
    const bad = await t.call('POST', '/api/v1/catalog-options', {
      token: t.adminToken,
      body: { kind: 'gadget', code: 'G', name: 'G', nameEn: 'G' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('kind');
    expect(await count('catalog_options')).toBe(before);
    const stale = await t.call('PATCH', `/api/v1/catalog-options/${mats.body.id}`, {
      token: t.adminToken,
      body: { version: 2, name: 'x' },
    });
    expect(stale.status).toBe(409);
  });
});
