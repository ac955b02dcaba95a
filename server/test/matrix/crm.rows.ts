import { makeCustomer, makeCustomerVehicle, makeMobile } from '../factories';
import { makeVin } from '../../modules/vehicles/vehicle.fixtures';
import { defineMatrix, type MatrixEnv, type MatrixRow } from './types';

interface Fx {
  customerB: string;
  vehicleB: string;
}

/** Store A's consultant and manager never reach store B's customers; only managers reveal and merge. */
const open = { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 };
const recordOfB = { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 };
const managersOnly = { anonymous: 401, consultantA: 403, managerA: 404, admin: 200 };
const freshCustomer = (env: MatrixEnv) => makeCustomer(env.t, env.storeB.id);

export const crmMatrix = defineMatrix<Fx>({
  name: 'crm',
  setup: async (env) => {
    const customerB = (await freshCustomer(env)).id;
    const vehicleB = (await makeCustomerVehicle(env.t, customerB)).id;
    return { customerB, vehicleB };
  },
  rows: [
    {
      method: 'GET',
      url: '/api/v1/customers',
      call: () => ({ url: '/api/v1/customers?q=王' }),
      expect: open,
    },
    {
      method: 'POST',
      url: '/api/v1/customers',
      call: (_fx, { storeB }) => ({
        url: '/api/v1/customers',
        body: { type: 'individual', name: '矩阵', mobiles: [makeMobile()], storeId: storeB.id },
      }),
      expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 201 },
    },
    {
      method: 'GET',
      url: '/api/v1/customers/duplicates',
      call: () => ({ url: `/api/v1/customers/duplicates?mobile=${makeMobile()}` }),
      expect: open,
    },
    {
      method: 'GET',
      url: '/api/v1/customers/:id',
      call: (fx) => ({ url: `/api/v1/customers/${fx.customerB}` }),
      expect: recordOfB,
    },
    {
      method: 'PATCH',
      url: '/api/v1/customers/:id',
      call: async (fx, { versionOf }) => ({
        url: `/api/v1/customers/${fx.customerB}`,
        body: { version: await versionOf(`/api/v1/customers/${fx.customerB}`), note: 'matrix' },
      }),
      expect: recordOfB,
    },
    {
      method: 'POST',
      url: '/api/v1/customers/:id/reveal-identity',
      call: (fx) => ({ url: `/api/v1/customers/${fx.customerB}/reveal-identity` }),
      expect: managersOnly,
    },
    {
      method: 'POST',
      url: '/api/v1/customers/:id/merge',
      call: async (fx, env) => ({
        url: `/api/v1/customers/${fx.customerB}/merge`,
        body: {
          sourceId: (await freshCustomer(env)).id,
          version: await env.versionOf(`/api/v1/customers/${fx.customerB}`),
        },
      }),
      expect: managersOnly,
    },
    {
      method: 'GET',
      url: '/api/v1/customers/:id/timeline',
      call: (fx) => ({ url: `/api/v1/customers/${fx.customerB}/timeline` }),
      expect: recordOfB,
    },
    {
      method: 'GET',
      url: '/api/v1/customer-vehicles',
      call: () => ({ url: '/api/v1/customer-vehicles?q=京A' }),
      expect: open,
    },
    {
      method: 'POST',
      url: '/api/v1/customer-vehicles',
      call: (fx) => ({
        url: '/api/v1/customer-vehicles',
        body: { customerId: fx.customerB, vin: makeVin() },
      }),
      expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 201 },
    },
    ...(['GET', 'PATCH'] as const).map((method): MatrixRow<Fx> => ({
      method,
      url: '/api/v1/customer-vehicles/:id',
      call: async (fx, { versionOf }) => ({
        url: `/api/v1/customer-vehicles/${fx.vehicleB}`,
        body:
          method === 'PATCH'
            ? { version: await versionOf(`/api/v1/customer-vehicles/${fx.vehicleB}`), modelName: '汉' }
            : undefined,
      }),
      expect: recordOfB,
    })),
    {
      method: 'POST',
      url: '/api/v1/customer-vehicles/:id/mileage',
      call: (fx) => ({
        url: `/api/v1/customer-vehicles/${fx.vehicleB}/mileage`,
        body: { km: 1000 + Math.floor(Date.now() % 100_000), readAt: new Date().toISOString() },
      }),
      expect: { ...recordOfB, admin: 201 },
    },
    {
      method: 'GET',
      url: '/api/v1/customer-vehicles/:id/mileage',
      call: (fx) => ({ url: `/api/v1/customer-vehicles/${fx.vehicleB}/mileage` }),
      expect: recordOfB,
    },
  ],
});
