import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { ensureFirstAdmin } from '../modules/identity';
import { openTestDb, testKeys } from '../test/harness';
import type { DbHandle } from '../db/database';

/**
 * Security basics (PIPL): with the request log on, signing in, filing a customer with an identity number,
 * searching by it and revealing it leave neither the password, the session token, the identity number nor
 * the mobile number in the log; sign-ins, failed sign-ins and sign-outs are in the audit trail.
 */
describe('what the server log and the audit trail keep', () => {
  const lines: string[] = [];
  let handle: DbHandle;
  let app: FastifyInstance;
  const password = 'log-privacy-admin-2026';
  const idNumber = '11010519491231002X';
  const mobile = '13912344321';
  beforeAll(async () => {
    handle = await openTestDb('sqlite');
    await ensureFirstAdmin(handle.db, password);
    app = await buildApp({
      handle,
      keys: testKeys,
      logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } },
    });
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  const call = async (method: 'GET' | 'POST', url: string, token?: string, body?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers: { 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  };

  it('logs requests without passwords, tokens, identity numbers or mobiles', async () => {
    expect(
      (await call('POST', '/api/v1/auth/login', undefined, { username: 'admin', password: 'wrong-one-here' }))
        .status,
    ).toBe(401);
    const login = await call('POST', '/api/v1/auth/login', undefined, { username: 'admin', password });
    const token = login.body.token as string;
    const created = await call('POST', '/api/v1/customers', token, {
      type: 'individual',
      name: '隐私测试',
      mobiles: [mobile],
      identityDocument: { type: 'resident_id', number: idNumber },
    });
    expect(created.status).toBe(201);
    const found = await call('GET', `/api/v1/customers?q=${idNumber}`, token);
    expect(found.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
    expect((await call('GET', `/api/v1/customers?q=${mobile}`, token)).status).toBe(200);
    expect((await call('POST', `/api/v1/customers/${created.body.id}/reveal-identity`, token)).status).toBe(
      200,
    );
    const log = lines.join('');
    expect(log).toContain('/api/v1/customers?q=*'); // the request is logged, its query values are not
    for (const secret of [password, token, idNumber, idNumber.slice(0, 14), mobile, 'wrong-one-here'])
      expect(log, secret.slice(0, 4)).not.toContain(secret);

    const admin = await handle.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const audit = await call('GET', `/api/v1/audit?entity=user&id=${admin.id}`, token);
    const actions = audit.body.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['login', 'login_failed']));
    await call('POST', '/api/v1/auth/logout', token);
    const after = await handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', admin.id)
      .where('action', '=', 'logout')
      .execute();
    expect(after).toHaveLength(1);
    // the reveal of the identity number is audited on the customer
    const reveals = await handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.body.id)
      .where('action', '=', 'reveal_id_number')
      .execute();
    expect(reveals).toHaveLength(1);
  });
});
