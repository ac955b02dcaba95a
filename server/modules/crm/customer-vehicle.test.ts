import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeCustomer, makeCustomerVehicle, makeStaff, makeStore } from '../../test/factories';
import { breakCheckDigit, makeVin } from '../vehicles/vehicle.fixtures';

describe.each(dialects)('customer vehicles and mileage on %s', (dialect) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof makeStaff>>;
  let customer: { id: string };
  const count = async () => (await t.handle.db.selectFrom('customer_vehicles').select('id').execute()).length;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    owner = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    const res = await t.call('POST', '/api/v1/customers', {
      token: owner.token,
      body: { type: 'individual', name: '赵磊', mobiles: ['13912345678'] },
    });
    customer = res.body;
  });
  afterAll(() => t.close());

  it('registers a vehicle by VIN: normalised and decoded, plate checked, on the customer’s timeline', async () => {
    const vin = makeVin();
    const res = await t.call('POST', '/api/v1/customer-vehicles', {
      token: owner.token,
      body: {
        customerId: customer.id,
        vin: vin.toLowerCase(),
        plate: '粤b·d12345',
        purchaseDate: '2025-03-01',
        mileageKm: 1200,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      vin,
      plate: '粤BD12345',
      brandName: '比亚迪',
      modelYear: 2025,
      lastMileageKm: 1200,
      storeId: t.hqStoreId,
      status: 'active',
      version: 1,
    });
    const timeline = await t.call('GET', `/api/v1/customers/${customer.id}/timeline`, { token: owner.token });
    expect(timeline.body.items[0]).toMatchObject({
      type: 'crm.vehicle.added',
      data: { vin, plate: '粤BD12345' },
    });
  });

  it('refuses a bad VIN and a bad plate naming the field, writing nothing', async () => {
    const before = await count();
    const { vin, expected } = breakCheckDigit(makeVin());
    const bad = await t.call('POST', '/api/v1/customer-vehicles', {
      token: owner.token,
      body: { customerId: customer.id, vin },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'vin', code: 'rules.vin.check_digit_mismatch' });
    expect(bad.body.errors[0].message).toContain(`should be ${expected}`);
    const plate = await t.call('POST', '/api/v1/customer-vehicles', {
      token: owner.token,
      body: { customerId: customer.id, vin: makeVin(), plate: '京AI2345' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(plate.status).toBe(400);
    expect(plate.body.errors[0]).toMatchObject({ path: 'plate', message: '号牌中不使用字母 I。' });
    expect(await count()).toBe(before);
  });

  it('keeps one VIN active on one customer of the group (409), also when 10 requests race', async () => {
    const car = await makeCustomerVehicle(t, customer.id);
    const other = await makeCustomer(t, (await makeStore(t)).id);
    const again = await t.call('POST', '/api/v1/customer-vehicles', {
      token: t.adminToken,
      body: { customerId: other.id, vin: car.vin },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('crm.vin_on_other_customer');
    // sold on: once inactive, the VIN may be registered for the next owner
    const sold = await t.call('PATCH', `/api/v1/customer-vehicles/${car.id}`, {
      token: owner.token,
      body: { version: 1, status: 'inactive' },
    });
    expect(sold.status).toBe(200);
    const next = await t.call('POST', '/api/v1/customer-vehicles', {
      token: t.adminToken,
      body: { customerId: other.id, vin: car.vin },
    });
    expect(next.status).toBe(201);
    const back = await t.call('PATCH', `/api/v1/customer-vehicles/${car.id}`, {
      token: owner.token,
      body: { version: 2, status: 'active' },
    });
    expect(back.status).toBe(409);
    const vin = makeVin();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.call('POST', '/api/v1/customer-vehicles', {
          token: t.adminToken,
          body: { customerId: customer.id, vin },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
  });

  it('records mileage over time; a lower reading needs a reason; a stale PATCH is 409', async () => {
    const car = await makeCustomerVehicle(t, customer.id, { mileageKm: 5000 });
    const url = `/api/v1/customer-vehicles/${car.id}/mileage`;
    const up = await t.call('POST', url, {
      token: owner.token,
      body: { km: 8000, readAt: new Date().toISOString() },
    });
    expect(up.status).toBe(201);
    const down = await t.call('POST', url, {
      token: owner.token,
      body: { km: 300, readAt: new Date().toISOString() },
    });
    expect(down.status).toBe(422);
    expect(down.body.code).toBe('crm.mileage_below_last');
    expect(down.body.errors[0]).toMatchObject({ path: 'reason', code: 'rules.crm.mileage_needs_reason' });
    expect(down.body.errors[0].message).toContain('8000');
    const reasoned = await t.call('POST', url, {
      token: owner.token,
      body: { km: 300, readAt: new Date().toISOString(), reason: '更换仪表盘' },
    });
    expect(reasoned.status).toBe(201);
    const history = await t.call('GET', url, { token: owner.token });
    expect(history.body.items.map((r: { km: number }) => r.km)).toEqual([300, 8000, 5000]);
    const vehicle = await t.call('GET', `/api/v1/customer-vehicles/${car.id}`, { token: owner.token });
    expect(vehicle.body).toMatchObject({ lastMileageKm: 300, version: 3 });
    const stale = await t.call('PATCH', `/api/v1/customer-vehicles/${car.id}`, {
      token: owner.token,
      body: { version: 1, plate: '京A12345' },
    });
    expect(stale.status).toBe(409);
    const list = await t.call('GET', `/api/v1/customer-vehicles?customerId=${customer.id}`, {
      token: owner.token,
    });
    expect(list.body.items.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps another store’s customer vehicles out of reach (404)', async () => {
    const storeB = await makeStore(t);
    const b = await makeCustomer(t, storeB.id);
    const car = await makeCustomerVehicle(t, b.id);
    expect((await t.call('GET', `/api/v1/customer-vehicles/${car.id}`, { token: owner.token })).status).toBe(
      404,
    );
    const add = await t.call('POST', '/api/v1/customer-vehicles', {
      token: owner.token,
      body: { customerId: b.id, vin: makeVin() },
    });
    expect(add.status).toBe(404);
    const list = await t.call('GET', `/api/v1/customer-vehicles?q=${car.vin}`, { token: owner.token });
    expect(list.body.items).toEqual([]);
  });
});
