import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestApp } from '../../test/harness';
import { touchOrder } from './repair-order.repo';
import { checkInCar, makeServiceCustomer, openWorkshop, type Workshop } from './service.fixtures';

/**
 * Requests at once on one repair order: a write that carried the order's version is stale once
 * another write at that version committed, and no write lands on an order another request moved.
 */
describe.each(dialects)('repair orders under concurrent writes, on %s', (dialect) => {
  let t: TestApp;
  let storeId: string;
  let w: Workshop;
  beforeAll(async () => {
    ({ t, storeId, w } = await openWorkshop(dialect));
  });
  afterAll(() => t.close());

  async function diagnosedOrder() {
    const { vehicle } = await makeServiceCustomer(t, storeId);
    const order = await checkInCar(t, w.advisor.token, storeId, vehicle.id, 20_100);
    const res = await t.call('POST', `/api/v1/repair-orders/${order.id}/diagnosis`, {
      token: w.hvTech.token,
      body: { version: order.version, findings: '前刹车片磨损到限', faultCodes: [] },
    });
    expect(res.status).toBe(200);
    return res.body as { id: string; version: number; status: string };
  }

  it('of eight lines added at the same version, one is added and seven are refused as stale', async () => {
    const order = await diagnosedOrder();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.call('POST', `/api/v1/repair-orders/${order.id}/lines`, {
          token: w.advisor.token,
          body: { version: order.version, kind: 'labor', description: `检查 ${i}`, hoursCenti: 50 },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409))
      expect(refused.body.code).toBe('resource.version_conflict');
    const read = await t.call('GET', `/api/v1/repair-orders/${order.id}`, { token: w.advisor.token });
    expect(read.body.lines).toHaveLength(1);
    expect(read.body.version).toBe(order.version + 1);
  });

  it('touching an order another request moved is a state conflict and changes nothing', async () => {
    const order = await diagnosedOrder();
    const db = t.handle.db;
    await expect(touchOrder(db, { ...order, status: 'approved' }, 'status')).rejects.toMatchObject({
      code: 'resource.state_conflict',
    });
    await expect(touchOrder(db, { ...order, version: order.version - 1 }, 'version')).rejects.toMatchObject({
      code: 'resource.version_conflict',
    });
    const row = await db
      .selectFrom('repair_orders')
      .selectAll()
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(order.version);
    const touched = await touchOrder(db, order, 'status');
    expect(touched.version).toBe(order.version + 1);
  });
});
