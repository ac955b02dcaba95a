import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff } from '../../test/factories';
import { makePart, receiveParts } from './parts.fixtures';
import { ledgerTotals } from './stock.repo';

describe.each(dialects)('stocktakes on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());
  const post = (url: string, body: unknown, token = t.adminToken) => t.call('POST', url, { token, body });
  const shelve = async (bin: string, qty: number, cost: number, barcode: string) => {
    const part = await makePart(t, { barcodes: [barcode] });
    await receiveParts(t, t.hqStoreId, part.id, qty, cost);
    await t.call('PUT', `/api/v1/parts/${part.id}/stock-settings`, {
      token: t.adminToken,
      body: { storeId: t.hqStoreId, bin },
    });
    return part;
  };

  it('counts a location blind by barcode, reports the variance and posts it on approval', async () => {
    const tag = Date.now().toString(36).toUpperCase();
    const a = await shelve(`Z${tag}-01`, 10, 1_000, `69${tag}01`);
    const b = await shelve(`Z${tag}-02`, 5, 2_000, `69${tag}02`);
    await shelve(`Y${tag}-01`, 3, 500, `69${tag}03`); // another location: not on the sheet
    const clerk = await makeStaff(t, 'parts_clerk', t.hqStoreId);
    const manager = await makeStaff(t, 'store_manager', t.hqStoreId);
    const sheet = await post(
      '/api/v1/stocktakes',
      { storeId: t.hqStoreId, scope: 'bin', scopeValue: `Z${tag}` },
      clerk.token,
    );
    expect(sheet.status).toBe(201);
    expect(sheet.body).toMatchObject({ status: 'counting', blind: true, totalVariance: null });
    expect(
      sheet.body.lines.map((l: { partId: string; expectedQty: null }) => [l.partId, l.expectedQty]),
    ).toEqual([
      [a.id, null],
      [b.id, null],
    ]);
    // scans: part a scanned 4 + 4 units, part b set to 6; an unknown barcode is refused naming the field
    const unknown = await post(
      `/api/v1/stocktakes/${sheet.body.id}/counts`,
      { counts: [{ barcode: 'NOPE0000', qty: 1 }] },
      clerk.token,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('counts.0.barcode');
    let counted = await post(
      `/api/v1/stocktakes/${sheet.body.id}/counts`,
      {
        counts: [
          { barcode: `69${tag}01`, qty: 4, mode: 'add' },
          { barcode: `69${tag}01`, qty: 4, mode: 'add' },
        ],
      },
      clerk.token,
    );
    expect(counted.body.lines[0]).toMatchObject({ countedQty: 8, expectedQty: null });
    const early = await post(
      `/api/v1/stocktakes/${sheet.body.id}/submit`,
      { version: counted.body.version },
      clerk.token,
    );
    expect(early.status).toBe(400);
    counted = await post(
      `/api/v1/stocktakes/${sheet.body.id}/counts`,
      { counts: [{ partId: b.id, qty: 6 }] },
      clerk.token,
    );
    const submitted = await post(
      `/api/v1/stocktakes/${sheet.body.id}/submit`,
      { version: counted.body.version },
      clerk.token,
    );
    expect(submitted.body).toMatchObject({ status: 'submitted', totalVariance: -1, totalVarianceValue: 0 });
    expect(submitted.body.lines).toMatchObject([
      { expectedQty: 10, countedQty: 8, variance: -2, varianceValue: -2_000 },
      { expectedQty: 5, countedQty: 6, variance: 1, varianceValue: 2_000 },
    ]);
    const byClerk = await post(
      `/api/v1/stocktakes/${sheet.body.id}/approve`,
      { version: submitted.body.version },
      clerk.token,
    );
    expect(byClerk.status).toBe(403);
    const posted = await post(
      `/api/v1/stocktakes/${sheet.body.id}/approve`,
      { version: submitted.body.version },
      manager.token,
    );
    expect(posted.body).toMatchObject({ status: 'posted', approvedBy: manager.user.id });
    expect(await ledgerTotals(t.handle.db, t.hqStoreId, a.id)).toEqual({ onHand: 8, value: 8_000 });
    expect(await ledgerTotals(t.handle.db, t.hqStoreId, b.id)).toEqual({ onHand: 6, value: 12_000 });
    const ledger = await t.call('GET', `/api/v1/stock-movements?partId=${a.id}&type=adjustment`, {
      token: t.adminToken,
    });
    expect(ledger.body.items[0]).toMatchObject({ qty: -2, refType: 'stocktake', refId: sheet.body.id });
    const again = await post(
      `/api/v1/stocktakes/${sheet.body.id}/approve`,
      { version: posted.body.version },
      manager.token,
    );
    expect(again.status).toBe(409);
  });

  it('refuses to post a count below what is reserved, posting nothing', async () => {
    const part = await makePart(t);
    await receiveParts(t, t.hqStoreId, part.id, 5, 1_000);
    const order = await post('/api/v1/parts-orders', {
      storeId: t.hqStoreId,
      channel: 'workshop',
      lines: [{ partId: part.id, qty: 4 }],
    });
    await post(`/api/v1/parts-orders/${order.body.id}/review`, { version: 1 });
    const sheet = await post('/api/v1/stocktakes', { storeId: t.hqStoreId, scope: 'full', blind: false });
    const line = sheet.body.lines.find((l: { partId: string }) => l.partId === part.id);
    expect(line.expectedQty).toBe(5);
    let s = await post(`/api/v1/stocktakes/${sheet.body.id}/counts`, {
      counts: sheet.body.lines.map((l: { partId: string; expectedQty: number }) => ({
        partId: l.partId,
        qty: l.partId === part.id ? 2 : l.expectedQty,
      })),
    });
    s = await post(`/api/v1/stocktakes/${sheet.body.id}/submit`, { version: s.body.version });
    const refused = await post(`/api/v1/stocktakes/${sheet.body.id}/approve`, { version: s.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'parts.count_below_reserved',
      title: expect.stringContaining('(4)'),
    });
    expect((await ledgerTotals(t.handle.db, t.hqStoreId, part.id)).onHand).toBe(5);
    const again = await t.call('GET', `/api/v1/stocktakes/${sheet.body.id}`, { token: t.adminToken });
    expect(again.body.status).toBe('submitted');
  });
});
