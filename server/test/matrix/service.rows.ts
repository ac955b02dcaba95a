import { localToUtc } from '../../../common/rules/civil-date';
import { daysAhead, makeServiceCustomer, makeWorkshop } from '../../modules/service/service.fixtures';
import { makeStaff } from '../factories';
import { defineMatrix, type MatrixEnv, type MatrixRow } from './types';

interface Fx {
  workshop: Awaited<ReturnType<typeof makeWorkshop>>;
  customerB: string;
  vehicleB: string;
  requestB: string;
  bookingB: string;
  orderB: string;
  tokenB: string;
  healthB: string;
}

const list = { anonymous: 401, consultantA: 403, managerA: 200, admin: 200 };
const recordOfB = { anonymous: 401, consultantA: 403, managerA: 404, admin: 200 };
const createInB = { anonymous: 401, consultantA: 403, managerA: 404, admin: 201 };
const publicRoute = { anonymous: 200, consultantA: 200, managerA: 200, admin: 200 };

type Stage =
  'open' | 'diagnosing' | 'estimate_sent' | 'approved' | 'quality_check' | 'ready' | 'settled' | 'delivered';
type Order = {
  id: string;
  version: number;
  lines: { id: string; kind: string }[];
  totals: { customer: number };
};

/** A fresh repair order of store B driven (by the admin) to a stage, with an oil change and a part line. */
async function orderAt(fx: Fx, env: MatrixEnv, stage: Stage): Promise<Order & { token?: string }> {
  const { t, storeB } = env;
  const token = t.adminToken;
  const { vehicle } = await makeServiceCustomer(t, storeB.id);
  const post = async (path: string, body: unknown) => {
    const res = await t.call('POST', `/api/v1/repair-orders${path}`, { token, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  let o: Order = await post('', {
    storeId: storeB.id,
    customerVehicleId: vehicle.id,
    odometerKm: 30_000,
    customerConcern: '保养',
  });
  if (stage === 'open') return o;
  o = await post(`/${o.id}/diagnosis`, { version: o.version, findings: '到保养里程' });
  o = await post(`/${o.id}/lines`, {
    version: o.version,
    kind: 'labor',
    laborOperationId: fx.workshop.oilChange.id,
  });
  o = await post(`/${o.id}/lines`, {
    version: o.version,
    kind: 'part',
    partNumber: 'OF-1',
    description: '机油滤清器',
    quantity: 1,
    unitPrice: 8000,
  });
  if (stage === 'diagnosing') return o;
  if (stage === 'estimate_sent') {
    const sent = await post(`/${o.id}/send-estimate`, { version: o.version });
    return { ...sent.order, token: sent.approvalPath.split('/').pop() };
  }
  o = await post(`/${o.id}/approvals`, {
    version: o.version,
    signerName: '客户',
    decisions: o.lines.map((l) => ({ lineId: l.id, decision: 'approved' })),
  });
  if (stage === 'approved') return o;
  o = await post(`/${o.id}/move`, { version: o.version, action: 'start_work' });
  o = await post(`/${o.id}/move`, { version: o.version, action: 'to_quality_check' });
  if (stage === 'quality_check') return o;
  o = await post(`/${o.id}/quality-check`, {
    version: o.version,
    checklist: [{ item: '路试', passed: true }],
  });
  if (stage === 'ready') return o;
  o = await post(`/${o.id}/settle`, {
    version: o.version,
    payments: [{ method: 'cash', amount: o.totals.customer }],
  });
  if (stage === 'settled') return o;
  return post(`/${o.id}/handover`, {
    version: o.version,
    signerName: '客户',
    signature: 'data:image/png;base64,iVBORw0KGgo=',
  });
}

let day = 20;
const row = (
  method: MatrixRow<Fx>['method'],
  url: string,
  call: MatrixRow<Fx>['call'],
  expect: MatrixRow<Fx>['expect'],
): MatrixRow<Fx> => ({ method, url, call, expect });
const orderRow = (
  path: string,
  stage: Stage,
  body: (o: Order & { token?: string }) => unknown,
  expect = recordOfB,
) =>
  row(
    'POST',
    `/api/v1/repair-orders/:id${path}`,
    async (fx, env) => {
      const o = await orderAt(fx, env, stage);
      return {
        url: `/api/v1/repair-orders/${o.id}${path.replace(':lineId', o.lines[0]?.id ?? 'x')}`,
        body: body(o),
      };
    },
    expect,
  );

export const serviceMatrix = defineMatrix<Fx>({
  name: 'service',
  setup: async (env) => {
    const { t, storeB } = env;
    const workshop = await makeWorkshop(t, storeB.id);
    const { customer, vehicle } = await makeServiceCustomer(t, storeB.id);
    const request = await t.call('POST', '/api/v1/service-requests', {
      token: t.adminToken,
      body: {
        storeId: storeB.id,
        customerId: customer.id,
        channel: 'phone',
        category: 'maintenance',
        description: '预约保养',
      },
    });
    const booking = await t.call('POST', '/api/v1/service-bookings', {
      token: t.adminToken,
      body: {
        storeId: storeB.id,
        customerVehicleId: vehicle.id,
        startAt: localToUtc(daysAhead(9), '09:00', 'Asia/Shanghai'),
        minutes: 60,
      },
    });
    const fx: Fx = {
      workshop,
      customerB: customer.id,
      vehicleB: vehicle.id,
      requestB: request.body.id,
      bookingB: booking.body.id,
      orderB: '',
      tokenB: '',
      healthB: '',
    };
    const sent = await orderAt(fx, env, 'estimate_sent');
    fx.orderB = sent.id;
    fx.tokenB = sent.token!;
    const settled = await orderAt(fx, env, 'settled');
    fx.healthB = (
      await t.handle.db
        .selectFrom('health_records')
        .select('id')
        .where('repair_order_id', '=', settled.id)
        .executeTakeFirstOrThrow()
    ).id;
    return fx;
  },
  rows: [
    row(
      'GET',
      '/api/v1/workshop-resources',
      (_fx, { storeB }) => ({ url: `/api/v1/workshop-resources?storeId=${storeB.id}` }),
      recordOfB,
    ),
    row(
      'PUT',
      '/api/v1/workshop-resources/settings',
      async (_fx, { t, storeB }) => {
        const current = await t.call('GET', `/api/v1/workshop-resources?storeId=${storeB.id}`, {
          token: t.adminToken,
        });
        return {
          url: '/api/v1/workshop-resources/settings',
          body: {
            storeId: storeB.id,
            version: current.body.settings.version,
            labourRate: 30_000,
            opensAt: '08:00',
            closesAt: '18:00',
            openDays: [1, 2, 3, 4, 5, 6, 7],
            slotMinutes: 60,
            firstResponseMinutes: 60,
            followUpDays: 2,
          },
        };
      },
      recordOfB,
    ),
    row(
      'POST',
      '/api/v1/workshop-resources/bays',
      (_fx, { storeB, fresh }) => ({
        url: '/api/v1/workshop-resources/bays',
        body: { storeId: storeB.id, code: `B${fresh()}`.slice(0, 20), name: '工位', skills: [] },
      }),
      createInB,
    ),
    row(
      'POST',
      '/api/v1/workshop-resources/technicians',
      async (_fx, { t, storeB }) => ({
        url: '/api/v1/workshop-resources/technicians',
        body: {
          storeId: storeB.id,
          userId: (await makeStaff(t, 'technician', storeB.id)).user.id,
          skills: ['general'],
        },
      }),
      createInB,
    ),
    row('GET', '/api/v1/labor-operations', () => ({ url: '/api/v1/labor-operations' }), list),
    row(
      'POST',
      '/api/v1/labor-operations',
      (_fx, { storeB, fresh }) => ({
        url: '/api/v1/labor-operations',
        body: {
          storeId: storeB.id,
          code: `J${fresh()}`,
          name: '四轮定位',
          hoursCenti: 80,
          skill: 'alignment',
        },
      }),
      createInB,
    ),
    row('GET', '/api/v1/service-campaigns', () => ({ url: '/api/v1/service-campaigns' }), list),
    row(
      'POST',
      '/api/v1/service-campaigns',
      (_fx, { fresh }) => ({
        url: '/api/v1/service-campaigns',
        body: {
          code: `C${fresh()}`,
          title: '召回',
          kind: 'recall',
          vinFrom: 'LGXCE4CB0SA000000',
          vinTo: 'LGXCE4CB0SA999999',
          startsOn: '2026-01-01',
        },
      }),
      { anonymous: 401, consultantA: 403, managerA: 201, admin: 201 },
    ),
    row('GET', '/api/v1/service-requests', () => ({ url: '/api/v1/service-requests' }), list),
    row(
      'POST',
      '/api/v1/service-requests',
      (fx, { storeB }) => ({
        url: '/api/v1/service-requests',
        body: {
          storeId: storeB.id,
          customerId: fx.customerB,
          channel: 'online',
          category: 'repair',
          description: '异响',
        },
      }),
      createInB,
    ),
    row(
      'GET',
      '/api/v1/service-requests/:id',
      (fx) => ({ url: `/api/v1/service-requests/${fx.requestB}` }),
      recordOfB,
    ),
    row(
      'POST',
      '/api/v1/service-requests/:id/respond',
      async (fx, { t, storeB }) => {
        const r = await t.call('POST', '/api/v1/service-requests', {
          token: t.adminToken,
          body: {
            storeId: storeB.id,
            customerId: fx.customerB,
            channel: 'walk_in',
            category: 'complaint',
            description: '等待时间长',
          },
        });
        return {
          url: `/api/v1/service-requests/${r.body.id}/respond`,
          body: { version: r.body.version, note: '已致电道歉' },
        };
      },
      recordOfB,
    ),
    row('GET', '/api/v1/service-bookings', () => ({ url: '/api/v1/service-bookings' }), list),
    row(
      'GET',
      '/api/v1/service-bookings/availability',
      (_fx, { storeB }) => ({
        url: `/api/v1/service-bookings/availability?storeId=${storeB.id}&date=${daysAhead(4)}`,
      }),
      recordOfB,
    ),
    row(
      'POST',
      '/api/v1/service-bookings',
      (fx, { storeB }) => ({
        url: '/api/v1/service-bookings',
        body: {
          storeId: storeB.id,
          customerVehicleId: fx.vehicleB,
          startAt: localToUtc(daysAhead(day++), '10:00', 'Asia/Shanghai'),
          minutes: 60,
        },
      }),
      createInB,
    ),
    row(
      'GET',
      '/api/v1/service-bookings/:id',
      (fx) => ({ url: `/api/v1/service-bookings/${fx.bookingB}` }),
      recordOfB,
    ),
    row(
      'POST',
      '/api/v1/service-bookings/:id/cancel',
      async (fx, { t, storeB }) => {
        const b = await t.call('POST', '/api/v1/service-bookings', {
          token: t.adminToken,
          body: {
            storeId: storeB.id,
            customerVehicleId: fx.vehicleB,
            startAt: localToUtc(daysAhead(day++), '11:00', 'Asia/Shanghai'),
            minutes: 60,
          },
        });
        return { url: `/api/v1/service-bookings/${b.body.id}/cancel`, body: { version: b.body.version } };
      },
      recordOfB,
    ),
    row(
      'POST',
      '/api/v1/service-bookings/:id/pickup',
      async (fx, { t, storeB }) => {
        const startAt = localToUtc(daysAhead(day++), '11:00', 'Asia/Shanghai');
        const b = await t.call('POST', '/api/v1/service-bookings', {
          token: t.adminToken,
          body: {
            storeId: storeB.id,
            customerVehicleId: fx.vehicleB,
            startAt,
            minutes: 60,
            pickup: { address: '人民路 1 号', at: startAt },
          },
        });
        return {
          url: `/api/v1/service-bookings/${b.body.id}/pickup`,
          body: { version: b.body.version, status: 'picked_up' },
        };
      },
      recordOfB,
    ),
    row('GET', '/api/v1/repair-orders', () => ({ url: '/api/v1/repair-orders' }), list),
    row(
      'GET',
      '/api/v1/repair-orders/check-in-lookup',
      (_fx, { storeB }) => ({ url: `/api/v1/repair-orders/check-in-lookup?storeId=${storeB.id}&q=LGX` }),
      recordOfB,
    ),
    row('GET', '/api/v1/repair-orders/my-jobs', () => ({ url: '/api/v1/repair-orders/my-jobs' }), list),
    row(
      'POST',
      '/api/v1/repair-orders',
      async (_fx, { t, storeB }) => {
        const { vehicle } = await makeServiceCustomer(t, storeB.id, 500);
        return {
          url: '/api/v1/repair-orders',
          body: {
            storeId: storeB.id,
            customerVehicleId: vehicle.id,
            odometerKm: 1000,
            customerConcern: '首保',
          },
        };
      },
      createInB,
    ),
    row(
      'GET',
      '/api/v1/repair-orders/:id',
      (fx) => ({ url: `/api/v1/repair-orders/${fx.orderB}` }),
      recordOfB,
    ),
    row(
      'GET',
      '/api/v1/repair-orders/:id/pdf',
      (fx) => ({ url: `/api/v1/repair-orders/${fx.orderB}/pdf` }),
      recordOfB,
    ),
    orderRow('/move', 'open', (o) => ({ version: o.version, action: 'diagnose' })),
    orderRow('/diagnosis', 'open', (o) => ({ version: o.version, findings: '检查' })),
    orderRow('/lines', 'diagnosing', (o) => ({
      version: o.version,
      kind: 'sublet',
      description: '玻璃修复（外包）',
      unitPrice: 30_000,
    })),
    orderRow('/inspection', 'open', (o) => ({
      version: o.version,
      items: [{ item: '轮胎', rating: 'green' }],
    })),
    orderRow('/approvals', 'diagnosing', (o) => ({
      version: o.version,
      signerName: '客户',
      decisions: o.lines.map((l) => ({ lineId: l.id, decision: 'approved' })),
    })),
    orderRow('/send-estimate', 'diagnosing', (o) => ({ version: o.version })),
    orderRow('/lines/:lineId/clock', 'approved', () => ({ action: 'start' })),
    row(
      'POST',
      '/api/v1/repair-orders/:id/lines/:lineId/issue',
      async (fx, env) => {
        const o = await orderAt(fx, env, 'approved');
        return {
          url: `/api/v1/repair-orders/${o.id}/lines/${o.lines.find((l) => l.kind === 'part')!.id}/issue`,
          body: { quantity: 1 },
        };
      },
      recordOfB,
    ),
    orderRow('/quality-check', 'quality_check', (o) => ({
      version: o.version,
      checklist: [{ item: '路试', passed: true }],
    })),
    orderRow('/settle', 'ready', (o) => ({
      version: o.version,
      payments: [{ method: 'card', amount: o.totals.customer }],
    })),
    orderRow('/handover', 'settled', (o) => ({
      version: o.version,
      signerName: '客户',
      signature: 'data:image/png;base64,iVBORw0KGgo=',
    })),
    orderRow('/close', 'delivered', (o) => ({ version: o.version })),
    orderRow('/follow-up', 'delivered', (o) => ({ version: o.version, satisfaction: 4 })),
    row(
      'GET',
      '/api/v1/public/estimates/:token',
      (fx) => ({ url: `/api/v1/public/estimates/${fx.tokenB}` }),
      publicRoute,
    ),
    row(
      'POST',
      '/api/v1/public/estimates/:token/decisions',
      async (fx, env) => {
        const o = await orderAt(fx, env, 'estimate_sent');
        return {
          url: `/api/v1/public/estimates/${o.token}/decisions`,
          body: {
            signerName: '客户',
            decisions: o.lines.map((l) => ({ lineId: l.id, decision: 'declined' })),
          },
        };
      },
      publicRoute,
    ),
    row('GET', '/api/v1/health-records', () => ({ url: '/api/v1/health-records' }), list),
    row(
      'POST',
      '/api/v1/health-records/:id/retry',
      async (fx, { t }) => {
        await t.handle.db
          .updateTable('health_records')
          .set({ status: 'failed', last_error: 'upload refused' })
          .where('id', '=', fx.healthB)
          .execute();
        return { url: `/api/v1/health-records/${fx.healthB}/retry` };
      },
      recordOfB,
    ),
  ],
});
