import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestApp } from '../../test/harness';
import { checkInCar, makeServiceCustomer, openWorkshop, type Workshop } from './service.fixtures';

const tokenOf = (path: string) => path.split('/').pop()!;

describe.each(dialects)('the repair order from check-in to close on %s', (dialect) => {
  let t: TestApp;
  let storeId: string;
  let w: Workshop;
  beforeAll(async () => {
    ({ t, storeId, w } = await openWorkshop(dialect));
  });
  afterAll(() => t.close());

  it('checks in with the mileage rule and the recall flag, and finds the car by plate and VIN', async () => {
    const { customer, vehicle } = await makeServiceCustomer(t, storeId, 30_000);
    await t.call('POST', '/api/v1/service-campaigns', {
      token: t.adminToken,
      body: {
        code: `RC-${vehicle.vin.slice(-6)}`,
        title: '制动软管召回',
        kind: 'recall',
        vins: [vehicle.vin],
        startsOn: '2026-01-01',
      },
    });
    const advisor = w.advisor.token;
    const lookup = await t.call(
      'GET',
      `/api/v1/repair-orders/check-in-lookup?storeId=${storeId}&q=${encodeURIComponent(vehicle.plate!)}`,
      { token: advisor },
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body.items).toEqual([
      expect.objectContaining({
        customerVehicleId: vehicle.id,
        customerName: customer.name,
        campaigns: [expect.objectContaining({ title: '制动软管召回' })],
      }),
    ]);
    const byVin = await t.call(
      'GET',
      `/api/v1/repair-orders/check-in-lookup?storeId=${storeId}&q=${vehicle.vin.slice(-6)}`,
      { token: advisor },
    );
    expect(byVin.body.items.map((i: { customerVehicleId: string }) => i.customerVehicleId)).toEqual([
      vehicle.id,
    ]);
    // a lower reading needs a reason: 422 naming the field, nothing written
    const lower = await t.call('POST', '/api/v1/repair-orders', {
      token: advisor,
      body: { storeId, customerVehicleId: vehicle.id, odometerKm: 29_000, customerConcern: '异响' },
    });
    expect(lower.status).toBe(422);
    expect(lower.body.errors.map((e: { path: string }) => e.path)).toContain('reason');
    expect(
      (await t.call('GET', `/api/v1/repair-orders?storeId=${storeId}`, { token: advisor })).body.items,
    ).toEqual([]);
    const order = await checkInCar(t, advisor, storeId, vehicle.id, 29_000, {
      odometerReason: '仪表更换',
      fuelPercent: 60,
      valuables: '行车记录仪',
    });
    expect(order).toMatchObject({
      status: 'open',
      recall: true,
      odometerKm: 29_000,
      number: expect.stringMatching(/^RO-\d{4}-\d{6}$/),
    });
    expect(order.campaigns[0].title).toBe('制动软管召回');
    const history = await t.call('GET', `/api/v1/customer-vehicles/${vehicle.id}/mileage`, {
      token: advisor,
    });
    expect(history.body.items[0]).toMatchObject({ km: 29_000, reason: '仪表更换' });
    // one open order per car
    const twice = await t.call('POST', '/api/v1/repair-orders', {
      token: advisor,
      body: { storeId, customerVehicleId: vehicle.id, odometerKm: 29_100, customerConcern: 'x' },
    });
    expect(twice.status).toBe(409);
  });

  it('runs estimate → link approval per line → clocks → QC → settlement → handover → close, exactly', async () => {
    const { customer, vehicle } = await makeServiceCustomer(t, storeId, 10_000);
    const advisor = w.advisor.token;
    let o = await checkInCar(t, advisor, storeId, vehicle.id, 12_000);
    const step = async (path: string, body: unknown, token = advisor, status = 200) => {
      const res = await t.call('POST', `/api/v1/repair-orders/${o.id}${path}`, { token, body });
      expect({ path, status: res.status, body: res.status === status ? undefined : res.body }).toEqual({
        path,
        status,
        body: undefined,
      });
      if (res.status === 200 && res.body.id) o = res.body;
      return res.body;
    };
    await step(
      '/diagnosis',
      { version: o.version, findings: '前刹车片磨损到限', faultCodes: ['C1234'] },
      w.hvTech.token,
    );
    expect(o.status).toBe('diagnosing');
    await step('/lines', { version: o.version, kind: 'labor', laborOperationId: w.oilChange.id });
    await step('/lines', {
      version: o.version,
      kind: 'labor',
      laborOperationId: w.batteryCheck.id,
      payer: 'warranty',
    });
    await step('/lines', {
      version: o.version,
      kind: 'part',
      partNumber: 'BP-001',
      description: '前刹车片',
      quantity: 2,
      unitPrice: 35_000,
    });
    await step('/lines', { version: o.version, kind: 'labor', description: '更换刹车片', hoursCenti: 100 });
    // a part line without its number: 400 naming the field
    const bad = await step(
      '/lines',
      { version: o.version, kind: 'part', description: 'x', unitPrice: 1 },
      advisor,
      400,
    );
    expect(bad.errors[0].path).toBe('partNumber');
    const [oil, battery, pads, padsLabour] = o.lines;
    expect(oil).toMatchObject({
      description: '更换机油机滤',
      hoursCenti: 50,
      unitPrice: 15_000,
      amount: 15_000,
      approval: 'pending',
    });
    expect(battery).toMatchObject({ hoursCenti: 150, amount: 45_000, payer: 'warranty' });
    expect(pads).toMatchObject({ amount: 70_000, partNumber: 'BP-001' });
    await step(
      '/inspection',
      {
        version: o.version,
        items: [
          { item: '轮胎', rating: 'yellow', note: '花纹 3mm' },
          { item: '刹车片', rating: 'red' },
        ],
      },
      w.tech.token,
    );
    // no work and no parts before approval
    await step(`/lines/${oil.id}/clock`, { action: 'start' }, w.tech.token, 422);
    await step(`/lines/${pads.id}/issue`, { quantity: 1 }, w.tech.token, 422);
    const sent = await step('/send-estimate', { version: o.version, language: 'en' });
    expect(sent.order.status).toBe('estimate_sent');
    const token = tokenOf(sent.approvalPath);
    // the customer's page, without sign-in
    const page = await t.call('GET', `/api/v1/public/estimates/${token}`);
    expect(page.status).toBe(200);
    expect(page.body.lines.map((l: { id: string }) => l.id)).toEqual([
      oil.id,
      battery.id,
      pads.id,
      padsLabour.id,
    ]);
    expect(page.body).toMatchObject({ number: o.number, customerName: customer.name, language: 'en' });
    const html = await t.call('GET', `/approve/${token}`);
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain('Approve your estimate');
    // all lines must be decided
    const partial = await t.call('POST', `/api/v1/public/estimates/${token}/decisions`, {
      body: { signerName: customer.name, decisions: [{ lineId: oil.id, decision: 'approved' }] },
    });
    expect(partial.status).toBe(422);
    const decided = await t.call('POST', `/api/v1/public/estimates/${token}/decisions`, {
      body: {
        signerName: customer.name,
        decisions: [
          { lineId: oil.id, decision: 'approved' },
          { lineId: battery.id, decision: 'approved' },
          { lineId: pads.id, decision: 'approved' },
          { lineId: padsLabour.id, decision: 'declined' },
        ],
      },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toEqual({ approved: 3, declined: 1, approvedAmount: 130_000 });
    // the link works once
    const again = await t.call('POST', `/api/v1/public/estimates/${token}/decisions`, {
      body: { signerName: 'x', decisions: [{ lineId: oil.id, decision: 'declined' }] },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('service.approval_used');
    expect((await t.call('GET', `/api/v1/public/estimates/${token}`)).status).toBe(409);
    o = (await t.call('GET', `/api/v1/repair-orders/${o.id}`, { token: advisor })).body;
    expect(o.status).toBe('approved');
    // declined line: no clock; parts only up to the approved quantity
    await step(`/lines/${padsLabour.id}/clock`, { action: 'start' }, w.tech.token, 422);
    await step(`/lines/${pads.id}/issue`, { quantity: 3 }, w.tech.token, 422);
    await step(`/lines/${pads.id}/issue`, { quantity: 2 }, w.tech.token);
    // two technicians on the oil change, one on the battery check; exact clock arithmetic
    await step(`/lines/${oil.id}/clock`, { action: 'start' }, w.tech.token);
    expect(o.status).toBe('in_progress');
    await step(`/lines/${oil.id}/clock`, { action: 'start' }, w.tech.token, 409);
    await step(`/lines/${oil.id}/clock`, { action: 'start' }, w.hvTech.token);
    await step(`/lines/${battery.id}/clock`, { action: 'start' }, w.hvTech.token);
    // the advisor cannot clock
    await step(`/lines/${oil.id}/clock`, { action: 'pause' }, advisor, 403);
    await step(`/lines/${oil.id}/clock`, { action: 'pause' }, w.tech.token);
    await step(`/lines/${oil.id}/clock`, { action: 'finish' }, w.hvTech.token);
    await step(`/lines/${battery.id}/clock`, { action: 'finish' }, w.hvTech.token);
    // set the clock times to known values to check the arithmetic exactly
    const base = Date.parse('2026-03-02T01:00:00.000Z');
    const at = (min: number) => new Date(base + min * 60_000).toISOString();
    const segments = o.clocks as { id: string; lineId: string; technicianId: string }[];
    const plan: Record<string, [number, number]> = {};
    for (const c of segments) {
      if (c.lineId === oil.id && c.technicianId === w.tech.user.id) plan[c.id] = [0, 20];
      else if (c.lineId === oil.id) plan[c.id] = [5, 15];
      else plan[c.id] = [20, 140];
    }
    for (const [id, [a, b]] of Object.entries(plan))
      await t.handle.db
        .updateTable('repair_order_clocks')
        .set({ started_at: at(a), ended_at: at(b) })
        .where('id', '=', id)
        .execute();
    o = (await t.call('GET', `/api/v1/repair-orders/${o.id}`, { token: advisor })).body;
    // oil: 0.5 h flagged = 1 800 000 ms over 30 min clocked (20 + 10): shared 2:1
    const oilHours = o.hours.lines.find((l: { lineId: string }) => l.lineId === oil.id);
    expect(oilHours).toEqual({
      lineId: oil.id,
      flaggedMs: 1_800_000,
      clockedMs: 1_800_000,
      efficiencyBp: 10_000,
    });
    // battery: 1.5 h flagged over 120 min clocked = 75 %
    expect(o.hours.lines.find((l: { lineId: string }) => l.lineId === battery.id)).toMatchObject({
      flaggedMs: 5_400_000,
      clockedMs: 7_200_000,
      efficiencyBp: 7500,
    });
    const hvT = o.hours.technicians.find(
      (x: { technicianId: string }) => x.technicianId === w.hvTech.user.id,
    );
    const gT = o.hours.technicians.find((x: { technicianId: string }) => x.technicianId === w.tech.user.id);
    expect(gT).toMatchObject({ flaggedMs: 1_200_000, clockedMs: 1_200_000, efficiencyBp: 10_000 });
    expect(hvT).toMatchObject({ flaggedMs: 6_000_000, clockedMs: 7_800_000, efficiencyBp: 7692 });
    expect(o.hours).toMatchObject({ flaggedMs: 7_200_000, clockedMs: 9_000_000, efficiencyBp: 8000 });
    // an additional finding during work goes back to the customer; the order keeps working meanwhile
    await step('/lines', {
      version: o.version,
      kind: 'sublet',
      description: '前挡风玻璃修补（外包）',
      unitPrice: 20_000,
    });
    const extra = o.lines.at(-1);
    expect(extra).toMatchObject({ origin: 'additional', approval: 'pending' });
    await step(`/lines/${extra.id}/clock`, { action: 'start' }, w.tech.token, 422);
    const more = await step('/send-estimate', { version: o.version });
    expect(more.order.status).toBe('in_progress');
    const onlyExtra = await t.call('GET', `/api/v1/public/estimates/${tokenOf(more.approvalPath)}`);
    expect(onlyExtra.body.lines.map((l: { id: string }) => l.id)).toEqual([extra.id]);
    const declinedExtra = await t.call(
      'POST',
      `/api/v1/public/estimates/${tokenOf(more.approvalPath)}/decisions`,
      {
        body: { signerName: customer.name, decisions: [{ lineId: extra.id, decision: 'declined' }] },
      },
    );
    expect(declinedExtra.status).toBe(200);
    o = (await t.call('GET', `/api/v1/repair-orders/${o.id}`, { token: advisor })).body;
    expect(o.status).toBe('in_progress');
    // QC by the foreman: a failed item sends it back; all passed → ready
    await step('/move', { version: o.version, action: 'to_quality_check' });
    await step(
      '/quality-check',
      { version: o.version, checklist: [{ item: '路试', passed: false }] },
      w.foreman.token,
    );
    expect(o.status).toBe('in_progress');
    await step('/move', { version: o.version, action: 'to_quality_check' }, w.tech.token);
    await step(
      '/quality-check',
      {
        version: o.version,
        checklist: [
          { item: '路试', passed: true },
          { item: '刹车', passed: true },
        ],
      },
      advisor,
      403,
    );
    await step(
      '/quality-check',
      {
        version: o.version,
        checklist: [
          { item: '路试', passed: true },
          { item: '刹车', passed: true },
        ],
      },
      w.foreman.token,
    );
    expect(o.status).toBe('ready');
    // handover only after settlement; payments must equal the customer's share exactly
    await step(
      '/handover',
      { version: o.version, signerName: customer.name, signature: 'data:image/png;base64,iVBORw0KGgo=' },
      advisor,
      422,
    );
    expect(o.totals).toEqual({
      labour: 60_000,
      parts: 70_000,
      sublet: 0,
      customer: 85_000,
      warranty: 45_000,
      insurance: 0,
    });
    const mismatch = await step(
      '/settle',
      { version: o.version, payments: [{ method: 'wechat', amount: 84_999 }] },
      advisor,
      422,
    );
    expect(mismatch.code).toBe('service.payments_mismatch');
    await step('/settle', {
      version: o.version,
      payments: [
        { method: 'wechat', amount: 50_000 },
        { method: 'card', amount: 35_000 },
      ],
    });
    expect(o).toMatchObject({
      invoiceNumber: expect.stringMatching(/^RI-\d{4}-\d{6}$/),
      nextServiceKm: 17_000,
      retainUntil: expect.any(String),
    });
    expect(Number(o.retainUntil.slice(0, 4)) - Number(o.settledAt.slice(0, 4))).toBe(6);
    const pdf = await t.call('GET', `/api/v1/repair-orders/${o.id}/pdf`, { token: advisor });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    await step('/handover', {
      version: o.version,
      signerName: customer.name,
      signature: 'data:image/png;base64,iVBORw0KGgo=',
    });
    expect(o).toMatchObject({
      status: 'delivered',
      handoverSigner: customer.name,
      hasSignature: true,
      followUpTaskId: expect.any(String),
    });
    // the follow-up call on day 2 is on the advisor's list
    const tasks = await t.call('GET', '/api/v1/tasks?mine=true', { token: advisor });
    const followUp = tasks.body.items.find((x: { id: string }) => x.id === o.followUpTaskId);
    expect(followUp).toMatchObject({ type: 'care_visit', customerId: customer.id, status: 'open' });
    const dueInDays = (Date.parse(followUp.dueAt) - Date.now()) / 86_400_000;
    expect(dueInDays).toBeGreaterThan(1.9);
    expect(dueInDays).toBeLessThan(2.1);
    await step('/follow-up', { version: o.version, satisfaction: 5, note: '很满意' });
    await step('/close', { version: o.version });
    expect(o.status).toBe('closed');
    // the customer's timeline has the service history; declined lines come back at the next visit
    const timeline = await t.call('GET', `/api/v1/customers/${customer.id}/timeline`, { token: advisor });
    const types = timeline.body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'service.repair_order.opened',
        'service.repair_order.settled',
        'service.repair_order.delivered',
        'service.repair_order.closed',
      ]),
    );
    const next = await checkInCar(t, advisor, storeId, vehicle.id, 13_000);
    expect(next.declinedBefore).toEqual([
      expect.objectContaining({
        repairOrderNumber: o.number,
        description: '前挡风玻璃修补（外包）',
        amount: 20_000,
      }),
      expect.objectContaining({ repairOrderNumber: o.number, description: '更换刹车片', amount: 30_000 }),
    ]);
  });

  it('two answers sent at once through the same link: exactly one counts', async () => {
    const { vehicle } = await makeServiceCustomer(t, storeId);
    const advisor = w.advisor.token;
    let o = await checkInCar(t, advisor, storeId, vehicle.id, 20_500);
    o = (
      await t.call('POST', `/api/v1/repair-orders/${o.id}/diagnosis`, {
        token: advisor,
        body: { version: o.version, findings: '保养' },
      })
    ).body;
    o = (
      await t.call('POST', `/api/v1/repair-orders/${o.id}/lines`, {
        token: advisor,
        body: { version: o.version, kind: 'labor', laborOperationId: w.oilChange.id },
      })
    ).body;
    const sent = (
      await t.call('POST', `/api/v1/repair-orders/${o.id}/send-estimate`, {
        token: advisor,
        body: { version: o.version },
      })
    ).body;
    const url = `/api/v1/public/estimates/${tokenOf(sent.approvalPath)}/decisions`;
    const answers = await Promise.all(
      (['approved', 'declined', 'approved', 'declined'] as const).map((decision) =>
        t.call('POST', url, {
          body: { signerName: '客户', decisions: [{ lineId: o.lines[0].id, decision }] },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = answers.find((a) => a.status === 200)!;
    const after = (await t.call('GET', `/api/v1/repair-orders/${o.id}`, { token: advisor })).body;
    expect(after.lines[0].approval).toBe(winner.body.approved === 1 ? 'approved' : 'declined');
    expect(after.status).toBe('approved');
  });

  it('refuses an expired link and one replaced by a newer link', async () => {
    const { vehicle } = await makeServiceCustomer(t, storeId);
    const advisor = w.advisor.token;
    let o = await checkInCar(t, advisor, storeId, vehicle.id, 20_500);
    o = (
      await t.call('POST', `/api/v1/repair-orders/${o.id}/diagnosis`, {
        token: advisor,
        body: { version: o.version, findings: '保养' },
      })
    ).body;
    o = (
      await t.call('POST', `/api/v1/repair-orders/${o.id}/lines`, {
        token: advisor,
        body: { version: o.version, kind: 'labor', laborOperationId: w.oilChange.id },
      })
    ).body;
    const first = (
      await t.call('POST', `/api/v1/repair-orders/${o.id}/send-estimate`, {
        token: advisor,
        body: { version: o.version },
      })
    ).body;
    o = first.order;
    await t.handle.db
      .updateTable('repair_order_approvals')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('repair_order_id', '=', o.id)
      .execute();
    const expired = await t.call('GET', `/api/v1/public/estimates/${tokenOf(first.approvalPath)}`, {
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(expired.status).toBe(404);
    expect(expired.body.code).toBe('service.approval_expired');
    expect(expired.body.title).toContain('过期');
    const page = await t.call('GET', `/approve/${tokenOf(first.approvalPath)}`);
    expect(page.status).toBe(404);
    // in the store instead: the customer signs on the tablet
    const signed = await t.call('POST', `/api/v1/repair-orders/${o.id}/approvals`, {
      token: advisor,
      body: {
        version: o.version,
        signerName: '张三',
        decisions: [{ lineId: o.lines[0].id, decision: 'approved' }],
      },
    });
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('approved');
    expect(signed.body.lines[0]).toMatchObject({ approval: 'approved', decidedVia: 'in_store' });
  });
});
