import { localToday } from '../../../common/rules/civil-date';
import { buyerOf, makeUscc, signature, tinyPng } from '../../modules/sales/sales.fixtures';
import { makeVehicle } from '../../modules/vehicles/vehicle.fixtures';
import { makeBrand, makeCatalogOption, makeCustomer, makeModel, makePriceList, makeTrim } from '../factories';
import { defineMatrix, type MatrixEnv, type MatrixRow } from './types';

interface Fx {
  trimId: string;
  colourId: string;
  customer: Awaited<ReturnType<typeof makeCustomer>>;
  signed: Chain;
}
interface Chain {
  dealId: string;
  contractId?: string;
  contractVersion?: number;
  copyPath?: string;
  attachmentId?: string;
  paymentId?: string;
  invoiceId?: string;
  deliveryId?: string;
}

const list = { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 };
const ofB = (ok: number) => ({ anonymous: 401, consultantA: 404, managerA: 404, admin: ok });
const publicRoute = { anonymous: 200, consultantA: 200, managerA: 200, admin: 200 };

/** Store B's sales records, made by the administrator step by step (each row that changes one gets its own). */
async function chain(
  fx: Fx,
  env: MatrixEnv,
  upTo: 'quote' | 'agreed' | 'draft' | 'signed' | 'paid' | 'invoiced' | 'delivery',
): Promise<Chain> {
  const { t } = env;
  const as = async (method: 'POST' | 'PATCH', url: string, body: unknown) => {
    const res = await t.call(method, url, { token: t.adminToken, body });
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  // other modules publish store B's price lists in their rows: put this trim on display today
  const today = localToday('Asia/Shanghai');
  await makePriceList(
    t,
    env.storeB.id,
    [{ itemKind: 'trim', itemRef: fx.trimId, guidePrice: 20_000_000, displayPrice: 20_000_000 }],
    { publish: true, effectiveFrom: today },
  );
  const vehicle = await makeVehicle(t, env.storeB.id, fx.trimId, {
    exteriorColourId: fx.colourId,
    engineNo: 'E1',
    cocNo: 'C1',
  });
  let deal = await as('POST', '/api/v1/deals', {
    customerId: fx.customer.id,
    vehicleId: vehicle.id,
    vehiclePrice: 20_000_000,
  });
  const out: Chain = { dealId: deal.id };
  if (upTo === 'quote') return out;
  deal = await as('POST', `/api/v1/deals/${deal.id}/submit`, { version: deal.version });
  if (upTo === 'agreed') return out;
  let c = await as('POST', '/api/v1/contracts', {
    dealId: deal.id,
    buyer: buyerOf({ customer: fx.customer } as never),
    paymentMethod: 'cash',
    deliveryDate: '2026-12-30',
  });
  c = await as('POST', `/api/v1/contracts/${c.id}/id-copy`, {
    version: c.version,
    mime: 'image/png',
    dataBase64: tinyPng,
  });
  Object.assign(out, { contractId: c.id, contractVersion: c.version, attachmentId: c.idCopy.attachmentId });
  if (upTo === 'draft') return out;
  c = await as('POST', `/api/v1/contracts/${c.id}/verify-identity`, { version: c.version });
  c = await as('POST', `/api/v1/contracts/${c.id}/sign`, {
    version: c.version,
    party: 'customer',
    signature,
  });
  c = await as('POST', `/api/v1/contracts/${c.id}/sign`, {
    version: c.version,
    party: 'consultant',
    signature,
  });
  Object.assign(out, { contractVersion: c.version, copyPath: c.customerCopyPath });
  if (upTo === 'signed') return out;
  const p = await as('POST', '/api/v1/payments', {
    dealId: deal.id,
    kind: 'balance',
    method: 'cash',
    amount: 20_000_100,
  });
  out.paymentId = p.id;
  if (upTo === 'paid') return out;
  await as('POST', `/api/v1/payments/${p.id}/confirm`, { version: p.version });
  const inv = await as('POST', '/api/v1/invoices', { dealId: deal.id });
  out.invoiceId = inv.id;
  if (upTo === 'invoiced') return out;
  out.deliveryId = (
    await as('POST', '/api/v1/deliveries', {
      dealId: deal.id,
      scheduledAt: '2026-12-30T02:00:00Z',
      place: 'B',
    })
  ).id;
  return out;
}

const row = (
  method: MatrixRow<Fx>['method'],
  url: string,
  call: MatrixRow<Fx>['call'],
  expect: MatrixRow<Fx>['expect'],
): MatrixRow<Fx> => ({
  method,
  url,
  call,
  expect,
});

export const salesMatrix = defineMatrix<Fx>({
  name: 'sales',
  setup: async (env) => {
    const { t, storeB } = env;
    const brand = await makeBrand(t);
    const model = await makeModel(t, { brandId: brand.id });
    const trim = await makeTrim(t, { modelId: model.id, energy: 'bev', bodyType: 'sedan' });
    await makeCatalogOption(t, { kind: 'accessory' });
    const settings = await t.call('GET', `/api/v1/sales-settings/${storeB.id}`, { token: t.adminToken });
    await t.call('PATCH', `/api/v1/sales-settings/${storeB.id}`, {
      token: t.adminToken,
      body: { version: settings.body.version, sellerName: '门店B', sellerTaxId: makeUscc() },
    });
    const fx = {
      trimId: trim.id,
      colourId: trim.colours.find((c) => c.kind === 'exterior')!.id,
      customer: await makeCustomer(t, storeB.id),
    } as Fx;
    fx.signed = await chain(fx, env, 'delivery');
    return fx;
  },
  rows: [
    row('GET', '/api/v1/deals', () => ({ url: '/api/v1/deals' }), list),
    row(
      'POST',
      '/api/v1/deals',
      async (fx, env) => {
        const today = localToday('Asia/Shanghai');
        await makePriceList(
          env.t,
          env.storeB.id,
          [{ itemKind: 'trim', itemRef: fx.trimId, guidePrice: 20_000_000, displayPrice: 20_000_000 }],
          { publish: true, effectiveFrom: today },
        );
        return {
          url: '/api/v1/deals',
          body: { customerId: fx.customer.id, trimId: fx.trimId, vehiclePrice: 19_900_000 },
        };
      },
      ofB(201),
    ),
    row('GET', '/api/v1/deals/:id', (fx) => ({ url: `/api/v1/deals/${fx.signed.dealId}` }), ofB(200)),
    row(
      'PUT',
      '/api/v1/deals/:id/quote',
      async (fx, env) => {
        const c = await chain(fx, env, 'quote');
        return {
          url: `/api/v1/deals/${c.dealId}/quote`,
          body: {
            version: await env.versionOf(`/api/v1/deals/${c.dealId}`),
            trimId: fx.trimId,
            vehiclePrice: 19_800_000,
          },
        };
      },
      ofB(200),
    ),
    row(
      'POST',
      '/api/v1/deals/:id/submit',
      async (fx, env) => {
        const c = await chain(fx, env, 'quote');
        return {
          url: `/api/v1/deals/${c.dealId}/submit`,
          body: { version: await env.versionOf(`/api/v1/deals/${c.dealId}`) },
        };
      },
      ofB(200),
    ),
    row(
      'POST',
      '/api/v1/deals/:id/reopen',
      async (fx, env) => {
        const c = await chain(fx, env, 'agreed');
        return {
          url: `/api/v1/deals/${c.dealId}/reopen`,
          body: { version: await env.versionOf(`/api/v1/deals/${c.dealId}`) },
        };
      },
      ofB(200),
    ),
    ...(['approve', 'reject'] as const).map((verb) =>
      row(
        'POST',
        `/api/v1/deals/:id/${verb}`,
        async (fx, env) => {
          const c = await chain(fx, env, 'quote');
          // the admin has no discount limit: a consultant-sized limit of 0 makes the deal wait
          const deal = await env.t.call('POST', `/api/v1/deals/${c.dealId}/submit`, {
            token: env.t.adminToken,
            body: { version: await env.versionOf(`/api/v1/deals/${c.dealId}`) },
          });
          await env.t.handle.db
            .updateTable('deals')
            .set({ status: 'awaiting_approval' })
            .where('id', '=', c.dealId)
            .execute();
          return { url: `/api/v1/deals/${c.dealId}/${verb}`, body: { version: deal.body.version } };
        },
        ofB(200),
      ),
    ),
    row(
      'GET',
      '/api/v1/sales-settings/:storeId',
      (_fx, env) => ({ url: `/api/v1/sales-settings/${env.storeB.id}` }),
      ofB(200),
    ),
    row(
      'PATCH',
      '/api/v1/sales-settings/:storeId',
      async (_fx, env) => ({
        url: `/api/v1/sales-settings/${env.storeB.id}`,
        body: { version: await env.versionOf(`/api/v1/sales-settings/${env.storeB.id}`), keysExpected: 2 },
      }),
      ofB(200),
    ),
    row('GET', '/api/v1/sales-commissions', () => ({ url: '/api/v1/sales-commissions' }), list),
    row('GET', '/api/v1/contracts', () => ({ url: '/api/v1/contracts' }), list),
    row(
      'POST',
      '/api/v1/contracts',
      async (fx, env) => {
        const c = await chain(fx, env, 'agreed');
        return {
          url: '/api/v1/contracts',
          body: {
            dealId: c.dealId,
            buyer: buyerOf({ customer: fx.customer } as never),
            paymentMethod: 'cash',
            deliveryDate: '2026-12-30',
          },
        };
      },
      ofB(201),
    ),
    row(
      'GET',
      '/api/v1/contracts/:id',
      (fx) => ({ url: `/api/v1/contracts/${fx.signed.contractId}` }),
      ofB(200),
    ),
    row(
      'GET',
      '/api/v1/contracts/:id/pdf',
      (fx) => ({ url: `/api/v1/contracts/${fx.signed.contractId}/pdf` }),
      ofB(200),
    ),
    row(
      'POST',
      '/api/v1/contracts/:id/id-copy',
      async (fx, env) => {
        const c = await chain(fx, env, 'draft');
        return {
          url: `/api/v1/contracts/${c.contractId}/id-copy`,
          body: { version: c.contractVersion, mime: 'image/png', dataBase64: tinyPng },
        };
      },
      ofB(200),
    ),
    row(
      'POST',
      '/api/v1/contracts/:id/verify-identity',
      async (fx, env) => {
        const c = await chain(fx, env, 'draft');
        return {
          url: `/api/v1/contracts/${c.contractId}/verify-identity`,
          body: { version: c.contractVersion },
        };
      },
      ofB(200),
    ),
    row(
      'POST',
      '/api/v1/contracts/:id/sign',
      async (fx, env) => {
        const c = await chain(fx, env, 'draft');
        await env.t.call('POST', `/api/v1/contracts/${c.contractId}/verify-identity`, {
          token: env.t.adminToken,
          body: { version: c.contractVersion },
        });
        return {
          url: `/api/v1/contracts/${c.contractId}/sign`,
          body: { version: (c.contractVersion ?? 0) + 1, party: 'customer', signature },
        };
      },
      ofB(200),
    ),
    row(
      'POST',
      '/api/v1/contracts/:id/amend',
      async (fx, env) => {
        const c = await chain(fx, env, 'signed');
        return {
          url: `/api/v1/contracts/${c.contractId}/amend`,
          body: { version: c.contractVersion, reason: 'matrix', deliveryDate: '2026-12-31' },
        };
      },
      ofB(201),
    ),
    row(
      'POST',
      '/api/v1/contracts/:id/cancel',
      async (fx, env) => {
        const c = await chain(fx, env, 'signed');
        return {
          url: `/api/v1/contracts/${c.contractId}/cancel`,
          body: { version: c.contractVersion, reason: 'customer_withdrew' },
        };
      },
      ofB(200),
    ),
    row('GET', '/api/v1/public/contracts/:token/pdf', (fx) => ({ url: fx.signed.copyPath! }), publicRoute),
    row(
      'GET',
      '/api/v1/sales-attachments/:id',
      (fx) => ({ url: `/api/v1/sales-attachments/${fx.signed.attachmentId}` }),
      ofB(200),
    ),
    row('GET', '/api/v1/payments', () => ({ url: '/api/v1/payments' }), list),
    row(
      'POST',
      '/api/v1/payments',
      (fx) => ({
        url: '/api/v1/payments',
        body: { dealId: fx.signed.dealId, kind: 'balance', method: 'cash', amount: 100 },
      }),
      ofB(201),
    ),
    row(
      'GET',
      '/api/v1/payments/:id',
      (fx) => ({ url: `/api/v1/payments/${fx.signed.paymentId}` }),
      ofB(200),
    ),
    row(
      'GET',
      '/api/v1/payments/:id/receipt',
      (fx) => ({ url: `/api/v1/payments/${fx.signed.paymentId}/receipt` }),
      ofB(200),
    ),
    ...(['confirm', 'reject'] as const).map((verb) =>
      row(
        'POST',
        `/api/v1/payments/:id/${verb}`,
        async (fx, env) => {
          const c = await chain(fx, env, 'paid');
          return {
            url: `/api/v1/payments/${c.paymentId}/${verb}`,
            body: verb === 'confirm' ? { version: 1 } : { version: 1, reason: 'not received' },
          };
        },
        ofB(200),
      ),
    ),
    row('GET', '/api/v1/refunds', () => ({ url: '/api/v1/refunds' }), list),
    row(
      'POST',
      '/api/v1/refunds',
      async (fx, env) => {
        const c = await chain(fx, env, 'invoiced');
        return { url: '/api/v1/refunds', body: { dealId: c.dealId, amount: 100, reason: 'overpaid' } };
      },
      ofB(201),
    ),
    row(
      'POST',
      '/api/v1/refunds/:id/pay',
      async (fx, env) => {
        const c = await chain(fx, env, 'invoiced');
        const refund = await env.t.call('POST', '/api/v1/refunds', {
          token: env.t.adminToken,
          body: { dealId: c.dealId, amount: 100, reason: 'overpaid' },
        });
        return { url: `/api/v1/refunds/${refund.body.id}/pay`, body: { version: 1, method: 'cash' } };
      },
      ofB(200),
    ),
    row('GET', '/api/v1/invoices', () => ({ url: '/api/v1/invoices' }), list),
    row(
      'POST',
      '/api/v1/invoices',
      async (fx, env) => {
        const c = await chain(fx, env, 'paid');
        return { url: '/api/v1/invoices', body: { dealId: c.dealId } };
      },
      ofB(201),
    ),
    row(
      'GET',
      '/api/v1/invoices/:id',
      (fx) => ({ url: `/api/v1/invoices/${fx.signed.invoiceId}` }),
      ofB(200),
    ),
    row(
      'GET',
      '/api/v1/invoices/:id/pdf',
      (fx) => ({ url: `/api/v1/invoices/${fx.signed.invoiceId}/pdf` }),
      ofB(200),
    ),
    row(
      'POST',
      '/api/v1/invoices/:id/issue',
      async (fx, env) => {
        const c = await chain(fx, env, 'invoiced');
        return {
          url: `/api/v1/invoices/${c.invoiceId}/issue`,
          body: { version: 1, invoiceNo: '24312000000000000001', issueDate: '2026-12-01' },
        };
      },
      ofB(200),
    ),
    row(
      'POST',
      '/api/v1/invoices/:id/void',
      async (fx, env) => {
        const c = await chain(fx, env, 'invoiced');
        return {
          url: `/api/v1/invoices/${c.invoiceId}/void`,
          body: { version: 1, mode: 'void', reason: 'wrong buyer' },
        };
      },
      ofB(200),
    ),
    row('GET', '/api/v1/deliveries', () => ({ url: '/api/v1/deliveries' }), list),
    row(
      'POST',
      '/api/v1/deliveries',
      async (fx, env) => {
        const c = await chain(fx, env, 'invoiced');
        return {
          url: '/api/v1/deliveries',
          body: { dealId: c.dealId, scheduledAt: '2026-12-30T02:00:00Z', place: 'B' },
        };
      },
      ofB(201),
    ),
    row(
      'GET',
      '/api/v1/deliveries/:id',
      (fx) => ({ url: `/api/v1/deliveries/${fx.signed.deliveryId}` }),
      ofB(200),
    ),
    row(
      'PATCH',
      '/api/v1/deliveries/:id',
      async (fx, env) => {
        const c = await chain(fx, env, 'delivery');
        return { url: `/api/v1/deliveries/${c.deliveryId}`, body: { version: 1, keysHanded: 1 } };
      },
      ofB(200),
    ),
    row(
      'POST',
      '/api/v1/deliveries/:id/photos',
      async (fx, env) => {
        const c = await chain(fx, env, 'delivery');
        const d = await env.t.call('GET', `/api/v1/deliveries/${c.deliveryId}`, { token: env.t.adminToken });
        return {
          url: `/api/v1/deliveries/${c.deliveryId}/photos`,
          body: { item: d.body.pdi[0].item, mime: 'image/png', dataBase64: tinyPng },
        };
      },
      ofB(200),
    ),
    row(
      'POST',
      '/api/v1/deliveries/:id/sign',
      async (fx, env) => {
        const c = await chain(fx, env, 'delivery');
        return { url: `/api/v1/deliveries/${c.deliveryId}/sign`, body: { version: 1, signature } };
      },
      ofB(200),
    ),
    // completing needs every checklist item: store A's staff get 404, the admin is told what blocks it
    row(
      'POST',
      '/api/v1/deliveries/:id/complete',
      async (fx, env) => {
        const c = await chain(fx, env, 'delivery');
        return { url: `/api/v1/deliveries/${c.deliveryId}/complete`, body: { version: 1 } };
      },
      ofB(422),
    ),
  ],
});
