import { defineMatrix, type MatrixRow } from './types';

const open = (method: 'GET' | 'POST', url: string, path: string, body?: unknown): MatrixRow<unknown> => ({
  method,
  url,
  call: () => ({ url: path, body }),
  expect: { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 },
});

/** The rules are open to every signed-in role. */
export const rulesMatrix = defineMatrix({
  name: 'rules',
  setup: async () => ({}),
  rows: [
    open('GET', '/api/v1/rules/vin/:vin', '/api/v1/rules/vin/LSVAM4187C2184847'),
    open('POST', '/api/v1/rules/validate', '/api/v1/rules/validate', {
      kind: 'cn-mobile',
      value: '13812345678',
    }),
    open('POST', '/api/v1/rules/vehicle-tax', '/api/v1/rules/vehicle-tax', {
      totalInclVat: 100000,
      purchaseDate: '2026-05-01',
      energy: 'ice',
    }),
    open('GET', '/api/v1/rules/tax-policies', '/api/v1/rules/tax-policies'),
    open('POST', '/api/v1/rules/amount-in-words', '/api/v1/rules/amount-in-words', { amount: 100 }),
    open('POST', '/api/v1/rules/three-guarantee', '/api/v1/rules/three-guarantee', {
      invoiceDate: '2026-01-01',
      assessDate: '2026-01-02',
      odometerKm: 10,
      repairs: [],
    }),
  ],
});
