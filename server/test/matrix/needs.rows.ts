import { localToday } from '../../../common/rules/civil-date';
import { familyNeed, makeLead, makeShowroom } from '../../modules/crm/needs.fixtures';
import { makePriceList } from '../factories';
import { defineMatrix, type MatrixEnv, type MatrixRow } from './types';

interface Fx {
  leadB: string;
  needsB: string;
  planB: string;
  tokenB: string;
  trimB: string;
}

const open = { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 };
const recordOfB = { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 };
const publicRoute = { anonymous: 200, consultantA: 200, managerA: 200, admin: 200 };

/** Other modules' rows publish price lists for store B: put the trim back on display today. */
async function displayTrim(fx: Fx, env: MatrixEnv) {
  const today = localToday('Asia/Shanghai');
  await makePriceList(
    env.t,
    env.storeB.id,
    [{ itemKind: 'trim', itemRef: fx.trimB, guidePrice: 23_980_000, displayPrice: 22_980_000 }],
    { publish: true, effectiveFrom: today },
  );
}

/** A fresh plan of store B (as the admin makes it), for rows that change it. */
async function freshPlan(fx: Fx, env: MatrixEnv) {
  await displayTrim(fx, env);
  const res = await env.t.call('POST', '/api/v1/purchase-plans', {
    token: env.t.adminToken,
    body: { leadId: fx.leadB, items: [{ trimId: fx.trimB }], payment: { kind: 'full' } },
  });
  return res.body as { id: string; version: number; sharePath: string };
}

const row = (
  method: MatrixRow<Fx>['method'],
  url: string,
  call: MatrixRow<Fx>['call'],
  expect: MatrixRow<Fx>['expect'],
): MatrixRow<Fx> => ({ method, url, call, expect });

export const needsMatrix = defineMatrix<Fx>({
  name: 'needs',
  setup: async (env) => {
    const { t, storeB } = env;
    const showroom = await makeShowroom(t, storeB.id);
    const { lead } = await makeLead(t, storeB.id);
    const needs = await t.call('POST', '/api/v1/needs-analyses', {
      token: t.adminToken,
      body: { leadId: lead.id, answers: familyNeed() },
    });
    const fx: Fx = {
      leadB: lead.id,
      needsB: needs.body.id,
      planB: '',
      tokenB: '',
      trimB: showroom.fitInStock.id,
    };
    const plan = await freshPlan(fx, env);
    fx.planB = plan.id;
    fx.tokenB = plan.sharePath.split('/').pop()!;
    return fx;
  },
  rows: [
    row('GET', '/api/v1/needs-analyses', () => ({ url: '/api/v1/needs-analyses' }), open),
    row(
      'POST',
      '/api/v1/needs-analyses',
      async (fx, env) => ({
        url: '/api/v1/needs-analyses',
        body: {
          leadId: fx.leadB,
          version: (
            await env.t.call('GET', `/api/v1/needs-analyses?leadId=${fx.leadB}&latest=true`, {
              token: env.t.adminToken,
            })
          ).body.items[0].version,
          answers: { ...familyNeed(), annualKm: Math.floor(Math.random() * 100_000) },
        },
      }),
      { anonymous: 401, consultantA: 404, managerA: 404, admin: 201 },
    ),
    row(
      'GET',
      '/api/v1/needs-analyses/:id',
      (fx) => ({ url: `/api/v1/needs-analyses/${fx.needsB}` }),
      recordOfB,
    ),
    row(
      'GET',
      '/api/v1/needs-analyses/:id/recommendations',
      (fx) => ({ url: `/api/v1/needs-analyses/${fx.needsB}/recommendations` }),
      recordOfB,
    ),
    row('GET', '/api/v1/purchase-plans', () => ({ url: '/api/v1/purchase-plans' }), open),
    row(
      'POST',
      '/api/v1/purchase-plans',
      async (fx, env) => {
        await displayTrim(fx, env);
        return {
          url: '/api/v1/purchase-plans',
          body: { leadId: fx.leadB, items: [{ trimId: fx.trimB }], payment: { kind: 'full' } },
        };
      },
      { anonymous: 401, consultantA: 404, managerA: 404, admin: 201 },
    ),
    row(
      'GET',
      '/api/v1/purchase-plans/:id',
      (fx) => ({ url: `/api/v1/purchase-plans/${fx.planB}` }),
      recordOfB,
    ),
    row(
      'POST',
      '/api/v1/purchase-plans/:id/share',
      async (fx, env) => {
        const plan = await freshPlan(fx, env);
        return { url: `/api/v1/purchase-plans/${plan.id}/share`, body: { version: plan.version } };
      },
      recordOfB,
    ),
    row(
      'GET',
      '/api/v1/purchase-plans/:id/pdf',
      (fx) => ({ url: `/api/v1/purchase-plans/${fx.planB}/pdf` }),
      recordOfB,
    ),
    // the customer's link: no account needed, the same answer for everyone
    row(
      'GET',
      '/api/v1/public/purchase-plans/:token',
      (fx) => ({ url: `/api/v1/public/purchase-plans/${fx.tokenB}` }),
      publicRoute,
    ),
    row(
      'GET',
      '/api/v1/public/purchase-plans/:token/pdf',
      (fx) => ({ url: `/api/v1/public/purchase-plans/${fx.tokenB}/pdf` }),
      publicRoute,
    ),
  ],
});
