import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff, makeStore } from '../../test/factories';
import { issuePartsToRepairOrder, releasePartReservation, reservePartsForRepairOrder } from './index';
import { makePart, makeStockedPart, receiveParts } from './parts.fixtures';
import { findStockRow, ledgerTotals, reservedTotal } from './stock.repo';

describe.each(dialects)('the stock ledger on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const stockOf = async (partId: string, storeId = t.hqStoreId) =>
    (await t.call('GET', `/api/v1/parts/${partId}`, { token: t.adminToken })).body.stock.find(
      (s: { storeId: string }) => s.storeId === storeId,
    );

  it('re-averages the cost on receipt and issues at the moving average, the last unit taking the rest', async () => {
    const part = await makePart(t);
    await receiveParts(t, t.hqStoreId, part.id, 3, 1_000); // 3 × 10.00
    await receiveParts(t, t.hqStoreId, part.id, 1, 2_001); // + 1 × 20.01 → 50.01 / 4
    expect(await stockOf(part.id)).toMatchObject({ onHand: 4, stockValue: 5_001, averageCost: 1_250 });
    const scrap = await t.call('POST', '/api/v1/stock-movements', {
      token: t.adminToken,
      body: { storeId: t.hqStoreId, partId: part.id, type: 'scrap', qty: 3, reason: 'water damage' },
    });
    expect(scrap.status).toBe(201);
    // 5001 × 3 / 4 = 3750.75 → 3751 (四舍五入); one unit left holding 1250
    expect(scrap.body.movements[0]).toMatchObject({
      type: 'scrap',
      qty: -3,
      totalCost: -3_751,
      onHandAfter: 1,
    });
    expect(await stockOf(part.id)).toMatchObject({ onHand: 1, stockValue: 1_250 });
    const last = await t.call('POST', '/api/v1/stock-movements', {
      token: t.adminToken,
      body: { storeId: t.hqStoreId, partId: part.id, type: 'scrap', qty: 1, reason: 'damaged' },
    });
    expect(last.body.movements[0]).toMatchObject({ totalCost: -1_250, onHandAfter: 0, valueAfter: 0 });
    const ledger = await t.call('GET', `/api/v1/stock-movements?partId=${part.id}`, { token: t.adminToken });
    expect(ledger.body.items.map((m: { type: string }) => m.type)).toEqual([
      'scrap',
      'scrap',
      'receive',
      'receive',
    ]);
  });

  it('refuses to take out more than is available: 409 parts.insufficient_stock, nothing written', async () => {
    const part = await makeStockedPart(t, t.hqStoreId, 2);
    const res = await t.call('POST', '/api/v1/stock-movements', {
      token: t.adminToken,
      headers: { 'accept-language': 'zh-CN' },
      body: { storeId: t.hqStoreId, partId: part.id, type: 'scrap', qty: 3, reason: 'x' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'parts.insufficient_stock', title: '库存不足：可用 2，需要 3' });
    const negative = await t.call('POST', '/api/v1/stock-movements', {
      token: t.adminToken,
      body: { storeId: t.hqStoreId, partId: part.id, type: 'adjustment', qty: -5, reason: 'count' },
    });
    expect(negative.status).toBe(409);
    const noCost = await t.call('POST', '/api/v1/stock-movements', {
      token: t.adminToken,
      body: { storeId: t.hqStoreId, partId: part.id, type: 'receive', qty: 1, reason: 'x' },
    });
    expect(noCost.status).toBe(400);
    expect(noCost.body.errors[0].path).toBe('unitCost');
    expect((await ledgerTotals(t.handle.db, t.hqStoreId, part.id)).onHand).toBe(2);
  });

  it('transfers between stores at the same cost, and keeps another store’s clerk out', async () => {
    const storeB = await makeStore(t);
    const part = await makeStockedPart(t, t.hqStoreId, 4, 999);
    const res = await t.call('POST', '/api/v1/stock-movements', {
      token: t.adminToken,
      body: {
        storeId: t.hqStoreId,
        partId: part.id,
        type: 'transfer',
        qty: 3,
        toStoreId: storeB.id,
        reason: 'balance',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.movements.map((m: { type: string; qty: number }) => [m.type, m.qty])).toEqual([
      ['transfer_out', -3],
      ['transfer_in', 3],
    ]);
    expect(await stockOf(part.id, storeB.id)).toMatchObject({ onHand: 3, stockValue: 2_997 });
    const clerkB = await makeStaff(t, 'parts_clerk', storeB.id);
    const outOfReach = await t.call('POST', '/api/v1/stock-movements', {
      token: clerkB.token,
      body: { storeId: t.hqStoreId, partId: part.id, type: 'scrap', qty: 1, reason: 'x' },
    });
    expect(outOfReach.status).toBe(404);
    const seen = await t.call('GET', `/api/v1/parts/${part.id}`, { token: clerkB.token });
    expect(seen.body.stock.map((s: { storeId: string }) => s.storeId)).toEqual([storeB.id]);
  });

  it('gives the last 5 units to exactly 5 of 50 concurrent issues (HTTP and repair-order functions)', async () => {
    const part = await makeStockedPart(t, t.hqStoreId, 5);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.call('POST', '/api/v1/stock-movements', {
          token: t.adminToken,
          body: { storeId: t.hqStoreId, partId: part.id, type: 'scrap', qty: 1, reason: 'race' },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409)).toHaveLength(45);
    expect(await stockOf(part.id)).toMatchObject({ onHand: 0, stockValue: 0 });

    const part2 = await makeStockedPart(t, t.hqStoreId, 3);
    const issues = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        t.handle.db.transaction().execute((trx) =>
          issuePartsToRepairOrder(trx, {
            storeId: t.hqStoreId,
            partId: part2.id,
            qty: 1,
            repairOrderId: `RO-${i}`,
          }),
        ),
      ),
    );
    expect(issues.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const row = await findStockRow(t.handle.db, t.hqStoreId, part2.id);
    expect(row).toMatchObject({ on_hand: 0, reserved: 0 });
    expect(await ledgerTotals(t.handle.db, t.hqStoreId, part2.id)).toEqual({ onHand: 0, value: 0 });
  });

  it('reserves for a repair order, issues from the reservation and releases the rest', async () => {
    const part = await makeStockedPart(t, t.hqStoreId, 5, 1_000);
    const ro = { storeId: t.hqStoreId, partId: part.id, repairOrderId: 'RO-1' };
    const db = t.handle.db;
    await db.transaction().execute((trx) => reservePartsForRepairOrder(trx, { ...ro, qty: 4 }));
    expect(await stockOf(part.id)).toMatchObject({ onHand: 5, reserved: 4, available: 1 });
    // another order cannot take the reserved units
    await expect(
      db
        .transaction()
        .execute((trx) => reservePartsForRepairOrder(trx, { ...ro, repairOrderId: 'RO-2', qty: 2 })),
    ).rejects.toMatchObject({ code: 'parts.insufficient_stock' });
    const issued = await db.transaction().execute((trx) => issuePartsToRepairOrder(trx, { ...ro, qty: 3 }));
    expect(issued).toMatchObject({ qty: 3, unitCost: 1_000, totalCost: 3_000 });
    expect(await stockOf(part.id)).toMatchObject({ onHand: 2, reserved: 1, available: 1 });
    expect(await db.transaction().execute((trx) => releasePartReservation(trx, ro))).toEqual({ released: 1 });
    expect(await stockOf(part.id)).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
    expect(await reservedTotal(db, t.hqStoreId, part.id)).toBe(0);
  });

  it('keeps on hand equal to the ledger and never negative over random concurrent operation sequences', async () => {
    const part = await makeStockedPart(t, t.hqStoreId, 3, 777);
    const db = t.handle.db;
    type Op = { kind: 'receive' | 'issue' | 'reserve' | 'release' | 'adjust'; qty: number; ro: number };
    const op = fc.record({
      kind: fc.constantFrom<Op['kind']>('receive', 'issue', 'reserve', 'release', 'adjust'),
      qty: fc.integer({ min: 1, max: 4 }),
      ro: fc.integer({ min: 0, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        async (batches) => {
          for (const batch of batches) {
            await Promise.allSettled(
              batch.map((o) => {
                const base = {
                  storeId: t.hqStoreId,
                  partId: part.id,
                  qty: o.qty,
                  repairOrderId: `PROP-${o.ro}`,
                };
                if (o.kind === 'receive') return receiveParts(t, t.hqStoreId, part.id, o.qty, 500 + o.qty);
                if (o.kind === 'adjust')
                  return t.call('POST', '/api/v1/stock-movements', {
                    token: t.adminToken,
                    body: { ...base, type: 'adjustment', qty: o.ro % 2 ? o.qty : -o.qty, reason: 'count' },
                  });
                return db
                  .transaction()
                  .execute((trx): Promise<unknown> =>
                    o.kind === 'issue'
                      ? issuePartsToRepairOrder(trx, base)
                      : o.kind === 'reserve'
                        ? reservePartsForRepairOrder(trx, base)
                        : releasePartReservation(trx, base),
                  );
              }),
            );
            const row = (await findStockRow(db, t.hqStoreId, part.id))!;
            const ledger = await ledgerTotals(db, t.hqStoreId, part.id);
            expect(row.on_hand).toBe(ledger.onHand);
            expect(Number(row.stock_value)).toBe(ledger.value);
            expect(row.reserved).toBe(await reservedTotal(db, t.hqStoreId, part.id));
            expect(row.on_hand).toBeGreaterThanOrEqual(row.reserved);
            expect(row.reserved).toBeGreaterThanOrEqual(0);
            expect(Number(row.stock_value)).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
