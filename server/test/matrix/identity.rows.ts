import { makeStaff, staffPassword } from '../factories';
import { defineMatrix } from './types';

let n = 0;
export const identityMatrix = defineMatrix({
  name: 'identity',
  setup: async ({ t, storeB }) => {
    const { user: userB } = await makeStaff(t, 'sales_consultant', storeB.id, {
      idNumber: '11010519491231002X',
    });
    const token = await t.call('POST', '/api/v1/api-tokens', {
      token: t.adminToken,
      body: { name: 'matrix' },
    });
    return { userB, adminTokenId: token.body.apiToken.id as string };
  },
  rows: [
    {
      method: 'GET',
      url: '/api/v1/users',
      call: () => ({ url: '/api/v1/users' }),
      expect: { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 },
    },
    {
      method: 'POST',
      url: '/api/v1/users',
      call: (_fx, { storeB, fresh }) => ({
        url: '/api/v1/users',
        body: {
          username: `m${n++}x${fresh()}`,
          displayName: 'M',
          password: staffPassword,
          storeRoles: [{ storeId: storeB.id, role: 'technician' }],
        },
      }),
      expect: { anonymous: 401, consultantA: 403, managerA: 422, admin: 201 },
    },
    {
      method: 'GET',
      url: '/api/v1/users/:id',
      call: (fx) => ({ url: `/api/v1/users/${fx.userB.id}` }),
      expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 },
    },
    {
      method: 'PATCH',
      url: '/api/v1/users/:id',
      call: async (fx, { versionOf }) => ({
        url: `/api/v1/users/${fx.userB.id}`,
        body: { version: await versionOf(`/api/v1/users/${fx.userB.id}`), displayName: 'Changed' },
      }),
      expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 },
    },
    {
      method: 'POST',
      url: '/api/v1/users/:id/reveal-id-number',
      call: (fx) => ({ url: `/api/v1/users/${fx.userB.id}/reveal-id-number` }),
      expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 },
    },
    {
      method: 'GET',
      url: '/api/v1/stores',
      call: () => ({ url: '/api/v1/stores' }),
      expect: { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 },
    },
    {
      method: 'POST',
      url: '/api/v1/stores',
      call: (_fx, { fresh }) => ({
        url: '/api/v1/stores',
        body: { code: `P${fresh()}`.slice(0, 20), name: 'P' },
      }),
      expect: { anonymous: 401, consultantA: 403, managerA: 403, admin: 201 },
    },
    {
      method: 'GET',
      url: '/api/v1/stores/:id',
      call: (_fx, { storeB }) => ({ url: `/api/v1/stores/${storeB.id}` }),
      expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 },
    },
    {
      method: 'PATCH',
      url: '/api/v1/stores/:id',
      call: async (_fx, { storeB, versionOf }) => ({
        url: `/api/v1/stores/${storeB.id}`,
        body: { version: await versionOf(`/api/v1/stores/${storeB.id}`), name: 'B renamed' },
      }),
      expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 },
    },
    {
      method: 'GET',
      url: '/api/v1/api-tokens',
      call: () => ({ url: '/api/v1/api-tokens' }),
      expect: { anonymous: 401, consultantA: 403, managerA: 403, admin: 200 },
    },
    {
      method: 'POST',
      url: '/api/v1/api-tokens',
      call: () => ({ url: '/api/v1/api-tokens', body: { name: 'x' } }),
      expect: { anonymous: 401, consultantA: 403, managerA: 403, admin: 201 },
    },
    {
      method: 'POST',
      url: '/api/v1/api-tokens/:id/revoke',
      call: (fx) => ({ url: `/api/v1/api-tokens/${fx.adminTokenId}/revoke` }),
      expect: { anonymous: 401, consultantA: 403, managerA: 403, admin: 200 },
    },
    {
      method: 'GET',
      url: '/api/v1/audit',
      call: (fx) => ({ url: `/api/v1/audit?entity=user&id=${fx.userB.id}` }),
      expect: { anonymous: 401, consultantA: 403, managerA: 200, admin: 200 },
    },
    {
      method: 'GET',
      url: '/api/v1/auth/me',
      call: () => ({ url: '/api/v1/auth/me' }),
      expect: { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 },
    },
    {
      method: 'PUT',
      url: '/api/v1/auth/me/preferences',
      call: () => ({ url: '/api/v1/auth/me/preferences', body: { language: 'zh-CN' } }),
      expect: { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 },
    },
    {
      method: 'POST',
      url: '/api/v1/auth/logout',
      call: () => ({ url: '/api/v1/auth/logout' }),
      expect: { anonymous: 401, consultantA: 204, managerA: 204, admin: 204 },
    },
  ],
});
