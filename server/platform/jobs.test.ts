import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../test/harness';
import { makeStaff } from '../test/factories';
import { enqueueJob } from './jobs';
import { onJob, runWorkerOnce } from './worker';

describe.each(dialects)('outbox and job worker on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const jobsOfType = (type: string) =>
    t.handle.db.selectFrom('jobs').selectAll().where('type', '=', type).execute();

  it('writes the domain event with the change and delivers it after commit, retrying a failed handler', async () => {
    const delivered: string[] = [];
    let failuresLeft = 1;
    onJob(t.handlers, 'identity.user.created', async (payload) => {
      if (failuresLeft-- > 0) throw new Error('subscriber down');
      delivered.push((payload as { user: { username: string } }).user.username);
    });
    const { user } = await makeStaff(t, 'technician', t.hqStoreId);
    await t.handle.db
      .updateTable('jobs')
      .set({ status: 'done' })
      .where('type', '!=', 'identity.user.created')
      .execute();
    const [event] = (await jobsOfType('identity.user.created')).filter((j) =>
      j.payload_json.includes(user.id),
    );
    expect(event).toMatchObject({ status: 'pending', attempts: 0 });

    await runWorkerOnce(t.handle, t.handlers, 'w1');
    const failed = await t.handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', event!.id)
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: 'subscriber down' });
    expect(new Date(failed.run_at).getTime()).toBeGreaterThan(Date.now()); // backoff
    expect(delivered).toEqual([]);

    await t.handle.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', event!.id)
      .execute();
    await runWorkerOnce(t.handle, t.handlers, 'w1');
    const done = await t.handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', event!.id)
      .executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'done', attempts: 2, last_error: null });
    expect(delivered).toEqual([user.username]);
  });

  it('writes no event when the change rolls back', async () => {
    const before = (await jobsOfType('identity.user.created')).length;
    const res = await t.call('POST', '/api/v1/users', {
      token: t.adminToken,
      body: {
        username: 'admin',
        displayName: 'dup',
        password: 'long-enough-pw',
        storeRoles: [{ storeId: t.hqStoreId, role: 'technician' }],
      },
    });
    expect(res.status).toBe(409);
    expect(await jobsOfType('identity.user.created')).toHaveLength(before);
  });

  it('gives up after the last attempt (dead) and leaves scheduled jobs until their time', async () => {
    onJob(t.handlers, 'test.always_fails', async () => {
      throw new Error('broken');
    });
    const id = await enqueueJob(t.handle.db, 'test.always_fails', {}, { maxAttempts: 2 });
    const later = await enqueueJob(
      t.handle.db,
      'test.always_fails',
      {},
      { runAt: new Date(Date.now() + 3_600_000) },
    );
    for (let i = 0; i < 2; i++) {
      await runWorkerOnce(t.handle, t.handlers, 'w1');
      await t.handle.db
        .updateTable('jobs')
        .set({ run_at: new Date(0).toISOString() })
        .where('id', '=', id)
        .execute();
    }
    const dead = await t.handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(dead).toMatchObject({ status: 'dead', attempts: 2, last_error: 'broken' });
    const waiting = await t.handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', later)
      .executeTakeFirstOrThrow();
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('never hands one job to two workers running at once', async () => {
    const ran: string[] = [];
    onJob(t.handlers, 'test.count', async (_p, job) => {
      ran.push(job.id);
    });
    for (let i = 0; i < 40; i++) await enqueueJob(t.handle.db, 'test.count', { i });
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((w) =>
        runWorkerOnce(t.handle, t.handlers, w).then(() => runWorkerOnce(t.handle, t.handlers, w)),
      ),
    );
    expect(ran).toHaveLength(40);
    expect(new Set(ran).size).toBe(40);
  });
});
