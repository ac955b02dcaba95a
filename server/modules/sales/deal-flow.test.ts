import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitVat } from '../../../common/rules/vehicle-tax';
import { runWorkerOnce } from '../../platform/worker';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { fileExportAdapter, useEInvoiceAdapter } from './einvoice.adapter';
import { buyerOf, makeSalesFloor, quoteOf, signature, signedDeal, tinyPng } from './sales.fixtures';

describe.each(dialects)('a sale from quote to delivery on %s', (dialect) => {
  let t: TestApp;
  const exportDir = mkdtempSync(join(tmpdir(), 'fc-einvoice-'));
  beforeAll(async () => {
    useEInvoiceAdapter(fileExportAdapter(exportDir));
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('prices the quote from the list in force: totals, tax with the NEV relief, declined services kept', async () => {
    const f = await makeSalesFloor(t);
    const res = await t.call('POST', '/api/v1/deals', {
      token: f.consultant.token,
      body: quoteOf(f, 300_000),
    });
    expect(res.status).toBe(201);
    const d = res.body;
    expect(d.status).toBe('quote');
    expect(d.totals.displayPrice).toBe(22_600_000);
    expect(d.totals.discount).toBe(300_000);
    // invoice = vehicle 223,000; accessories 880; services 500 (insurance agency declined)
    expect(d.totals.invoiceTotal).toBe(22_300_000);
    expect(d.totals.dueToDealer).toBe(22_300_000 + 88_000 + 50_000);
    expect(d.totals.priceExclVat + d.totals.vat).toBe(d.totals.invoiceTotal);
    expect(d.lines.find((l: { ref: string }) => l.ref === 'insurance_agency').accepted).toBe(false);
    const vehicle = await t.call('GET', `/api/v1/vehicles/${f.vehicle.id}`, { token: t.adminToken });
    expect(vehicle.body.status).toBe('reserved');
  });

  it('refuses a price above the displayed price and a fee not on display, naming the rule and field', async () => {
    const f = await makeSalesFloor(t);
    const above = await t.call('POST', '/api/v1/deals', {
      token: f.consultant.token,
      body: { ...quoteOf(f), vehiclePrice: 22_600_100 },
    });
    expect(above.status).toBe(422);
    expect(above.body.code).toBe('catalog.price_above_display');
    expect(above.body.errors[0].path).toBe('vehiclePrice');
    expect(above.body.errors[0].message).toContain('Art. 10');
    const fee = await t.call('POST', '/api/v1/deals', {
      token: f.consultant.token,
      body: { ...quoteOf(f), services: [{ code: 'extended_warranty', price: 380_000, accepted: true }] },
    });
    expect(fee.status).toBe(422);
    expect(fee.body.errors[0].path).toBe('services.0.price');
    // declining the unpublished service is allowed (Art. 14: nothing is forced)
    const declined = await t.call('POST', '/api/v1/deals', {
      token: f.consultant.token,
      body: { ...quoteOf(f), services: [{ code: 'extended_warranty', price: 380_000, accepted: false }] },
    });
    expect(declined.status).toBe(201);
    const nothing = await t.call('GET', `/api/v1/deals?customerId=${f.customer.id}`, {
      token: f.manager.token,
    });
    expect(nothing.body.items).toHaveLength(1);
  });

  it('a discount over the consultant limit waits for a manager; the consultant cannot approve it', async () => {
    const f = await makeSalesFloor(t);
    const deal = (
      await t.call('POST', '/api/v1/deals', { token: f.consultant.token, body: quoteOf(f, 800_000) })
    ).body;
    const submitted = await t.call('POST', `/api/v1/deals/${deal.id}/submit`, {
      token: f.consultant.token,
      body: { version: deal.version },
    });
    expect(submitted.body.status).toBe('awaiting_approval');
    const self = await t.call('POST', `/api/v1/deals/${deal.id}/approve`, {
      token: f.consultant.token,
      body: { version: submitted.body.version },
    });
    expect(self.status).toBe(403);
    const contract = await t.call('POST', '/api/v1/contracts', {
      token: f.consultant.token,
      body: { dealId: deal.id, buyer: buyerOf(f), paymentMethod: 'cash', deliveryDate: '2026-12-20' },
    });
    expect(contract.status).toBe(409);
    const approved = await t.call('POST', `/api/v1/deals/${deal.id}/approve`, {
      token: f.manager.token,
      body: { version: submitted.body.version, note: 'year-end' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('agreed');
    expect(approved.body.approval.decision).toBe('approved');
  });

  it('signing waits for the preparation checks; signed, the VIN is sold and the copy link works', async () => {
    const f = await makeSalesFloor(t);
    const deal = (await t.call('POST', '/api/v1/deals', { token: f.consultant.token, body: quoteOf(f) }))
      .body;
    await t.call('POST', `/api/v1/deals/${deal.id}/submit`, {
      token: f.consultant.token,
      body: { version: deal.version },
    });
    const bad = await t.call('POST', '/api/v1/contracts', {
      token: f.consultant.token,
      body: {
        dealId: deal.id,
        buyer: { ...buyerOf(f), documentNumber: '110105199001011230' },
        paymentMethod: 'cash',
        deliveryDate: '2026-12-20',
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('buyer.documentNumber');
    const created = await t.call('POST', '/api/v1/contracts', {
      token: f.consultant.token,
      body: { dealId: deal.id, buyer: buyerOf(f), paymentMethod: 'cash', deliveryDate: '2026-12-20' },
    });
    expect(created.status).toBe(201);
    const failing = created.body.checks
      .filter((c: { ok: boolean }) => !c.ok)
      .map((c: { check: string }) => c.check);
    expect(failing).toEqual(['buyer_identity_copy', 'buyer_identity_verified']);
    const early = await t.call('POST', `/api/v1/contracts/${created.body.id}/sign`, {
      token: f.consultant.token,
      body: { version: created.body.version, party: 'customer', signature },
    });
    expect(early.status).toBe(422);
    expect(early.body.errors.map((e: { path: string }) => e.path)).toEqual(failing);
    const { contract } = await signedDeal(t, await makeSalesFloor(t));
    expect(contract.status).toBe('signed');
    const view = (await t.call('GET', `/api/v1/contracts/${contract.id}`, { token: t.adminToken })).body;
    expect(view.signatures.customer.signedAt).toBeTruthy();
    const copy = await t.call('GET', view.customerCopyPath);
    expect(copy.status).toBe(200);
    expect(copy.headers['content-type']).toContain('application/pdf');
    const wrong = await t.call('GET', view.customerCopyPath.replace(/\/pdf$/, 'x/pdf'));
    expect(wrong.status).toBe(404);
  });

  it('money: confirmed payments make the balance, finance issues the invoice only when fully paid, delivery is refused while anything is open', async () => {
    const f = await makeSalesFloor(t);
    const { dealId } = await signedDeal(t, f);
    const c = f.consultant.token;
    const due = (await t.call('GET', `/api/v1/deals/${dealId}`, { token: c })).body.totals
      .dueToDealer as number;
    const deposit = (
      await t.call('POST', '/api/v1/payments', {
        token: c,
        body: { dealId, kind: 'deposit', method: 'wechat_pay', amount: 500_000 },
      })
    ).body;
    expect(deposit.status).toBe('recorded');
    const selfConfirm = await t.call('POST', `/api/v1/payments/${deposit.id}/confirm`, {
      token: c,
      body: { version: deposit.version },
    });
    expect(selfConfirm.status).toBe(403);
    expect(
      (
        await t.call('POST', `/api/v1/payments/${deposit.id}/confirm`, {
          token: f.finance.token,
          body: { version: deposit.version },
        })
      ).status,
    ).toBe(200);
    const twice = await t.call('POST', `/api/v1/payments/${deposit.id}/confirm`, {
      token: f.finance.token,
      body: { version: deposit.version + 1 },
    });
    expect(twice.status).toBe(409);

    const draft = await t.call('POST', '/api/v1/invoices', { token: f.finance.token, body: { dealId } });
    expect(draft.status).toBe(201);
    const inv = draft.body;
    expect(inv.totalInclVat).toBe(22_300_000);
    expect(inv.priceExclVat + inv.vat).toBe(inv.totalInclVat);
    expect(inv.vat).toBe(splitVat(22_300_000).vat);
    expect(inv.totalInWords).toBe('贰拾贰万叁仟元整');
    expect(inv.vin).toBe(f.vehicle.vin);
    expect(inv.engineNo).toBe('TZ220XS0123');
    const unpaid = await t.call('POST', `/api/v1/invoices/${inv.id}/issue`, {
      token: f.finance.token,
      body: { version: inv.version, invoiceNo: '24312000000012345678', issueDate: '2026-12-01' },
    });
    expect(unpaid.status).toBe(422);
    expect(unpaid.body.code).toBe('sales.not_fully_paid');

    const balance = (
      await t.call('POST', '/api/v1/payments', {
        token: c,
        body: { dealId, kind: 'balance', method: 'bank_transfer', amount: due - 500_000 + 10_000 },
      })
    ).body;
    await t.call('POST', `/api/v1/payments/${balance.id}/confirm`, {
      token: f.finance.token,
      body: { version: balance.version },
    });
    const overpaid = (await t.call('GET', `/api/v1/deals/${dealId}`, { token: c })).body.balance;
    expect(overpaid).toMatchObject({ balance: -10_000, overpaid: 10_000, confirmed: due + 10_000 });
    const tooMuch = await t.call('POST', '/api/v1/refunds', {
      token: f.finance.token,
      body: { dealId, amount: 10_001, reason: 'overpaid' },
    });
    expect(tooMuch.status).toBe(422);
    const refund = await t.call('POST', '/api/v1/refunds', {
      token: f.finance.token,
      body: { dealId, amount: 10_000, reason: 'overpaid' },
    });
    expect(refund.status).toBe(201);
    expect((await t.call('GET', `/api/v1/deals/${dealId}`, { token: c })).body.balance.balance).toBe(0);

    const issued = await t.call('POST', `/api/v1/invoices/${inv.id}/issue`, {
      token: f.finance.token,
      body: { version: inv.version, invoiceNo: '24312000000012345678', issueDate: '2026-12-01' },
    });
    expect(issued.status).toBe(200);
    expect(issued.body.submission.status).toBe('pending');
    // the e-invoice hand-off fails once (provider down): the failure shows, the outbox retries it
    useEInvoiceAdapter({
      name: 'down',
      submit: async () => Promise.reject(new Error('provider unreachable')),
    });
    while (await runWorkerOnce(t.handle, t.handlers, 'test'));
    const failedHandOff = (await t.call('GET', `/api/v1/invoices/${inv.id}`, { token: f.finance.token })).body
      .submission;
    expect(failedHandOff).toMatchObject({ status: 'failed', error: 'provider unreachable', attempts: 1 });
    useEInvoiceAdapter(fileExportAdapter(exportDir));
    await t.handle.db
      .updateTable('jobs')
      .set({ run_at: new Date(0).toISOString() })
      .where('type', '=', 'sales.einvoice_submit')
      .where('status', '=', 'pending')
      .execute();
    while (await runWorkerOnce(t.handle, t.handlers, 'test'));
    const sent = (await t.call('GET', `/api/v1/invoices/${inv.id}`, { token: f.finance.token })).body
      .submission;
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    const exported = JSON.parse(readFileSync(sent.reference, 'utf8'));
    expect(exported.invoice).toMatchObject({
      vin: f.vehicle.vin,
      totalInclVat: 22_300_000,
      invoiceNo: '24312000000012345678',
    });

    const delivery = (
      await t.call('POST', '/api/v1/deliveries', {
        token: c,
        body: { dealId, scheduledAt: '2026-12-20T02:00:00Z', place: '交车区 1 号位' },
      })
    ).body;
    expect(delivery.blockers.map((b: { blocker: string }) => b.blocker)).toEqual([
      'pdi_item_pending',
      'document_missing',
      'keys_missing',
      'voucher_incomplete',
      'customer_signature_missing',
    ]);
    const pdi = delivery.pdi.map((p: { item: string }, i: number) => ({
      item: p.item,
      result: i === 0 ? 'fail' : 'pass',
    }));
    let d = (
      await t.call('PATCH', `/api/v1/deliveries/${delivery.id}`, {
        token: c,
        body: {
          version: delivery.version,
          pdi,
          documents: delivery.documents.map((x: { document: string }) => ({
            document: x.document,
            present: true,
          })),
          keysHanded: 2,
          compensationRate: 0.005,
        },
      })
    ).body;
    d = (
      await t.call('POST', `/api/v1/deliveries/${d.id}/photos`, {
        token: c,
        body: { item: pdi[0].item, mime: 'image/png', dataBase64: tinyPng },
      })
    ).body;
    d = (
      await t.call('POST', `/api/v1/deliveries/${d.id}/sign`, {
        token: c,
        body: { version: d.version, signature },
      })
    ).body;
    const failed = await t.call('POST', `/api/v1/deliveries/${d.id}/complete`, {
      token: c,
      body: { version: d.version },
    });
    expect(failed.status).toBe(422);
    expect(failed.body.errors).toEqual([
      { path: 'pdi_item_failed', code: 'pdi_item_failed', message: pdi[0].item },
    ]);
    d = (
      await t.call('PATCH', `/api/v1/deliveries/${d.id}`, {
        token: c,
        body: { version: d.version, pdi: [{ item: pdi[0].item, result: 'pass', note: 'polished' }] },
      })
    ).body;
    const done = await t.call('POST', `/api/v1/deliveries/${d.id}/complete`, {
      token: c,
      body: { version: d.version },
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    expect(
      (await t.call('GET', `/api/v1/vehicles/${f.vehicle.id}`, { token: t.adminToken })).body.status,
    ).toBe('delivered');
    const tasks = (await t.call('GET', '/api/v1/tasks?mine=true', { token: c })).body.items;
    expect(tasks.map((x: { source: string }) => x.source).sort()).toEqual([
      'care_plan_day_1',
      'care_plan_day_30',
      'care_plan_day_7',
      'first_maintenance',
    ]);
    const commission = (
      await t.call('GET', `/api/v1/sales-commissions?storeId=${f.store.id}`, { token: f.manager.token })
    ).body.items[0];
    expect(commission).toMatchObject({ dealId, backGross: 88_000 + 50_000 });
    expect(commission.frontGross).toBe(splitVat(22_300_000).priceExclVat - splitVat(19_000_000).priceExclVat);
    // the registration agency brings the plate: it lands on the customer's car, where service finds it
    const badPlate = await t.call('PATCH', `/api/v1/deliveries/${d.id}`, {
      token: c,
      body: { version: done.body.version, plateNo: '沪A12' },
    });
    expect(badPlate.status).toBe(400);
    expect(badPlate.body.errors[0].path).toBe('plateNo');
    const plated = await t.call('PATCH', `/api/v1/deliveries/${d.id}`, {
      token: c,
      body: { version: done.body.version, plateNo: '沪AD12345' },
    });
    expect(plated.body).toMatchObject({ plateNo: '沪AD12345', registrationStatus: 'plate_issued' });
    const owned = (
      await t.call('GET', `/api/v1/customer-vehicles?customerId=${f.customer.id}`, { token: t.adminToken })
    ).body.items;
    expect(owned.find((v: { vin: string }) => v.vin === f.vehicle.vin)?.plate).toBe('沪AD12345');
    const timeline = (
      await t.call('GET', `/api/v1/customers/${f.customer.id}/timeline`, { token: t.adminToken })
    ).body.items.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(
      expect.arrayContaining([
        'sales.deal.quoted',
        'sales.contract.signed',
        'sales.payment.confirmed',
        'sales.invoice.issued',
        'sales.delivery.completed',
      ]),
    );
  });

  it('a change makes a new version with its differences, to be signed again', async () => {
    const f = await makeSalesFloor(t);
    const { contract } = await signedDeal(t, f);
    const amended = await t.call('POST', `/api/v1/contracts/${contract.id}/amend`, {
      token: f.consultant.token,
      body: { version: contract.version, reason: '客户要求延后交车', deliveryDate: '2026-12-28' },
    });
    expect(amended.status).toBe(201);
    expect(amended.body.versionNo).toBe(2);
    expect(amended.body.status).toBe('draft');
    expect(amended.body.changes).toEqual([
      { field: 'deliveryDate', before: '2026-12-20', after: '2026-12-28' },
    ]);
    const versions = (
      await t.call('GET', `/api/v1/contracts?dealId=${amended.body.dealId}`, { token: f.consultant.token })
    ).body.items;
    expect(versions.map((v: { versionNo: number; status: string }) => [v.versionNo, v.status])).toEqual([
      [2, 'draft'],
      [1, 'superseded'],
    ]);
  });
});
