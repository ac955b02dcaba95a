import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff } from '../../test/factories';
import { runWorkerOnce } from '../../platform/worker';
import { makeTrimRows, makeVehicle } from './vehicle.fixtures';
import { reservationExpireJob } from './reservation.service';
import { markVehicleDelivered, markVehicleSold } from './index';
import type { Actor } from '../../platform/permissions';

describe.each(dialects)('reservations and status actions on %s', (dialect) => {
  let t: TestApp;
  let trimId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    trimId = (await makeTrimRows(t)).trimId;
  });
  afterAll(() => t.close());

  it('gives the last vehicle to exactly one of 50 consultants reserving at once', async () => {
    const consultants = [];
    for (let i = 0; i < 50; i++) consultants.push(await makeStaff(t, 'sales_consultant', t.hqStoreId));
    const v = await makeVehicle(t, t.hqStoreId, trimId);
    const started = performance.now();
    const results = await Promise.all(
      consultants.map((c, i) =>
        t.call('POST', `/api/v1/vehicles/${v.id}/reserve`, {
          token: c.token,
          body: { dealId: `DEAL-${i}`, hours: 24 },
        }),
      ),
    );
    const ms = Math.round(performance.now() - started);
    console.log(`[${dialect}] 50 parallel reservations: ${ms} ms`);
    const won = results.filter((r) => r.status === 200);
    const lost = results.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    expect(
      lost.every((r) => r.body.code === 'resource.state_conflict' && /reserved/.test(r.body.title)),
    ).toBe(true);
    const winner = consultants[results.indexOf(won[0]!)]!;
    expect(won[0]!.body.reservation).toMatchObject({ reservedBy: winner.user.id });
    const audits = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', v.id)
      .where('action', '=', 'reserve')
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('lets only the holder or a manager release; others get 403 vehicles.reserved_by_other', async () => {
    const a = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const b = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const manager = await makeStaff(t, 'sales_manager', t.hqStoreId);
    const v = await makeVehicle(t, t.hqStoreId, trimId);
    const reserved = await t.call('POST', `/api/v1/vehicles/${v.id}/reserve`, {
      token: a.token,
      body: { dealId: 'D1' },
    });
    expect(reserved.status).toBe(200);
    expect(reserved.body).toMatchObject({
      status: 'reserved',
      reservation: { dealId: 'D1', reservedBy: a.user.id },
    });
    const byB = await t.call('POST', `/api/v1/vehicles/${v.id}/release`, { token: b.token });
    expect(byB.status).toBe(403);
    expect(byB.body.code).toBe('vehicles.reserved_by_other');
    const byManager = await t.call('POST', `/api/v1/vehicles/${v.id}/release`, { token: manager.token });
    expect(byManager.status).toBe(200);
    expect(byManager.body).toMatchObject({ status: 'in_stock', reservation: null });
    await t.call('POST', `/api/v1/vehicles/${v.id}/reserve`, { token: a.token });
    expect((await t.call('POST', `/api/v1/vehicles/${v.id}/release`, { token: a.token })).status).toBe(200);
    const twice = await t.call('POST', `/api/v1/vehicles/${v.id}/release`, { token: a.token });
    expect(twice.status).toBe(409);
    expect(twice.body.title).toContain('in_stock');
  });

  it('releases an expired reservation through the job worker, audited without an actor', async () => {
    const a = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const v = await makeVehicle(t, t.hqStoreId, trimId);
    const res = await t.call('POST', `/api/v1/vehicles/${v.id}/reserve`, {
      token: a.token,
      body: { hours: 2 },
    });
    const until = res.body.reservation.until as string;
    const job = await t.handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('type', '=', reservationExpireJob)
      .where('payload_json', 'like', `%${v.id}%`)
      .executeTakeFirstOrThrow();
    expect(job.run_at).toBe(until);
    // not due yet: nothing happens
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    expect((await t.call('GET', `/api/v1/vehicles/${v.id}`, { token: a.token })).body.status).toBe(
      'reserved',
    );
    const past = new Date(Date.now() - 60_000).toISOString();
    await t.handle.db.updateTable('jobs').set({ run_at: past }).where('id', '=', job.id).execute();
    await t.handle.db.updateTable('vehicles').set({ reserved_until: past }).where('id', '=', v.id).execute();
    await t.handle.db
      .updateTable('jobs')
      .set({ payload_json: JSON.stringify({ vehicleId: v.id, reservedUntil: past }) })
      .where('id', '=', job.id)
      .execute();
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    const after = await t.call('GET', `/api/v1/vehicles/${v.id}`, { token: a.token });
    expect(after.body).toMatchObject({ status: 'in_stock', reservation: null });
    const done = await t.handle.db
      .selectFrom('jobs')
      .select('status')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(done.status).toBe('done');
    const history = await t.call('GET', `/api/v1/vehicles/${v.id}/history`, { token: a.token });
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'reservation_expired',
      actorId: null,
      fromStatus: 'reserved',
      toStatus: 'in_stock',
    });
  });

  it('leaves a newer reservation alone when an old expiry job runs', async () => {
    const a = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const v = await makeVehicle(t, t.hqStoreId, trimId);
    await t.call('POST', `/api/v1/vehicles/${v.id}/reserve`, { token: a.token, body: { hours: 1 } });
    await t.call('POST', `/api/v1/vehicles/${v.id}/release`, { token: a.token });
    await t.call('POST', `/api/v1/vehicles/${v.id}/reserve`, { token: a.token, body: { hours: 48 } });
    await t.handle.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000).toISOString() })
      .where('type', '=', reservationExpireJob)
      .where('payload_json', 'like', `%${v.id}%`)
      .execute();
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    expect((await t.call('GET', `/api/v1/vehicles/${v.id}`, { token: a.token })).body.status).toBe(
      'reserved',
    );
  });

  it('follows the status machine: ship, receive, demo and back; illegal moves are 409 naming the state', async () => {
    const manager = await makeStaff(t, 'sales_manager', t.hqStoreId);
    const consultant = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const v = await makeVehicle(t, t.hqStoreId, trimId, { status: 'on_order' });
    expect(v.status).toBe('on_order');
    const post = (verb: string, token = manager.token, body?: unknown) =>
      t.call('POST', `/api/v1/vehicles/${v.id}/${verb}`, { token, body });
    expect((await post('reserve', consultant.token)).body.title).toContain('on_order');
    expect((await post('ship', consultant.token)).status).toBe(403);
    expect((await post('ship')).body).toMatchObject({ status: 'in_transit', location: 'in_transit' });
    const stale = await post('receive', manager.token, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    const received = await post('receive', manager.token, { arrivedOn: '2026-01-05' });
    expect(received.body).toMatchObject({ status: 'in_stock', location: 'yard', arrivedOn: '2026-01-05' });
    expect((await post('from-demo')).status).toBe(409);
    expect((await post('to-demo')).body.status).toBe('demo');
    expect((await post('from-demo')).body.status).toBe('in_stock');
    const history = await t.call('GET', `/api/v1/vehicles/${v.id}/history`, { token: consultant.token });
    expect(history.body.items.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'on_order',
      'in_transit',
      'in_stock',
      'demo',
      'in_stock',
    ]);
  });

  it('lets the sales module mark a reserved vehicle sold and delivered (service level)', async () => {
    const a = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const v = await makeVehicle(t, t.hqStoreId, trimId);
    await t.call('POST', `/api/v1/vehicles/${v.id}/reserve`, { token: a.token, body: { dealId: 'SC-1' } });
    const me = (await t.call('GET', '/api/v1/auth/me', { token: a.token })).body.user;
    const actor: Actor = {
      userId: me.id,
      groupId: me.groupId,
      username: me.username,
      storeRoles: [{ storeId: t.hqStoreId, role: 'sales_consultant' }],
      via: 'bearer',
      sessionId: null,
      csrfToken: null,
    };
    const db = t.handle.db;
    await expect(
      db.transaction().execute((trx) => markVehicleSold(trx, actor, v.id, 'SC-2')),
    ).rejects.toMatchObject({
      code: 'resource.state_conflict',
    });
    const sold = await db.transaction().execute((trx) => markVehicleSold(trx, actor, v.id, 'SC-1'));
    expect(sold).toMatchObject({ status: 'sold', stockAgeDays: null });
    await expect(
      db.transaction().execute((trx) => markVehicleSold(trx, actor, v.id, 'SC-1')),
    ).rejects.toMatchObject({
      code: 'resource.state_conflict',
    });
    const delivered = await db.transaction().execute((trx) => markVehicleDelivered(trx, actor, v.id));
    expect(delivered.status).toBe('delivered');
    const history = await t.call('GET', `/api/v1/vehicles/${v.id}/history`, { token: a.token });
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'reserve',
      'sell',
      'deliver',
    ]);
  });
});
