import type { TestApp } from '../../test/harness';

let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

/** A part of the group's parts master (original, common), through the API. */
export async function makePart(t: TestApp, overrides: Record<string, unknown> = {}, token = t.adminToken) {
  const res = await t.call('POST', '/api/v1/parts', {
    token,
    body: {
      partNo: `P-${next()}`,
      name: '机油滤清器',
      nameEn: 'Oil filter',
      category: 'filters',
      origin: 'original',
      listPrice: 8_800,
      standardCost: 5_000,
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`makePart: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; partNo: string; version: number };
}

/** Puts `qty` units of a part on the shelf of a store at a unit cost (a receipt without an order). */
export async function receiveParts(
  t: TestApp,
  storeId: string,
  partId: string,
  qty: number,
  unitCost: number,
  token = t.adminToken,
) {
  const res = await t.call('POST', '/api/v1/stock-movements', {
    token,
    body: { storeId, partId, type: 'receive', qty, unitCost, reason: 'opening stock' },
  });
  if (res.status !== 201) throw new Error(`receiveParts: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.movements[0] as { id: string; onHandAfter: number; valueAfter: number };
}

/** A part with stock in a store: the common start of a stock test. */
export async function makeStockedPart(t: TestApp, storeId: string, qty: number, unitCost = 5_000) {
  const part = await makePart(t);
  await receiveParts(t, storeId, part.id, qty, unitCost);
  return part;
}

/** A supplier of a store, approved unless told otherwise. */
export async function makeSupplier(
  t: TestApp,
  storeId: string,
  overrides: Record<string, unknown> = {},
  token = t.adminToken,
) {
  const res = await t.call('POST', '/api/v1/suppliers', {
    token,
    body: {
      storeId,
      code: `SUP-${next()}`.slice(0, 20),
      name: `供应商 ${next()}`,
      status: 'approved',
      leadTimeDays: 5,
      certificates: [{ kind: 'business_licence', number: 'BL-1', validUntil: '2099-12-31' }],
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`makeSupplier: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number };
}

/** A purchase order sent to the supplier: ready to receive against. */
export async function makeSentPurchaseOrder(
  t: TestApp,
  storeId: string,
  supplierId: string,
  lines: { partId: string; qty: number; unitPrice: number }[],
  expectedOn?: string,
) {
  const po = await t.call('POST', '/api/v1/purchase-orders', {
    token: t.adminToken,
    body: { storeId, supplierId, lines, ...(expectedOn ? { expectedOn } : {}) },
  });
  if (po.status !== 201) throw new Error(`makeSentPurchaseOrder: ${po.status} ${JSON.stringify(po.body)}`);
  let body = po.body;
  for (const step of ['submit', 'approve', 'send'] as const) {
    if (!body.actions.includes(step)) continue;
    const res = await t.call('POST', `/api/v1/purchase-orders/${body.id}/${step}`, {
      token: t.adminToken,
      body: { version: body.version },
    });
    if (res.status !== 200) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
    body = res.body;
  }
  return body as { id: string; version: number; lines: { id: string; partId: string }[] };
}
