import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff, makeStore } from '../../test/factories';
import { makeTrimRows, makeVehicle } from './vehicle.fixtures';

describe.each(dialects)('transfers between stores on %s', (dialect) => {
  let t: TestApp;
  let trimId: string;
  let storeB: { id: string };
  let managerA: string;
  let managerB: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    trimId = (await makeTrimRows(t)).trimId;
    storeB = await makeStore(t);
    managerA = (await makeStaff(t, 'store_manager', t.hqStoreId)).token;
    managerB = (await makeStaff(t, 'store_manager', storeB.id)).token;
  });
  afterAll(() => t.close());

  it('sends a vehicle to another store: numbered, seen by both, received there into stock', async () => {
    const v = await makeVehicle(t, t.hqStoreId, trimId, { arrivedOn: '2026-01-10' });
    const sent = await t.call('POST', '/api/v1/vehicle-transfers', {
      token: managerA,
      body: { vehicleId: v.id, toStoreId: storeB.id, note: '调拨给B店' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      vin: v.vin,
      fromStoreId: t.hqStoreId,
      toStoreId: storeB.id,
      status: 'in_transit',
    });
    expect(sent.body.number).toMatch(/^VT-\d{4}-\d{6}$/);
    expect(sent.headers.location).toBe(`/api/v1/vehicle-transfers/${sent.body.id}`);
    // both stores see the transfer and the vehicle on its way
    for (const token of [managerA, managerB]) {
      expect((await t.call('GET', `/api/v1/vehicle-transfers/${sent.body.id}`, { token })).status).toBe(200);
      const list = await t.call('GET', '/api/v1/vehicle-transfers', { token });
      expect(list.body.items.map((x: { id: string }) => x.id)).toContain(sent.body.id);
      const vehicle = await t.call('GET', `/api/v1/vehicles/${v.id}`, { token });
      expect(vehicle.body).toMatchObject({
        status: 'transferred',
        storeId: t.hqStoreId,
        location: 'in_transit',
      });
    }
    const seenByB = await t.call('GET', `/api/v1/vehicles?storeId=${storeB.id}`, { token: managerB });
    expect(seenByB.body.items.map((x: { id: string }) => x.id)).toEqual([v.id]);
    // the sender cannot receive it, the receiver cannot cancel it
    expect(
      (await t.call('POST', `/api/v1/vehicle-transfers/${sent.body.id}/receive`, { token: managerA })).status,
    ).toBe(403);
    expect(
      (await t.call('POST', `/api/v1/vehicle-transfers/${sent.body.id}/cancel`, { token: managerB })).status,
    ).toBe(403);
    const received = await t.call('POST', `/api/v1/vehicle-transfers/${sent.body.id}/receive`, {
      token: managerB,
    });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ status: 'received', receivedAt: expect.any(String) });
    const moved = await t.call('GET', `/api/v1/vehicles/${v.id}`, { token: managerB });
    expect(moved.body).toMatchObject({
      storeId: storeB.id,
      status: 'in_stock',
      location: 'yard',
      arrivedOn: '2026-01-10',
    });
    expect((await t.call('GET', `/api/v1/vehicles/${v.id}`, { token: managerA })).status).toBe(404);
    const again = await t.call('POST', `/api/v1/vehicle-transfers/${sent.body.id}/receive`, {
      token: managerB,
    });
    expect(again.status).toBe(409);
    expect(again.body.title).toContain('received');
    const history = await t.call('GET', `/api/v1/vehicles/${v.id}/history`, { token: managerB });
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'transfer_out',
      'transfer_in',
    ]);
  });

  it('lets the sender cancel: the vehicle is back in stock where it was', async () => {
    const v = await makeVehicle(t, t.hqStoreId, trimId);
    await t.call('POST', `/api/v1/vehicles/${v.id}/to-demo`, { token: managerA });
    const sent = await t.call('POST', '/api/v1/vehicle-transfers', {
      token: managerA,
      body: { vehicleId: v.id, toStoreId: storeB.id },
    });
    expect(sent.status).toBe(201);
    const reserve = await t.call('POST', `/api/v1/vehicles/${v.id}/reserve`, { token: managerA });
    expect(reserve.status).toBe(409);
    const cancelled = await t.call('POST', `/api/v1/vehicle-transfers/${sent.body.id}/cancel`, {
      token: managerA,
    });
    expect(cancelled.body.status).toBe('cancelled');
    const back = await t.call('GET', `/api/v1/vehicles/${v.id}`, { token: managerA });
    expect(back.body).toMatchObject({ storeId: t.hqStoreId, status: 'in_stock' });
    expect((await t.call('GET', `/api/v1/vehicles/${v.id}`, { token: managerB })).status).toBe(404);
  });

  it('refuses a transfer to the same store (422), of a sold-out state (409), and by a consultant (403)', async () => {
    const v = await makeVehicle(t, t.hqStoreId, trimId);
    const same = await t.call('POST', '/api/v1/vehicle-transfers', {
      token: managerA,
      body: { vehicleId: v.id, toStoreId: t.hqStoreId },
    });
    expect(same.status).toBe(422);
    expect(same.body.code).toBe('vehicles.transfer_same_store');
    const consultant = (await makeStaff(t, 'sales_consultant', t.hqStoreId)).token;
    await t.call('POST', `/api/v1/vehicles/${v.id}/reserve`, { token: consultant });
    const reserved = await t.call('POST', '/api/v1/vehicle-transfers', {
      token: managerA,
      body: { vehicleId: v.id, toStoreId: storeB.id },
    });
    expect(reserved.status).toBe(409);
    expect(reserved.body.title).toContain('reserved');
    const byConsultant = await t.call('POST', '/api/v1/vehicle-transfers', {
      token: consultant,
      body: { vehicleId: v.id, toStoreId: storeB.id },
    });
    expect(byConsultant.status).toBe(403);
    const vB = await makeVehicle(t, storeB.id, trimId);
    const notMine = await t.call('POST', '/api/v1/vehicle-transfers', {
      token: managerA,
      body: { vehicleId: vB.id, toStoreId: t.hqStoreId },
    });
    expect(notMine.status).toBe(404);
    const missing = await t.call('POST', '/api/v1/vehicle-transfers', {
      token: managerA,
      body: { vehicleId: v.id },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('toStoreId');
  });
});
