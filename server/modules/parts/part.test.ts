import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeModel, makeStaff, makeTrim } from '../../test/factories';
import { makePart } from './parts.fixtures';

describe.each(dialects)('the parts master on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());
  const get = (url: string) => t.call('GET', url, { token: t.adminToken });

  it('finds parts by number prefix, name, barcode and fitment (a model, or a trim of it)', async () => {
    const model = await makeModel(t);
    const trim = await makeTrim(t, { modelId: model.id });
    const other = await makeTrim(t);
    const wholeModel = await makePart(t, {
      name: '空调滤芯',
      nameEn: 'Cabin filter',
      fitments: [{ modelId: model.id }],
      barcodes: ['6909990000011'],
    });
    const oneTrim = await makePart(t, {
      name: '后视镜总成',
      nameEn: 'Mirror assembly',
      fitments: [{ modelId: model.id, trimId: trim.id }],
    });
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((p) => p.id).sort();
    expect(ids(await get(`/api/v1/parts?trimId=${trim.id}`))).toEqual([wholeModel.id, oneTrim.id].sort());
    expect(ids(await get(`/api/v1/parts?trimId=${other.id}`))).toEqual([]);
    expect(ids(await get(`/api/v1/parts?modelId=${model.id}`))).toEqual([wholeModel.id, oneTrim.id].sort());
    expect(ids(await get('/api/v1/parts?barcode=6909990000011'))).toEqual([wholeModel.id]);
    expect(ids(await get(`/api/v1/parts?q=${encodeURIComponent('cabin')}`))).toContain(wholeModel.id);
    expect(ids(await get(`/api/v1/parts?q=${encodeURIComponent('后视镜')}`))).toEqual([oneTrim.id]);
    expect(ids(await get(`/api/v1/parts?q=${oneTrim.partNo.slice(0, 8).toLowerCase()}`))).toContain(
      oneTrim.id,
    );
  });

  it('refuses a taken part number or barcode and a trim of another model, naming the field', async () => {
    const part = await makePart(t, { barcodes: ['6909990000028'] });
    const twice = await t.call('POST', '/api/v1/parts', {
      token: t.adminToken,
      body: {
        partNo: part.partNo.toLowerCase(),
        name: 'x',
        nameEn: 'x',
        category: 'c',
        origin: 'original',
        listPrice: 1,
        standardCost: 1,
      },
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'parts.part_no_taken', errors: [{ path: 'partNo' }] });
    const barcode = await t.call('POST', '/api/v1/parts', {
      token: t.adminToken,
      body: {
        partNo: 'BC-X1',
        name: 'x',
        nameEn: 'x',
        category: 'c',
        origin: 'original',
        listPrice: 1,
        standardCost: 1,
        barcodes: ['6909990000028'],
      },
    });
    expect(barcode.status).toBe(409);
    expect(barcode.body.errors[0].path).toBe('barcodes.0');
    const model = await makeModel(t);
    const foreignTrim = await makeTrim(t);
    const fit = await t.call('POST', '/api/v1/parts', {
      token: t.adminToken,
      body: {
        partNo: 'FIT-X1',
        name: 'x',
        nameEn: 'x',
        category: 'c',
        origin: 'reused',
        listPrice: 1,
        standardCost: 1,
        fitments: [{ modelId: model.id, trimId: foreignTrim.id }],
      },
    });
    expect(fit.status).toBe(422);
    expect(fit.body.errors[0].path).toBe('fitments.0.trimId');
    const noOrigin = await t.call('POST', '/api/v1/parts', {
      token: t.adminToken,
      body: { partNo: 'NO-ORIGIN', name: 'x', nameEn: 'x', category: 'c', listPrice: 1, standardCost: 1 },
    });
    expect(noOrigin.status).toBe(400);
    expect(noOrigin.body.errors.map((e: { path: string }) => e.path)).toContain('origin');
    expect((await get('/api/v1/parts?q=NO-ORIGIN')).body.items).toEqual([]);
  });

  it('records supersession (old number → new) with the version, and keeps consultants out', async () => {
    const old = await makePart(t);
    const successor = await makePart(t);
    const patched = await t.call('PATCH', `/api/v1/parts/${old.id}`, {
      token: t.adminToken,
      body: { version: old.version, supersededById: successor.id, class: 'obsolete' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      supersededById: successor.id,
      supersededByNo: successor.partNo,
      class: 'obsolete',
      version: 2,
    });
    const stale = await t.call('PATCH', `/api/v1/parts/${old.id}`, {
      token: t.adminToken,
      body: { version: 1, name: 'y' },
    });
    expect(stale.status).toBe(409);
    const self = await t.call('PATCH', `/api/v1/parts/${old.id}`, {
      token: t.adminToken,
      body: { version: 2, supersededById: old.id },
    });
    expect(self.status).toBe(400);
    const consultant = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    expect((await t.call('GET', '/api/v1/parts', { token: consultant.token })).status).toBe(403);
    const advisor = await makeStaff(t, 'service_advisor', t.hqStoreId);
    expect((await t.call('GET', `/api/v1/parts/${old.id}`, { token: advisor.token })).status).toBe(200);
    const write = await t.call('PATCH', `/api/v1/parts/${old.id}`, {
      token: advisor.token,
      body: { version: 2, name: 'z' },
    });
    expect(write.status).toBe(403);
  });
});
