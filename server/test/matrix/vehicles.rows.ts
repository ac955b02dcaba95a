import { makeStore } from '../factories';
import { makeTrimRows, makeVehicle, makeVin } from '../../modules/vehicles/vehicle.fixtures';
import { defineMatrix, type MatrixEnv, type MatrixRow } from './types';

interface Fx {
  trimId: string;
  nevTrimId: string;
  storeC: string;
  vehicleB: string;
  transferB: string;
  planB: string;
}

/** Store A's consultant and manager never reach store B's stock; consultants lack the manager's actions. */
const asAdmin = (env: MatrixEnv, method: 'POST', url: string, body?: unknown) =>
  env.t.call(method, url, { token: env.t.adminToken, body });
const freshVehicle = (fx: Fx, env: MatrixEnv, overrides: Record<string, unknown> = {}) =>
  makeVehicle(env.t, env.storeB.id, fx.trimId, overrides);
const freshTransfer = async (fx: Fx, env: MatrixEnv) => {
  const v = await freshVehicle(fx, env);
  return (await asAdmin(env, 'POST', '/api/v1/vehicle-transfers', { vehicleId: v.id, toStoreId: fx.storeC }))
    .body.id as string;
};
const freshPlan = async (fx: Fx, env: MatrixEnv) =>
  (
    await asAdmin(env, 'POST', '/api/v1/showroom-plans', {
      storeId: env.storeB.id,
      name: 'Matrix',
      effectiveFrom: '2026-01-01',
      slots: [{ slot: 'N1', trimId: fx.nevTrimId, tags: ['nev'] }],
    })
  ).body.id as string;

const open = { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 };
const recordOfB = { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 };
const managersOnly = { anonymous: 401, consultantA: 403, managerA: 404, admin: 200 };

const verbRow = (
  verb: string,
  expect: MatrixRow<Fx>['expect'],
  prepare: (fx: Fx, env: MatrixEnv) => Promise<string>,
): MatrixRow<Fx> => ({
  method: 'POST',
  url: `/api/v1/vehicles/:id/${verb}`,
  call: async (fx, env) => ({ url: `/api/v1/vehicles/${await prepare(fx, env)}/${verb}` }),
  expect,
});

