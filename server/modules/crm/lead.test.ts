import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeCustomer, makeStaff, makeStore } from '../../test/factories';
import { runWorkerOnce } from '../../platform/worker';

type Staff = Awaited<ReturnType<typeof makeStaff>>;

describe.each(dialects)('leads on %s', (dialect) => {
  let t: TestApp;
  let storeA: { id: string };
  let manager: Staff;
  let reception: Staff;
  let consultant1: Staff;
  let consultant2: Staff;
  let managerB: Staff;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    storeA = await makeStore(t);
    const storeB = await makeStore(t);
    manager = await makeStaff(t, 'sales_manager', storeA.id);
    reception = await makeStaff(t, 'receptionist', storeA.id);
    consultant1 = await makeStaff(t, 'sales_consultant', storeA.id);
    consultant2 = await makeStaff(t, 'sales_consultant', storeA.id);
    managerB = await makeStaff(t, 'sales_manager', storeB.id);
  });
  afterAll(() => t.close());
  afterEach(() => vi.useRealTimers());

  const fileLead = async (token: string, body: Record<string, unknown>) =>
    t.call('POST', '/api/v1/leads', { token, body: { storeId: storeA.id, source: 'walk_in', ...body } });

  it("a consultant's own walk-in is theirs, numbered per store, with the SLA clock running", async () => {
    const customer = await makeCustomer(t, storeA.id);
    const before = Date.now();
    const res = await fileLead(consultant1.token, { customerId: customer.id, interest: '想看看SUV' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/leads/${res.body.id}`);
    expect(res.body).toMatchObject({
      status: 'new',
      ownerId: consultant1.user.id,
      customerId: customer.id,
      customerName: customer.name,
      source: 'walk_in',
      firstContactedAt: null,
    });
    expect(res.body.number).toMatch(/^LD-\d{4}-\d{6}$/);
    // the store's default SLA: first contact within 30 minutes
    const due = Date.parse(res.body.slaDueAt) - before;
    expect(due).toBeGreaterThanOrEqual(30 * 60_000 - 1000);
    expect(due).toBeLessThanOrEqual(30 * 60_000 + 5000);
    const job = await t.handle.db
      .selectFrom('jobs')
      .select(['run_at'])
      .where('type', '=', 'crm.lead_sla_check')
      .where('payload_json', 'like', `%${res.body.id}%`)
      .executeTakeFirstOrThrow();
    expect(job.run_at).toBe(res.body.slaDueAt);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const customer = await makeCustomer(t, storeA.id);
    const count = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('leads')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await count();
    const badSource = await fileLead(manager.token, { customerId: customer.id, source: 'carrier_pigeon' });
    expect(badSource.status).toBe(400);
    expect(badSource.body.errors[0].path).toBe('source');
    const noCustomer = await fileLead(manager.token, { customerId: 'no-such-customer' });
    expect(noCustomer.status).toBe(400);
    expect(noCustomer.body.errors[0].path).toBe('customerId');
    const badTrim = await fileLead(manager.token, { customerId: customer.id, trimId: 'no-such-trim' });
    expect(badTrim.status).toBe(422);
    expect(badTrim.body.errors[0].path).toBe('trimId');
    expect(await count()).toBe(n);
  });

  it('hands new leads round robin to the active consultants, exactly evenly under 20 concurrent filings', async () => {
    const customer = await makeCustomer(t, storeA.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        fileLead(reception.token, { customerId: customer.id, source: 'phone' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const owners = results.map((r) => r.body.ownerId as string);
    expect(owners.filter((o) => o === consultant1.user.id)).toHaveLength(10);
    expect(owners.filter((o) => o === consultant2.user.id)).toHaveLength(10);
    expect(new Set(results.map((r) => r.body.number)).size).toBe(20);
    // the owner finds it in their inbox
    const inbox = await t.call('GET', '/api/v1/alerts', { token: consultant1.token });
    expect(
      inbox.body.items.filter((a: { kind: string }) => a.kind === 'lead_assigned').length,
    ).toBeGreaterThanOrEqual(10);
  });

  it('in manager mode new leads wait unassigned; the manager assigns within the store only', async () => {
    const settings = await t.call('GET', `/api/v1/lead-settings/${storeA.id}`, { token: manager.token });
    expect(settings.body).toMatchObject({ slaMinutes: 30, assignment: 'round_robin' });
    const changed = await t.call('PATCH', `/api/v1/lead-settings/${storeA.id}`, {
      token: manager.token,
      body: { version: settings.body.version, assignment: 'manager', slaMinutes: 15 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ assignment: 'manager', slaMinutes: 15 });
    const stale = await t.call('PATCH', `/api/v1/lead-settings/${storeA.id}`, {
      token: manager.token,
      body: { version: settings.body.version, slaMinutes: 60 },
    });
    expect(stale.status).toBe(409);
    // a consultant may not change the store's rules
    const byConsultant = await t.call('PATCH', `/api/v1/lead-settings/${storeA.id}`, {
      token: consultant1.token,
      body: { version: changed.body.version, slaMinutes: 60 },
    });
    expect(byConsultant.status).toBe(403);

    const customer = await makeCustomer(t, storeA.id);
    const lead = await fileLead(reception.token, { customerId: customer.id, source: 'autohome' });
    expect(lead.body.ownerId).toBeNull();
    const unassigned = await t.call('GET', `/api/v1/leads?unassigned=true&storeId=${storeA.id}`, {
      token: manager.token,
    });
    expect(unassigned.body.items.map((l: { id: string }) => l.id)).toContain(lead.body.id);
    const wrong = await t.call('POST', `/api/v1/leads/${lead.body.id}/assign`, {
      token: manager.token,
      body: { version: lead.body.version, ownerId: managerB.user.id },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].path).toBe('ownerId');
    const assigned = await t.call('POST', `/api/v1/leads/${lead.body.id}/assign`, {
      token: manager.token,
      body: { version: lead.body.version, ownerId: consultant2.user.id },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ ownerId: consultant2.user.id, assignedAt: expect.any(String) });
    const assignedAlert = async () =>
      (await t.call('GET', '/api/v1/alerts?limit=200', { token: consultant2.token })).body.items.filter(
        (a: { kind: string; entityId: string }) => a.kind === 'lead_assigned' && a.entityId === lead.body.id,
      );
    expect(await assignedAlert()).toHaveLength(1);
    // once the consultant has called, the "new lead for you" alert has done its work
    await t.call('POST', `/api/v1/leads/${lead.body.id}/contact`, {
      token: consultant2.token,
      body: { version: assigned.body.version },
    });
    expect(await assignedAlert()).toHaveLength(0);
    // the other store's manager cannot even see it
    expect((await t.call('GET', `/api/v1/leads/${lead.body.id}`, { token: managerB.token })).status).toBe(
      404,
    );
    // the other consultant neither: a consultant works their own leads
    expect((await t.call('GET', `/api/v1/leads/${lead.body.id}`, { token: consultant1.token })).status).toBe(
      404,
    );
    const own = await t.call('GET', '/api/v1/leads?limit=200', { token: consultant1.token });
    expect(own.body.items.every((l: { ownerId: string }) => l.ownerId === consultant1.user.id)).toBe(true);
    await t.call('PATCH', `/api/v1/lead-settings/${storeA.id}`, {
      token: manager.token,
      body: { version: changed.body.version, assignment: 'round_robin', slaMinutes: 30 },
    });
  });

  it('moves only along the status machine; losing needs a reason; a stale version is a 409', async () => {
    const customer = await makeCustomer(t, storeA.id);
    const lead = (await fileLead(consultant1.token, { customerId: customer.id })).body;
    const won = await t.call('POST', `/api/v1/leads/${lead.id}/win`, {
      token: consultant1.token,
      body: { version: lead.version },
    });
    expect(won.status).toBe(409);
    expect(won.body.title).toContain('new');
    const contacted = await t.call('POST', `/api/v1/leads/${lead.id}/contact`, {
      token: consultant1.token,
      body: { version: lead.version, note: '电话联系，周六到店' },
    });
    expect(contacted.status).toBe(200);
    expect(contacted.body).toMatchObject({
      status: 'contacted',
      firstContactedAt: expect.any(String),
      slaDueAt: null,
    });
    const stale = await t.call('POST', `/api/v1/leads/${lead.id}/book-appointment`, {
      token: consultant1.token,
      body: { version: lead.version },
    });
    expect(stale.status).toBe(409);
    const noReason = await t.call('POST', `/api/v1/leads/${lead.id}/lose`, {
      token: consultant1.token,
      body: { version: contacted.body.version },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    const lost = await t.call('POST', `/api/v1/leads/${lead.id}/lose`, {
      token: consultant1.token,
      body: { version: contacted.body.version, reason: 'bought_competitor', note: '买了竞品' },
    });
    expect(lost.body).toMatchObject({
      status: 'lost',
      lostReason: 'bought_competitor',
      lostNote: '买了竞品',
    });
    const reopened = await t.call('POST', `/api/v1/leads/${lead.id}/reopen`, {
      token: consultant1.token,
      body: { version: lost.body.version },
    });
    expect(reopened.body).toMatchObject({ status: 'contacted', lostReason: null });
    // another consultant of the same store may not move it
    const other = await t.call('POST', `/api/v1/leads/${lead.id}/visit`, {
      token: consultant2.token,
      body: { version: reopened.body.version },
    });
    expect(other.status).toBe(404);
    const audit = await t.call('GET', `/api/v1/audit?entity=lead&id=${lead.id}`, { token: t.adminToken });
    // newest first
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual([
      'reopen',
      'lose',
      'contact',
      'create',
    ]);
    const timeline = await t.call('GET', `/api/v1/customers/${customer.id}/timeline`, {
      token: manager.token,
    });
    expect(timeline.body.items.map((e: { type: string }) => e.type).slice(0, 4)).toEqual([
      'crm.lead.reopen',
      'crm.lead.lose',
      'crm.lead.contact',
      'crm.lead.created',
    ]);
  });

  it('a lead left uncontacted past the SLA alerts the managers once (controlled clock); one contacted in time does not', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const customer = await makeCustomer(t, storeA.id);
    const late = (await fileLead(consultant1.token, { customerId: customer.id, source: 'dongchedi' })).body;
    const prompt = (await fileLead(consultant1.token, { customerId: customer.id, source: 'yiche' })).body;
    await t.call('POST', `/api/v1/leads/${prompt.id}/contact`, {
      token: consultant1.token,
      body: { version: prompt.version },
    });
    // 29 minutes later: nothing is due yet
    vi.setSystemTime(Date.now() + 29 * 60_000);
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    const alertsFor = async (token: string) =>
      (await t.call('GET', '/api/v1/alerts?limit=200', { token })).body.items.filter(
        (a: { kind: string; entityId: string }) => a.kind === 'lead_sla_missed',
      ) as { entityId: string; id: string; version: number; params: Record<string, unknown> }[];
    expect((await alertsFor(manager.token)).map((a) => a.entityId)).not.toContain(late.id);
    // 31 minutes after filing: the worker finds the missed first contact
    vi.setSystemTime(Date.now() + 2 * 60_000);
    for (let i = 0; i < 3; i++) await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    const managerAlerts = (await alertsFor(manager.token)).filter((a) => a.entityId === late.id);
    expect(managerAlerts).toHaveLength(1);
    expect(managerAlerts[0]!.params).toMatchObject({ number: late.number, customer: customer.name });
    expect((await alertsFor(manager.token)).map((a) => a.entityId)).not.toContain(prompt.id);
    // managers of another store and the consultant do not get the managers' alert
    expect((await alertsFor(managerB.token)).map((a) => a.entityId)).not.toContain(late.id);
    expect((await alertsFor(consultant1.token)).map((a) => a.entityId)).not.toContain(late.id);
    const breached = await t.call('GET', `/api/v1/leads/${late.id}`, { token: manager.token });
    expect(breached.body.slaBreachedAt).toEqual(expect.any(String));
    const overdue = await t.call('GET', `/api/v1/leads?overdue=true&storeId=${storeA.id}`, {
      token: manager.token,
    });
    expect(overdue.body.items.map((l: { id: string }) => l.id)).toContain(late.id);
    const funnel = await t.call('GET', `/api/v1/leads/funnel?storeId=${storeA.id}`, { token: manager.token });
    expect(funnel.body.overdue).toBeGreaterThanOrEqual(1);
    expect(funnel.body.byStatus.contacted).toBeGreaterThanOrEqual(1);
    // the manager deals with it: resolved once, gone from the open inbox
    const resolved = await t.call('POST', `/api/v1/alerts/${managerAlerts[0]!.id}/resolve`, {
      token: manager.token,
      body: { version: managerAlerts[0]!.version },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolvedBy).toBe(manager.user.id);
    expect((await alertsFor(manager.token)).map((a) => a.id)).not.toContain(managerAlerts[0]!.id);
    const again = await t.call('POST', `/api/v1/alerts/${managerAlerts[0]!.id}/resolve`, {
      token: manager.token,
      body: { version: resolved.body.version },
    });
    expect(again.status).toBe(409);
    // another store's manager cannot touch it
    expect(
      (
        await t.call('POST', `/api/v1/alerts/${managerAlerts[0]!.id}/resolve`, {
          token: managerB.token,
          body: { version: resolved.body.version },
        })
      ).status,
    ).toBe(404);
  });
});
