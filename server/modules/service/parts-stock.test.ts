import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestApp } from '../../test/harness';
import { makeStockedPart } from '../parts/parts.fixtures';
import { checkInCar, makeServiceCustomer, openWorkshop, type Workshop } from './service.fixtures';

/** H6 ↔ H7: a repair order's part lines come from the store's stock when the part is in the master. */
describe.each(dialects)('repair-order parts from stock on %s', (dialect) => {
  let t: TestApp;
  let storeId: string;
  let w: Workshop;
  beforeAll(async () => {
    ({ t, storeId, w } = await openWorkshop(dialect));
  });
  afterAll(() => t.close());

  /** A checked-in order with one part line of `qty` units of `partNo`, approved in the store. */
  async function approvedOrder(partNo: string, qty: number) {
    const { vehicle } = await makeServiceCustomer(t, storeId);
    const advisor = w.advisor.token;
    let o = await checkInCar(t, advisor, storeId, vehicle.id, 20_500);
    o = (
      await t.call('POST', `/api/v1/repair-orders/${o.id}/diagnosis`, {
        token: advisor,
        body: { version: o.version, findings: '更换滤清器' },
      })
    ).body;
    o = (
      await t.call('POST', `/api/v1/repair-orders/${o.id}/lines`, {
        token: advisor,
        body: {
          version: o.version,
          kind: 'part',
          description: '机油滤清器',
          partNumber: partNo,
          quantity: qty,
          unitPrice: 8_800,
        },
      })
    ).body;
    const sent = (
      await t.call('POST', `/api/v1/repair-orders/${o.id}/send-estimate`, {
        token: advisor,
        body: { version: o.version },
      })
    ).body.order;
    const part = sent.lines.find((l: { kind: string }) => l.kind === 'part');
    const signed = await t.call('POST', `/api/v1/repair-orders/${o.id}/approvals`, {
      token: advisor,
      body: {
        version: sent.version,
        signerName: '客户',
        decisions: [{ lineId: part.id, decision: 'approved' }],
      },
    });
    expect(signed.status).toBe(200);
    return { order: signed.body, lineId: part.id as string };
  }
  const stockOf = async (partId: string) =>
    (await t.call('GET', `/api/v1/parts/${partId}`, { token: t.adminToken })).body.stock.find(
      (s: { storeId: string }) => s.storeId === storeId,
    );

  it('approval reserves the parts, issuing posts the ledger at the average cost, cancelling releases', async () => {
    const part = await makeStockedPart(t, storeId, 3, 5_000);
    const { order, lineId } = await approvedOrder(part.partNo, 2);
    expect(await stockOf(part.id)).toMatchObject({ onHand: 3, reserved: 2, available: 1 });
    const issued = await t.call('POST', `/api/v1/repair-orders/${order.id}/lines/${lineId}/issue`, {
      token: w.tech.token,
      body: { quantity: 2 },
    });
    expect(issued.status).toBe(200);
    expect(await stockOf(part.id)).toMatchObject({ onHand: 1, reserved: 0, available: 1, stockValue: 5_000 });

    // a second order for 2 when 1 is left: approved all the same, nothing reserved, issuing refused
    const second = await approvedOrder(part.partNo, 2);
    expect(await stockOf(part.id)).toMatchObject({ onHand: 1, reserved: 0 });
    const short = await t.call(
      'POST',
      `/api/v1/repair-orders/${second.order.id}/lines/${second.lineId}/issue`,
      { token: w.tech.token, body: { quantity: 2 } },
    );
    expect(short.status).toBe(409);
    expect(short.body.code).toBe('parts.insufficient_stock');
    const line = (
      await t.call('GET', `/api/v1/repair-orders/${second.order.id}`, { token: w.advisor.token })
    ).body.lines.find((l: { id: string }) => l.id === second.lineId);
    expect(line.issuedQty).toBe(0);

    // a third order holds the last unit, then is cancelled: the unit is free again
    const third = await approvedOrder(part.partNo, 1);
    expect(await stockOf(part.id)).toMatchObject({ reserved: 1, available: 0 });
    const cancelled = await t.call('POST', `/api/v1/repair-orders/${third.order.id}/move`, {
      token: w.advisor.token,
      body: { version: third.order.version, action: 'cancel', reason: '客户取消' },
    });
    expect(cancelled.status).toBe(200);
    expect(await stockOf(part.id)).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
  });

  it('a part number not in the master stays a priced line', async () => {
    const { order, lineId } = await approvedOrder('SUBLET-GLASS-01', 1);
    const issued = await t.call('POST', `/api/v1/repair-orders/${order.id}/lines/${lineId}/issue`, {
      token: w.tech.token,
      body: { quantity: 1 },
    });
    expect(issued.status).toBe(200);
  });
});