export const vehiclesMatrix = defineMatrix<Fx>({
  name: 'vehicles',
  setup: async (env) => {
    const { t, storeB } = env;
    const trimId = (await makeTrimRows(t)).trimId;
    const nevTrimId = (await makeTrimRows(t, { isNev: true })).trimId;
    const storeC = (await makeStore(t)).id;
    const vehicleB = (await makeVehicle(t, storeB.id, trimId)).id;
    const fx: Fx = { trimId, nevTrimId, storeC, vehicleB, transferB: '', planB: '' };
    fx.transferB = await freshTransfer(fx, env);
    fx.planB = await freshPlan(fx, env);
    return fx;
  },
  rows: [
    {
      method: 'GET',
      url: '/api/v1/vehicles',
      call: () => ({ url: '/api/v1/vehicles' }),
      expect: open,
    },
    {
      method: 'POST',
      url: '/api/v1/vehicles',
      call: (fx, { storeB }) => ({
        url: '/api/v1/vehicles',
        body: { vin: makeVin(), trimId: fx.trimId, storeId: storeB.id },
      }),
      expect: { ...managersOnly, admin: 201 },
    },
    {
      method: 'GET',
      url: '/api/v1/vehicles/summary',
      call: () => ({ url: '/api/v1/vehicles/summary' }),
      expect: open,
    },
    {
      method: 'GET',
      url: '/api/v1/vehicles/export',
      call: () => ({ url: '/api/v1/vehicles/export?format=csv' }),
      expect: { anonymous: 401, consultantA: 403, managerA: 200, admin: 200 },
    },
    {
      method: 'POST',
      url: '/api/v1/vehicles/import',
      call: (_fx, { storeB }) => ({
        url: `/api/v1/vehicles/import?mode=dry-run&storeId=${storeB.id}`,
        body: 'vin,trimCode\n',
        headers: { 'content-type': 'text/csv' },
      }),
      expect: managersOnly,
    },
    {
      method: 'GET',
      url: '/api/v1/vehicles/:id',
      call: (fx) => ({ url: `/api/v1/vehicles/${fx.vehicleB}` }),
      expect: recordOfB,
    },
    {
      method: 'PATCH',
      url: '/api/v1/vehicles/:id',
      call: async (fx, { versionOf }) => ({
        url: `/api/v1/vehicles/${fx.vehicleB}`,
        body: { version: await versionOf(`/api/v1/vehicles/${fx.vehicleB}`), locationNote: 'row 3' },
      }),
      expect: managersOnly,
    },
    {
      method: 'GET',
      url: '/api/v1/vehicles/:id/history',
      call: (fx) => ({ url: `/api/v1/vehicles/${fx.vehicleB}/history` }),
      expect: recordOfB,
    },
    verbRow(
      'ship',
      managersOnly,
      async (fx, env) => (await freshVehicle(fx, env, { status: 'on_order' })).id,
    ),
    verbRow(
      'receive',
      managersOnly,
      async (fx, env) => (await freshVehicle(fx, env, { status: 'in_transit' })).id,
    ),
    verbRow('reserve', recordOfB, async (fx, env) => (await freshVehicle(fx, env)).id),
    verbRow('release', recordOfB, async (fx, env) => {
      const v = await freshVehicle(fx, env);
      await asAdmin(env, 'POST', `/api/v1/vehicles/${v.id}/reserve`);
      return v.id;
    }),
    verbRow('to-demo', managersOnly, async (fx, env) => (await freshVehicle(fx, env)).id),
    verbRow('from-demo', managersOnly, async (fx, env) => {
      const v = await freshVehicle(fx, env);
      await asAdmin(env, 'POST', `/api/v1/vehicles/${v.id}/to-demo`);
      return v.id;
    }),
    {
      method: 'GET',
      url: '/api/v1/vehicle-transfers',
      call: () => ({ url: '/api/v1/vehicle-transfers' }),
      expect: open,
    },
    {
      method: 'POST',
      url: '/api/v1/vehicle-transfers',
      call: async (fx, env) => ({
        url: '/api/v1/vehicle-transfers',
        body: { vehicleId: (await freshVehicle(fx, env)).id, toStoreId: fx.storeC },
      }),
      expect: { ...managersOnly, admin: 201 },
    },
    {
      method: 'GET',
      url: '/api/v1/vehicle-transfers/:id',
      call: (fx) => ({ url: `/api/v1/vehicle-transfers/${fx.transferB}` }),
      expect: recordOfB,
    },
    ...(['receive', 'cancel'] as const).map((verb): MatrixRow<Fx> => ({
      method: 'POST',
      url: `/api/v1/vehicle-transfers/:id/${verb}`,
      call: async (fx, env) => ({ url: `/api/v1/vehicle-transfers/${await freshTransfer(fx, env)}/${verb}` }),
      expect: managersOnly,
    })),
    {
      method: 'GET',
      url: '/api/v1/showroom-plans',
      call: () => ({ url: '/api/v1/showroom-plans' }),
      expect: open,
    },
    {
      method: 'POST',
      url: '/api/v1/showroom-plans',
      call: (fx, { storeB }) => ({
        url: '/api/v1/showroom-plans',
        body: { storeId: storeB.id, name: 'P', effectiveFrom: '2026-01-01', slots: [] },
      }),
      expect: { ...managersOnly, admin: 201 },
    },
    {
      method: 'GET',
      url: '/api/v1/showroom-plans/:id',
      call: (fx) => ({ url: `/api/v1/showroom-plans/${fx.planB}` }),
      expect: recordOfB,
    },
    {
      method: 'PATCH',
      url: '/api/v1/showroom-plans/:id',
      call: async (fx, { versionOf }) => ({
        url: `/api/v1/showroom-plans/${fx.planB}`,
        body: { version: await versionOf(`/api/v1/showroom-plans/${fx.planB}`), name: 'Renamed' },
      }),
      expect: managersOnly,
    },
    ...(['activate', 'archive'] as const).map((verb): MatrixRow<Fx> => ({
      method: 'POST',
      url: `/api/v1/showroom-plans/:id/${verb}`,
      call: async (fx, env) => ({ url: `/api/v1/showroom-plans/${await freshPlan(fx, env)}/${verb}` }),
      expect: managersOnly,
    })),
  ],
});
