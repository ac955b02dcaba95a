import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff, makeStore } from '../../test/factories';
import { newId, nowIso } from '../../platform/ids';
import { makeTrimRows, makeVehicle } from './vehicle.fixtures';

describe.each(dialects)('showroom plans on %s', (dialect) => {
  let t: TestApp;
  let ice: Awaited<ReturnType<typeof makeTrimRows>>;
  let nev: Awaited<ReturnType<typeof makeTrimRows>>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    ice = await makeTrimRows(t);
    nev = await makeTrimRows(t, { isNev: true });
  });
  afterAll(() => t.close());

  const plan = (token: string, storeId: string, slots: unknown[], name = '春季展厅') =>
    t.call('POST', '/api/v1/showroom-plans', {
      token,
      body: { storeId, name, effectiveFrom: '2026-03-01', slots },
    });

  it('drafts a plan with slots; activating it archives the previous one', async () => {
    const store = await makeStore(t);
    const manager = (await makeStaff(t, 'store_manager', store.id)).token;
    const v = await makeVehicle(t, store.id, ice.trimId);
    const first = await plan(manager, store.id, [
      { slot: 'A1', trimId: ice.trimId, vehicleId: v.id, tags: ['hot'] },
      { slot: 'B1', trimId: ice.trimId, tags: ['all_new'] },
    ]);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'draft',
      checks: { sellsNev: false, hasNev: false, nevRequirementMet: true },
    });
    expect(first.body.slots[0]).toMatchObject({
      slot: 'A1',
      vin: v.vin,
      trimName: '汉 DM-i 尊贵型',
      tags: ['hot'],
    });
    const active = await t.call('POST', `/api/v1/showroom-plans/${first.body.id}/activate`, {
      token: manager,
    });
    expect(active.status).toBe(200);
    expect(active.body.status).toBe('active');
    const second = await plan(manager, store.id, [{ slot: 'A1', trimId: ice.trimId }], '夏季展厅');
    await t.call('POST', `/api/v1/showroom-plans/${second.body.id}/activate`, { token: manager });
    const old = await t.call('GET', `/api/v1/showroom-plans/${first.body.id}`, { token: manager });
    expect(old.body.status).toBe('archived');
    const list = await t.call('GET', `/api/v1/showroom-plans?storeId=${store.id}&status=active`, {
      token: manager,
    });
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([second.body.id]);
    const edit = await t.call('PATCH', `/api/v1/showroom-plans/${first.body.id}`, {
      token: manager,
      body: { version: old.body.version, name: 'x' },
    });
    expect(edit.status).toBe(409);
  });

  it('refuses to activate a plan without a NEV in a store that sells them (stock or price list)', async () => {
    const store = await makeStore(t);
    const manager = (await makeStaff(t, 'store_manager', store.id)).token;
    const noNev = await plan(manager, store.id, [{ slot: 'A1', trimId: ice.trimId }]);
    expect(noNev.body.checks.sellsNev).toBe(false);
    // the store starts selling NEVs: a NEV trim in its published price list in force
    const now = nowIso();
    const listId = newId();
    await t.handle.db
      .insertInto('price_lists')
      .values({
        id: listId,
        store_id: store.id,
        name: '2026 价目表',
        effective_from: '2026-01-01',
        effective_to: null,
        status: 'published',
        version: 1,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await t.handle.db
      .insertInto('price_list_items')
      .values({
        id: newId(),
        price_list_id: listId,
        item_kind: 'trim',
        item_ref: nev.trimId,
        name: null,
        guide_price: 25_980_000,
        display_price: 25_980_000,
      })
      .execute();
    const refused = await t.call('POST', `/api/v1/showroom-plans/${noNev.body.id}/activate`, {
      token: manager,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('vehicles.nev_required_in_showroom');
    const seen = await t.call('GET', `/api/v1/showroom-plans/${noNev.body.id}`, { token: manager });
    expect(seen.body).toMatchObject({
      status: 'draft',
      checks: { sellsNev: true, hasNev: false, nevRequirementMet: false },
    });
    const fixed = await t.call('PATCH', `/api/v1/showroom-plans/${noNev.body.id}`, {
      token: manager,
      body: {
        version: seen.body.version,
        slots: [
          { slot: 'A1', trimId: ice.trimId },
          { slot: 'NEV', trimId: nev.trimId, tags: ['nev', 'hot'] },
        ],
      },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.checks).toEqual({ sellsNev: true, hasNev: true, nevRequirementMet: true });
    const ok = await t.call('POST', `/api/v1/showroom-plans/${noNev.body.id}/activate`, { token: manager });
    expect(ok.status).toBe(200);
  });

  it('counts NEV stock as selling NEVs, and refuses bad slots naming the field', async () => {
    const store = await makeStore(t);
    const manager = (await makeStaff(t, 'sales_manager', store.id)).token;
    await makeVehicle(t, store.id, nev.trimId);
    const draft = await plan(manager, store.id, [{ slot: 'A1', trimId: ice.trimId }]);
    expect(draft.body.checks.sellsNev).toBe(true);
    const before = (await t.handle.db.selectFrom('showroom_plans').select('id').execute()).length;
    const nevTagOnIce = await plan(manager, store.id, [{ slot: 'A1', trimId: ice.trimId, tags: ['nev'] }]);
    expect(nevTagOnIce.status).toBe(400);
    expect(nevTagOnIce.body.errors[0].path).toBe('slots.0.tags');
    const otherStore = await makeStore(t);
    const vOther = await makeVehicle(t, otherStore.id, ice.trimId);
    const foreign = await plan(manager, store.id, [
      { slot: 'A1', trimId: ice.trimId },
      { slot: 'A1', trimId: ice.trimId, vehicleId: vOther.id },
    ]);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'slots.1.slot',
      'slots.1.vehicleId',
    ]);
    const tooLong = await plan(manager, store.id, [{ slot: 'X'.repeat(30), trimId: ice.trimId }]);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('slots.0.slot');
    expect((await t.handle.db.selectFrom('showroom_plans').select('id').execute()).length).toBe(before);
    const consultant = (await makeStaff(t, 'sales_consultant', store.id)).token;
    expect(
      (await t.call('GET', `/api/v1/showroom-plans/${draft.body.id}`, { token: consultant })).status,
    ).toBe(200);
    expect((await plan(consultant, store.id, [])).status).toBe(403);
    const outsider = (await makeStaff(t, 'store_manager', t.hqStoreId)).token;
    expect((await t.call('GET', `/api/v1/showroom-plans/${draft.body.id}`, { token: outsider })).status).toBe(
      404,
    );
  });
});
