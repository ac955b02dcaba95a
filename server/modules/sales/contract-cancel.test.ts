import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { cancellationFaults } from './contract-change.service';
import { buyerOf, makeSalesFloor, quoteOf, signedDeal } from './sales.fixtures';

describe.each(dialects)('one VIN, one active contract, and cancellations on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());
  afterEach(() => {
    delete cancellationFaults.afterRefund;
  });

  it('50 parallel contract creations for one VIN produce exactly one contract', async () => {
    const f = await makeSalesFloor(t);
    const deal = (await t.call('POST', '/api/v1/deals', { token: f.consultant.token, body: quoteOf(f) }))
      .body;
    await t.call('POST', `/api/v1/deals/${deal.id}/submit`, {
      token: f.consultant.token,
      body: { version: deal.version },
    });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.call('POST', '/api/v1/contracts', {
          token: f.consultant.token,
          body: { dealId: deal.id, buyer: buyerOf(f), paymentMethod: 'cash', deliveryDate: '2026-12-20' },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const rows = await t.handle.db
      .selectFrom('contracts')
      .select(['id'])
      .where('vin', '=', f.vehicle.vin)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('the same VIN cannot be put on a second deal while a contract holds it', async () => {
    const f = await makeSalesFloor(t);
    await signedDeal(t, f);
    const again = await t.call('POST', '/api/v1/deals', { token: f.manager.token, body: quoteOf(f) });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('sales.vehicle_not_available');
  });

  it('a cancellation refunds what was paid, puts the VIN back in stock and audits each step', async () => {
    const f = await makeSalesFloor(t);
    const { dealId, contract } = await signedDeal(t, f);
    const pay = (
      await t.call('POST', '/api/v1/payments', {
        token: f.consultant.token,
        body: { dealId, kind: 'deposit', method: 'cash', amount: 500_000 },
      })
    ).body;
    const blocked = await t.call('POST', `/api/v1/contracts/${contract.id}/cancel`, {
      token: f.manager.token,
      body: { version: contract.version, reason: 'customer_withdrew' },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('sales.payments_awaiting_confirmation');
    await t.call('POST', `/api/v1/payments/${pay.id}/confirm`, {
      token: f.finance.token,
      body: { version: pay.version },
    });
    const byConsultant = await t.call('POST', `/api/v1/contracts/${contract.id}/cancel`, {
      token: f.consultant.token,
      body: { version: contract.version, reason: 'customer_withdrew' },
    });
    expect(byConsultant.status).toBe(403);
    const res = await t.call('POST', `/api/v1/contracts/${contract.id}/cancel`, {
      token: f.manager.token,
      body: { version: contract.version, reason: 'customer_withdrew', note: '客户改买其他车型' },
    });
    expect(res.status).toBe(200);
    expect(res.body.contract.status).toBe('cancelled');
    expect(res.body.refund.amount).toBe(500_000);
    expect(
      (await t.call('GET', `/api/v1/vehicles/${f.vehicle.id}`, { token: t.adminToken })).body.status,
    ).toBe('in_stock');
    const deal = (await t.call('GET', `/api/v1/deals/${dealId}`, { token: f.manager.token })).body;
    expect(deal.status).toBe('cancelled');
    expect(deal.balance).toMatchObject({ confirmed: 500_000, refunded: 500_000 });
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select(['entity', 'action'])
      .where('entity_id', 'in', [contract.id, dealId, f.vehicle.id, res.body.refund.id])
      .execute();
    const steps = audit.map((a) => `${a.entity}.${a.action}`);
    expect(steps).toEqual(
      expect.arrayContaining(['contract.cancel', 'refund.create', 'vehicle.return_to_stock', 'deal.cancel']),
    );
    // the VIN is free again: a new deal may take it
    const next = await t.call('POST', '/api/v1/deals', { token: f.consultant.token, body: quoteOf(f) });
    expect(next.status).toBe(201);
  });

  it('a fault between the steps of a cancellation leaves nothing changed', async () => {
    const f = await makeSalesFloor(t);
    const { dealId, contract } = await signedDeal(t, f);
    const pay = (
      await t.call('POST', '/api/v1/payments', {
        token: f.consultant.token,
        body: { dealId, kind: 'deposit', method: 'cash', amount: 200_000 },
      })
    ).body;
    await t.call('POST', `/api/v1/payments/${pay.id}/confirm`, {
      token: f.finance.token,
      body: { version: pay.version },
    });
    cancellationFaults.afterRefund = () => {
      throw new Error('injected fault after the refund step');
    };
    const res = await t.call('POST', `/api/v1/contracts/${contract.id}/cancel`, {
      token: f.manager.token,
      body: { version: contract.version, reason: 'other' },
    });
    expect(res.status).toBe(500);
    expect(
      (await t.call('GET', `/api/v1/contracts/${contract.id}`, { token: f.manager.token })).body.status,
    ).toBe('signed');
    expect(
      (await t.call('GET', `/api/v1/vehicles/${f.vehicle.id}`, { token: t.adminToken })).body.status,
    ).toBe('sold');
    expect((await t.call('GET', `/api/v1/deals/${dealId}`, { token: f.manager.token })).body.status).toBe(
      'contracted',
    );
    expect(
      (await t.call('GET', `/api/v1/refunds?dealId=${dealId}`, { token: f.manager.token })).body.items,
    ).toEqual([]);
  });

  it('the store may keep the deposit when the customer withdraws, if its rules say so', async () => {
    const f = await makeSalesFloor(t);
    const settings = (await t.call('GET', `/api/v1/sales-settings/${f.store.id}`, { token: t.adminToken }))
      .body;
    await t.call('PATCH', `/api/v1/sales-settings/${f.store.id}`, {
      token: t.adminToken,
      body: { version: settings.version, depositRefundableOnWithdrawal: false },
    });
    const { dealId, contract } = await signedDeal(t, f);
    for (const [kind, amount] of [
      ['deposit', 500_000],
      ['down_payment', 3_000_000],
    ] as const) {
      const p = (
        await t.call('POST', '/api/v1/payments', {
          token: f.consultant.token,
          body: { dealId, kind, method: 'bank_transfer', amount },
        })
      ).body;
      await t.call('POST', `/api/v1/payments/${p.id}/confirm`, {
        token: f.finance.token,
        body: { version: p.version },
      });
    }
    const res = await t.call('POST', `/api/v1/contracts/${contract.id}/cancel`, {
      token: f.manager.token,
      body: { version: contract.version, reason: 'customer_withdrew' },
    });
    expect(res.body.refund.amount).toBe(3_000_000);
  });
});
