import { raiseAlert } from '../../modules/crm';
import { makeStaff } from '../factories';
import { defineMatrix, type MatrixEnv, type MatrixRow } from './types';

interface Fx {
  customerB: string;
  leadB: string;
  consultantB: string;
}

let mobiles = 0;
const freshMobile = () =>
  `137${String(Date.now() % 1e5).padStart(5, '0')}${String(mobiles++ % 1000).padStart(3, '0')}`;

/** A lead of store B, new, version 1 (as the admin files it: store B has no consultant on round robin). */
const freshLead = async (fx: Fx, env: MatrixEnv) =>
  (
    await env.t.call('POST', '/api/v1/leads', {
      token: env.t.adminToken,
      body: { customerId: fx.customerB, storeId: env.storeB.id, source: 'phone' },
    })
  ).body.id as string;

const open = { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 };
const recordOfB = { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 };

/** A status move on a fresh store-B lead: store A never reaches it; the admin gets the machine's answer. */
const moveRow = (verb: string, admin: number, body: Record<string, unknown> = {}): MatrixRow<Fx> => ({
  method: 'POST',
  url: `/api/v1/leads/:id/${verb}`,
  call: async (fx, env) => ({
    url: `/api/v1/leads/${await freshLead(fx, env)}/${verb}`,
    body: { version: 1, ...body },
  }),
  expect: { ...recordOfB, admin },
});

export const leadsMatrix = defineMatrix<Fx>({
  name: 'leads',
  setup: async (env) => {
    const { t, storeB } = env;
    const customer = await t.call('POST', '/api/v1/customers', {
      token: t.adminToken,
      body: { type: 'individual', name: '矩阵客户', mobiles: [freshMobile()], storeId: storeB.id },
    });
    const consultantB = (await makeStaff(t, 'sales_consultant', storeB.id)).user.id;
    const fx: Fx = { customerB: customer.body.id as string, leadB: '', consultantB };
    fx.leadB = await freshLead(fx, env);
    return fx;
  },
  rows: [
    { method: 'GET', url: '/api/v1/leads', call: () => ({ url: '/api/v1/leads' }), expect: open },
    {
      method: 'POST',
      url: '/api/v1/leads',
      call: (fx, { storeB }) => ({
        url: '/api/v1/leads',
        body: { customerId: fx.customerB, storeId: storeB.id, source: 'walk_in' },
      }),
      expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 201 },
    },
    {
      method: 'GET',
      url: '/api/v1/leads/funnel',
      call: () => ({ url: '/api/v1/leads/funnel' }),
      expect: open,
    },
    {
      method: 'GET',
      url: '/api/v1/leads/:id',
      call: (fx) => ({ url: `/api/v1/leads/${fx.leadB}` }),
      expect: recordOfB,
    },
    moveRow('contact', 200),
    moveRow('book-appointment', 200),
    moveRow('visit', 200),
    moveRow('negotiate', 409), // a new lead is not in talks yet
    moveRow('win', 409),
    moveRow('reopen', 409),
    moveRow('lose', 200, { reason: 'price' }),
    {
      method: 'POST',
      url: '/api/v1/leads/:id/assign',
      call: async (fx, env) => ({
        url: `/api/v1/leads/${await freshLead(fx, env)}/assign`,
        body: { version: 1, ownerId: fx.consultantB },
      }),
      // a consultant's role has no assigning anywhere
      expect: { anonymous: 401, consultantA: 403, managerA: 404, admin: 200 },
    },
    {
      method: 'GET',
      url: '/api/v1/lead-settings/:id',
      call: (_fx, { storeB }) => ({ url: `/api/v1/lead-settings/${storeB.id}` }),
      expect: recordOfB,
    },
    {
      method: 'PATCH',
      url: '/api/v1/lead-settings/:id',
      call: async (_fx, env) => ({
        url: `/api/v1/lead-settings/${env.storeB.id}`,
        body: { version: await env.versionOf(`/api/v1/lead-settings/${env.storeB.id}`), slaMinutes: 45 },
      }),
      expect: { anonymous: 401, consultantA: 403, managerA: 404, admin: 200 },
    },
    { method: 'GET', url: '/api/v1/alerts', call: () => ({ url: '/api/v1/alerts' }), expect: open },
    {
      method: 'POST',
      url: '/api/v1/alerts/:id/resolve',
      call: async (fx, env) => {
        // an alert in store B addressed to the group administrator: only they may resolve it
        const admin = await env.t.handle.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'admin')
          .executeTakeFirstOrThrow();
        const key = `matrix:${env.fresh()}`;
        await raiseAlert(env.t.handle.db, {
          groupId: (
            await env.t.handle.db
              .selectFrom('stores')
              .select('group_id')
              .where('id', '=', env.storeB.id)
              .executeTakeFirstOrThrow()
          ).group_id,
          storeId: env.storeB.id,
          kind: 'lead_sla_missed',
          recipientId: admin.id,
          entity: 'lead',
          entityId: fx.leadB,
          params: {},
          dedupeKey: key,
        });
        const row = await env.t.handle.db
          .selectFrom('alerts')
          .select('id')
          .where('dedupe_key', '=', key)
          .executeTakeFirstOrThrow();
        return { url: `/api/v1/alerts/${row.id}/resolve`, body: { version: 1 } };
      },
      expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 },
    },
  ],
});
