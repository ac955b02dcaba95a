import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestApp } from '../../test/harness';
import { runWorkerOnce } from '../../platform/worker';
import { checkInCar, makeServiceCustomer, openWorkshop, type Workshop } from './service.fixtures';

/** Drives an order to `ready` with one approved labour line and one approved part line. */
async function readyOrder(t: TestApp, w: Workshop, storeId: string) {
  const { vehicle } = await makeServiceCustomer(t, storeId, 40_000);
  const advisor = w.advisor.token;
  let o = await checkInCar(t, advisor, storeId, vehicle.id, 41_234, { customerConcern: '空调不制冷' });
  const post = async (path: string, body: unknown, token = advisor) => {
    const res = await t.call('POST', `/api/v1/repair-orders/${o.id}${path}`, { token, body });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    o = res.body;
  };
  await post('/diagnosis', { version: o.version, findings: '冷媒泄漏', faultCodes: ['B1A00'] });
  await post('/lines', {
    version: o.version,
    kind: 'labor',
    description: '空调系统检漏加注',
    hoursCenti: 120,
    payer: 'insurance',
  });
  await post('/lines', {
    version: o.version,
    kind: 'part',
    partNumber: 'R1234YF',
    description: '冷媒 R1234yf',
    quantity: 2,
    unitPrice: 12_000,
  });
  await post('/approvals', {
    version: o.version,
    signerName: '李四',
    decisions: o.lines.map((l: { id: string }) => ({ lineId: l.id, decision: 'approved' })),
  });
  await post('/move', { version: o.version, action: 'start_work' }, w.tech.token);
  await post('/move', { version: o.version, action: 'to_quality_check' }, w.tech.token);
  await post(
    '/quality-check',
    { version: o.version, checklist: [{ item: '出风温度', passed: true }] },
    w.foreman.token,
  );
  return { o, vehicle };
}

describe.each(dialects)('the JT/T 1132 health-record export on %s', (dialect) => {
  let t: TestApp;
  let storeId: string;
  let w: Workshop;
  const dir = mkdtempSync(join(tmpdir(), 'fc-health-'));
  beforeAll(async () => {
    ({ t, storeId, w } = await openWorkshop(dialect, { taxId: '91310000MA1FL8TQ3X' }));
  });
  afterAll(async () => {
    delete process.env.FORECOURT_HEALTH_RECORD_DIR;
    await t.close();
  });

  it('a settled order produces its record with every field; a failing upload is retried and shown', async () => {
    const { o, vehicle } = await readyOrder(t, w, storeId);
    // insurance lines need the insurer
    const noInsurer = await t.call('POST', `/api/v1/repair-orders/${o.id}/settle`, {
      token: w.advisor.token,
      body: { version: o.version, payments: [{ method: 'cash', amount: 24_000 }] },
    });
    expect(noInsurer.status).toBe(400);
    expect(noInsurer.body.errors[0].path).toBe('insurerName');
    // the adapter's target cannot be written: a file stands where the directory should be
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'x');
    process.env.FORECOURT_HEALTH_RECORD_DIR = join(blocked, 'sub');
    const settled = await t.call('POST', `/api/v1/repair-orders/${o.id}/settle`, {
      token: w.advisor.token,
      body: { version: o.version, payments: [{ method: 'cash', amount: 24_000 }], insurerName: '平安保险' },
    });
    expect(settled.status).toBe(200);
    expect(settled.body.totals).toEqual({
      labour: 36_000,
      parts: 24_000,
      sublet: 0,
      customer: 24_000,
      warranty: 0,
      insurance: 36_000,
    });
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    const failed = await t.call('GET', `/api/v1/health-records?storeId=${storeId}`, {
      token: w.advisor.token,
    });
    const rec = failed.body.items.find((r: { repairOrderId: string }) => r.repairOrderId === o.id);
    expect(rec).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.any(String) });
    const job = await t.handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('type', '=', 'service.health_record_export')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.run_at > new Date().toISOString()).toBe(true); // retried later, with backoff
    expect(rec.payload).toEqual({
      companyName: expect.any(String),
      companyCode: '91310000MA1FL8TQ3X',
      vin: vehicle.vin,
      plateNumber: vehicle.plate,
      repairDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      mileageKm: 41_234,
      settlementDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      settlementNumber: settled.body.invoiceNumber,
      repairOrderNumber: o.number,
      faultDescription: '空调不制冷 / 冷媒泄漏',
      repairItems: [{ name: '空调系统检漏加注', hours: 1.2 }],
      parts: [{ name: '冷媒 R1234yf', code: 'R1234YF', quantity: 2 }],
    });
    // the target is fixed; the outbox's retry (due now) exports it
    process.env.FORECOURT_HEALTH_RECORD_DIR = join(dir, 'out');
    await t.handle.db
      .updateTable('jobs')
      .set({ run_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', job.id)
      .execute();
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    const done = (
      await t.call('GET', `/api/v1/health-records?storeId=${storeId}&status=exported`, {
        token: w.advisor.token,
      })
    ).body.items;
    expect(done).toEqual([
      expect.objectContaining({ repairOrderId: o.id, status: 'exported', attempts: 2, lastError: null }),
    ]);
    expect(JSON.parse(readFileSync(done[0].exportRef, 'utf8')).vin).toBe(vehicle.vin);
    // only a failed record can be sent again by hand
    const retry = await t.call('POST', `/api/v1/health-records/${done[0].id}/retry`, {
      token: w.advisor.token,
    });
    expect(retry.status).toBe(409);
  });

  it('a failed export can be retried by hand', async () => {
    const { o } = await readyOrder(t, w, storeId);
    const blocked = join(dir, 'blocked2');
    writeFileSync(blocked, 'x');
    process.env.FORECOURT_HEALTH_RECORD_DIR = join(blocked, 'sub');
    await t.call('POST', `/api/v1/repair-orders/${o.id}/settle`, {
      token: w.advisor.token,
      body: { version: o.version, payments: [{ method: 'cash', amount: 24_000 }], insurerName: '人保' },
    });
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    const rec = (
      await t.call('GET', `/api/v1/health-records?storeId=${storeId}&status=failed`, {
        token: w.advisor.token,
      })
    ).body.items[0];
    expect(rec.repairOrderId).toBe(o.id);
    process.env.FORECOURT_HEALTH_RECORD_DIR = join(dir, 'out');
    const retry = await t.call('POST', `/api/v1/health-records/${rec.id}/retry`, { token: w.advisor.token });
    expect(retry.body.status).toBe('pending');
    await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    const after = (
      await t.call('GET', `/api/v1/health-records?storeId=${storeId}`, { token: w.advisor.token })
    ).body.items.find((r: { id: string }) => r.id === rec.id);
    expect(after.status).toBe('exported');
  });
});
