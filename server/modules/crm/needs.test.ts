import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff, makeStore } from '../../test/factories';
import { familyNeed, makeLead, makeShowroom } from './needs.fixtures';

type Staff = Awaited<ReturnType<typeof makeStaff>>;

describe.each(dialects)('needs analysis and recommendation on %s', (dialect) => {
  let t: TestApp;
  let storeA: { id: string };
  let consultant: Staff;
  let other: Staff;
  let reception: Staff;
  let managerB: Staff;
  let showroom: Awaited<ReturnType<typeof makeShowroom>>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    storeA = await makeStore(t);
    const storeB = await makeStore(t);
    consultant = await makeStaff(t, 'sales_consultant', storeA.id);
    other = await makeStaff(t, 'sales_consultant', storeA.id);
    reception = await makeStaff(t, 'receptionist', storeA.id);
    managerB = await makeStaff(t, 'sales_manager', storeB.id);
    showroom = await makeShowroom(t, storeA.id);
  });
  afterAll(() => t.close());

  const count = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('needs_analyses')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const save = (token: string, body: Record<string, unknown>) =>
    t.call('POST', '/api/v1/needs-analyses', { token, body });

  it('keeps every version of the need (never overwriting), marks what changed, and refuses a stale save', async () => {
    const { lead, customer } = await makeLead(t, storeA.id, consultant.token);
    const first = await save(consultant.token, { leadId: lead.id, answers: familyNeed() });
    expect(first.status).toBe(201);
    expect(first.headers.location).toBe(`/api/v1/needs-analyses/${first.body.id}`);
    expect(first.body).toMatchObject({ version: 1, latest: true, customerId: customer.id, changed: [] });
    expect(first.body.answers).toMatchObject({ budgetMax: 26_000_000, seatsNeeded: 5, mustHave: ['aeb'] });

    // the need changes: a bigger family, a bigger budget
    const second = await save(consultant.token, {
      leadId: lead.id,
      version: 1,
      answers: { ...familyNeed(), seatsNeeded: 7, budgetMax: 30_000_000 },
    });
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);
    expect(second.body.changed.sort()).toEqual(['budgetMax', 'seatsNeeded']);

    const stale = await save(consultant.token, { leadId: lead.id, version: 1, answers: familyNeed() });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    // the same answers again are not a new version
    const same = await save(consultant.token, {
      leadId: lead.id,
      version: 2,
      answers: { ...familyNeed(), seatsNeeded: 7, budgetMax: 30_000_000 },
    });
    expect(same.status).toBe(200);
    expect(same.body.id).toBe(second.body.id);

    const old = await t.call('GET', `/api/v1/needs-analyses/${first.body.id}`, { token: consultant.token });
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ version: 1, latest: false });
    expect(old.body.answers.seatsNeeded).toBe(5); // the first version is intact
    expect(old.body.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    const list = await t.call('GET', `/api/v1/needs-analyses?leadId=${lead.id}&latest=true`, {
      token: consultant.token,
    });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([second.body.id]);

    const timeline = await t.call('GET', `/api/v1/customers/${customer.id}/timeline`, {
      token: t.adminToken,
    });
    const types = timeline.body.items.map((e: { type: string }) => e.type);
    expect(types.filter((x: string) => x === 'crm.needs_analysis.saved')).toHaveLength(2);
  });

  it('refuses bad answers with 400 naming the field, and writes nothing', async () => {
    const { lead } = await makeLead(t, storeA.id, consultant.token);
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ budgetMin: 30_000_000, budgetMax: 20_000_000 }, 'answers.budgetMin'],
      [{ seatsNeeded: 12 }, 'answers.seatsNeeded'],
      [{ seatsNeeded: 0 }, 'answers.seatsNeeded'],
      [{ mustHave: ['aeb', 'flux_capacitor'] }, 'answers.mustHave.1'],
      [{ niceToHave: ['aeb'] }, 'answers.niceToHave'],
      [{ energies: ['steam'] }, 'answers.energies.0'],
      [{ brandIds: ['no-such-brand'] }, 'answers.brandIds.0'],
      [{ payment: 'barter' }, 'answers.payment'],
    ];
    for (const [patch, path] of cases) {
      const res = await save(consultant.token, { leadId: lead.id, answers: { ...familyNeed(), ...patch } });
      expect(res.status, path).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await count()).toBe(before);
  });

  it("another store's lead and its needs are 404; reception reads but may not save (403); another consultant's lead is 404", async () => {
    const { lead } = await makeLead(t, storeA.id, consultant.token);
    const saved = await save(consultant.token, { leadId: lead.id, answers: familyNeed() });
    expect((await save(managerB.token, { leadId: lead.id, answers: familyNeed() })).status).toBe(404);
    expect(
      (await t.call('GET', `/api/v1/needs-analyses/${saved.body.id}`, { token: managerB.token })).status,
    ).toBe(404);
    expect(
      (
        await t.call('GET', `/api/v1/needs-analyses/${saved.body.id}/recommendations`, {
          token: managerB.token,
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.call('GET', `/api/v1/needs-analyses/${saved.body.id}`, { token: other.token })).status,
    ).toBe(404);
    expect(
      (await t.call('GET', `/api/v1/needs-analyses/${saved.body.id}`, { token: reception.token })).status,
    ).toBe(200);
    const refused = await save(reception.token, { leadId: lead.id, version: 1, answers: familyNeed() });
    expect(refused.status).toBe(403);
    const listB = await t.call('GET', '/api/v1/needs-analyses', { token: managerB.token });
    expect(listB.body.items.some((i: { id: string }) => i.id === saved.body.id)).toBe(false);
  });

  it('ranks a fitting in-stock trim first and explains why the others rank lower', async () => {
    const { lead } = await makeLead(t, storeA.id, consultant.token);
    const saved = await save(consultant.token, {
      leadId: lead.id,
      answers: familyNeed([showroom.brand.id]),
    });
    const res = await t.call('GET', `/api/v1/needs-analyses/${saved.body.id}/recommendations`, {
      token: consultant.token,
    });
    expect(res.status).toBe(200);
    const items = res.body.items as {
      trimId: string;
      rank: number;
      fits: boolean;
      inStock: number;
      reasons: { code: string; kind: string; hard: boolean; params: Record<string, unknown> }[];
    }[];
    const byId = new Map(items.map((i) => [i.trimId, i]));
    const [best] = items;
    expect(best!.trimId).toBe(showroom.fitInStock.id);
    expect(best).toMatchObject({ rank: 1, fits: true, inStock: 1 });
    const codes = best!.reasons.map((r) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining(['within_budget', 'must_haves_met', 'in_stock', 'brand_considered']),
    );
    expect(best!.reasons.find((r) => r.code === 'nice_to_have_met')!.params.features).toEqual([
      'panoramic_roof',
      'heat_pump',
    ]);
    // the fitting trim on order ranks second and says why it is behind: not in stock, not a considered brand
    const second = items[1]!;
    expect(second.trimId).toBe(showroom.fitOnOrder.id);
    expect(second.fits).toBe(true);
    expect(second.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['on_order', 'brand_not_considered', 'nice_to_have_missing']),
    );
    // the trims that do not fit come after, each with the hard reason first
    const sedan = byId.get(showroom.sedan.id)!;
    const dear = byId.get(showroom.tooDear.id)!;
    expect(sedan.fits).toBe(false);
    expect(sedan.reasons[0]).toMatchObject({
      code: 'body_type_excluded',
      hard: true,
      params: { bodyType: 'sedan' },
    });
    expect(dear.fits).toBe(false);
    expect(dear.reasons[0]).toMatchObject({
      code: 'over_budget',
      hard: true,
      params: { price: 32_980_000, budgetMax: 26_000_000 },
    });
    expect(Math.min(sedan.rank, dear.rank)).toBeGreaterThan(second.rank);
  });
});
