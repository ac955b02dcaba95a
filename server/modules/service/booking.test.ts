import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToUtc } from '../../../common/rules/civil-date';
import { dialects, type TestApp } from '../../test/harness';
import { runWorkerOnce } from '../../platform/worker';
import { daysAhead, makeServiceCustomer, openWorkshop, type Workshop } from './service.fixtures';

describe.each(dialects)('service requests and bookings with capacity on %s', (dialect) => {
  let t: TestApp;
  let storeId: string;
  let w: Workshop;
  beforeAll(async () => {
    ({ t, storeId, w } = await openWorkshop(dialect));
  });
  afterAll(() => t.close());

  it('offers only slots with a free qualified bay and technician; hv work needs both hv', async () => {
    const date = daysAhead(3);
    const slots = await t.call(
      'GET',
      `/api/v1/service-bookings/availability?storeId=${storeId}&date=${date}&minutes=120&skill=hv`,
      { token: w.advisor.token },
    );
    expect(slots.status).toBe(200);
    expect(slots.body.slots[0]).toEqual({
      startAt: localToUtc(date, '08:00', 'Asia/Shanghai'),
      endAt: localToUtc(date, '10:00', 'Asia/Shanghai'),
      bays: 1,
      technicians: 1,
    });
    expect(slots.body.slots.at(-1).startAt).toBe(localToUtc(date, '16:00', 'Asia/Shanghai'));
    const { vehicle } = await makeServiceCustomer(t, storeId);
    const booked = await t.call('POST', '/api/v1/service-bookings', {
      token: w.advisor.token,
      body: {
        storeId,
        customerVehicleId: vehicle.id,
        laborOperationId: w.batteryCheck.id,
        startAt: localToUtc(date, '09:00', 'Asia/Shanghai'),
        minutes: 120,
        pickup: {
          address: '上海市浦东新区世纪大道 100 号',
          driver: '王师傅',
          at: localToUtc(date, '08:00', 'Asia/Shanghai'),
        },
        loanerCar: '沪A99999',
      },
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      bayId: w.hvBay.id,
      technicianId: w.hvTechnician.id,
      skill: 'hv',
      pickupStatus: 'planned',
      loanerCar: '沪A99999',
    });
    // the driver's progress: planned → picked up → returned, never back
    const pickup = (version: number, status: string) =>
      t.call('POST', `/api/v1/service-bookings/${booked.body.id}/pickup`, {
        token: w.advisor.token,
        body: { version, status },
      });
    expect((await pickup(booked.body.version, 'returned')).status).toBe(409);
    const picked = await pickup(booked.body.version, 'picked_up');
    expect(picked.body.pickupStatus).toBe('picked_up');
    booked.body.version = picked.body.version;
    // the hv bay and technician are taken 09:00-11:00: hv slots from 08:00 and 10:00 are gone
    const after = await t.call(
      'GET',
      `/api/v1/service-bookings/availability?storeId=${storeId}&date=${date}&minutes=120&skill=hv`,
      { token: w.advisor.token },
    );
    const starts = after.body.slots.map((s: { startAt: string }) => s.startAt);
    for (const hh of ['08:00', '09:00', '10:00'])
      expect(starts).not.toContain(localToUtc(date, hh, 'Asia/Shanghai'));
    expect(starts).toContain(localToUtc(date, '11:00', 'Asia/Shanghai'));
    // general work still fits at 09:00 (general bay, general or hv tech — the hv tech is busy)
    const general = await t.call(
      'GET',
      `/api/v1/service-bookings/availability?storeId=${storeId}&date=${date}&minutes=60`,
      { token: w.advisor.token },
    );
    expect(
      general.body.slots.find(
        (s: { startAt: string }) => s.startAt === localToUtc(date, '09:00', 'Asia/Shanghai'),
      ),
    ).toMatchObject({ bays: 1, technicians: 1 });
    // outside the opening hours, or off the grid: 422 naming startAt
    const late = await t.call('POST', '/api/v1/service-bookings', {
      token: w.advisor.token,
      body: {
        storeId,
        customerVehicleId: vehicle.id,
        startAt: localToUtc(date, '17:30', 'Asia/Shanghai'),
        minutes: 60,
      },
    });
    expect(late.status).toBe(422);
    expect(late.body.errors[0].path).toBe('startAt');
    // a general technician cannot be picked for hv work
    const wrongTech = await t.call('POST', '/api/v1/service-bookings', {
      token: w.advisor.token,
      body: {
        storeId,
        customerVehicleId: vehicle.id,
        skill: 'hv',
        technicianId: w.technician.id,
        startAt: localToUtc(date, '13:00', 'Asia/Shanghai'),
        minutes: 60,
      },
    });
    expect(wrongTech.status).toBe(422);
    expect(wrongTech.body.errors[0].path).toBe('technicianId');
    // cancelling frees the slots
    const cancel = await t.call('POST', `/api/v1/service-bookings/${booked.body.id}/cancel`, {
      token: w.advisor.token,
      body: { version: booked.body.version },
    });
    expect(cancel.body.status).toBe('cancelled');
    const freed = await t.call(
      'GET',
      `/api/v1/service-bookings/availability?storeId=${storeId}&date=${date}&minutes=120&skill=hv`,
      { token: w.advisor.token },
    );
    expect(freed.body.slots.map((s: { startAt: string }) => s.startAt)).toContain(
      localToUtc(date, '09:00', 'Asia/Shanghai'),
    );
  });

  it('concurrent bookings for the last slot: exactly one wins, the others 409', async () => {
    const date = daysAhead(5);
    const startAt = localToUtc(date, '16:00', 'Asia/Shanghai');
    const cars = await Promise.all([0, 1, 2, 3, 4].map(() => makeServiceCustomer(t, storeId)));
    const results = await Promise.all(
      cars.map(({ vehicle }) =>
        t.call('POST', '/api/v1/service-bookings', {
          token: w.advisor.token,
          body: { storeId, customerVehicleId: vehicle.id, skill: 'hv', startAt, minutes: 120 },
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('service.no_capacity');
    const list = await t.call('GET', `/api/v1/service-bookings?storeId=${storeId}&date=${date}`, {
      token: w.advisor.token,
    });
    expect(list.body.items.filter((b: { status: string }) => b.status === 'booked')).toHaveLength(1);
    const slots = await t.handle.db
      .selectFrom('service_booking_slots')
      .select('resource_id')
      .where('slot_at', '>=', startAt)
      .where('slot_at', '<', localToUtc(date, '18:00', 'Asia/Shanghai'))
      .execute();
    expect(slots).toHaveLength(4); // one bay and one technician × two slots
  });

  it('a service request gets a first-response SLA; when missed the store is alerted', async () => {
    const { customer, vehicle } = await makeServiceCustomer(t, storeId);
    const res = await t.call('POST', '/api/v1/service-requests', {
      token: w.advisor.token,
      body: {
        storeId,
        customerId: customer.id,
        customerVehicleId: vehicle.id,
        channel: 'phone',
        category: 'warranty',
        urgency: 'high',
        description: '仪表报警，动力受限',
      },
    });
    expect(res.status).toBe(201);
    const dueMinutes = (Date.parse(res.body.responseDueAt) - Date.parse(res.body.createdAt)) / 60_000;
    expect(dueMinutes).toBe(30); // high urgency: half the store's 60 minutes
    expect(res.body).toMatchObject({
      number: expect.stringMatching(/^SR-/),
      status: 'open',
      slaMissed: false,
      category: 'warranty',
    });
    const bad = await t.call('POST', '/api/v1/service-requests', {
      token: w.advisor.token,
      body: { storeId, customerId: customer.id, channel: 'fax', category: 'repair', description: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('channel');
    // time runs out
    await t.handle.db
      .updateTable('service_requests')
      .set({ response_due_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', res.body.id)
      .execute();
    await t.handle.db
      .updateTable('jobs')
      .set({ run_at: '2020-01-01T00:00:00.000Z' })
      .where('type', '=', 'service.request_sla_check')
      .execute();
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    const after = await t.call('GET', `/api/v1/service-requests/${res.body.id}`, { token: w.advisor.token });
    expect(after.body.slaMissed).toBe(true);
    const inbox = await t.call('GET', '/api/v1/alerts', { token: w.advisor.token });
    expect(inbox.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'service_request_sla_missed', entityId: res.body.id }),
      ]),
    );
    const answered = await t.call('POST', `/api/v1/service-requests/${res.body.id}/respond`, {
      token: w.advisor.token,
      body: { version: after.body.version, note: '已电话联系，预约明早' },
    });
    expect(answered.body).toMatchObject({ status: 'responded', respondedAt: expect.any(String) });
    // the booking made for the request marks it booked
    const booking = await t.call('POST', '/api/v1/service-bookings', {
      token: w.advisor.token,
      body: {
        storeId,
        customerVehicleId: vehicle.id,
        serviceRequestId: res.body.id,
        skill: 'hv',
        startAt: localToUtc(daysAhead(6), '08:00', 'Asia/Shanghai'),
        minutes: 60,
      },
    });
    expect(booking.status).toBe(201);
    const booked = await t.call('GET', `/api/v1/service-requests/${res.body.id}`, { token: w.advisor.token });
    expect(booked.body.status).toBe('booked');
  });
});
