import type { TestApp } from '../harness';
import {
  makePart,
  makeSentPurchaseOrder,
  makeStockedPart,
  makeSupplier,
} from '../../modules/parts/parts.fixtures';
import { defineMatrix, type MatrixEnv, type MatrixRow } from './types';

/**
 * Parts and purchasing (H7): a consultant has no parts actions (403); store A's manager runs parts,
 * suppliers and purchasing of store A only (store B's records 404); the parts master is the group's.
 */
interface Fx {
  adminId: string;
  partB: string;
  supplierB: string;
  poB: string;
  receiptB: string;
  issueB: string;
  orderB: string;
  stocktakeB: string;
  planB: string;
}

const open = { anonymous: 401, consultantA: 403, managerA: 200, admin: 200 };
const ofB = { anonymous: 401, consultantA: 403, managerA: 404, admin: 200 };
const createInB = { ...ofB, admin: 201 };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const asAdmin = async (t: TestApp, url: string, body?: unknown): Promise<any> => {
  const res = await t.call('POST', url, { token: t.adminToken, body });
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** A parts order of store B moved along to just before `upTo` (its id and version). */
async function orderB(env: MatrixEnv, fx: Fx, steps: string[]) {
  const part = await makeStockedPart(env.t, env.storeB.id, 5);
  let o = await asAdmin(env.t, '/api/v1/parts-orders', {
    storeId: env.storeB.id,
    channel: 'customer',
    customerName: 'Matrix',
    lines: [{ partId: part.id, qty: 1 }],
  });
  for (const step of steps) {
    const body =
      step === 'pack'
        ? { version: o.version, packages: [{ weightG: 100, lineIds: [o.lines[0].id] }] }
        : step === 'ship'
          ? { version: o.version, carrier: 'SF', trackingNo: 'SF1' }
          : { version: o.version };
    o = await asAdmin(env.t, `/api/v1/parts-orders/${o.id}/${step}`, body);
  }
  void fx;
  return o as { id: string; version: number; lines: { id: string }[]; exceptions: { id: string }[] };
}

async function poB(env: MatrixEnv, fx: Fx, qty = 1) {
  const part = await makePart(env.t);
  return makeSentPurchaseOrder(env.t, env.storeB.id, fx.supplierB, [
    { partId: part.id, qty, unitPrice: 100 },
  ]);
}

async function draftPoB(env: MatrixEnv, fx: Fx, unitPrice = 100) {
  const part = await makePart(env.t);
  return asAdmin(env.t, '/api/v1/purchase-orders', {
    storeId: env.storeB.id,
    supplierId: fx.supplierB,
    lines: [{ partId: part.id, qty: 1, unitPrice }],
  }) as Promise<{ id: string; version: number }>;
}

async function receiptB(env: MatrixEnv, fx: Fx) {
  const po = await poB(env, fx, 2);
  return asAdmin(env.t, '/api/v1/goods-receipts', {
    purchaseOrderId: po.id,
    lines: [{ poLineId: po.lines[0]!.id, qty: 2 }],
  }) as Promise<{ id: string; version: number; lines: { id: string }[] }>;
}

async function issueB(env: MatrixEnv, fx: Fx) {
  const r = await receiptB(env, fx);
  const inspected = await asAdmin(env.t, `/api/v1/goods-receipts/${r.id}/inspect`, {
    version: r.version,
    lines: [{ lineId: r.lines[0]!.id, acceptedQty: 1, rejectedQty: 1, rejectReason: 'cracked' }],
  });
  return inspected.qualityIssueIds[0] as string;
}

/** A count sheet of one fresh bin of store B (its only part booked 2, counted 1 when submitted). */
async function stocktakeB(env: MatrixEnv, submitted: boolean) {
  const part = await makeStockedPart(env.t, env.storeB.id, 2);
  const bin = `MX-${env.fresh()}`;
  await env.t.call('PUT', `/api/v1/parts/${part.id}/stock-settings`, {
    token: env.t.adminToken,
    body: { storeId: env.storeB.id, bin },
  });
  const sheet = await asAdmin(env.t, '/api/v1/stocktakes', {
    storeId: env.storeB.id,
    scope: 'bin',
    scopeValue: bin,
  });
  if (!submitted) return sheet as { id: string; version: number };
  const counted = await asAdmin(env.t, `/api/v1/stocktakes/${sheet.id}/counts`, {
    counts: [{ partId: part.id, qty: 1 }],
  });
  return asAdmin(env.t, `/api/v1/stocktakes/${sheet.id}/submit`, { version: counted.version }) as Promise<{
    id: string;
    version: number;
  }>;
}

/** A draft purchase plan of store B with one line. */
function planB(env: MatrixEnv, fx: Fx) {
  return asAdmin(env.t, '/api/v1/parts-purchase-plans', {
    storeId: env.storeB.id,
    lines: [{ partId: fx.partB, qty: 3 }],
  }) as Promise<{ id: string; version: number }>;
}

const orderVerb = (
  verb: string,
  before: string[],
  body: (o: { version: number; lines: { id: string }[] }) => unknown,
): MatrixRow<Fx> => ({
  method: 'POST',
  url: `/api/v1/parts-orders/:id/${verb}`,
  call: async (fx, env) => {
    const o = await orderB(env, fx, before);
    return { url: `/api/v1/parts-orders/${o.id}/${verb}`, body: body(o) };
  },
  expect: ofB,
});

export const partsMatrix = defineMatrix<Fx>({
  name: 'parts',
  setup: async (env) => {
    const { t, storeB } = env;
    const admin = await t.handle.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const fx = { adminId: admin.id } as Fx;
    fx.partB = (await makeStockedPart(t, storeB.id, 10)).id;
    fx.supplierB = (await makeSupplier(t, storeB.id)).id;
    fx.poB = (await poB(env, fx)).id;
    fx.receiptB = (await receiptB(env, fx)).id;
    fx.issueB = await issueB(env, fx);
    fx.orderB = (await orderB(env, fx, [])).id;
    fx.stocktakeB = (await stocktakeB(env, false)).id;
    fx.planB = (await planB(env, fx)).id;
    return fx;
  },
  rows: [
    { method: 'GET', url: '/api/v1/parts', call: () => ({ url: '/api/v1/parts?q=P' }), expect: open },
    {
      method: 'POST',
      url: '/api/v1/parts',
      call: (_fx, env) => ({
        url: '/api/v1/parts',
        body: {
          partNo: `M-${env.fresh()}`,
          name: '火花塞',
          nameEn: 'Spark plug',
          category: 'ignition',
          origin: 'equivalent',
          listPrice: 3_000,
          standardCost: 1_500,
        },
      }),
      expect: { ...open, managerA: 201, admin: 201 },
    },
    // the parts master is the group's: store A's manager reads and maintains it (stock shown only for A)
    {
      method: 'GET',
      url: '/api/v1/parts/:id',
      call: (fx) => ({ url: `/api/v1/parts/${fx.partB}` }),
      expect: open,
    },
    {
      method: 'PATCH',
      url: '/api/v1/parts/:id',
      call: async (fx, { versionOf }) => ({
        url: `/api/v1/parts/${fx.partB}`,
        body: { version: await versionOf(`/api/v1/parts/${fx.partB}`), category: 'filters' },
      }),
      expect: open,
    },
    {
      method: 'PUT',
      url: '/api/v1/parts/:id/stock-settings',
      call: (fx, { storeB }) => ({
        url: `/api/v1/parts/${fx.partB}/stock-settings`,
        body: { storeId: storeB.id, bin: 'B-1' },
      }),
      expect: ofB,
    },
    {
      method: 'GET',
      url: '/api/v1/stock-movements',
      call: () => ({ url: '/api/v1/stock-movements' }),
      expect: open,
    },
    {
      method: 'POST',
      url: '/api/v1/stock-movements',
      call: (fx, { storeB }) => ({
        url: '/api/v1/stock-movements',
        body: {
          storeId: storeB.id,
          partId: fx.partB,
          type: 'receive',
          qty: 1,
          unitCost: 100,
          reason: 'matrix',
        },
      }),
      expect: createInB,
    },
    {
      method: 'GET',
      url: '/api/v1/stock-alerts',
      call: (_fx, { storeB }) => ({ url: `/api/v1/stock-alerts?storeId=${storeB.id}` }),
      expect: ofB,
    },
    {
      method: 'GET',
      url: '/api/v1/parts-orders',
      call: () => ({ url: '/api/v1/parts-orders' }),
      expect: open,
    },
    {
      method: 'POST',
      url: '/api/v1/parts-orders',
      call: (fx, { storeB }) => ({
        url: '/api/v1/parts-orders',
        body: { storeId: storeB.id, channel: 'workshop', lines: [{ partId: fx.partB, qty: 1 }] },
      }),
      expect: createInB,
    },
    {
      method: 'POST',
      url: '/api/v1/parts-orders/counter-sale',
      call: (fx, { storeB }) => ({
        url: '/api/v1/parts-orders/counter-sale',
        body: { storeId: storeB.id, lines: [{ partId: fx.partB, qty: 1 }] },
      }),
      expect: createInB,
    },
    {
      method: 'GET',
      url: '/api/v1/parts-orders/:id',
      call: (fx) => ({ url: `/api/v1/parts-orders/${fx.orderB}` }),
      expect: ofB,
    },
    {
      method: 'GET',
      url: '/api/v1/parts-orders/:id/history',
      call: (fx) => ({ url: `/api/v1/parts-orders/${fx.orderB}/history` }),
      expect: ofB,
    },
    {
      method: 'GET',
      url: '/api/v1/parts-orders/:id/pick-list',
      call: (fx) => ({ url: `/api/v1/parts-orders/${fx.orderB}/pick-list?lang=en` }),
      expect: ofB,
    },
    orderVerb('review', [], (o) => ({ version: o.version })),
    orderVerb('pick', ['review'], (o) => ({ version: o.version })),
    orderVerb('pack', ['review', 'pick'], (o) => ({
      version: o.version,
      packages: [{ weightG: 10, lineIds: [o.lines[0]!.id] }],
    })),
    orderVerb('ship', ['review', 'pick', 'pack'], (o) => ({
      version: o.version,
      carrier: 'SF',
      trackingNo: 'SF9',
    })),
    orderVerb('sign-off', ['review', 'pick', 'pack', 'ship'], (o) => ({
      version: o.version,
      signedBy: 'Receiver',
      lines: [{ lineId: o.lines[0]!.id, receivedQty: 1, condition: 'ok' }],
    })),
    orderVerb('cancel', [], (o) => ({ version: o.version })),
    orderVerb('exceptions', ['review', 'pick', 'pack', 'ship'], () => ({ type: 'lost', qty: 1 })),
    {
      method: 'POST',
      url: '/api/v1/parts-orders/:id/exceptions/:exceptionId/resolve',
      call: async (fx, env) => {
        const o = await orderB(env, fx, ['review', 'pick', 'pack', 'ship']);
        const raised = await asAdmin(env.t, `/api/v1/parts-orders/${o.id}/exceptions`, {
          type: 'short',
          qty: 1,
        });
        return {
          url: `/api/v1/parts-orders/${o.id}/exceptions/${raised.exceptions[0].id}/resolve`,
          body: { resolution: 'credit', followUp: 'credited' },
        };
      },
      expect: ofB,
    },
    { method: 'GET', url: '/api/v1/suppliers', call: () => ({ url: '/api/v1/suppliers' }), expect: open },
    {
      method: 'POST',
      url: '/api/v1/suppliers',
      call: (_fx, env) => ({
        url: '/api/v1/suppliers',
        body: { storeId: env.storeB.id, code: `S${env.fresh()}`.slice(0, 20), name: 'Matrix supplier' },
      }),
      expect: createInB,
    },
    {
      method: 'GET',
      url: '/api/v1/suppliers/:id',
      call: (fx) => ({ url: `/api/v1/suppliers/${fx.supplierB}` }),
      expect: ofB,
    },
    {
      method: 'PATCH',
      url: '/api/v1/suppliers/:id',
      call: async (fx, { versionOf }) => ({
        url: `/api/v1/suppliers/${fx.supplierB}`,
        body: { version: await versionOf(`/api/v1/suppliers/${fx.supplierB}`), manualService: 80 },
      }),
      expect: ofB,
    },
    {
      method: 'GET',
      url: '/api/v1/suppliers/:id/scorecard',
      call: (fx) => ({ url: `/api/v1/suppliers/${fx.supplierB}/scorecard` }),
      expect: ofB,
    },
    {
      method: 'GET',
      url: '/api/v1/purchase-orders',
      call: () => ({ url: '/api/v1/purchase-orders' }),
      expect: open,
    },
    {
      method: 'POST',
      url: '/api/v1/purchase-orders',
      call: (fx, { storeB }) => ({
        url: '/api/v1/purchase-orders',
        body: {
          storeId: storeB.id,
          supplierId: fx.supplierB,
          lines: [{ partId: fx.partB, qty: 1, unitPrice: 100 }],
        },
      }),
      expect: createInB,
    },
    {
      method: 'GET',
      url: '/api/v1/purchase-orders/:id',
      call: (fx) => ({ url: `/api/v1/purchase-orders/${fx.poB}` }),
      expect: ofB,
    },
    ...(
      [
        ['submit', (env: MatrixEnv, fx: Fx) => draftPoB(env, fx)],
        [
          'approve',
          async (env: MatrixEnv, fx: Fx) => {
            const po = await draftPoB(env, fx, 9_000_000);
            return asAdmin(env.t, `/api/v1/purchase-orders/${po.id}/submit`, { version: po.version });
          },
        ],
        [
          'send',
          async (env: MatrixEnv, fx: Fx) => {
            const po = await draftPoB(env, fx);
            return asAdmin(env.t, `/api/v1/purchase-orders/${po.id}/submit`, { version: po.version });
          },
        ],
        ['confirm', (env: MatrixEnv, fx: Fx) => poB(env, fx)],
        ['cancel', (env: MatrixEnv, fx: Fx) => draftPoB(env, fx)],
      ] as const
    ).map(([verb, prepare]): MatrixRow<Fx> => ({
      method: 'POST',
      url: `/api/v1/purchase-orders/:id/${verb}`,
      call: async (fx, env) => {
        const po = (await prepare(env, fx)) as { id: string; version: number };
        return { url: `/api/v1/purchase-orders/${po.id}/${verb}`, body: { version: po.version } };
      },
      expect: ofB,
    })),
    {
      method: 'GET',
      url: '/api/v1/goods-receipts',
      call: () => ({ url: '/api/v1/goods-receipts' }),
      expect: open,
    },
    {
      method: 'POST',
      url: '/api/v1/goods-receipts',
      call: async (fx, env) => {
        const po = await poB(env, fx);
        return {
          url: '/api/v1/goods-receipts',
          body: { purchaseOrderId: po.id, lines: [{ poLineId: po.lines[0]!.id, qty: 1 }] },
        };
      },
      expect: createInB,
    },
    {
      method: 'GET',
      url: '/api/v1/goods-receipts/:id',
      call: (fx) => ({ url: `/api/v1/goods-receipts/${fx.receiptB}` }),
      expect: ofB,
    },
    {
      method: 'POST',
      url: '/api/v1/goods-receipts/:id/inspect',
      call: async (fx, env) => {
        const r = await receiptB(env, fx);
        return {
          url: `/api/v1/goods-receipts/${r.id}/inspect`,
          body: { version: r.version, lines: [{ lineId: r.lines[0]!.id, acceptedQty: 2, rejectedQty: 0 }] },
        };
      },
      expect: ofB,
    },
    {
      method: 'GET',
      url: '/api/v1/supplier-quality-issues',
      call: () => ({ url: '/api/v1/supplier-quality-issues' }),
      expect: open,
    },
    {
      method: 'GET',
      url: '/api/v1/supplier-quality-issues/:id',
      call: (fx) => ({ url: `/api/v1/supplier-quality-issues/${fx.issueB}` }),
      expect: ofB,
    },
    {
      method: 'POST',
      url: '/api/v1/supplier-quality-issues/:id/resolve',
      call: async (fx, env) => ({
        url: `/api/v1/supplier-quality-issues/${await issueB(env, fx)}/resolve`,
        body: { version: 1, resolution: 'return', note: 'sent back' },
      }),
      expect: ofB,
    },
    {
      method: 'POST',
      url: '/api/v1/supplier-quality-issues/:id/actions',
      call: (fx) => ({
        url: `/api/v1/supplier-quality-issues/${fx.issueB}/actions`,
        body: { description: 'Check packaging', ownerId: fx.adminId, dueOn: '2099-01-01' },
      }),
      expect: ofB,
    },
    { method: 'GET', url: '/api/v1/stocktakes', call: () => ({ url: '/api/v1/stocktakes' }), expect: open },
    {
      method: 'POST',
      url: '/api/v1/stocktakes',
      call: (_fx, { storeB }) => ({
        url: '/api/v1/stocktakes',
        body: { storeId: storeB.id, scope: 'class', scopeValue: 'special' },
      }),
      expect: createInB,
    },
    {
      method: 'GET',
      url: '/api/v1/stocktakes/:id',
      call: (fx) => ({ url: `/api/v1/stocktakes/${fx.stocktakeB}` }),
      expect: ofB,
    },
    {
      method: 'POST',
      url: '/api/v1/stocktakes/:id/counts',
      call: (fx) => ({
        url: `/api/v1/stocktakes/${fx.stocktakeB}/counts`,
        body: { counts: [{ partId: fx.partB, qty: 10 }] },
      }),
      expect: ofB,
    },
    ...(
      [
        ['submit', false],
        ['recount', true],
        ['approve', true],
        ['cancel', false],
      ] as const
    ).map(([verb, submitted]): MatrixRow<Fx> => ({
      method: 'POST',
      url: `/api/v1/stocktakes/:id/${verb}`,
      call: async (_fx, env) => {
        let sheet = await stocktakeB(env, submitted);
        if (verb === 'submit') {
          const full = await env.t.call('GET', `/api/v1/stocktakes/${sheet.id}`, { token: env.t.adminToken });
          sheet = await asAdmin(env.t, `/api/v1/stocktakes/${sheet.id}/counts`, {
            counts: full.body.lines.map((l: { partId: string }) => ({ partId: l.partId, qty: 2 })),
          });
        }
        return { url: `/api/v1/stocktakes/${sheet.id}/${verb}`, body: { version: sheet.version } };
      },
      expect: ofB,
    })),
    {
      method: 'GET',
      url: '/api/v1/parts-purchase-plans',
      call: () => ({ url: '/api/v1/parts-purchase-plans' }),
      expect: open,
    },
    {
      method: 'POST',
      url: '/api/v1/parts-purchase-plans',
      call: (fx, { storeB }) => ({
        url: '/api/v1/parts-purchase-plans',
        body: { storeId: storeB.id, lines: [{ partId: fx.partB, qty: 1 }] },
      }),
      expect: createInB,
    },
    {
      method: 'GET',
      url: '/api/v1/parts-purchase-plans/:id',
      call: (fx) => ({ url: `/api/v1/parts-purchase-plans/${fx.planB}` }),
      expect: ofB,
    },
    {
      method: 'POST',
      url: '/api/v1/parts-purchase-plans/:id/convert',
      call: async (fx, env) => {
        const plan = await planB(env, fx);
        return {
          url: `/api/v1/parts-purchase-plans/${plan.id}/convert`,
          body: { version: plan.version, supplierId: fx.supplierB },
        };
      },
      expect: ofB,
    },
  ],
});
