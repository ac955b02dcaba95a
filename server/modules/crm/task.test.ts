import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeCustomer, makeStaff, makeStore } from '../../test/factories';

type Staff = Awaited<ReturnType<typeof makeStaff>>;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe.each(dialects)('follow-up tasks on %s', (dialect) => {
  let t: TestApp;
  let store: { id: string };
  let manager: Staff;
  let consultant: Staff;
  let colleague: Staff;
  let advisor: Staff;
  let otherManager: Staff;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    store = await makeStore(t);
    manager = await makeStaff(t, 'sales_manager', store.id);
    consultant = await makeStaff(t, 'sales_consultant', store.id);
    colleague = await makeStaff(t, 'sales_consultant', store.id);
    advisor = await makeStaff(t, 'service_advisor', store.id);
    otherManager = await makeStaff(t, 'sales_manager', (await makeStore(t)).id);
  });
  afterAll(() => t.close());

  const create = (token: string, body: Record<string, unknown>) =>
    t.call('POST', '/api/v1/tasks', {
      token,
      body: { storeId: store.id, type: 'call', title: '电话回访', ...body },
    });

  it('a user gives tasks to themself; a manager to staff of the store; nobody to another store', async () => {
    const customer = await makeCustomer(t, store.id);
    const own = await create(consultant.token, { customerId: customer.id, dueAt: inHours(2) });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({
      assigneeId: consultant.user.id,
      customerName: customer.name,
      status: 'open',
      overdue: false,
    });
    expect(
      (await create(consultant.token, { assigneeId: colleague.user.id, dueAt: inHours(2) })).status,
    ).toBe(403);
    const given = await create(manager.token, {
      assigneeId: advisor.user.id,
      type: 'care_visit',
      title: '首保提醒',
      dueAt: inHours(30),
    });
    expect(given.status).toBe(201);
    const wrong = await create(manager.token, { assigneeId: otherManager.user.id, dueAt: inHours(2) });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].path).toBe('assigneeId');
    const bad = await create(consultant.token, { type: 'carrier_pigeon', dueAt: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['dueAt', 'type']);
    // the consultant sees only their own; the colleague cannot complete it
    const mine = await t.call('GET', '/api/v1/tasks', { token: consultant.token });
    expect(mine.body.items.every((x: { assigneeId: string }) => x.assigneeId === consultant.user.id)).toBe(
      true,
    );
    const byColleague = await t.call('POST', `/api/v1/tasks/${own.body.id}/complete`, {
      token: colleague.token,
      body: { version: own.body.version, outcome: 'reached' },
    });
    expect(byColleague.status).toBe(404);
    expect(
      (await t.call('GET', `/api/v1/tasks?storeId=${store.id}`, { token: otherManager.token })).body.items,
    ).toEqual([]);
  });

  it('"due today" includes overdue ones; completing records the outcome on the customer timeline, once', async () => {
    const customer = await makeCustomer(t, store.id);
    const late = (
      await create(consultant.token, { customerId: customer.id, dueAt: inHours(-3), title: '昨天的回访' })
    ).body;
    const later = (await create(consultant.token, { dueAt: inHours(24 * 9), title: '下周的事' })).body;
    expect(late.overdue).toBe(true);
    const today = await t.call('GET', `/api/v1/tasks?due=today&mine=true&storeId=${store.id}`, {
      token: consultant.token,
    });
    const ids = today.body.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(later.id);
    const overdue = await t.call('GET', '/api/v1/tasks?due=overdue', { token: consultant.token });
    expect(overdue.body.items.map((x: { id: string }) => x.id)).toEqual([late.id]);
    const noOutcome = await t.call('POST', `/api/v1/tasks/${late.id}/complete`, {
      token: consultant.token,
      body: { version: late.version },
    });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.body.errors[0].path).toBe('outcome');
    const done = await t.call('POST', `/api/v1/tasks/${late.id}/complete`, {
      token: consultant.token,
      body: { version: late.version, outcome: 'callback', note: '周六再打' },
    });
    expect(done.body).toMatchObject({
      status: 'done',
      outcome: 'callback',
      outcomeNote: '周六再打',
      overdue: false,
    });
    const twice = await t.call('POST', `/api/v1/tasks/${late.id}/complete`, {
      token: consultant.token,
      body: { version: done.body.version, outcome: 'reached' },
    });
    expect(twice.status).toBe(409);
    const timeline = await t.call('GET', `/api/v1/customers/${customer.id}/timeline`, {
      token: manager.token,
    });
    expect(timeline.body.items[0]).toMatchObject({ type: 'crm.task.done' });
    const cancelled = await t.call('POST', `/api/v1/tasks/${later.id}/cancel`, {
      token: manager.token,
      body: { version: later.version },
    });
    expect(cancelled.body.status).toBe('cancelled');
  });

  it('a showroom visit that ends opens the 24-hour call-back for its consultant', async () => {
    const customer = await makeCustomer(t, store.id);
    const visit = await t.call('POST', '/api/v1/receptions', {
      token: consultant.token,
      body: { customerId: customer.id, storeId: store.id },
    });
    expect(visit.body.consultantId).toBe(consultant.user.id);
    await t.call('POST', `/api/v1/receptions/${visit.body.id}/depart`, {
      token: consultant.token,
      body: { version: visit.body.version },
    });
    const tasks = await t.call('GET', `/api/v1/tasks?customerId=${customer.id}`, { token: consultant.token });
    expect(tasks.body.items).toHaveLength(1);
    expect(tasks.body.items[0]).toMatchObject({
      source: 'after_visit',
      type: 'call',
      assigneeId: consultant.user.id,
    });
    const due = Date.parse(tasks.body.items[0].dueAt) - Date.now();
    expect(due).toBeGreaterThan(23.9 * 3_600_000);
    expect(due).toBeLessThan(24.1 * 3_600_000);
  });
});
