import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff, makeStore, staffPassword } from '../../test/factories';

/**
 * Every route × who asks → the answer. Store A's consultant and manager must not read, list or change
 * anything of store B (404 for records, 403 for actions their role lacks). The last test checks that
 * this table names every route the app has, so a new route cannot slip in unchecked.
 */
type Who = 'anonymous' | 'consultantA' | 'managerA' | 'admin';
interface Row {
  method: string;
  url: string;
  call: (ctx: Ctx) => { url: string; body?: unknown };
  expect: Record<Who, number>;
}
interface Ctx {
  storeB: { id: string; version: number };
  userB: { id: string; version: number };
  adminTokenId: string;
  webhook: { id: string; version: number };
  fresh: () => string;
}

let n = 0;
const rows: Row[] = [
  {
    method: 'GET',
    url: '/api/v1/users',
    call: () => ({ url: '/api/v1/users' }),
    expect: { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 },
  },
  {
    method: 'POST',
    url: '/api/v1/users',
    call: (c) => ({
      url: '/api/v1/users',
      body: {
        username: `m${n++}x${c.fresh()}`,
        displayName: 'M',
        password: staffPassword,
        storeRoles: [{ storeId: c.storeB.id, role: 'technician' }],
      },
    }),
    expect: { anonymous: 401, consultantA: 403, managerA: 422, admin: 201 },
  },
  {
    method: 'GET',
    url: '/api/v1/users/:id',
    call: (c) => ({ url: `/api/v1/users/${c.userB.id}` }),
    expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 },
  },
  {
    method: 'PATCH',
    url: '/api/v1/users/:id',
    call: (c) => ({
      url: `/api/v1/users/${c.userB.id}`,
      body: { version: c.userB.version, displayName: 'Changed' },
    }),
    expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 },
  },
  {
    method: 'POST',
    url: '/api/v1/users/:id/reveal-id-number',
    call: (c) => ({ url: `/api/v1/users/${c.userB.id}/reveal-id-number` }),
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
    call: (c) => ({ url: '/api/v1/stores', body: { code: `P${c.fresh()}`.slice(0, 20), name: 'P' } }),
    expect: { anonymous: 401, consultantA: 403, managerA: 403, admin: 201 },
  },
  {
    method: 'GET',
    url: '/api/v1/stores/:id',
    call: (c) => ({ url: `/api/v1/stores/${c.storeB.id}` }),
    expect: { anonymous: 401, consultantA: 404, managerA: 404, admin: 200 },
  },
  {
    method: 'PATCH',
    url: '/api/v1/stores/:id',
    call: (c) => ({
      url: `/api/v1/stores/${c.storeB.id}`,
      body: { version: c.storeB.version, name: 'B renamed' },
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
    call: (c) => ({ url: `/api/v1/api-tokens/${c.adminTokenId}/revoke` }),
    expect: { anonymous: 401, consultantA: 403, managerA: 403, admin: 200 },
  },
  {
    method: 'GET',
    url: '/api/v1/webhooks',
    call: () => ({ url: '/api/v1/webhooks' }),
    expect: { anonymous: 401, consultantA: 403, managerA: 403, admin: 200 },
  },
  {
    method: 'POST',
    url: '/api/v1/webhooks',
    call: () => ({
      url: '/api/v1/webhooks',
      body: { url: 'https://erp.example.com/hooks', events: ['identity.user.created'] },
    }),
    expect: { anonymous: 401, consultantA: 403, managerA: 403, admin: 201 },
  },
  {
    method: 'PATCH',
    url: '/api/v1/webhooks/:id',
    call: (c) => ({
      url: `/api/v1/webhooks/${c.webhook.id}`,
      body: { version: c.webhook.version, active: true },
    }),
    expect: { anonymous: 401, consultantA: 403, managerA: 403, admin: 200 },
  },
  {
    method: 'GET',
    url: '/api/v1/audit',
    call: (c) => ({ url: `/api/v1/audit?entity=user&id=${c.userB.id}` }),
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
  ...(
    [
      ['GET', '/api/v1/rules/vin/:vin', '/api/v1/rules/vin/LSVAM4187C2184847', undefined],
      [
        'POST',
        '/api/v1/rules/validate',
        '/api/v1/rules/validate',
        { kind: 'cn-mobile', value: '13812345678' },
      ],
      [
        'POST',
        '/api/v1/rules/vehicle-tax',
        '/api/v1/rules/vehicle-tax',
        { totalInclVat: 100000, purchaseDate: '2026-05-01', energy: 'ice' },
      ],
      ['GET', '/api/v1/rules/tax-policies', '/api/v1/rules/tax-policies', undefined],
      ['POST', '/api/v1/rules/amount-in-words', '/api/v1/rules/amount-in-words', { amount: 100 }],
      [
        'POST',
        '/api/v1/rules/three-guarantee',
        '/api/v1/rules/three-guarantee',
        { invoiceDate: '2026-01-01', assessDate: '2026-01-02', odometerKm: 10, repairs: [] },
      ],
    ] as const
  ).map(([method, url, path, body]) => ({
    method,
    url,
    call: () => ({ url: path, body }),
    expect: { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 },
  })),
];
async function refreshVersions(t: TestApp, ctx: Ctx) {
  ctx.userB.version = (
    await t.call('GET', `/api/v1/users/${ctx.userB.id}`, { token: t.adminToken })
  ).body.version;
  ctx.storeB.version = (
    await t.call('GET', `/api/v1/stores/${ctx.storeB.id}`, { token: t.adminToken })
  ).body.version;
  const hooks = (await t.call('GET', '/api/v1/webhooks', { token: t.adminToken })).body.items as {
    id: string;
    version: number;
  }[];
  ctx.webhook.version = hooks.find((h) => h.id === ctx.webhook.id)!.version;
}

/** Routes open to everyone by design. */
const publicRoutes = ['POST /api/v1/auth/login', 'GET /api/health', 'GET /api/openapi.json', 'GET /api/docs'];

describe.each(dialects)('permission matrix on %s', (dialect) => {
  let t: TestApp;
  let ctx: Ctx;
  const users: Record<Exclude<Who, 'anonymous'>, { username: string; password: string }> = {} as never;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const storeB = await makeStore(t);
    const { user: userB } = await makeStaff(t, 'sales_consultant', storeB.id, {
      idNumber: '11010519491231002X',
    });
    const consultant = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const manager = await makeStaff(t, 'store_manager', t.hqStoreId);
    users.consultantA = { username: consultant.user.username, password: staffPassword };
    users.managerA = { username: manager.user.username, password: staffPassword };
    users.admin = { username: 'admin', password: (await import('../../test/harness')).adminPassword };
    const token = await t.call('POST', '/api/v1/api-tokens', {
      token: t.adminToken,
      body: { name: 'matrix' },
    });
    const hook = await t.call('POST', '/api/v1/webhooks', {
      token: t.adminToken,
      body: { url: 'https://erp.example.com/x', events: ['identity.user.created'] },
    });
    ctx = {
      webhook: hook.body.webhook,
      storeB,
      userB,
      adminTokenId: token.body.apiToken.id,
      fresh: () => `${Date.now().toString(36)}${n++}`.toUpperCase(),
    };
  });
  afterAll(() => t.close());

  for (const row of rows) {
    it(`${row.method} ${row.url}`, async () => {
      for (const who of ['anonymous', 'consultantA', 'managerA', 'admin'] as const) {
        // a fresh sign-in for each cell, so that logging out in one cell does not affect the next
        const token = who === 'anonymous' ? null : await t.login(users[who].username, users[who].password);
        if (row.method === 'PATCH') await refreshVersions(t, ctx);
        const { url, body } = row.call(ctx);
        const res = await t.call(row.method as 'GET', url, { token, body });
        expect({ who, status: res.status }).toEqual({ who, status: row.expect[who] });
        if (res.status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });
  }

  it('lists only the own store: manager A never sees store B staff; a consultant sees only themself', async () => {
    const manager = await t.login(users.managerA.username, staffPassword);
    const list = await t.call('GET', '/api/v1/users?limit=200', { token: manager });
    expect(list.body.items.some((u: { id: string }) => u.id === ctx.userB.id)).toBe(false);
    expect(list.body.items.length).toBeGreaterThan(0);
    const consultant = await t.login(users.consultantA.username, staffPassword);
    const own = await t.call('GET', '/api/v1/users', { token: consultant });
    expect(own.body.items.map((u: { username: string }) => u.username)).toEqual([users.consultantA.username]);
    expect(own.body.items[0].phone).toBeNull();
  });

  it('covers every route the app registers', () => {
    const covered = new Set([...rows.map((r) => `${r.method} ${r.url}`), ...publicRoutes]);
    const registered = t.app.ctx.routes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((r) => !covered.has(r))).toEqual([]);
  });
});
