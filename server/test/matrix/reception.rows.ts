import { makeCustomer } from '../factories';
import { makeTrimRows, makeVehicle } from '../../modules/vehicles/vehicle.fixtures';
import { defineMatrix, type MatrixEnv, type MatrixRow } from './types';

interface Fx {
  customerB: string;
  trimId: string;
  appointmentB: string;
  receptionB: string;
  testDriveB: string;
}

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const asAdmin = (env: MatrixEnv, url: string, body: unknown) =>
  env.t.call('POST', url, { token: env.t.adminToken, body });

/** Fresh store-B records for each cell, so every who meets the same state. */
const freshAppointment = async (fx: Fx, env: MatrixEnv) =>
  (
    await asAdmin(env, '/api/v1/appointments', {
      customerId: fx.customerB,
      storeId: env.storeB.id,
      channel: 'phone',
      scheduledAt: inHours(30),
    })
  ).body.id as string;
const freshReception = async (fx: Fx, env: MatrixEnv) =>
  (await asAdmin(env, '/api/v1/receptions', { customerId: fx.customerB, storeId: env.storeB.id })).body
    .id as string;
const freshTestDrive = async (fx: Fx, env: MatrixEnv) => {
  const car = await makeVehicle(env.t, env.storeB.id, fx.trimId, {
    status: 'in_stock',
    arrivedOn: '2026-01-05',
  });
  return (
    await asAdmin(env, '/api/v1/test-drives', {
      customerId: fx.customerB,
      vehicleId: car.id,
      licenceValidUntil: '2035-01-01',
    })
  ).body.id as string;
};

const open = { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 };
const recordOfB = { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 };

const post = (
  url: string,
  fresh: (fx: Fx, env: MatrixEnv) => Promise<string>,
  body: Record<string, unknown>,
  admin = 200,
): MatrixRow<Fx> => ({
  method: 'POST',
  url,
  call: async (fx, env) => ({ url: url.replace(':id', await fresh(fx, env)), body: { version: 1, ...body } }),
  expect: { ...recordOfB, admin },
});

export const receptionMatrix = defineMatrix<Fx>({
  name: 'reception',
  setup: async (env) => {
    const customerB = (await makeCustomer(env.t, env.storeB.id)).id;
    const trimId = (await makeTrimRows(env.t)).trimId;
    const fx: Fx = { customerB, trimId, appointmentB: '', receptionB: '', testDriveB: '' };
    fx.appointmentB = await freshAppointment(fx, env);
    fx.receptionB = await freshReception(fx, env);
    fx.testDriveB = await freshTestDrive(fx, env);
    return fx;
  },
  rows: [
    {
      method: 'GET',
      url: '/api/v1/appointments',
      call: () => ({ url: '/api/v1/appointments' }),
      expect: open,
    },
    {
      method: 'POST',
      url: '/api/v1/appointments',
      call: (fx, { storeB }) => ({
        url: '/api/v1/appointments',
        body: { customerId: fx.customerB, storeId: storeB.id, channel: 'online', scheduledAt: inHours(48) },
      }),
      expect: { ...recordOfB, admin: 201 },
    },
    {
      method: 'GET',
      url: '/api/v1/appointments/:id',
      call: (fx) => ({ url: `/api/v1/appointments/${fx.appointmentB}` }),
      expect: recordOfB,
    },
    post('/api/v1/appointments/:id/reschedule', freshAppointment, { scheduledAt: inHours(50) }),
    post('/api/v1/appointments/:id/no-show', freshAppointment, {}),
    post('/api/v1/appointments/:id/cancel', freshAppointment, {}),
    { method: 'GET', url: '/api/v1/receptions', call: () => ({ url: '/api/v1/receptions' }), expect: open },
    {
      method: 'POST',
      url: '/api/v1/receptions',
      call: (fx, { storeB }) => ({
        url: '/api/v1/receptions',
        body: { customerId: fx.customerB, storeId: storeB.id },
      }),
      expect: { ...recordOfB, admin: 201 },
    },
    {
      method: 'GET',
      url: '/api/v1/receptions/:id',
      call: (fx) => ({ url: `/api/v1/receptions/${fx.receptionB}` }),
      expect: recordOfB,
    },
    {
      method: 'PATCH',
      url: '/api/v1/receptions/:id',
      call: async (fx, env) => ({
        url: `/api/v1/receptions/${await freshReception(fx, env)}`,
        body: { version: 1, partySize: 2 },
      }),
      expect: recordOfB,
    },
    post('/api/v1/receptions/:id/depart', freshReception, {}),
    {
      method: 'GET',
      url: '/api/v1/reception-board',
      call: (_fx, { storeB }) => ({ url: `/api/v1/reception-board?storeId=${storeB.id}` }),
      expect: recordOfB,
    },
    { method: 'GET', url: '/api/v1/test-drives', call: () => ({ url: '/api/v1/test-drives' }), expect: open },
    {
      method: 'POST',
      url: '/api/v1/test-drives',
      call: async (fx, env) => {
        const car = await makeVehicle(env.t, env.storeB.id, fx.trimId, {
          status: 'in_stock',
          arrivedOn: '2026-01-05',
        });
        return { url: '/api/v1/test-drives', body: { customerId: fx.customerB, vehicleId: car.id } };
      },
      // store A cannot pick store B's car: the vehicle field is refused
      expect: { anonymous: 401, consultantA: 400, managerA: 400, admin: 201 },
    },
    {
      method: 'GET',
      url: '/api/v1/test-drives/:id',
      call: (fx) => ({ url: `/api/v1/test-drives/${fx.testDriveB}` }),
      expect: recordOfB,
    },
    post('/api/v1/test-drives/:id/check-licence', freshTestDrive, { licenceValidUntil: '2036-01-01' }),
    post('/api/v1/test-drives/:id/start', freshTestDrive, {}),
    post('/api/v1/test-drives/:id/end', freshTestDrive, {}, 409), // a planned drive has not started
    post('/api/v1/test-drives/:id/cancel', freshTestDrive, {}),
  ],
});
