import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCnMobile } from '../../common/rules/cn-mobile';
import { validateCnResidentId } from '../../common/rules/cn-id';
import { validateCnPlate } from '../../common/rules/cn-plate';
import { validateUscc } from '../../common/rules/uscc';
import { decodeVin } from '../../common/rules/vin';
import { seedCatalog } from '../modules/catalog';
import { decryptField, lookupHash } from '../platform/pii';
import { makeStore } from '../test/factories';
import { createTestApp, dialects, testKeys, type TestApp } from '../test/harness';
import { seedLarge } from './seed-large';

const size = { vehicles: 1_000, customers: 2_000, leads: 600 };
const unique = (values: string[]) => new Set(values).size === values.length;

describe.each(dialects)('the large demo seed (%s)', (dialect) => {
  let t: TestApp;
  let groupId: string;
  let storeIds: string[];
  let firstRun: Awaited<ReturnType<typeof seedLarge>>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.handle.db;
    groupId = (
      await db.selectFrom('stores').select('group_id').where('id', '=', t.hqStoreId).executeTakeFirstOrThrow()
    ).group_id;
    storeIds = [t.hqStoreId, (await makeStore(t)).id];
    await seedCatalog(db, groupId, storeIds);
    firstRun = await seedLarge(t.handle, testKeys, groupId, storeIds, size, () => {});
  }, 120_000);
  afterAll(() => t?.close());

  it('writes the asked volume, and nothing twice', async () => {
    expect(firstRun.yard.vehicles).toBe(size.vehicles);
    expect(firstRun.crm).toMatchObject({
      customers: size.customers,
      leads: size.leads,
      appointments: size.leads / 10,
    });
    const again = await seedLarge(t.handle, testKeys, groupId, storeIds, size, () => {});
    expect(again.yard).toMatchObject({ vehicles: 0, skippedBatches: 2 });
    expect(again.crm).toMatchObject({ customers: 0, leads: 0, skippedBatches: 4 });
    const count = async (table: 'customers' | 'vehicles' | 'leads' | 'appointments') =>
      Number(
        (
          await t.handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('customers')).toBe(size.customers);
    expect(await count('leads')).toBe(size.leads);
    expect(await count('appointments')).toBe(size.leads / 10);
  });

  it('gives every mobile, identity number, USCC, VIN and plate valid by the rules library and unique', async () => {
    const db = t.handle.db;
    const mobiles = await db.selectFrom('customer_mobiles').select(['mobile', 'mobile_last4']).execute();
    expect(mobiles.length).toBeGreaterThan(size.customers * 1.3);
    for (const m of mobiles) {
      expect(validateCnMobile(m.mobile).normalized).toBe(m.mobile);
      expect(m.mobile_last4).toBe(m.mobile.slice(-4));
    }
    expect(unique(mobiles.map((m) => m.mobile))).toBe(true);

    const customers = await db
      .selectFrom('customers')
      .select([
        'number',
        'name',
        'name_search',
        'id_number_enc',
        'id_number_hash',
        'company_code',
        'created_at',
      ])
      .execute();
    const ids: string[] = [];
    for (const c of customers) {
      expect(c.name_search).toBe(c.name.toLowerCase().replace(/\s+/g, ''));
      expect(c.number).toMatch(/^CU-\d{4}-\d{6}$/);
      if (c.company_code) expect(validateUscc(c.company_code).valid).toBe(true);
      if (!c.id_number_enc) continue;
      const plain = decryptField(testKeys, c.id_number_enc);
      expect(validateCnResidentId(plain).valid, plain).toBe(true);
      expect(c.id_number_hash).toBe(lookupHash(testKeys, plain));
      ids.push(plain);
    }
    expect(ids.length / customers.length).toBeGreaterThan(0.2);
    expect(unique(ids)).toBe(true);
    expect(unique(customers.map((c) => c.number))).toBe(true);

    const cars = await db.selectFrom('customer_vehicles').select(['vin', 'vin_last6', 'plate']).execute();
    const stock = await db.selectFrom('vehicles').select(['vin', 'status', 'arrived_on']).execute();
    for (const v of [...cars, ...stock]) expect(decodeVin(v.vin).valid, v.vin).toBe(true);
    for (const c of cars) {
      expect(validateCnPlate(c.plate!).normalized, c.plate!).toBe(c.plate);
      expect(c.vin_last6).toBe(c.vin.slice(-6));
    }
    expect(unique([...cars, ...stock].map((v) => v.vin))).toBe(true);
    expect(unique(cars.map((c) => c.plate!))).toBe(true);
    expect(new Set(stock.map((v) => v.status))).toEqual(
      new Set(['in_stock', 'reserved', 'sold', 'delivered', 'demo']),
    );
  });

  it('bumps the counters so the next customer continues the numbering', async () => {
    const db = t.handle.db;
    const year = new Date().getFullYear();
    const last = await db
      .selectFrom('customers')
      .select('number')
      .where('number', 'like', `CU-${year}-%`)
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    const res = await t.call('POST', '/api/v1/customers', {
      token: t.adminToken,
      body: { type: 'individual', name: '新客户', mobiles: ['13800138000'], storeId: t.hqStoreId },
    });
    expect(res.status).toBe(201);
    expect(res.body.number).toBe(`CU-${year}-${String(Number(last.number.slice(-6)) + 1).padStart(6, '0')}`);
  });

  it('lets the API find a generated customer by mobile last 4, plate, VIN last 6 and name prefix', async () => {
    const db = t.handle.db;
    const car = await db
      .selectFrom('customer_vehicles')
      .innerJoin('customer_mobiles', 'customer_mobiles.customer_id', 'customer_vehicles.customer_id')
      .innerJoin('customers', 'customers.id', 'customer_vehicles.customer_id')
      .select([
        'customers.id',
        'customers.name',
        'customer_mobiles.mobile',
        'customer_vehicles.plate',
        'customer_vehicles.vin',
      ])
      .orderBy('customers.id')
      .executeTakeFirstOrThrow();
    for (const q of [car.mobile.slice(-4), car.plate!, car.vin.slice(-6), car.name]) {
      const res = await t.call('GET', `/api/v1/customers?limit=50&q=${encodeURIComponent(q)}`, {
        token: t.adminToken,
      });
      expect(res.status, q).toBe(200);
      expect(
        res.body.items.map((c: { id: string }) => c.id),
        q,
      ).toContain(car.id);
    }
  });
});
