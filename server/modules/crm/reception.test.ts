import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeCustomer, makeStaff, makeStore } from '../../test/factories';
import { runWorkerOnce } from '../../platform/worker';
import { makeTrimRows, makeVehicle } from '../vehicles/vehicle.fixtures';

type Staff = Awaited<ReturnType<typeof makeStaff>>;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe.each(dialects)('appointments, receptions and test drives on %s', (dialect) => {
  let t: TestApp;
  let store: { id: string };
  let reception: Staff;
  let consultant: Staff;
  let otherStoreManager: Staff;
  let trimId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    store = await makeStore(t);
    reception = await makeStaff(t, 'receptionist', store.id);
    consultant = await makeStaff(t, 'sales_consultant', store.id);
    otherStoreManager = await makeStaff(t, 'sales_manager', (await makeStore(t)).id);
    trimId = (await makeTrimRows(t)).trimId;
  });
  afterAll(() => t.close());
  afterEach(() => vi.useRealTimers());

  const book = (token: string, body: Record<string, unknown>) =>
    t.call('POST', '/api/v1/appointments', {
      token,
      body: { storeId: store.id, channel: 'phone', scheduledAt: inHours(26), ...body },
    });

  it('books a visit: numbered, confirmed to the customer by message, the lead moves to appointment', async () => {
    const customer = await makeCustomer(t, store.id);
    const lead = await t.call('POST', '/api/v1/leads', {
      token: consultant.token,
      body: { customerId: customer.id, storeId: store.id, source: 'phone' },
    });
    const res = await book(reception.token, {
      customerId: customer.id,
      leadId: lead.body.id,
      purpose: '看海豹，想试驾',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'booked',
      consultantId: consultant.user.id, // the lead's owner
      customerName: customer.name,
      confirmationId: expect.any(String),
    });
    expect(res.body.number).toMatch(/^AP-\d{4}-\d{6}$/);
    const message = await t.handle.db
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', res.body.confirmationId)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({
      status: 'queued',
      recipient: customer.mobiles[0]!.number,
      channel: 'sms',
    });
    expect(message.body).toContain(customer.name);
    expect(message.body).toContain('预约已确认');
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    const handed = await t.handle.db
      .selectFrom('notifications')
      .select('status')
      .where('id', '=', res.body.confirmationId)
      .executeTakeFirstOrThrow();
    expect(handed.status).toBe('handed_off');
    const movedLead = await t.call('GET', `/api/v1/leads/${lead.body.id}`, { token: consultant.token });
    expect(movedLead.body).toMatchObject({ status: 'appointment', firstContactedAt: expect.any(String) });
  });

  it('refuses a time in the past, a stranger lead and a consultant of another store, writing nothing', async () => {
    const customer = await makeCustomer(t, store.id);
    const other = await makeCustomer(t, store.id);
    const otherLead = await t.call('POST', '/api/v1/leads', {
      token: t.adminToken,
      body: { customerId: other.id, storeId: store.id, source: 'walk_in' },
    });
    const count = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('appointments')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const past = await book(reception.token, { customerId: customer.id, scheduledAt: inHours(-1) });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].path).toBe('scheduledAt');
    const wrongLead = await book(reception.token, { customerId: customer.id, leadId: otherLead.body.id });
    expect(wrongLead.status).toBe(400);
    expect(wrongLead.body.errors[0].path).toBe('leadId');
    const wrongConsultant = await book(reception.token, {
      customerId: customer.id,
      consultantId: otherStoreManager.user.id,
    });
    expect(wrongConsultant.status).toBe(422);
    expect(wrongConsultant.body.errors[0].path).toBe('consultantId');
    const badChannel = await book(reception.token, { customerId: customer.id, channel: 'pigeon' });
    expect(badChannel.status).toBe(400);
    expect(badChannel.body.errors[0].path).toBe('channel');
    expect(await count()).toBe(before);
    // another store's manager cannot book into this store
    const foreign = await book(otherStoreManager.token, { customerId: customer.id });
    expect(foreign.status).toBe(404);
  });

  it('reminds the consultant 10 minutes before (controlled clock); a rescheduled visit reminds at the new time only', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const customer = await makeCustomer(t, store.id);
    const at = inHours(2);
    const appt = (await book(consultant.token, { customerId: customer.id, scheduledAt: at })).body;
    expect(appt.consultantId).toBe(consultant.user.id); // booked by a consultant: theirs
    const later = inHours(5);
    const moved = await t.call('POST', `/api/v1/appointments/${appt.id}/reschedule`, {
      token: consultant.token,
      body: { version: appt.version, scheduledAt: later },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ rescheduleCount: 1, scheduledAt: later, status: 'booked' });
    expect(moved.body.confirmationId).not.toBe(appt.confirmationId);
    const reminders = async () =>
      (await t.call('GET', '/api/v1/alerts?limit=200', { token: consultant.token })).body.items.filter(
        (a: { kind: string; entityId: string }) => a.kind === 'appointment_soon' && a.entityId === appt.id,
      );
    // 1 h 51 min later: the old time's reminder is due, but the visit moved — nothing
    vi.setSystemTime(Date.now() + 111 * 60_000);
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    expect(await reminders()).toHaveLength(0);
    // 4 h 51 min after booking: 9 minutes before the new time
    vi.setSystemTime(Date.now() + 180 * 60_000);
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0].params).toMatchObject({
      number: appt.number,
      customer: customer.name,
      scheduledAt: later,
    });
  });

  it('receives the appointment (arrived, lead visited), records what was said, and the departure', async () => {
    const customer = await makeCustomer(t, store.id);
    const lead = await t.call('POST', '/api/v1/leads', {
      token: consultant.token,
      body: { customerId: customer.id, storeId: store.id, source: 'website' },
    });
    const appt = (await book(reception.token, { customerId: customer.id, leadId: lead.body.id })).body;
    const arrived = await t.call('POST', '/api/v1/receptions', {
      token: reception.token,
      body: {
        customerId: customer.id,
        storeId: store.id,
        appointmentId: appt.id,
        partySize: 3,
        customerSaid: '周末全家出游，要大空间，预算 25 万以内',
      },
    });
    expect(arrived.status).toBe(201);
    expect(arrived.body).toMatchObject({
      kind: 'appointment',
      status: 'in_showroom',
      leadId: lead.body.id,
      consultantId: consultant.user.id,
      partySize: 3,
    });
    expect(
      (await t.call('GET', `/api/v1/appointments/${appt.id}`, { token: reception.token })).body.status,
    ).toBe('arrived');
    expect(
      (await t.call('GET', `/api/v1/leads/${lead.body.id}`, { token: consultant.token })).body.status,
    ).toBe('visited');
    // an arrived appointment cannot be received twice or marked no-show
    const again = await t.call('POST', `/api/v1/appointments/${appt.id}/no-show`, {
      token: reception.token,
      body: { version: appt.version + 1 },
    });
    expect(again.status).toBe(409);
    const noted = await t.call('PATCH', `/api/v1/receptions/${arrived.body.id}`, {
      token: consultant.token,
      body: { version: arrived.body.version, impressions: '一家三口，对空间和安全很在意' },
    });
    expect(noted.body.impressions).toBe('一家三口，对空间和安全很在意');
    const early = await t.call('POST', `/api/v1/receptions/${arrived.body.id}/depart`, {
      token: consultant.token,
      body: { version: noted.body.version, departedAt: '2020-01-01T00:00:00Z' },
    });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].path).toBe('departedAt');
    const left = await t.call('POST', `/api/v1/receptions/${arrived.body.id}/depart`, {
      token: consultant.token,
      body: { version: noted.body.version },
    });
    expect(left.body).toMatchObject({ status: 'departed', departedAt: expect.any(String) });
    const timeline = await t.call('GET', `/api/v1/customers/${customer.id}/timeline`, {
      token: consultant.token,
    });
    const types = timeline.body.items.map((e: { type: string }) => e.type);
    for (const type of [
      'crm.appointment.booked',
      'crm.reception.arrived',
      'crm.reception.departed',
      'crm.lead.visit',
    ])
      expect(types).toContain(type);
    // the front desk's board of the day shows the visit as departed and the appointment as arrived
    const board = await t.call('GET', `/api/v1/reception-board?storeId=${store.id}`, {
      token: reception.token,
    });
    expect(board.status).toBe(200);
    expect(board.body.departed.map((r: { id: string }) => r.id)).toContain(arrived.body.id);
    // a date of the API is a day of the calendar: 30 February is refused naming the field
    const noSuchDay = await t.call('GET', `/api/v1/reception-board?storeId=${store.id}&date=2026-02-30`, {
      token: reception.token,
    });
    expect(noSuchDay.status).toBe(400);
    expect(noSuchDay.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.date']);
    expect(
      (await t.call('GET', `/api/v1/receptions/${arrived.body.id}`, { token: otherStoreManager.token }))
        .status,
    ).toBe(404);
  });

  it('test drives: no start without a checked licence, an expired licence is refused, one car one drive at a time', async () => {
    const customer = await makeCustomer(t, store.id);
    const other = await makeCustomer(t, store.id);
    const car = await makeVehicle(t, store.id, trimId, { status: 'in_stock', arrivedOn: '2026-01-05' });
    await t.call('POST', `/api/v1/vehicles/${car.id}/to-demo`, {
      token: t.adminToken,
      body: { version: car.version },
    });
    const plan = (body: Record<string, unknown>) =>
      t.call('POST', '/api/v1/test-drives', {
        token: consultant.token,
        body: { vehicleId: car.id, ...body },
      });
    const first = await plan({ customerId: customer.id, route: '市区 + 高架，约 8 公里' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'planned', vin: car.vin, licenceCheckedAt: null });
    const noLicence = await t.call('POST', `/api/v1/test-drives/${first.body.id}/start`, {
      token: consultant.token,
      body: { version: first.body.version },
    });
    expect(noLicence.status).toBe(422);
    expect(noLicence.body.code).toBe('crm.licence_not_checked');
    const expired = await t.call('POST', `/api/v1/test-drives/${first.body.id}/check-licence`, {
      token: consultant.token,
      body: { version: first.body.version, licenceValidUntil: '2020-05-01' },
    });
    expect(expired.status).toBe(422);
    expect(expired.body.errors[0].path).toBe('licenceValidUntil');
    const checked = await t.call('POST', `/api/v1/test-drives/${first.body.id}/check-licence`, {
      token: consultant.token,
      body: { version: first.body.version, licenceValidUntil: '2032-05-01' },
    });
    expect(checked.body).toMatchObject({
      licenceCheckedBy: consultant.user.id,
      licenceValidUntil: '2032-05-01',
    });
    const second = await plan({ customerId: other.id, licenceValidUntil: '2031-01-01' });
    // both start at once: exactly one gets the car
    const starts = await Promise.all(
      [
        [first.body.id, checked.body.version],
        [second.body.id, second.body.version],
      ].map(([id, version]) =>
        t.call('POST', `/api/v1/test-drives/${id}/start`, {
          token: consultant.token,
          body: { version, startKm: 1200 },
        }),
      ),
    );
    expect(starts.map((s) => s.status).sort()).toEqual([200, 409]);
    const running = starts.find((s) => s.status === 200)!.body;
    const ended = await t.call('POST', `/api/v1/test-drives/${running.id}/end`, {
      token: consultant.token,
      body: { version: running.version, endKm: 1100 },
    });
    expect(ended.status).toBe(400);
    expect(ended.body.errors[0].path).toBe('endKm');
    const done = await t.call('POST', `/api/v1/test-drives/${running.id}/end`, {
      token: consultant.token,
      body: { version: running.version, endKm: 1209, feedback: '加速很好，后排空间够' },
    });
    expect(done.body).toMatchObject({ status: 'completed', endKm: 1209, endedAt: expect.any(String) });
    // a sold or reserved car is not for test drives
    const reserved = await makeVehicle(t, store.id, trimId, { status: 'in_stock', arrivedOn: '2026-01-05' });
    await t.call('POST', `/api/v1/vehicles/${reserved.id}/reserve`, {
      token: t.adminToken,
      body: { hours: 24 },
    });
    const refused = await plan({ customerId: customer.id, vehicleId: reserved.id });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('crm.vehicle_not_available');
  });
});
