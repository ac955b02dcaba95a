import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStore } from '../../test/factories';
import { makeStockedPart } from './parts.fixtures';
import { ledgerTotals } from './stock.repo';

describe.each(dialects)('parts orders on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());
  const post = (url: string, body: unknown) => t.call('POST', url, { token: t.adminToken, body });
  const stockOf = async (partId: string, storeId = t.hqStoreId) =>
    (await t.call('GET', `/api/v1/parts/${partId}`, { token: t.adminToken })).body.stock.find(
      (s: { storeId: string }) => s.storeId === storeId,
    );

  it('sells over the counter in one step: issued at cost, invoice data with 13 % VAT, origin label shown', async () => {
    const part = await makeStockedPart(t, t.hqStoreId, 5, 4_000);
    const sale = await post('/api/v1/parts-orders/counter-sale', {
      storeId: t.hqStoreId,
      customerName: '王先生',
      lines: [{ partId: part.id, qty: 2, unitPrice: 8_000 }],
    });
    expect(sale.status).toBe(201);
    expect(sale.body).toMatchObject({
      channel: 'counter',
      status: 'completed',
      total: 16_000,
      invoice: { buyerName: '王先生', total: 16_000, taxRatePercent: 13, tax: 1_841, net: 14_159 },
      lines: [{ origin: 'original', qty: 2, pickedQty: 2, amount: 16_000 }],
    });
    expect(sale.body.number).toMatch(/^PT-\d{4}-\d{6}$/);
    expect(await stockOf(part.id)).toMatchObject({ onHand: 3, reserved: 0 });
    const ledger = await t.call('GET', `/api/v1/stock-movements?partId=${part.id}&type=counter_sale`, {
      token: t.adminToken,
    });
    expect(ledger.body.items[0]).toMatchObject({ qty: -2, totalCost: -8_000, refId: sale.body.id });
  });

  it('numbers the parts orders of each store from its own counter: two stores both start at 000001', async () => {
    const numbers: string[] = [];
    for (const store of [await makeStore(t), await makeStore(t)]) {
      const part = await makeStockedPart(t, store.id, 2);
      const sale = await post('/api/v1/parts-orders/counter-sale', {
        storeId: store.id,
        lines: [{ partId: part.id, qty: 1 }],
      });
      expect(sale.status).toBe(201);
      numbers.push(sale.body.number);
    }
    expect(numbers[0]).toMatch(/^PT-\d{4}-000001$/);
    expect(numbers[1]).toBe(numbers[0]);
  });

  it('refuses a counter sale above the list price or beyond stock, writing nothing', async () => {
    const part = await makeStockedPart(t, t.hqStoreId, 1);
    const dear = await post('/api/v1/parts-orders/counter-sale', {
      storeId: t.hqStoreId,
      lines: [{ partId: part.id, qty: 1, unitPrice: 9_000 }],
    });
    expect(dear.status).toBe(422);
    expect(dear.body.errors[0].path).toBe('lines.0.unitPrice');
    const short = await post('/api/v1/parts-orders/counter-sale', {
      storeId: t.hqStoreId,
      lines: [{ partId: part.id, qty: 2 }],
    });
    expect(short.status).toBe(409);
    expect(short.body.code).toBe('parts.insufficient_stock');
    expect(await stockOf(part.id)).toMatchObject({ onHand: 1, reserved: 0 });
    const orders = await t.call('GET', `/api/v1/parts-orders?storeId=${t.hqStoreId}&channel=counter`, {
      token: t.adminToken,
    });
    expect(orders.body.items.every((o: { total: number }) => o.total !== 18_000)).toBe(true);
  });

  it('sells the last units to exactly as many concurrent counter sales as they cover, lines in any order', async () => {
    const a = await makeStockedPart(t, t.hqStoreId, 4, 1_001);
    const b = await makeStockedPart(t, t.hqStoreId, 4, 333);
    // half the sales list the parts the other way round (the balances are locked in part-id order either way)
    const sales = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post('/api/v1/parts-orders/counter-sale', {
          storeId: t.hqStoreId,
          lines: (i % 2 ? [a, b] : [b, a]).map((p) => ({ partId: p.id, qty: 1 })),
        }),
      ),
    );
    expect(sales.filter((s) => s.status === 201)).toHaveLength(4);
    expect(sales.filter((s) => s.status === 409 && s.body.code === 'parts.insufficient_stock')).toHaveLength(
      26,
    );
    for (const [part, value] of [
      [a, 4_004],
      [b, 1_332],
    ] as const) {
      expect(await stockOf(part.id)).toMatchObject({ onHand: 0, reserved: 0, stockValue: 0 });
      expect(await ledgerTotals(t.handle.db, t.hqStoreId, part.id)).toEqual({ onHand: 0, value: 0 });
      const sold = await t.call('GET', `/api/v1/stock-movements?partId=${part.id}&type=counter_sale`, {
        token: t.adminToken,
      });
      expect(sold.body.items.reduce((sum: number, m: { totalCost: number }) => sum - m.totalCost, 0)).toBe(
        value,
      );
    }
  });

  it('runs review → pick → pack → ship → sign-off to another store, with a damaged line exception', async () => {
    const storeB = await makeStore(t);
    const a = await makeStockedPart(t, t.hqStoreId, 10, 1_000);
    const b = await makeStockedPart(t, t.hqStoreId, 4, 3_000);
    const created = await post('/api/v1/parts-orders', {
      storeId: t.hqStoreId,
      channel: 'store',
      toStoreId: storeB.id,
      shipTo: 'Store B parts room',
      lines: [
        { partId: a.id, qty: 6 },
        { partId: b.id, qty: 2 },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'submitted', actions: ['review', 'cancel'] });
    const id = created.body.id as string;
    let o = await post(`/api/v1/parts-orders/${id}/review`, { version: 1 });
    expect(o.body.status).toBe('allocated');
    expect(await stockOf(a.id)).toMatchObject({ onHand: 10, reserved: 6, available: 4 });
    const stale = await post(`/api/v1/parts-orders/${id}/pick`, { version: 1 });
    expect(stale.status).toBe(409);
    o = await post(`/api/v1/parts-orders/${id}/pick`, { version: o.body.version });
    expect(o.body.status).toBe('picked');
    expect(await stockOf(a.id)).toMatchObject({ onHand: 4, reserved: 0 });
    const [l1, l2] = o.body.lines as { id: string }[];
    const badPack = await post(`/api/v1/parts-orders/${id}/pack`, {
      version: o.body.version,
      packages: [{ weightG: 500, lineIds: [l1!.id] }],
    });
    expect(badPack.status).toBe(400);
    o = await post(`/api/v1/parts-orders/${id}/pack`, {
      version: o.body.version,
      packages: [
        { weightG: 1_200, lineIds: [l1!.id] },
        { weightG: 800, lineIds: [l2!.id] },
      ],
    });
    expect(o.body.packages).toHaveLength(2);
    o = await post(`/api/v1/parts-orders/${id}/ship`, {
      version: o.body.version,
      carrier: 'SF Express',
      trackingNo: 'SF1234567890',
    });
    expect(o.body).toMatchObject({ status: 'shipped', trackingNo: 'SF1234567890' });
    o = await post(`/api/v1/parts-orders/${id}/sign-off`, {
      version: o.body.version,
      signedBy: '李四',
      lines: [
        { lineId: l1!.id, receivedQty: 6, condition: 'ok' },
        { lineId: l2!.id, receivedQty: 2, condition: 'damaged', note: 'box crushed' },
      ],
    });
    expect(o.status).toBe(200);
    expect(o.body).toMatchObject({ status: 'delivered', signedBy: '李四' });
    expect(o.body.exceptions).toMatchObject([{ type: 'damaged', qty: 2, status: 'open', lineId: l2!.id }]);
    // the good units arrive in store B at the cost they left with; the damaged ones do not
    expect(await stockOf(a.id, storeB.id)).toMatchObject({ onHand: 6, stockValue: 6_000 });
    expect(await stockOf(b.id, storeB.id)).toBeUndefined();
    const resolved = await post(`/api/v1/parts-orders/${id}/exceptions/${o.body.exceptions[0].id}/resolve`, {
      resolution: 'reship',
      followUp: 'replacement sent with tomorrow’s shuttle',
    });
    expect(resolved.body.exceptions[0]).toMatchObject({ status: 'resolved', resolution: 'reship' });
    expect(await stockOf(b.id)).toMatchObject({ onHand: 0 });
    const again = await post(`/api/v1/parts-orders/${id}/exceptions/${o.body.exceptions[0].id}/resolve`, {
      resolution: 'credit',
      followUp: 'x',
    });
    expect(again.status).toBe(409);
    expect((await ledgerTotals(t.handle.db, storeB.id, a.id)).onHand).toBe(6);
  });

  it('raises and resolves every exception type, each on the order’s history', async () => {
    const part = await makeStockedPart(t, t.hqStoreId, 20, 1_000);
    const created = await post('/api/v1/parts-orders', {
      storeId: t.hqStoreId,
      channel: 'customer',
      customerName: 'Zhang Auto Repair',
      shipTo: '上海市浦东新区',
      lines: [{ partId: part.id, qty: 8 }],
    });
    const id = created.body.id as string;
    const early = await post(`/api/v1/parts-orders/${id}/exceptions`, { type: 'lost', qty: 1 });
    expect(early.status).toBe(409);
    let o = await post(`/api/v1/parts-orders/${id}/review`, { version: 1 });
    o = await post(`/api/v1/parts-orders/${id}/pick`, { version: o.body.version });
    const lineId = o.body.lines[0].id as string;
    o = await post(`/api/v1/parts-orders/${id}/pack`, {
      version: o.body.version,
      packages: [{ weightG: 900, lineIds: [lineId] }],
    });
    o = await post(`/api/v1/parts-orders/${id}/ship`, {
      version: o.body.version,
      carrier: 'ZTO',
      trackingNo: 'ZT1',
    });
    const resolutions = { short: 'reship', damaged: 'credit', wrong_part: 'return', lost: 'reship' } as const;
    for (const [type, resolution] of Object.entries(resolutions)) {
      const raised = await post(`/api/v1/parts-orders/${id}/exceptions`, {
        type,
        lineId,
        qty: 1,
        note: type,
      });
      expect(raised.status).toBe(200);
      const ex = raised.body.exceptions.at(-1);
      expect(ex).toMatchObject({ type, status: 'open' });
      const done = await post(`/api/v1/parts-orders/${id}/exceptions/${ex.id}/resolve`, {
        resolution,
        followUp: `${type} handled`,
      });
      expect(done.body.exceptions.at(-1)).toMatchObject({
        status: 'resolved',
        resolution,
        followUp: `${type} handled`,
      });
    }
    const history = await t.call('GET', `/api/v1/parts-orders/${id}/history?limit=50`, {
      token: t.adminToken,
    });
    const actions = history.body.items.map((h: { action: string }) => h.action);
    expect(actions.slice(0, 5)).toEqual(['created', 'review', 'pick', 'pack', 'ship']);
    expect(actions.filter((a: string) => a === 'exception_raised')).toHaveLength(4);
    expect(actions.filter((a: string) => a === 'exception_resolved')).toHaveLength(4);
    expect(
      history.body.items
        .filter((h: { action: string }) => h.action === 'exception_raised')
        .map((h: { details: { type: string } }) => h.details.type),
    ).toEqual(['short', 'damaged', 'wrong_part', 'lost']);
    // two re-ships left stock: 20 − 8 − 1 − 1
    expect(await stockOf(part.id)).toMatchObject({ onHand: 10 });
  });

  it('cancels an allocated order and gives the reservation back', async () => {
    const part = await makeStockedPart(t, t.hqStoreId, 3);
    const created = await post('/api/v1/parts-orders', {
      storeId: t.hqStoreId,
      channel: 'workshop',
      lines: [{ partId: part.id, qty: 3 }],
    });
    const o = await post(`/api/v1/parts-orders/${created.body.id}/review`, { version: 1 });
    expect(await stockOf(part.id)).toMatchObject({ available: 0 });
    const cancelled = await post(`/api/v1/parts-orders/${created.body.id}/cancel`, {
      version: o.body.version,
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await stockOf(part.id)).toMatchObject({ available: 3, reserved: 0 });
    const pick = await post(`/api/v1/parts-orders/${created.body.id}/pick`, {
      version: cancelled.body.version,
    });
    expect(pick.status).toBe(409);
    expect(pick.body.title).toContain('cancelled');
  });
});

describe.each(dialects)('the pick list on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('renders a PDF pick list with the order’s lines and labels in the language asked for', async () => {
    const part = await makeStockedPart(t, t.hqStoreId, 5);
    const order = await t.call('POST', '/api/v1/parts-orders', {
      token: t.adminToken,
      body: {
        storeId: t.hqStoreId,
        channel: 'customer',
        customerName: '张三',
        shipTo: '上海市浦东新区世纪大道 100 号',
        lines: [{ partId: part.id, qty: 2 }],
      },
    });
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/parts-orders/${order.body.id}/pick-list?lang=zh-CN`,
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(5_000);
    if (process.env.PICK_LIST_OUT)
      (await import('node:fs')).writeFileSync(process.env.PICK_LIST_OUT, res.rawPayload);
  });
});
