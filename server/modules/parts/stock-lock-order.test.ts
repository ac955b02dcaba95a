import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trx } from '../../db/database';
import { AppError } from '../../platform/errors';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStore } from '../../test/factories';
import { makePart, makeSentPurchaseOrder, makeStockedPart, makeSupplier } from './parts.fixtures';
import { findPartByNo } from './part.repo';
import {
  releasePartReservation,
  releasePartsOfRepairOrder,
  reservePartsForRepairOrder,
  reservePartsOfApprovedLines,
} from './repair-order-stock.service';
import { findStockRow, ledgerTotals, reservedTotal } from './stock.repo';

/**
 * Postings of several lines lock the balances they move in one order — (store, part) — whatever the order
 * of their lines, so two of them sharing parts never wait on each other in a circle. PostgreSQL would end
 * one of them as a deadlock victim; write.ts runs a victim again, so the answers alone may not show it:
 * every deadlock our statements ran into is counted at the client (the error PostgreSQL raises to the
 * victim, 40P01). Counted here rather than in pg_stat_database, which is the whole database's
 * (server/platform/write-retry.test.ts deadlocks on purpose, maybe at the same time) and is written up to
 * seconds late.
 */
let deadlocks = 0;
const query = pg.Client.prototype.query;

describe.each(dialects)('stock locks taken in one order on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (pg.Client.prototype as any).query = function (this: pg.Client, ...args: unknown[]) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const result = (query as any).apply(this, args);
      if (result instanceof Promise)
        result.catch((err: { code?: string }) => {
          if (err?.code === '40P01') deadlocks++;
        });
      return result;
    };
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    pg.Client.prototype.query = query;
    await t.close();
  });
  const post = (url: string, body: unknown) => t.call('POST', url, { token: t.adminToken, body });
  const n = 20;
  const both = <T>(i: number, a: T, b: T) => (i % 2 ? [a, b] : [b, a]);

  /** Sends one request per item at once: every one answers `status`; returns the bodies in order. */
  async function allAtOnce<T>(items: T[], send: (item: T) => ReturnType<typeof post>, status = 200) {
    const before = deadlocks;
    const res = await Promise.all(items.map(send));
    expect(deadlocks - before, 'deadlocks on PostgreSQL').toBe(0);
    expect(res.map((r) => (r.status === status ? status : `${r.status} ${JSON.stringify(r.body)}`))).toEqual(
      items.map(() => status),
    );
    return res.map((r) => r.body);
  }

  /** The balance equals the sum of its ledger and its reserved the active reservations. */
  async function expectBalanced(storeId: string, partIds: string[]) {
    for (const partId of partIds) {
      const row = await findStockRow(t.handle.db, storeId, partId);
      expect({ onHand: row!.on_hand, value: Number(row!.stock_value), reserved: row!.reserved }).toEqual({
        ...(await ledgerTotals(t.handle.db, storeId, partId)),
        reserved: await reservedTotal(t.handle.db, storeId, partId),
      });
    }
  }

  it('reviews, picks and signs off to another store parts orders listing two parts both ways round', async () => {
    const storeB = await makeStore(t);
    const a = await makeStockedPart(t, t.hqStoreId, 200, 1_001);
    const b = await makeStockedPart(t, t.hqStoreId, 200, 333);
    const qty = (i: number) => 1 + (i % 3);
    const created = [];
    for (let i = 0; i < n; i++)
      created.push(
        (
          await post('/api/v1/parts-orders', {
            storeId: t.hqStoreId,
            channel: 'store',
            toStoreId: storeB.id,
            shipTo: 'Store B parts room',
            lines: both(i, a, b).map((p) => ({ partId: p.id, qty: qty(i) })),
          })
        ).body,
      );
    type Order = { id: string; version: number; lines: { id: string; qty: number }[] };
    const step = (orders: Order[], action: string, body: (o: Order) => object = () => ({})) =>
      allAtOnce(orders, (o) =>
        post(`/api/v1/parts-orders/${o.id}/${action}`, { version: o.version, ...body(o) }),
      ) as Promise<Order[]>;
    let orders = await step(created, 'review');
    await expectBalanced(t.hqStoreId, [a.id, b.id]);
    orders = await step(orders, 'pick');
    orders = await step(orders, 'pack', (o) => ({
      packages: [{ weightG: 500, lineIds: o.lines.map((l) => l.id) }],
    }));
    orders = await step(orders, 'ship', () => ({ carrier: 'SF Express', trackingNo: 'SF1' }));
    await step(orders, 'sign-off', (o) => ({
      signedBy: '李四',
      lines: o.lines.map((l) => ({ lineId: l.id, receivedQty: l.qty, condition: 'ok' })),
    }));
    const sent = Array.from({ length: n }, (_, i) => qty(i)).reduce((s, q) => s + q, 0);
    for (const storeId of [t.hqStoreId, storeB.id]) await expectBalanced(storeId, [a.id, b.id]);
    expect(await ledgerTotals(t.handle.db, storeB.id, a.id)).toEqual({ onHand: sent, value: sent * 1_001 });
    expect((await findStockRow(t.handle.db, t.hqStoreId, b.id))!.on_hand).toBe(200 - sent);
  });

  it('cancels allocated parts orders listing two parts both ways round', async () => {
    const a = await makeStockedPart(t, t.hqStoreId, 100);
    const b = await makeStockedPart(t, t.hqStoreId, 100);
    const created = [];
    for (let i = 0; i < n; i++)
      created.push(
        (
          await post('/api/v1/parts-orders', {
            storeId: t.hqStoreId,
            channel: 'workshop',
            lines: both(i, a, b).map((p) => ({ partId: p.id, qty: 2 })),
          })
        ).body as { id: string; version: number },
      );
    const reviewed = await allAtOnce(created, (o) =>
      post(`/api/v1/parts-orders/${o.id}/review`, { version: o.version }),
    );
    expect((await findStockRow(t.handle.db, t.hqStoreId, a.id))!.reserved).toBe(2 * n);
    await allAtOnce(reviewed, (o: { id: string; version: number }) =>
      post(`/api/v1/parts-orders/${o.id}/cancel`, { version: o.version }),
    );
    await expectBalanced(t.hqStoreId, [a.id, b.id]);
    expect(await findStockRow(t.handle.db, t.hqStoreId, b.id)).toMatchObject({ on_hand: 100, reserved: 0 });
  });

  it('receives and inspects at once goods receipts of one order listing two never-stocked parts both ways round', async () => {
    const a = await makePart(t);
    const b = await makePart(t);
    const supplier = await makeSupplier(t, t.hqStoreId);
    const po = await makeSentPurchaseOrder(t, t.hqStoreId, supplier.id, [
      { partId: a.id, qty: 500, unitPrice: 1_200 },
      { partId: b.id, qty: 500, unitPrice: 700 },
    ]);
    const lineOf = (partId: string) => po.lines.find((l) => l.partId === partId)!.id;
    // the receipts too, at once: each adds to the order's two lines in its own line order
    const receipts = (await allAtOnce(
      Array.from({ length: n }, (_, i) => both(i, a, b)),
      (parts) =>
        post('/api/v1/goods-receipts', {
          purchaseOrderId: po.id,
          lines: parts.map((p) => ({ poLineId: lineOf(p.id), qty: 3 })),
        }),
      201,
    )) as { id: string; version: number; lines: { id: string; qty: number }[] }[];
    await allAtOnce(receipts, (r) =>
      post(`/api/v1/goods-receipts/${r.id}/inspect`, {
        version: r.version,
        lines: r.lines.map((l) => ({ lineId: l.id, acceptedQty: l.qty, rejectedQty: 0 })),
      }),
    );
    await expectBalanced(t.hqStoreId, [a.id, b.id]);
    expect(await ledgerTotals(t.handle.db, t.hqStoreId, a.id)).toEqual({
      onHand: 3 * n,
      value: 3 * n * 1_200,
    });
    const poLines = await t.handle.db
      .selectFrom('purchase_order_lines')
      .select(['received_qty', 'accepted_qty'])
      .where('purchase_order_id', '=', po.id)
      .execute();
    expect(poLines).toEqual([
      { received_qty: 3 * n, accepted_qty: 3 * n },
      { received_qty: 3 * n, accepted_qty: 3 * n },
    ]);
  });

  it('approves stocktakes whose sheet lists two parts against their lock order while parts orders reserve them', async () => {
    const tag = Date.now().toString(36).toUpperCase();
    const [first, second] = [
      await makeStockedPart(t, t.hqStoreId, 100),
      await makeStockedPart(t, t.hqStoreId, 100),
    ].sort((x, y) => (x.id < y.id ? -1 : 1));
    // the sheet lists its lines by bin: put the part that locks second on the first bin
    for (const [part, bin] of [
      [second!, `Z${tag}-01`],
      [first!, `Z${tag}-02`],
    ] as const)
      await t.call('PUT', `/api/v1/parts/${part.id}/stock-settings`, {
        token: t.adminToken,
        body: { storeId: t.hqStoreId, bin },
      });
    type Sheet = { id: string; version: number; lines: { partId: string; expectedQty: number }[] };
    const sheets: Sheet[] = [];
    const orders: { id: string; version: number }[] = [];
    for (let i = 0; i < n / 2; i++) {
      const sheet = (
        await post('/api/v1/stocktakes', {
          storeId: t.hqStoreId,
          scope: 'bin',
          scopeValue: `Z${tag}`,
          blind: false,
        })
      ).body as Sheet;
      expect(sheet.lines.map((l) => l.partId)).toEqual([second!.id, first!.id]);
      const counted = (
        await post(`/api/v1/stocktakes/${sheet.id}/counts`, {
          counts: sheet.lines.map((l) => ({ partId: l.partId, qty: l.expectedQty + 1 })),
        })
      ).body as Sheet;
      sheets.push((await post(`/api/v1/stocktakes/${sheet.id}/submit`, { version: counted.version })).body);
      orders.push(
        (
          await post('/api/v1/parts-orders', {
            storeId: t.hqStoreId,
            channel: 'workshop',
            lines: both(i, first!, second!).map((p) => ({ partId: p.id, qty: 2 })),
          })
        ).body,
      );
    }
    await allAtOnce(
      [
        ...sheets.map((s) => () => post(`/api/v1/stocktakes/${s.id}/approve`, { version: s.version })),
        ...orders.map((o) => () => post(`/api/v1/parts-orders/${o.id}/review`, { version: o.version })),
      ],
      (send) => send(),
    );
    await expectBalanced(t.hqStoreId, [first!.id, second!.id]);
    expect(await findStockRow(t.handle.db, t.hqStoreId, first!.id)).toMatchObject({
      on_hand: 100 + n / 2,
      reserved: 2 * (n / 2),
    });
  });

  it('transfers a part between two stores both ways at once', async () => {
    const storeB = await makeStore(t);
    const part = await makeStockedPart(t, t.hqStoreId, 100, 1_000);
    await post('/api/v1/stock-movements', {
      storeId: storeB.id,
      partId: part.id,
      type: 'receive',
      qty: 100,
      unitCost: 1_000,
      reason: 'opening stock',
    });
    await allAtOnce(
      Array.from({ length: n }, (_, i) => both(i, t.hqStoreId, storeB.id)),
      ([from, to]) =>
        post('/api/v1/stock-movements', {
          storeId: from,
          toStoreId: to,
          partId: part.id,
          type: 'transfer',
          qty: 1,
          reason: 'shuttle',
        }),
      201,
    );
    for (const storeId of [t.hqStoreId, storeB.id]) {
      await expectBalanced(storeId, [part.id]);
      expect(await ledgerTotals(t.handle.db, storeId, part.id)).toEqual({ onHand: 100, value: 100_000 });
    }
  });

  it('reserves and releases the approved part lines of repair orders listing two parts both ways round', async () => {
    const a = await makeStockedPart(t, t.hqStoreId, 100);
    const b = await makeStockedPart(t, t.hqStoreId, 100);
    const store = await t.handle.db
      .selectFrom('stores')
      .select(['id', 'group_id'])
      .where('id', '=', t.hqStoreId)
      .executeTakeFirstOrThrow();
    const orders = Array.from({ length: n }, (_, i) => ({
      order: { id: `RO-LOCK-${i}`, group_id: store.group_id, store_id: store.id },
      lines: both(i, a, b).map((p) => ({ kind: 'part', part_number: p.partNo, quantity: 3 })),
    }));
    type Work = (trx: Trx, o: (typeof orders)[number]) => Promise<unknown>;
    const inTransactions = async (work: Work) => {
      const before = deadlocks;
      const done = await Promise.allSettled(
        orders.map((o) => t.handle.db.transaction().execute((trx) => work(trx, o))),
      );
      expect(deadlocks - before, 'deadlocks on PostgreSQL').toBe(0);
      expect(done.map((d) => (d.status === 'fulfilled' ? 'ok' : String(d.reason)))).toEqual(
        orders.map(() => 'ok'),
      );
    };
    await inTransactions((trx, o) => reservePartsOfApprovedLines(trx, o.order, o.lines, null));
    expect(await findStockRow(t.handle.db, t.hqStoreId, a.id)).toMatchObject({
      on_hand: 100,
      reserved: 3 * n,
    });
    await expectBalanced(t.hqStoreId, [a.id, b.id]);
    await inTransactions((trx, o) => releasePartsOfRepairOrder(trx, o.order, o.lines, null));
    expect(await findStockRow(t.handle.db, t.hqStoreId, b.id)).toMatchObject({ on_hand: 100, reserved: 0 });
    await expectBalanced(t.hqStoreId, [a.id, b.id]);
  });

  it('reserves and releases a repair order’s lines at once as one line at a time did', async () => {
    const store = await t.handle.db
      .selectFrom('stores')
      .select(['id', 'group_id'])
      .where('id', '=', t.hqStoreId)
      .executeTakeFirstOrThrow();
    /** The same lines on fresh stock, posted at once or (atOnce false) by the service module's old loop. */
    const run = async (atOnce: boolean) => {
      const a = await makeStockedPart(t, t.hqStoreId, 5);
      const b = await makeStockedPart(t, t.hqStoreId, 2);
      const lines = [
        { kind: 'part', part_number: a.partNo, quantity: 2 },
        { kind: 'labour', part_number: null, quantity: 1 },
        { kind: 'part', part_number: b.partNo, quantity: 3 }, // short: left unreserved
        { kind: 'part', part_number: 'SUBLET-GLASS-01', quantity: 1 }, // not in the master
        { kind: 'part', part_number: a.partNo, quantity: 2 },
        { kind: 'part', part_number: a.partNo, quantity: 2 }, // short by now
        { kind: 'part', part_number: b.partNo, quantity: 2 },
      ];
      const order = { id: `RO-SAME-${atOnce}`, group_id: store.group_id, store_id: store.id };
      /** The service module's loop until now: each stocked part line (each part once when `distinct`). */
      const oneByOne = async (
        trx: Trx,
        distinct: boolean,
        post: (partId: string, qty: number) => unknown,
      ) => {
        const seen = new Set<string>();
        for (const line of lines) {
          const part =
            line.kind === 'part' && line.part_number
              ? await findPartByNo(trx, order.group_id, line.part_number)
              : undefined;
          if (!part || (distinct && seen.has(part.id))) continue;
          seen.add(part.id);
          try {
            await post(part.id, line.quantity);
          } catch (err) {
            if (!(err instanceof AppError && err.code === 'parts.insufficient_stock')) throw err;
          }
        }
      };
      const base = { storeId: store.id, repairOrderId: order.id, actorId: null };
      const state = () =>
        Promise.all(
          [a, b].map(async (p) => {
            const row = (await findStockRow(t.handle.db, store.id, p.id))!;
            const held = await t.handle.db
              .selectFrom('part_reservations')
              .select(['qty', 'status'])
              .where('ref_id', '=', order.id)
              .where('part_id', '=', p.id)
              .execute();
            return { onHand: row.on_hand, reserved: row.reserved, value: Number(row.stock_value), held };
          }),
        );
      await t.handle.db
        .transaction()
        .execute((trx) =>
          atOnce
            ? reservePartsOfApprovedLines(trx, order, lines, null)
            : oneByOne(trx, false, (partId, qty) =>
                reservePartsForRepairOrder(trx, { ...base, partId, qty }),
              ),
        );
      const reserved = await state();
      await t.handle.db
        .transaction()
        .execute((trx) =>
          atOnce
            ? releasePartsOfRepairOrder(trx, order, lines, null)
            : oneByOne(trx, true, (partId) => releasePartReservation(trx, { ...base, partId })),
        );
      return { reserved, released: await state() };
    };
    const atOnce = await run(true);
    expect(atOnce).toEqual(await run(false));
    expect(atOnce.reserved.map((s) => [s.reserved, s.held])).toEqual([
      [4, [{ qty: 4, status: 'active' }]],
      [2, [{ qty: 2, status: 'active' }]],
    ]);
    expect(atOnce.released.map((s) => s.reserved)).toEqual([0, 0]);
  });
});
