import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeModel, makePriceList, makeStaff, makeTrim } from '../../test/factories';
import { newId, nowIso } from '../../platform/ids';

describe.each(dialects)('trims on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const trimCount = async () => (await t.handle.db.selectFrom('trims').select('id').execute()).length;

  it('creates a trim with attributes, features and colours; 新能源 follows from the energy', async () => {
    const model = await makeModel(t);
    const res = await t.call('POST', '/api/v1/trims', {
      token: t.adminToken,
      body: {
        modelId: model.id,
        code: 'HAN-DMI-121',
        name: 'DM-i 121KM 尊贵型',
        nameEn: 'DM-i 121 km Premium',
        modelYear: 2026,
        bodyType: 'sedan',
        seats: 5,
        energy: 'phev',
        drivetrain: 'fwd',
        transmission: 'dht',
        powerKw: 145,
        displacementMl: 1498,
        batteryWh: 18_300,
        rangeKm: 121,
        features: ['aeb', 'acc', 'aeb'],
        colours: [{ kind: 'exterior', code: 'WH', name: '雪域白', nameEn: 'Snow White', hex: '#F4F5F0' }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      brandId: expect.any(String),
      isNev: true,
      features: ['acc', 'aeb'],
      colours: [{ kind: 'exterior', code: 'WH', hex: '#F4F5F0' }],
      guidePrice: null,
      displayPrice: null,
      version: 1,
    });
    const audit = await t.call('GET', `/api/v1/audit?entity=trim&id=${res.body.id}`, { token: t.adminToken });
    expect(audit.body.items).toHaveLength(1);
  });

  it('refuses bad input naming the field, a plug-in without battery, an unknown model; nothing written', async () => {
    const model = await makeModel(t);
    const before = await trimCount();
    const base = {
      modelId: model.id,
      code: 'BAD-1',
      name: 'x',
      nameEn: 'x',
      modelYear: 2026,
      bodyType: 'suv',
      seats: 5,
      energy: 'bev',
      drivetrain: 'awd',
      transmission: 'single_speed',
      powerKw: 100,
      batteryWh: 60_000,
      rangeKm: 500,
      features: [],
    };
    const badEnum = await t.call('POST', '/api/v1/trims', {
      token: t.adminToken,
      body: { ...base, energy: 'steam', features: ['jetpack'] },
    });
    expect(badEnum.status).toBe(400);
    expect(badEnum.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['energy', 'features.0']);
    const noBattery = await t.call('POST', '/api/v1/trims', {
      token: t.adminToken,
      body: { ...base, batteryWh: null },
    });
    expect(noBattery.status).toBe(400);
    expect(noBattery.body.errors).toEqual([expect.objectContaining({ path: 'batteryWh', code: 'required' })]);
    const dupColour = await t.call('POST', '/api/v1/trims', {
      token: t.adminToken,
      body: {
        ...base,
        colours: [
          { kind: 'exterior', code: 'WH', name: 'a', nameEn: 'a' },
          { kind: 'exterior', code: 'WH', name: 'b', nameEn: 'b' },
        ],
      },
    });
    expect(dupColour.body.errors[0].path).toBe('colours.1.code');
    const noModel = await t.call('POST', '/api/v1/trims', {
      token: t.adminToken,
      body: { ...base, modelId: 'missing' },
    });
    expect(noModel.status).toBe(422);
    expect(noModel.body.errors[0].path).toBe('modelId');
    expect(await trimCount()).toBe(before);
  });

  it('patches with the version; a stale version gets 409; features and colours are replaced', async () => {
    const trim = await makeTrim(t);
    const ok = await t.call('PATCH', `/api/v1/trims/${trim.id}`, {
      token: t.adminToken,
      body: {
        version: 1,
        powerKw: 250,
        features: ['hud'],
        colours: [
          { kind: 'exterior', code: 'WH', name: '珍珠白', nameEn: 'Pearl White' },
          { kind: 'exterior', code: 'RD', name: '红', nameEn: 'Red' },
        ],
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ powerKw: 250, features: ['hud'], version: 2 });
    const white = trim.colours.find((c) => c.code === 'WH')!;
    expect(ok.body.colours.map((c: { code: string }) => c.code)).toEqual(['RD', 'WH']);
    expect(ok.body.colours.find((c: { code: string }) => c.code === 'WH')).toMatchObject({
      id: white.id,
      name: '珍珠白',
    });
    const stale = await t.call('PATCH', `/api/v1/trims/${trim.id}`, {
      token: t.adminToken,
      body: { version: 1, seats: 7 },
    });
    expect(stale.status).toBe(409);
    const toIce = await t.call('PATCH', `/api/v1/trims/${trim.id}`, {
      token: t.adminToken,
      body: { version: 2, energy: 'ice' },
    });
    expect(toIce.status).toBe(400);
    expect(toIce.body.errors[0].path).toBe('displacementMl');
  });

  it('refuses to remove a colour a stock vehicle uses', async () => {
    const trim = await makeTrim(t);
    const black = trim.colours.find((c) => c.code === 'BK')!;
    const now = nowIso();
    const group = await t.handle.db.selectFrom('dealer_groups').select('id').executeTakeFirstOrThrow();
    await t.handle.db
      .insertInto('vehicles')
      .values({
        id: newId(),
        group_id: group.id,
        store_id: t.hqStoreId,
        vin: 'LGXC16AF4R0000001',
        trim_id: trim.id,
        exterior_colour_id: black.id,
        interior_colour_id: null,
        engine_no: null,
        coc_no: null,
        production_date: null,
        model_year: null,
        purchase_cost: null,
        holding_cost_per_day: null,
        supplier_ref: null,
        location: 'yard',
        location_note: null,
        status: 'in_stock',
        arrived_on: null,
        reserved_deal_id: null,
        reserved_by: null,
        reserved_until: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const res = await t.call('PATCH', `/api/v1/trims/${trim.id}`, {
      token: t.adminToken,
      body: { version: 1, colours: [{ kind: 'exterior', code: 'WH', name: '白', nameEn: 'White' }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('catalog.colour_in_use');
    expect(res.body.errors[0].message).toContain('BK');
    const after = await t.call('GET', `/api/v1/trims/${trim.id}`, { token: t.adminToken });
    expect(after.body.colours).toHaveLength(3);
    expect(after.body.version).toBe(1);
  });

  it('finds trims by attributes: energy, nev, ranges and ALL of the features', async () => {
    const model = await makeModel(t);
    const a = await makeTrim(t, { modelId: model.id, features: ['aeb', 'hud', 'heat_pump'], seats: 7 });
    const b = await makeTrim(t, { modelId: model.id, features: ['aeb', 'hud'], rangeKm: 450 });
    const c = await makeTrim(t, {
      modelId: model.id,
      energy: 'ice',
      batteryWh: null,
      rangeKm: null,
      displacementMl: 1984,
      transmission: 'dct',
      drivetrain: 'fwd',
      features: ['aeb'],
    });
    const ids = async (qs: string) => {
      const res = await t.call('GET', `/api/v1/trims?modelId=${model.id}&${qs}`, { token: t.adminToken });
      expect(res.status).toBe(200);
      return res.body.items.map((x: { id: string }) => x.id).sort();
    };
    expect(await ids('features=aeb,hud')).toEqual([a.id, b.id].sort());
    expect(await ids('features=aeb,hud,heat_pump')).toEqual([a.id]);
    expect(await ids('nev=false')).toEqual([c.id]);
    expect(await ids('energy=bev,phev')).toEqual([a.id, b.id].sort());
    expect(await ids('seatsMin=6')).toEqual([a.id]);
    expect(await ids('rangeKmMin=500')).toEqual([a.id]);
    expect(await ids('drivetrain=fwd&powerKwMin=100')).toEqual([c.id]);
    const brand = (await t.call('GET', `/api/v1/trims/${a.id}`, { token: t.adminToken })).body.brandId;
    expect(
      (await t.call('GET', `/api/v1/trims?brandId=${brand}`, { token: t.adminToken })).body.items,
    ).toHaveLength(3);
    const bad = await t.call('GET', '/api/v1/trims?features=aeb,flying', { token: t.adminToken });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.features');
    const page = await t.call('GET', `/api/v1/trims?modelId=${model.id}&limit=2&sort=-powerKw`, {
      token: t.adminToken,
    });
    const rest = await t.call(
      'GET',
      `/api/v1/trims?modelId=${model.id}&limit=2&sort=-powerKw&cursor=${page.body.nextCursor}`,
      { token: t.adminToken },
    );
    expect([...page.body.items, ...rest.body.items]).toHaveLength(3);
  });

  it('compares 2-4 trims side by side with their prices in force', async () => {
    const a = await makeTrim(t);
    const b = await makeTrim(t);
    await makePriceList(
      t,
      t.hqStoreId,
      [{ itemKind: 'trim', itemRef: a.id, guidePrice: 25_000_000, displayPrice: 24_500_000 }],
      { publish: true },
    );
    const { token } = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const res = await t.call(
      'GET',
      `/api/v1/trims/compare?ids=${b.id},${a.id}&priceStoreId=${t.hqStoreId}&priceDate=2026-06-01`,
      { token },
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((x: { id: string }) => x.id)).toEqual([b.id, a.id]);
    expect(res.body.items[1]).toMatchObject({ guidePrice: 25_000_000, displayPrice: 24_500_000 });
    expect(res.body.items[0]).toMatchObject({ guidePrice: null, displayPrice: null });
    const one = await t.call('GET', `/api/v1/trims/compare?ids=${a.id}`, { token });
    expect(one.status).toBe(400);
    const unknown = await t.call('GET', `/api/v1/trims/compare?ids=${a.id},nope`, { token });
    expect(unknown.status).toBe(422);
    const technician = await makeStaff(t, 'technician', t.hqStoreId);
    const noPrices = await t.call('GET', `/api/v1/trims?priceStoreId=${t.hqStoreId}&priceDate=2026-06-01`, {
      token: technician.token,
    });
    expect(noPrices.status).toBe(403);
  });

  it('adds and removes media assets of a trim', async () => {
    const trim = await makeTrim(t);
    const added = await t.call('POST', `/api/v1/trims/${trim.id}/media`, {
      token: t.adminToken,
      body: { kind: 'vr', url: 'https://example.com/vr/1', title: '360° 内饰' },
    });
    expect(added.status).toBe(201);
    const got = await t.call('GET', `/api/v1/trims/${trim.id}`, { token: t.adminToken });
    expect(got.body.media).toEqual([expect.objectContaining({ kind: 'vr', title: '360° 内饰' })]);
    const bad = await t.call('POST', `/api/v1/trims/${trim.id}/media`, {
      token: t.adminToken,
      body: { kind: 'vr', url: 'not a url', title: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('url');
    const removed = await t.call('DELETE', `/api/v1/trims/${trim.id}/media/${added.body.id}`, {
      token: t.adminToken,
    });
    expect(removed.status).toBe(204);
    const again = await t.call('DELETE', `/api/v1/trims/${trim.id}/media/${added.body.id}`, {
      token: t.adminToken,
    });
    expect(again.status).toBe(404);
  });
});
