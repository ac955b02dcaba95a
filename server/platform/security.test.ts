import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../test/harness';
import { describeDurability } from '../db/dialect-sql';

describe.each(dialects)('security basics on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('sends security headers on API answers and errors', async () => {
    for (const url of ['/api/health', '/api/v1/auth/me', '/api/v1/nothing-here']) {
      const res = await t.call('GET', url);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('states the durability settings and accepts a safe database', async () => {
    const text = await describeDurability(t.handle.db, t.handle.dialect);
    expect(text).toMatch(
      dialect === 'sqlite' ? /journal_mode=(wal|memory)/ : /fsync=on, full_page_writes=on/,
    );
  });

  it('keeps secrets out of the audit trail', async () => {
    const me = await t.call('GET', '/api/v1/auth/me', { token: t.adminToken });
    await t.call('PATCH', `/api/v1/users/${me.body.user.id}`, {
      token: t.adminToken,
      body: { version: me.body.user.version, password: 'a-new-long-password' },
    });
    const rows = await t.handle.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain('a-new-long-password');
    expect(text).not.toContain('$argon2');
  });
});
