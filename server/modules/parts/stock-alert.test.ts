import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localToday } from '../../../common/rules/civil-date';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStockedPart } from './parts.fixtures';

describe.each(dialects)('stock alerts and ABC on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  /** Sells `qty` over the counter and dates the ledger row `daysAgo` store-local days back (noon in Shanghai). */
  const sell = async (partId: string, qty: number, daysAgo: number) => {
    const sale = await t.call('POST', '/api/v1/parts-orders/counter-sale', {
      token: t.adminToken,
      body: { storeId: t.hqStoreId, lines: [{ partId, qty }] },
    });
    expect(sale.status).toBe(201);
    const day = addDays(localToday('Asia/Shanghai'), -daysAgo);
    await t.handle.db
      .updateTable('stock_movements')
      .set({ at: `${day}T04:00:00.000Z` })
      .where('ref_id', '=', sale.body.id)
      .execute();
  };

  it('computes the reorder point from 8 days of demand and proposes a purchase', async () => {
    const pads = await makeStockedPart(t, t.hqStoreId, 100, 1_000);
    const put = await t.call('PUT', `/api/v1/parts/${pads.id}/stock-settings`, {
      token: t.adminToken,
      body: { storeId: t.hqStoreId, bin: 'A-01-03', leadTimeDays: 4, maxQty: 80 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ bin: 'A-01-03', leadTimeDays: 4, maxQty: 80 });
    // daily demand, oldest first: 2, 4, 4, 4, 5, 5, 7, 9 (mean 5, sample σ = √(32/7) ≈ 2.138)
    const series = [2, 4, 4, 4, 5, 5, 7, 9];
    for (const [i, qty] of series.entries()) await sell(pads.id, qty, series.length - 1 - i);
    const slow = await makeStockedPart(t, t.hqStoreId, 10, 500);
    const minor = await makeStockedPart(t, t.hqStoreId, 50, 100);
    await sell(minor.id, 1, 0);
    const res = await t.call('GET', `/api/v1/stock-alerts?storeId=${t.hqStoreId}&days=8&serviceLevel=95`, {
      token: t.adminToken,
    });
    expect(res.status).toBe(200);
    const item = res.body.items.find((i: { partId: string }) => i.partId === pads.id);
    // SS = 1.645 × 2.138 × √4 = 7.03 → 8; ROP = 5 × 4 + 8 = 28; on hand 100 − 40 = 60 > 28: no purchase yet
    expect(item).toMatchObject({
      onHand: 60,
      meanDaily: 5,
      sdDaily: 2.14,
      leadTimeDays: 4,
      safetyStock: 8,
      reorderPoint: 28,
      orderUpTo: 80,
      daysOfSupply: 12,
      consumptionValue: 40_000,
      abc: 'A',
      bin: 'A-01-03',
      proposedQty: 0,
    });
    expect(item.alerts).toEqual([]);
    expect(res.body.z).toBe(1.6449);
    // 40,000 of 40,100 consumed is A; the 100 of the minor part pass 99 %: C; the unused part is C
    expect(res.body.items.find((i: { partId: string }) => i.partId === minor.id).abc).toBe('C');
    expect(res.body.items.find((i: { partId: string }) => i.partId === slow.id).abc).toBe('C');
    expect(res.body.abc.A).toMatchObject({ parts: 1, consumptionValue: 40_000 });
    // sell down to the reorder point: the plan proposes buying up to the max
    await sell(pads.id, 32, 0);
    const after = await t.call(
      'GET',
      `/api/v1/stock-alerts?storeId=${t.hqStoreId}&days=8&alert=below_reorder_point`,
      {
        token: t.adminToken,
      },
    );
    expect(after.body.items.map((i: { partId: string }) => i.partId)).toEqual([pads.id]);
    expect(after.body.items[0]).toMatchObject({ onHand: 28, proposedQty: 52 });
    const bad = await t.call('GET', `/api/v1/stock-alerts?storeId=${t.hqStoreId}&abcA=90&abcB=15`, {
      token: t.adminToken,
    });
    expect(bad.status).toBe(400);
  });
});
