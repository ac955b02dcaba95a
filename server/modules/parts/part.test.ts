import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeModel, makeStaff, makeTrim } from '../../test/factories';
import { newId } from '../../platform/ids';
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

  it('pages a model’s and a trim’s parts by number both ways, each fitting part once, as the fitments say', async () => {
    const model = await makeModel(t);
    const other = await makeModel(t);
    const trim = { id: (await makeTrim(t, { modelId: model.id })).id, modelId: model.id };
    const sibling = { id: (await makeTrim(t, { modelId: model.id })).id, modelId: model.id };
    const otherTrim = { id: (await makeTrim(t, { modelId: other.id })).id, modelId: other.id };
    type Fit = { modelId: string; trimId?: string };
    const kinds: Fit[][] = [
      [{ modelId: model.id }],
      [{ modelId: model.id, trimId: trim.id }],
      [{ modelId: model.id, trimId: sibling.id }],
      [
        { modelId: model.id, trimId: trim.id },
        { modelId: model.id, trimId: sibling.id },
      ],
      [{ modelId: other.id }, { modelId: model.id, trimId: sibling.id }],
      [{ modelId: other.id, trimId: otherTrim.id }],
      [],
    ];
    const tag = `FL${Date.now().toString(36).toUpperCase()}`;
    const parts: { id: string; partNo: string; class: string; fitments: Fit[] }[] = [];
    for (let i = 0; i < 15; i++) {
      const fitments = kinds[i % kinds.length]!;
      const cls = i % 2 ? 'special' : 'common';
      // numbers in another order than the ids (creation)
      const partNo = `${tag}-${String((i * 7) % 15).padStart(2, '0')}`;
      const made = await makePart(t, { partNo, class: cls, fitments });
      parts.push({ id: made.id, partNo: made.partNo, class: cls, fitments });
    }
    const fitsTrim = (f: Fit[], tr: typeof trim) =>
      f.some((x) => x.trimId === tr.id || (!x.trimId && x.modelId === tr.modelId));
    const cases: [Record<string, string>, (p: (typeof parts)[number]) => boolean][] = [
      [{ modelId: model.id }, (p) => p.fitments.some((x) => x.modelId === model.id)],
      [{ modelId: other.id }, (p) => p.fitments.some((x) => x.modelId === other.id)],
      [{ trimId: trim.id }, (p) => fitsTrim(p.fitments, trim)],
      [{ trimId: sibling.id }, (p) => fitsTrim(p.fitments, sibling)],
      [{ trimId: otherTrim.id }, (p) => fitsTrim(p.fitments, otherTrim)],
      [
        { modelId: other.id, trimId: sibling.id },
        (p) => p.fitments.some((x) => x.modelId === other.id) && fitsTrim(p.fitments, sibling),
      ],
      [
        { modelId: model.id, class: 'special' },
        (p) => p.class === 'special' && p.fitments.some((x) => x.modelId === model.id),
      ],
      [
        { modelId: model.id, q: `${tag}-1`.toLowerCase() },
        (p) => p.fitments.some((x) => x.modelId === model.id) && p.partNo.startsWith(`${tag}-1`),
      ],
    ];
    const cursorAfter = (p: (typeof parts)[number]) =>
      Buffer.from(JSON.stringify([p.partNo, p.id]), 'utf8').toString('base64url');
    for (const [filter, fits] of cases) {
      const ascending = parts.filter(fits).sort((a, b) => (a.partNo < b.partNo ? -1 : 1));
      expect(ascending.length, JSON.stringify(filter)).toBeGreaterThan(0);
      for (const sort of ['partNo', '-partNo'])
        for (const limit of [1, 2, 4, 50]) {
          const expected = sort === 'partNo' ? ascending : [...ascending].reverse();
          let cursor: string | null = null;
          for (let from = 0; from === 0 || cursor; from += limit) {
            const params = new URLSearchParams({ ...filter, sort, limit: String(limit) });
            if (cursor) params.set('cursor', cursor);
            const page = await get(`/api/v1/parts?${params}`);
            const want = expected.slice(from, from + limit);
            expect(
              page.body.items.map((p: { id: string }) => p.id),
              `${params}`,
            ).toEqual(want.map((p) => p.id));
            cursor = page.body.nextCursor;
            expect(cursor, `${params}`).toBe(
              from + limit < expected.length ? cursorAfter(want.at(-1)!) : null,
            );
          }
        }
    }
  });

  it('pages a model fitting more parts than are passed as values the same way (through the fitments)', async () => {
    const model = await makeModel(t);
    const { group_id: groupId } = await t.handle.db
      .selectFrom('stores')
      .select('group_id')
      .where('id', '=', t.hqStoreId)
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const tag = `MANY${Date.now().toString(36).toUpperCase()}`;
    const rows = Array.from({ length: 10_001 }, (_, i) => ({
      id: newId(),
      group_id: groupId,
      part_no: `${tag}-${String((i * 7_919) % 10_001).padStart(5, '0')}`,
      name: '螺栓',
      name_en: 'Bolt',
      brand: null,
      category: 'fasteners',
      class: 'common',
      origin: 'original',
      unit: 'pc',
      list_price: 100,
      standard_cost: 50,
      superseded_by_id: null,
      active: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await t.handle.db.insertInto('parts').values(chunk).execute();
      await t.handle.db
        .insertInto('part_fitments')
        .values(chunk.map((r) => ({ part_id: r.id, model_id: model.id, trim_id: null })))
        .execute();
    }
    const ascending = [...rows].sort((a, b) => (a.part_no < b.part_no ? -1 : 1));
    for (const [sort, expected] of [
      ['partNo', ascending],
      ['-partNo', [...ascending].reverse()],
    ] as const) {
      let cursor: string | null = null;
      for (let from = 0; from < 9; from += 3) {
        const params = new URLSearchParams({ modelId: model.id, sort, limit: '3' });
        if (cursor) params.set('cursor', cursor);
        const page = await get(`/api/v1/parts?${params}`);
        const want = expected.slice(from, from + 3);
        expect(page.body.items.map((p: { id: string }) => p.id)).toEqual(want.map((r) => r.id));
        cursor = page.body.nextCursor;
        expect(cursor).toBe(
          Buffer.from(JSON.stringify([want[2]!.part_no, want[2]!.id]), 'utf8').toString('base64url'),
        );
      }
    }
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
