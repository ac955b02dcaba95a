import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import {
  makeCustomer,
  makeCustomerVehicle,
  makeMobile,
  makeResidentId,
  makeStaff,
  makeStore,
} from '../../test/factories';

describe.each(dialects)('merging customers on %s', (dialect) => {
  let t: TestApp;
  let manager: string;
  let consultant: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    manager = (await makeStaff(t, 'sales_manager', t.hqStoreId)).token;
    consultant = (await makeStaff(t, 'sales_consultant', t.hqStoreId)).token;
  });
  afterAll(() => t.close());

  it('moves mobiles, vehicles, consents and timeline to the target; the source stays as merged; all audited', async () => {
    const idNumber = makeResidentId();
    const target = await makeCustomer(t, t.hqStoreId, { name: '王建国' });
    const shared = target.mobiles[0]!.number;
    const extra = makeMobile();
    const source = await makeCustomer(t, t.hqStoreId, {
      name: '王建国（重复）',
      mobiles: [extra, shared],
      allowDuplicate: true,
      identityDocument: { type: 'resident_id', number: idNumber },
      consents: [{ channel: 'wechat', granted: true, source: 'wechat' }],
      tags: ['老客户'],
    });
    const car = await makeCustomerVehicle(t, source.id, { mileageKm: 100 });
    const refused = await t.call('POST', `/api/v1/customers/${target.id}/merge`, {
      token: consultant,
      body: { sourceId: source.id, version: 1 },
    });
    expect(refused.status).toBe(403);
    const stale = await t.call('POST', `/api/v1/customers/${target.id}/merge`, {
      token: manager,
      body: { sourceId: source.id, version: 7 },
    });
    expect(stale.status).toBe(409);
    const res = await t.call('POST', `/api/v1/customers/${target.id}/merge`, {
      token: manager,
      body: { sourceId: source.id, version: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body.mobiles.map((m: { number: string }) => m.number)).toEqual([shared, extra]);
    expect(res.body).toMatchObject({
      version: 2,
      tags: ['老客户'],
      identityDocument: { type: 'resident_id' },
      consents: [expect.objectContaining({ channel: 'wechat', granted: true })],
    });
    const src = await t.call('GET', `/api/v1/customers/${source.id}`, { token: manager });
    expect(src.body).toMatchObject({ status: 'merged', mergedInto: target.id, mobiles: [] });
    const moved = await t.call('GET', `/api/v1/customer-vehicles/${car.id}`, { token: manager });
    expect(moved.body.customerId).toBe(target.id);
    const timeline = await t.call('GET', `/api/v1/customers/${target.id}/timeline`, { token: manager });
    const types = timeline.body.items.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('crm.customer.merged');
    expect(types.filter((x: string) => x === 'crm.customer.created')).toHaveLength(2);
    expect(types).toContain('crm.vehicle.added');
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select(['entity_id', 'action'])
      .where('action', 'in', ['merge', 'merged_into'])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { entity_id: target.id, action: 'merge' },
        { entity_id: source.id, action: 'merged_into' },
      ]),
    );
    // the merged file is read-only and out of lists; a second merge of it is refused
    expect(
      (await t.call('GET', `/api/v1/customers?q=${extra}`, { token: manager })).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual([target.id]);
    const patch = await t.call('PATCH', `/api/v1/customers/${source.id}`, {
      token: manager,
      body: { version: 2, note: 'x' },
    });
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('crm.customer_merged');
    const again = await t.call('POST', `/api/v1/customers/${target.id}/merge`, {
      token: manager,
      body: { sourceId: source.id, version: 2 },
    });
    expect(again.status).toBe(409);
  });

  it('refuses merging a customer into itself and across stores out of reach', async () => {
    const a = await makeCustomer(t, t.hqStoreId);
    const self = await t.call('POST', `/api/v1/customers/${a.id}/merge`, {
      token: manager,
      body: { sourceId: a.id, version: 1 },
    });
    expect(self.status).toBe(422);
    const b = await makeCustomer(t, (await makeStore(t)).id);
    const cross = await t.call('POST', `/api/v1/customers/${a.id}/merge`, {
      token: manager,
      body: { sourceId: b.id, version: 1 },
    });
    expect(cross.status).toBe(404);
    expect((await t.call('GET', `/api/v1/customers/${b.id}`, { token: t.adminToken })).body.status).toBe(
      'active',
    );
  });
});
