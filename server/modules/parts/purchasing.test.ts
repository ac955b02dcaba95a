import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff } from '../../test/factories';
import { makePart, makeSentPurchaseOrder, makeSupplier } from './parts.fixtures';

describe.each(dialects)('suppliers, purchase orders and incoming inspection on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());
  const post = (url: string, body: unknown, token = t.adminToken) => t.call('POST', url, { token, body });
  const stockOf = async (partId: string) =>
    (await t.call('GET', `/api/v1/parts/${partId}`, { token: t.adminToken })).body.stock.find(
      (s: { storeId: string }) => s.storeId === t.hqStoreId,
    );

  it('refuses purchase orders to suppliers on probation, blocked or with an expired certificate', async () => {
    const part = await makePart(t);
    const line = [{ partId: part.id, qty: 1, unitPrice: 100 }];
    const probation = await makeSupplier(t, t.hqStoreId, { status: 'probation' });
    const refused = await post('/api/v1/purchase-orders', {
      storeId: t.hqStoreId,
      supplierId: probation.id,
      lines: line,
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'parts.supplier_not_approved',
      errors: [{ path: 'supplierId' }],
    });
    const expired = await makeSupplier(t, t.hqStoreId, {
      certificates: [{ kind: 'iso9001', number: 'Q-1', validUntil: '2020-01-01' }],
    });
    const got = await t.call('GET', `/api/v1/suppliers/${expired.id}`, { token: t.adminToken });
    expect(got.body).toMatchObject({
      status: 'approved',
      orderable: false,
      certificates: [{ expired: true }],
    });
    expect(
      (await post('/api/v1/purchase-orders', { storeId: t.hqStoreId, supplierId: expired.id, lines: line }))
        .status,
    ).toBe(422);
    // approved now: the order goes; blocked before sending: the send is refused
    const approved = await t.call('PATCH', `/api/v1/suppliers/${probation.id}`, {
      token: t.adminToken,
      body: { version: probation.version, status: 'approved' },
    });
    expect(approved.body.orderable).toBe(true);
    const po = await post('/api/v1/purchase-orders', {
      storeId: t.hqStoreId,
      supplierId: probation.id,
      lines: line,
    });
    expect(po.status).toBe(201);
    const submitted = await post(`/api/v1/purchase-orders/${po.body.id}/submit`, { version: 1 });
    expect(submitted.body.status).toBe('approved'); // ¥1.00: under the approval limit
    await t.call('PATCH', `/api/v1/suppliers/${probation.id}`, {
      token: t.adminToken,
      body: { version: approved.body.version, status: 'blocked' },
    });
    const send = await post(`/api/v1/purchase-orders/${po.body.id}/send`, {
      version: submitted.body.version,
    });
    expect(send.status).toBe(422);
    expect(send.body.code).toBe('parts.supplier_not_approved');
  });

  it('sends an order above ¥50,000 to approval by a second person with purchasing.approve', async () => {
    const supplier = await makeSupplier(t, t.hqStoreId);
    const part = await makePart(t);
    const clerk = await makeStaff(t, 'parts_clerk', t.hqStoreId);
    const manager = await makeStaff(t, 'store_manager', t.hqStoreId);
    const po = await post(
      '/api/v1/purchase-orders',
      {
        storeId: t.hqStoreId,
        supplierId: supplier.id,
        lines: [{ partId: part.id, qty: 100, unitPrice: 60_000 }],
      },
      clerk.token,
    );
    expect(po.status).toBe(201);
    expect(po.body.number).toMatch(/^PO-\d{4}-\d{6}$/);
    const submitted = await post(`/api/v1/purchase-orders/${po.body.id}/submit`, { version: 1 }, clerk.token);
    expect(submitted.body).toMatchObject({
      status: 'pending_approval',
      total: 6_000_000,
      actions: ['approve', 'cancel'],
    });
    const byClerk = await post(`/api/v1/purchase-orders/${po.body.id}/approve`, { version: 2 }, clerk.token);
    expect(byClerk.status).toBe(403);
    const ok = await post(`/api/v1/purchase-orders/${po.body.id}/approve`, { version: 2 }, manager.token);
    expect(ok.body).toMatchObject({ status: 'approved', approvedBy: manager.user.id });
  });

  it('receives with one rejected line: rejected units never enter stock, become a quality issue and are owed again', async () => {
    const supplier = await makeSupplier(t, t.hqStoreId);
    const pads = await makePart(t, { name: '刹车片', nameEn: 'Brake pads' });
    const filter = await makePart(t);
    const po = await makeSentPurchaseOrder(
      t,
      t.hqStoreId,
      supplier.id,
      [
        { partId: pads.id, qty: 10, unitPrice: 12_000 },
        { partId: filter.id, qty: 20, unitPrice: 3_000 },
      ],
      '2099-01-01',
    );
    const confirmed = await post(`/api/v1/purchase-orders/${po.id}/confirm`, {
      version: po.version,
      expectedOn: '2099-01-02',
    });
    expect(confirmed.body).toMatchObject({ status: 'confirmed', expectedOn: '2099-01-02' });
    const [padsLine, filterLine] = po.lines;
    const tooMany = await post('/api/v1/goods-receipts', {
      purchaseOrderId: po.id,
      lines: [{ poLineId: padsLine!.id, qty: 11 }],
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0].path).toBe('lines.0.qty');
    const receipt = await post('/api/v1/goods-receipts', {
      purchaseOrderId: po.id,
      deliveryNote: 'DN-778',
      lines: [
        { poLineId: padsLine!.id, qty: 10, unitPrice: 12_100 },
        { poLineId: filterLine!.id, qty: 20 },
      ],
    });
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({ status: 'pending_inspection', onTime: true });
    // nothing on the shelf before inspection
    expect(await stockOf(pads.id)).toBeUndefined();
    const [l1, l2] = receipt.body.lines as { id: string }[];
    const noReason = await post(`/api/v1/goods-receipts/${receipt.body.id}/inspect`, {
      version: 1,
      lines: [
        { lineId: l1!.id, acceptedQty: 7, rejectedQty: 3 },
        { lineId: l2!.id, acceptedQty: 20, rejectedQty: 0 },
      ],
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('lines.0.rejectReason');
    const inspected = await post(`/api/v1/goods-receipts/${receipt.body.id}/inspect`, {
      version: 1,
      lines: [
        {
          lineId: l1!.id,
          acceptedQty: 7,
          rejectedQty: 3,
          rejectReason: 'friction material cracked',
          photos: ['gr/1.jpg'],
        },
        { lineId: l2!.id, acceptedQty: 20, rejectedQty: 0 },
      ],
    });
    expect(inspected.status).toBe(200);
    expect(inspected.body.qualityIssueIds).toHaveLength(1);
    expect(await stockOf(pads.id)).toMatchObject({
      onHand: 7,
      available: 7,
      stockValue: 84_700,
      averageCost: 12_100,
    });
    expect(await stockOf(filter.id)).toMatchObject({ onHand: 20, stockValue: 60_000 });
    const after = await t.call('GET', `/api/v1/purchase-orders/${po.id}`, { token: t.adminToken });
    expect(after.body.status).toBe('partially_received');
    expect(after.body.lines[0]).toMatchObject({ acceptedQty: 7, rejectedQty: 3, openQty: 3 });
    const issue = await t.call(
      'GET',
      `/api/v1/supplier-quality-issues/${inspected.body.qualityIssueIds[0]}`,
      {
        token: t.adminToken,
      },
    );
    expect(issue.body).toMatchObject({
      qty: 3,
      status: 'open',
      reason: 'friction material cracked',
      photos: ['gr/1.jpg'],
    });
    const card = await t.call('GET', `/api/v1/suppliers/${supplier.id}/scorecard`, { token: t.adminToken });
    // 3 of 30 rejected = 10 %; delivered 1,210,000 vs ordered 1,200,000 of pads + filters 600,000 → +0.56 %
    expect(card.body).toMatchObject({
      receipts: 1,
      onTimeReceipts: 1,
      receivedQty: 30,
      rejectedQty: 3,
      rejectionRateBp: 1_000,
      priceVarianceBp: 56,
      openQualityIssues: 1,
    });
    expect(card.body.score).toBeLessThan(100);
    // settle it as a claim, add an improvement action, and receive the back order
    const noAmount = await post(`/api/v1/supplier-quality-issues/${issue.body.id}/resolve`, {
      version: issue.body.version,
      resolution: 'claim',
      note: 'x',
    });
    expect(noAmount.status).toBe(400);
    const manager = await makeStaff(t, 'store_manager', t.hqStoreId);
    const action = await post(`/api/v1/supplier-quality-issues/${issue.body.id}/actions`, {
      description: 'Supplier to add 100 % visual check before dispatch',
      ownerId: manager.user.id,
      dueOn: '2099-02-01',
    });
    expect(action.body.actions).toHaveLength(1);
    const claim = await post(`/api/v1/supplier-quality-issues/${issue.body.id}/resolve`, {
      version: action.body.version,
      resolution: 'claim',
      claimAmount: 36_300,
      note: 'credited on next invoice',
    });
    expect(claim.body).toMatchObject({ status: 'resolved', resolution: 'claim', claimAmount: 36_300 });
    const back = await post('/api/v1/goods-receipts', {
      purchaseOrderId: po.id,
      receivedOn: '2099-01-05',
      lines: [{ poLineId: padsLine!.id, qty: 3 }],
    });
    expect(back.body.onTime).toBe(false);
    await post(`/api/v1/goods-receipts/${back.body.id}/inspect`, {
      version: 1,
      lines: [{ lineId: back.body.lines[0].id, acceptedQty: 3, rejectedQty: 0 }],
    });
    const done = await t.call('GET', `/api/v1/purchase-orders/${po.id}`, { token: t.adminToken });
    expect(done.body.status).toBe('received');
    expect(await stockOf(pads.id)).toMatchObject({ onHand: 10 });
    const twice = await post(`/api/v1/goods-receipts/${back.body.id}/inspect`, {
      version: 2,
      lines: [{ lineId: back.body.lines[0].id, acceptedQty: 3, rejectedQty: 0 }],
    });
    expect(twice.status).toBe(409);
  });
});

describe.each(dialects)('purchase plans from the stock plan on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());
  const post = (url: string, body: unknown) => t.call('POST', url, { token: t.adminToken, body });

  it('proposes what the alerts say to buy and turns the plan into one draft purchase order', async () => {
    const part = await makePart(t);
    await post('/api/v1/stock-movements', {
      storeId: t.hqStoreId,
      partId: part.id,
      type: 'receive',
      qty: 2,
      unitCost: 4_100,
      reason: 'opening',
    });
    await t.call('PUT', `/api/v1/parts/${part.id}/stock-settings`, {
      token: t.adminToken,
      body: { storeId: t.hqStoreId, minQty: 5, maxQty: 20 },
    });
    const plan = await post('/api/v1/parts-purchase-plans', { storeId: t.hqStoreId });
    expect(plan.status).toBe(201);
    expect(plan.body.number).toMatch(/^PP-\d{4}-\d{6}$/);
    // below min 5 → reorder up to the max: 20 − 2 at the moving-average cost
    const line = plan.body.lines.find((l: { partId: string }) => l.partId === part.id);
    expect(line).toMatchObject({ qty: 18, unitPrice: 4_100 });
    expect(line.reason).toContain('below_min');
    const probation = await makeSupplier(t, t.hqStoreId, { status: 'probation' });
    const refused = await post(`/api/v1/parts-purchase-plans/${plan.body.id}/convert`, {
      version: 1,
      supplierId: probation.id,
    });
    expect(refused.status).toBe(422);
    const supplier = await makeSupplier(t, t.hqStoreId);
    const converted = await post(`/api/v1/parts-purchase-plans/${plan.body.id}/convert`, {
      version: 1,
      supplierId: supplier.id,
    });
    expect(converted.body).toMatchObject({ status: 'converted' });
    const po = await t.call('GET', `/api/v1/purchase-orders/${converted.body.purchaseOrderId}`, {
      token: t.adminToken,
    });
    expect(po.body).toMatchObject({ status: 'draft', supplierId: supplier.id, note: plan.body.number });
    expect(po.body.lines.find((l: { partId: string }) => l.partId === part.id)).toMatchObject({
      qty: 18,
      unitPrice: 4_100,
    });
    const twice = await post(`/api/v1/parts-purchase-plans/${plan.body.id}/convert`, {
      version: 2,
      supplierId: supplier.id,
    });
    expect(twice.status).toBe(409);
  });
});
