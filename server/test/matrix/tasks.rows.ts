import { makeStaff } from '../factories';
import { defineMatrix, type MatrixEnv } from './types';

interface Fx {
  staffB: string;
}

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
/** A task of store B's staff, fresh for each cell. */
const freshTask = async (fx: Fx, env: MatrixEnv) =>
  (
    await env.t.call('POST', '/api/v1/tasks', {
      token: env.t.adminToken,
      body: { storeId: env.storeB.id, assigneeId: fx.staffB, type: 'call', title: '回访', dueAt: inHours(3) },
    })
  ).body.id as string;

const recordOfB = { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 };

export const tasksMatrix = defineMatrix<Fx>({
  name: 'tasks',
  setup: async (env) => ({ staffB: (await makeStaff(env.t, 'sales_consultant', env.storeB.id)).user.id }),
  rows: [
    {
      method: 'GET',
      url: '/api/v1/tasks',
      call: () => ({ url: '/api/v1/tasks' }),
      expect: { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 },
    },
    {
      method: 'POST',
      url: '/api/v1/tasks',
      call: (fx, { storeB }) => ({
        url: '/api/v1/tasks',
        body: { storeId: storeB.id, assigneeId: fx.staffB, type: 'visit', title: '上门', dueAt: inHours(5) },
      }),
      expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 201 },
    },
    {
      method: 'POST',
      url: '/api/v1/tasks/:id/complete',
      call: async (fx, env) => ({
        url: `/api/v1/tasks/${await freshTask(fx, env)}/complete`,
        body: { version: 1, outcome: 'reached' },
      }),
      expect: recordOfB,
    },
    {
      method: 'POST',
      url: '/api/v1/tasks/:id/cancel',
      call: async (fx, env) => ({
        url: `/api/v1/tasks/${await freshTask(fx, env)}/cancel`,
        body: { version: 1 },
      }),
      expect: recordOfB,
    },
  ],
});
