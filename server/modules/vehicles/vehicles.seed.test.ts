import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeVin } from '../../../common/rules/vin';
import { daysBetween, localToday } from '../../../common/rules/civil-date';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStore } from '../../test/factories';
import { seedCatalog } from '../catalog';
import { seedYard } from './vehicles.seed';

describe.each(dialects)('demo yard on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('parks valid-VIN vehicles of every active trim in the stores, once', async () => {
    const storeIds = [t.hqStoreId, (await makeStore(t)).id];
    const { group_id: groupId } = await t.handle.db
      .selectFrom('stores')
      .select('group_id')
      .where('id', '=', t.hqStoreId)
      .executeTakeFirstOrThrow();
    await seedCatalog(t.handle.db, groupId, storeIds);
    const added = await seedYard(t.handle.db, groupId, storeIds);
    const trims = await t.handle.db.selectFrom('trims').select('id').where('active', '=', 1).execute();
    expect(added).toBe(trims.length * 3);
    expect(await seedYard(t.handle.db, groupId, storeIds)).toBe(0);
    const rows = await t.handle.db
      .selectFrom('vehicles')
      .innerJoin('trims', 'trims.id', 'vehicles.trim_id')
      .innerJoin('models', 'models.id', 'trims.model_id')
      .innerJoin('brands', 'brands.id', 'models.brand_id')
      .select([
        'vehicles.vin',
        'vehicles.status',
        'vehicles.arrived_on',
        'vehicles.store_id',
        'brands.name_en',
      ])
      .execute();
    for (const r of rows) expect(decodeVin(r.vin)).toMatchObject({ valid: true, normalized: r.vin });
    const byd = rows.filter((r) => /BYD/i.test(r.name_en));
    if (byd.length) expect(byd.every((r) => r.vin.startsWith('LGX'))).toBe(true);
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((r) => r.store_id))).toEqual(new Set(storeIds));
    const today = localToday('Asia/Shanghai');
    const ages = rows.filter((r) => r.arrived_on).map((r) => daysBetween(r.arrived_on!, today));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(120);
    expect(Math.max(...ages)).toBeGreaterThan(60);
  });
});
