import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeCatalogOption, makePriceList, makeStaff, makeStore, makeTrim } from '../../test/factories';
import { assertQuoteLineAllowed, checkQuoteLine, priceInForce } from './index';

describe.each(dialects)('price lists and the Art. 10 check on %s', (dialect) => {
  let t: TestApp;
  let trim: { id: string };
  let mats: { id: string };
  let manager: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    trim = await makeTrim(t);
    mats = await makeCatalogOption(t, { kind: 'accessory' });
    manager = (await makeStaff(t, 'sales_manager', t.hqStoreId)).token;
  });
  afterAll(() => t.close());

  const lines = () => [
    { itemKind: 'trim', itemRef: trim.id, guidePrice: 25_980_000, displayPrice: 24_980_000 },
    { itemKind: 'accessory', itemRef: mats.id, displayPrice: 88_000 },
    { itemKind: 'fee', itemRef: 'registration_agency', name: '上牌代办服务费', displayPrice: 50_000 },
  ];

  it('drafts, edits, publishes and withdraws a list; published lists are not edited', async () => {
    const created = await t.call('POST', '/api/v1/price-lists', {
      token: manager,
      body: { storeId: t.hqStoreId, name: '2026 春季价目表', effectiveFrom: '2026-03-01', items: lines() },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1 });
    const trimLine = created.body.items.find((i: { itemKind: string }) => i.itemKind === 'trim');
    expect(trimLine.itemLabel).toMatch(/^车系 .* 配置 /);
    const fee = created.body.items.find((i: { itemKind: string }) => i.itemKind === 'fee');
    expect(fee).toMatchObject({ itemLabel: '上牌代办服务费', displayPrice: 50_000 });
    const id = created.body.id as string;
    const edited = await t.call('PATCH', `/api/v1/price-lists/${id}`, {
      token: manager,
      body: { version: 1, effectiveTo: '2026-05-31', items: lines().slice(0, 1) },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ effectiveTo: '2026-05-31', version: 2 });
    expect(edited.body.items).toHaveLength(1);
    const stale = await t.call('PATCH', `/api/v1/price-lists/${id}`, {
      token: manager,
      body: { version: 1 },
    });
    expect(stale.status).toBe(409);
    const published = await t.call('POST', `/api/v1/price-lists/${id}/publish`, { token: manager });
    expect(published.body).toMatchObject({ status: 'published', version: 3 });
    const locked = await t.call('PATCH', `/api/v1/price-lists/${id}`, {
      token: manager,
      body: { version: 3, name: 'x' },
    });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('catalog.price_list_not_draft');
    const twice = await t.call('POST', `/api/v1/price-lists/${id}/publish`, { token: manager });
    expect(twice.status).toBe(409);
    expect(twice.body.title).toContain('published');
    const withdrawn = await t.call('POST', `/api/v1/price-lists/${id}/withdraw`, { token: manager });
    expect(withdrawn.body.status).toBe('withdrawn');
    const list = await t.call('GET', `/api/v1/price-lists?storeId=${t.hqStoreId}&status=withdrawn`, {
      token: manager,
    });
    expect(list.body.items).toEqual([expect.objectContaining({ id, itemCount: 1 })]);
    const audit = await t.call('GET', `/api/v1/audit?entity=price_list&id=${id}`, { token: t.adminToken });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual([
      'withdraw',
      'publish',
      'update',
      'create',
    ]);
  });

  it('refuses unknown references naming items.N.itemRef, fee codes and missing guide prices; nothing written', async () => {
    const before = (await t.handle.db.selectFrom('price_lists').select('id').execute()).length;
    const unknown = await t.call('POST', '/api/v1/price-lists', {
      token: manager,
      body: {
        storeId: t.hqStoreId,
        name: 'bad',
        effectiveFrom: '2026-01-01',
        items: [...lines(), { itemKind: 'option', itemRef: mats.id, displayPrice: 1 }],
      },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      code: 'catalog.unknown_reference',
      errors: [{ path: 'items.3.itemRef' }],
    });
    const invalid = await t.call('POST', '/api/v1/price-lists', {
      token: manager,
      body: {
        storeId: t.hqStoreId,
        name: 'bad',
        effectiveFrom: '2026-01-01',
        effectiveTo: '2025-12-31',
        items: [
          { itemKind: 'trim', itemRef: trim.id, displayPrice: 1 },
          { itemKind: 'fee', itemRef: 'mystery_fee', displayPrice: 1 },
        ],
      },
    });
    expect(invalid.status).toBe(400);
    const paths = invalid.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['effectiveTo']));
    const invalidItems = await t.call('POST', '/api/v1/price-lists', {
      token: manager,
      body: {
        storeId: t.hqStoreId,
        name: 'bad',
        effectiveFrom: '2026-01-01',
        items: [
          { itemKind: 'trim', itemRef: trim.id, displayPrice: 1 },
          { itemKind: 'fee', itemRef: 'mystery_fee', displayPrice: 1 },
        ],
      },
    });
    expect(invalidItems.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'items.0.guidePrice',
      'items.1.itemRef',
      'items.1.name',
    ]);
    const storeB = await makeStore(t);
    const otherStore = await t.call('POST', '/api/v1/price-lists', {
      token: manager,
      body: { storeId: storeB.id, name: 'B', effectiveFrom: '2026-01-01', items: [] },
    });
    expect(otherStore.status).toBe(422);
    expect(otherStore.body.errors[0].path).toBe('storeId');
    expect((await t.handle.db.selectFrom('price_lists').select('id').execute()).length).toBe(before);
  });

  it('answers the list in force on a date: the latest published effectiveFrom, within effectiveTo', async () => {
    const store = await makeStore(t);
    const item = (display: number) => [
      { itemKind: 'trim', itemRef: trim.id, guidePrice: 25_980_000, displayPrice: display },
    ];
    const jan = await makePriceList(t, store.id, item(25_980_000), {
      effectiveFrom: '2026-01-01',
      publish: true,
    });
    const jun = await makePriceList(t, store.id, item(24_980_000), {
      effectiveFrom: '2026-06-01',
      effectiveTo: '2026-08-31',
      publish: true,
    });
    await makePriceList(t, store.id, item(1), { effectiveFrom: '2026-07-01' }); // a draft is never in force
    const inForce = async (date: string) =>
      (await priceInForce(t.handle.db, store.id, date))?.list.id ?? null;
    expect(await inForce('2025-12-31')).toBeNull();
    expect(await inForce('2026-05-31')).toBe(jan.id);
    expect(await inForce('2026-06-01')).toBe(jun.id);
    expect(await inForce('2026-08-31')).toBe(jun.id);
    expect(await inForce('2026-09-01')).toBe(jan.id);
    const check = (date: string, price: number) =>
      checkQuoteLine(
        t.handle.db,
        { storeId: store.id, date, itemKind: 'trim', itemRef: trim.id, price },
        'en',
      );
    expect(await check('2026-05-01', 25_500_000)).toMatchObject({ allowed: true, priceListId: jan.id });
    expect(await check('2026-07-01', 25_500_000)).toMatchObject({
      allowed: false,
      code: 'above_display_price',
      displayPrice: 24_980_000,
      priceListId: jun.id,
    });
  });

  it('refuses a quote line above the displayed price, citing Art. 10 in both languages', async () => {
    await makePriceList(t, t.hqStoreId, lines(), { effectiveFrom: '2026-01-01', publish: true });
    const { token } = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const body = {
      storeId: t.hqStoreId,
      date: '2026-02-01',
      itemKind: 'trim',
      itemRef: trim.id,
      price: 25_000_000,
    };
    const en = await t.call('POST', '/api/v1/price-lists/check-quote-line', { token, body });
    expect(en.status).toBe(200);
    expect(en.body).toMatchObject({
      allowed: false,
      code: 'above_display_price',
      displayPrice: 24_980_000,
      guidePrice: 25_980_000,
      article: 'Measures for the Administration of Automobile Sales (2017), Art. 10',
    });
    expect(en.body.message).toContain('¥250,000.00 is above the displayed price ¥249,800.00');
    expect(en.body.message).toContain('Art. 10');
    const zh = await t.call('POST', '/api/v1/price-lists/check-quote-line', {
      token,
      body,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.body.article).toBe('《汽车销售管理办法》（2017）第十条');
    expect(zh.body.message).toContain('高于明示标价 ¥249,800.00');
    expect(zh.body.message).toContain('第十条');
    const at = await t.call('POST', '/api/v1/price-lists/check-quote-line', {
      token,
      body: { ...body, price: 24_980_000 },
    });
    expect(at.body).toMatchObject({ allowed: true, code: 'ok' });
  });

  it('refuses a fee that is not on display, and anything before any list is in force', async () => {
    const { token } = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const check = (body: Record<string, unknown>) =>
      t.call('POST', '/api/v1/price-lists/check-quote-line', {
        token,
        body: { storeId: t.hqStoreId, date: '2026-02-01', price: 30_000, ...body },
      });
    const fee = await check({ itemKind: 'fee', itemRef: 'financing_service' });
    expect(fee.body).toMatchObject({ allowed: false, code: 'not_on_display', displayPrice: null });
    expect(fee.body.message).toContain('fee is not on the price list on display');
    const shown = await check({ itemKind: 'fee', itemRef: 'registration_agency' });
    expect(shown.body.allowed).toBe(true);
    const early = await check({ itemKind: 'fee', itemRef: 'registration_agency', date: '2025-06-01' });
    expect(early.body).toMatchObject({ allowed: false, code: 'not_on_display', priceListId: null });
    // the guard other modules call inside their transaction
    const line = { storeId: t.hqStoreId, date: '2026-02-01', itemKind: 'fee' as const, price: 1 };
    await expect(
      assertQuoteLineAllowed(
        t.handle.db,
        { ...line, itemRef: 'financing_service' },
        'zh-CN',
        'lines.2.price',
      ),
    ).rejects.toMatchObject({ code: 'catalog.fee_not_on_display', errors: [{ path: 'lines.2.price' }] });
    await expect(
      assertQuoteLineAllowed(t.handle.db, { ...line, itemRef: 'registration_agency', price: 60_000 }, 'en'),
    ).rejects.toMatchObject({ code: 'catalog.price_above_display', params: { displayPrice: '¥500.00' } });
  });
});
