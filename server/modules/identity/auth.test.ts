import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff, staffPassword } from '../../test/factories';

describe.each(dialects)('sign-in on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('answers a wrong password with 401 problem+json in the asked language', async () => {
    const res = await t.call('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'wrong' },
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      code: 'auth.invalid_credentials',
      status: 401,
      title: '用户名或密码错误',
    });
  });

  it('answers a malformed body with 400 naming the field', async () => {
    const res = await t.call('POST', '/api/v1/auth/login', { body: { username: 'admin' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.invalid');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'password', code: 'required' })]);
  });

  it('answers invalid JSON, wrong types and oversize bodies with 400, never 500', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin",',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).code).toBe('request.malformed_json');
    const wrongType = await t.call('POST', '/api/v1/auth/login', { body: { username: 42, password: 'x' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0]).toMatchObject({ path: 'username', code: 'invalid_type' });
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(400);
    expect(JSON.parse(huge.body).code).toBe('request.too_large');
  });

  it('rate-limits a username from one address after 10 failures (429), other users unaffected', async () => {
    const { user } = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await t.call('POST', '/api/v1/auth/login', {
        body: { username: user.username, password: `nope-${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    // even the right password is refused while the window lasts
    const right = await t.call('POST', '/api/v1/auth/login', {
      body: { username: user.username, password: staffPassword },
    });
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('auth.too_many_attempts');
    expect(
      (await t.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: adminPassword } }))
        .status,
    ).toBe(200);
  });

  it('signs in with a cookie, needs the CSRF token for cookie writes, and signs out', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: adminPassword },
    });
    expect(login.statusCode).toBe(200);
    const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c]));
    expect(cookies.fc_session?.httpOnly).toBe(true);
    expect(cookies.fc_session?.sameSite).toBe('Lax');
    const cookie = `fc_session=${cookies.fc_session!.value}; fc_csrf=${cookies.fc_csrf!.value}`;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(JSON.parse(me.body).user.username).toBe('admin');
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(JSON.parse(noCsrf.body).code).toBe('auth.csrf_failed');
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': cookies.fc_csrf!.value },
    });
    expect(logout.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('remembers the language per user', async () => {
    const { token } = await makeStaff(t, 'service_advisor', t.hqStoreId);
    const res = await t.call('PUT', '/api/v1/auth/me/preferences', { token, body: { language: 'en' } });
    expect(res.status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { token })).body.user.language).toBe('en');
  });

  it('accepts a long-lived API token as bearer until it is revoked', async () => {
    const created = await t.call('POST', '/api/v1/api-tokens', {
      token: t.adminToken,
      body: { name: 'DMS bridge' },
    });
    expect(created.status).toBe(201);
    const apiToken = created.body.token as string;
    expect((await t.call('GET', '/api/v1/auth/me', { token: apiToken })).status).toBe(200);
    await t.call('POST', `/api/v1/api-tokens/${created.body.apiToken.id}/revoke`, { token: t.adminToken });
    expect((await t.call('GET', '/api/v1/auth/me', { token: apiToken })).status).toBe(401);
  });

  it('serves health and a valid OpenAPI 3.1 document', async () => {
    expect((await t.call('GET', '/api/health')).body).toMatchObject({ status: 'ok', database: dialect });
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users/{id}']),
    );
    expect(doc.components.schemas).toHaveProperty('User');
  });
});
