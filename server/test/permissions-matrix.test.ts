import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, createTestApp, dialects, type TestApp } from './harness';
import { makeStaff, makeStore, staffPassword } from './factories';
import { matrixModules } from './matrix';
import { everyone, type MatrixEnv, type Who } from './matrix/types';

/**
 * Every route × who asks → the answer. Store A's consultant and manager must not read, list or change
 * anything of store B (404 for records, 403 for actions their role lacks anywhere). The last test checks
 * that the modules' rows name every route the app has, so a new route cannot slip in unchecked.
 */
const publicRoutes = ['POST /api/v1/auth/login', 'GET /api/health', 'GET /api/openapi.json', 'GET /api/docs'];

describe.each(dialects)('permission matrix on %s', (dialect) => {
  let t: TestApp;
  let env: MatrixEnv;
  const fixtures = new Map<string, unknown>();
  const users = {} as Record<Exclude<Who, 'anonymous'>, string>;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const storeB = await makeStore(t);
    users.consultantA = (await makeStaff(t, 'sales_consultant', t.hqStoreId)).user.username;
    users.managerA = (await makeStaff(t, 'store_manager', t.hqStoreId)).user.username;
    users.admin = 'admin';
    env = {
      t,
      storeB,
      fresh: () => `${Date.now().toString(36)}${n++}`.toUpperCase(),
      versionOf: async (url) => (await t.call('GET', url, { token: t.adminToken })).body.version as number,
    };
    for (const m of matrixModules) fixtures.set(m.name, await m.setup(env));
  });
  afterAll(() => t.close());

  for (const m of matrixModules) {
    for (const row of m.rows) {
      it(`${row.method} ${row.url}`, async () => {
        for (const who of everyone) {
          // a fresh sign-in for each cell, so that signing out in one cell does not affect the next
          const token =
            who === 'anonymous'
              ? null
              : await t.login(users[who], who === 'admin' ? adminPassword : staffPassword);
          const { url, body, headers } = await row.call(fixtures.get(m.name), env);
          const res = await t.call(row.method, url, { token, body, headers });
          expect({ who, status: res.status, body: res.status >= 500 ? res.body : undefined }).toEqual({
            who,
            status: row.expect[who],
            body: undefined,
          });
          if (res.status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
        }
      });
    }
  }

  it('lists only the own store: manager A never sees store B staff; a consultant sees only themself', async () => {
    const userB = (fixtures.get('identity') as { userB: { id: string } }).userB;
    const manager = await t.login(users.managerA, staffPassword);
    const list = await t.call('GET', '/api/v1/users?limit=200', { token: manager });
    expect(list.body.items.some((u: { id: string }) => u.id === userB.id)).toBe(false);
    expect(list.body.items.length).toBeGreaterThan(0);
    const consultant = await t.login(users.consultantA, staffPassword);
    const own = await t.call('GET', '/api/v1/users', { token: consultant });
    expect(own.body.items.map((u: { username: string }) => u.username)).toEqual([users.consultantA]);
    expect(own.body.items[0].phone).toBeNull();
  });

  it('covers every route the app registers', () => {
    const covered = new Set([
      ...matrixModules.flatMap((m) => m.rows.map((r) => `${r.method} ${r.url}`)),
      ...publicRoutes,
    ]);
    const registered = t.app.ctx.routes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((r) => !covered.has(r))).toEqual([]);
  });
});
