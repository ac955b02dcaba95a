import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../db/database';
import { enqueueJob } from '../platform/jobs';
import { freePort, startForecourt, until } from './processes';

/**
 * Scale-out on PostgreSQL (issue 9): two `forecourt serve` processes and two `forecourt worker` processes
 * against one database. A session made on one server works on the other; 1,000 queued jobs and 50
 * scheduled ones are each claimed exactly once (one attempt each) while both workers compete for them.
 */
const url = process.env.DATABASE_URL;

describe.skipIf(!url)('scale-out on PostgreSQL', () => {
  const children: ChildProcess[] = [];
  const output: string[] = [];
  let dbName = '';
  let dbUrl = '';
  let handle: DbHandle;
  const dataDir = mkdtempSync(join(tmpdir(), 'fc-scale-'));
  const env = () => ({
    ...process.env,
    DATABASE_URL: dbUrl,
    FORECOURT_DATA_DIR: dataDir,
    FORECOURT_SECRET_KEY: 'a'.repeat(64),
    FORECOURT_ADMIN_PASSWORD: 'scale-out-admin-2026',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  });
  const start = (args: string[], extra: Record<string, string> = {}) => {
    const child = startForecourt(args, { ...env(), ...extra }, output);
    children.push(child);
    return child;
  };
  const servers: string[] = [];

  beforeAll(async () => {
    dbName = `fc_scale_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(url!);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      start(['serve', '--no-worker'], { PORT: String(port) });
      const base = `http://127.0.0.1:${port}`;
      // one after the other: the first start creates the admin, the second finds it
      await until(`server ${i + 1}`, async () => (await fetch(`${base}/api/health`)).status === 200);
      servers.push(base);
    }
    handle = openDb({ databaseUrl: dbUrl });
  }, 180_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
    await handle?.close();
    if (dbName) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('a session made on one server works on the other', async () => {
    const login = await fetch(`${servers[0]}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'scale-out-admin-2026' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const me = await fetch(`${servers[1]}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('admin');
    // signing out on the second ends the session on the first too
    const out = await fetch(`${servers[1]}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.status).toBeLessThan(300);
    expect(
      (await fetch(`${servers[0]}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);
  });

  it('two workers run 1,000 queued and 50 scheduled jobs, each exactly once', async () => {
    const soon = new Date(Date.now() + 5_000);
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 1000; i++) await enqueueJob(trx, 'test.scale_out', { i });
      for (let i = 0; i < 50; i++) await enqueueJob(trx, 'test.scale_out_scheduled', { i }, { runAt: soon });
    });
    start(['worker']);
    start(['worker']);
    const counts = async () =>
      (
        await handle.db
          .selectFrom('jobs')
          .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
          .where('type', 'in', ['test.scale_out', 'test.scale_out_scheduled'])
          .groupBy('status')
          .execute()
      ).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: Number(r.n) }), {});
    await until('all 1,050 jobs done', async () => (await counts()).done === 1050, 120_000);
    const attempts = await handle.db
      .selectFrom('jobs')
      .select(['attempts', (eb) => eb.fn.countAll<string>().as('n')])
      .where('type', 'in', ['test.scale_out', 'test.scale_out_scheduled'])
      .groupBy('attempts')
      .execute();
    // one claim each: a job taken by both workers would show two attempts
    expect(attempts.map((a) => ({ attempts: Number(a.attempts), n: Number(a.n) }))).toEqual([
      { attempts: 1, n: 1050 },
    ]);
    const scheduled = await handle.db
      .selectFrom('jobs')
      .select(['finished_at'])
      .where('type', '=', 'test.scale_out_scheduled')
      .execute();
    // scheduled jobs fired once, and not before their time
    for (const s of scheduled) expect(Date.parse(s.finished_at!)).toBeGreaterThanOrEqual(soon.getTime() - 1);
    expect(output.join('')).not.toMatch(/worker round failed/);
  }, 180_000);
});
