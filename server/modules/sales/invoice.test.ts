import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeSalesFloor, makeUscc, signedDeal, type SalesFloor } from './sales.fixtures';

/** A signed deal paid in full (one confirmed balance payment): ready for its invoice. */
async function paidDeal(t: TestApp, f: SalesFloor) {
  const { dealId, contract } = await signedDeal(t, f);
  const due = (await t.call('GET', `/api/v1/deals/${dealId}`, { token: f.finance.token })).body.balance.due;
  const p = (
    await t.call('POST', '/api/v1/payments', {
      token: f.consultant.token,
      body: { dealId, kind: 'balance', method: 'bank_transfer', amount: due },
    })
  ).body;
  await t.call('POST', `/api/v1/payments/${p.id}/confirm`, {
    token: f.finance.token,
    body: { version: p.version },
  });
  return { dealId, contract };
}

describe.each(dialects)('vehicle invoices and money records on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('a red-letter correction reverses the issued invoice with a negative one, and the deal can be invoiced again', async () => {
    const f = await makeSalesFloor(t);
    const { dealId } = await paidDeal(t, f);
    const draft = (await t.call('POST', '/api/v1/invoices', { token: f.finance.token, body: { dealId } }))
      .body;
    const second = await t.call('POST', '/api/v1/invoices', { token: f.finance.token, body: { dealId } });
    expect(second.status).toBe(409);
    const issued = (
      await t.call('POST', `/api/v1/invoices/${draft.id}/issue`, {
        token: f.finance.token,
        body: { version: draft.version, invoiceNo: '24312000000000000777', issueDate: '2026-12-01' },
      })
    ).body;
    const byConsultant = await t.call('POST', `/api/v1/invoices/${draft.id}/void`, {
      token: f.consultant.token,
      body: { version: issued.version, mode: 'red_letter', reason: '购买方名称有误' },
    });
    expect(byConsultant.status).toBe(403);
    const reversed = await t.call('POST', `/api/v1/invoices/${draft.id}/void`, {
      token: f.finance.token,
      body: { version: issued.version, mode: 'red_letter', reason: '购买方名称有误' },
    });
    expect(reversed.status).toBe(200);
    expect(reversed.body.status).toBe('reversed');
    const all = (await t.call('GET', `/api/v1/invoices?dealId=${dealId}`, { token: f.finance.token })).body
      .items;
    const red = all.find((i: { kind: string }) => i.kind === 'red');
    expect(red).toMatchObject({
      originalInvoiceId: draft.id,
      totalInclVat: -issued.totalInclVat,
      vat: -issued.vat,
      priceExclVat: -issued.priceExclVat,
      status: 'issued',
    });
    expect(red.totalInWords.startsWith('负数')).toBe(true);
    const again = await t.call('POST', '/api/v1/invoices', { token: f.finance.token, body: { dealId } });
    expect(again.status).toBe(201);
    // a draft can be voided (作废), but not reversed: there is nothing issued to reverse
    const redDraft = await t.call('POST', `/api/v1/invoices/${again.body.id}/void`, {
      token: f.finance.token,
      body: { version: 1, mode: 'red_letter', reason: 'x' },
    });
    expect(redDraft.status).toBe(409);
    expect(
      (
        await t.call('POST', `/api/v1/invoices/${again.body.id}/void`, {
          token: f.finance.token,
          body: { version: 1, mode: 'void', reason: 'x' },
        })
      ).body.status,
    ).toBe('voided');
  });

  it('a company buys with its USCC: a bad code is refused naming the field, a valid one is on the invoice', async () => {
    const f = await makeSalesFloor(t);
    const deal = (
      await t.call('POST', '/api/v1/deals', {
        token: f.consultant.token,
        body: { customerId: f.customer.id, vehicleId: f.vehicle.id, vehiclePrice: 22_600_000 },
      })
    ).body;
    await t.call('POST', `/api/v1/deals/${deal.id}/submit`, {
      token: f.consultant.token,
      body: { version: deal.version },
    });
    const company = {
      kind: 'company',
      name: '上海某物流有限公司',
      documentType: 'uscc',
      mobile: f.customer.mobiles[0]!.number,
      address: '上海市',
      employer: '法定代表人 王某',
    };
    const bad = await t.call('POST', '/api/v1/contracts', {
      token: f.consultant.token,
      body: {
        dealId: deal.id,
        buyer: { ...company, documentNumber: '91310115MA1K4B2X0A' },
        paymentMethod: 'bank_transfer',
        deliveryDate: '2026-12-20',
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('buyer.documentNumber');
    const uscc = makeUscc('91310000MA1FL8XQ3');
    const ok = await t.call('POST', '/api/v1/contracts', {
      token: f.consultant.token,
      body: {
        dealId: deal.id,
        buyer: { ...company, documentNumber: uscc },
        paymentMethod: 'bank_transfer',
        deliveryDate: '2026-12-20',
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.buyer.documentNumber).toBe(uscc);
  });

  it('a payment is recorded once under an Idempotency-Key, and confirmed once under concurrency', async () => {
    const f = await makeSalesFloor(t);
    const { dealId } = await signedDeal(t, f);
    const headers = { 'idempotency-key': `pay-${dealId}` };
    const body = { dealId, kind: 'deposit', method: 'cash', amount: 100_000 };
    const [a, b] = await Promise.all([
      t.call('POST', '/api/v1/payments', { token: f.consultant.token, body, headers }),
      t.call('POST', '/api/v1/payments', { token: f.consultant.token, body, headers }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const confirms = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.call('POST', `/api/v1/payments/${a.body.id}/confirm`, {
          token: f.finance.token,
          body: { version: 1 },
        }),
      ),
    );
    expect(confirms.filter((c) => c.status === 200)).toHaveLength(1);
    const deal = (await t.call('GET', `/api/v1/deals/${dealId}`, { token: f.finance.token })).body;
    expect(deal.balance.confirmed).toBe(100_000);
  });

  it('bad money is refused naming the field and writes nothing', async () => {
    const f = await makeSalesFloor(t);
    const { dealId } = await signedDeal(t, f);
    for (const [amount, path] of [
      [-1, 'amount'],
      [0.5, 'amount'],
      [0, 'amount'],
    ] as const) {
      const res = await t.call('POST', '/api/v1/payments', {
        token: f.consultant.token,
        body: { dealId, kind: 'deposit', method: 'cash', amount },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe(path);
    }
    const mismatch = await t.call('POST', '/api/v1/payments', {
      token: f.consultant.token,
      body: { dealId, kind: 'trade_in_credit', method: 'cash', amount: 100 },
    });
    expect(mismatch.body.errors[0].path).toBe('method');
    expect(
      (await t.call('GET', `/api/v1/payments?dealId=${dealId}`, { token: f.consultant.token })).body.items,
    ).toEqual([]);
  });

  it('only the store manager changes the sales rules', async () => {
    const f = await makeSalesFloor(t);
    const settings = (
      await t.call('GET', `/api/v1/sales-settings/${f.store.id}`, { token: f.consultant.token })
    ).body;
    expect(settings.discountLimits.sales_consultant).toBe(500_000);
    const bySalesManager = await t.call('PATCH', `/api/v1/sales-settings/${f.store.id}`, {
      token: f.manager.token,
      body: { version: settings.version, discountLimits: { sales_consultant: null } },
    });
    expect(bySalesManager.status).toBe(403);
    const byAdmin = await t.call('PATCH', `/api/v1/sales-settings/${f.store.id}`, {
      token: t.adminToken,
      body: { version: settings.version, careCallDays: [2, 14] },
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.careCallDays).toEqual([2, 14]);
    const stale = await t.call('PATCH', `/api/v1/sales-settings/${f.store.id}`, {
      token: t.adminToken,
      body: { version: settings.version, keysExpected: 3 },
    });
    expect(stale.status).toBe(409);
  });
});
