import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeCustomer, makeMobile, makeResidentId, makeStaff, makeStore } from '../../test/factories';

type Staff = Awaited<ReturnType<typeof makeStaff>>;

describe.each(dialects)('customers on %s', (dialect) => {
  let t: TestApp;
  let consultant: Staff;
  let other: Staff;
  let manager: Staff;
  const count = async (table: 'customers' | 'customer_mobiles' = 'customers') =>
    (await t.handle.db.selectFrom(table).select('id').execute()).length;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    consultant = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    other = await makeStaff(t, 'sales_consultant', t.hqStoreId);
    manager = await makeStaff(t, 'sales_manager', t.hqStoreId);
  });
  afterAll(() => t.close());

  it('opens a customer file: numbered, owned by the consultant, mobile normalised, id stored encrypted', async () => {
    const idNumber = makeResidentId();
    const mobile = makeMobile();
    const res = await t.call('POST', '/api/v1/customers', {
      token: consultant.token,
      body: {
        type: 'individual',
        name: ' 王建国 ',
        mobiles: [`+86 ${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`],
        identityDocument: { type: 'resident_id', number: idNumber.toLowerCase() },
        consents: [{ channel: 'sms', granted: true, source: 'in_store_form' }],
        tags: ['意向客户'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/customers/${res.body.id}`);
    expect(res.body).toMatchObject({
      name: '王建国',
      storeId: t.hqStoreId,
      ownerId: consultant.user.id,
      mobiles: [{ number: mobile, masked: false, primary: true }],
      identityDocument: {
        type: 'resident_id',
        numberMasked: `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`,
      },
      consents: [{ channel: 'sms', granted: true, source: 'in_store_form', recordedBy: consultant.user.id }],
      tags: ['意向客户'],
      status: 'active',
      version: 1,
    });
    expect(res.body.number).toMatch(/^CU-\d{4}-\d{6}$/);
    // PIPL: the raw row holds no plaintext identity number, only ciphertext and a keyed hash
    const raw = await t.handle.db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toContain(idNumber);
    expect(raw.id_number_enc).toMatch(/^v1\./);
    expect(raw.id_number_hash).toBeTruthy();
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', res.body.id)
      .execute();
    expect(JSON.stringify(audit)).not.toContain(idNumber);
    const jobs = await t.handle.db.selectFrom('jobs').select('payload_json').execute();
    expect(jobs.some((j) => j.payload_json.includes(idNumber))).toBe(false);
  });

  it('refuses a bad identity number and a malformed mobile naming the fields, in the asked language, writing nothing', async () => {
    const before = [await count(), await count('customer_mobiles')];
    const good = makeResidentId();
    const badId = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    const body = {
      type: 'individual',
      name: '李秀英',
      mobiles: [makeMobile(), '12345'],
      identityDocument: { type: 'resident_id', number: badId },
    };
    const en = await t.call('POST', '/api/v1/customers', { token: consultant.token, body });
    expect(en.status).toBe(400);
    expect(en.headers['content-type']).toContain('application/problem+json');
    expect(en.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'identityDocument.number',
      'mobiles.1',
    ]);
    const idError = en.body.errors.find((e: { path: string }) => e.path === 'identityDocument.number');
    expect(idError).toMatchObject({ code: 'rules.cn_id.check_digit_mismatch' });
    expect(idError.message).toBe(`Check character is ${badId.slice(-1)} but should be ${good.slice(-1)}.`);
    const zh = await t.call('POST', '/api/v1/customers', {
      token: consultant.token,
      body,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.body.title).toBe('请求中有字段不正确');
    expect(zh.body.errors.find((e: { path: string }) => e.path === 'mobiles.1').message).toContain(
      '不是有效的大陆手机号码',
    );
    const company = await t.call('POST', '/api/v1/customers', {
      token: consultant.token,
      body: { type: 'company', name: '某公司', mobiles: [makeMobile()], companyCode: '91110105MA00000000' },
    });
    expect(company.status).toBe(400);
    expect(company.body.errors[0].path).toBe('companyCode');
    const missing = await t.call('POST', '/api/v1/customers', {
      token: consultant.token,
      body: { type: 'individual', name: 'x' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('mobiles');
    expect([await count(), await count('customer_mobiles')]).toEqual(before);
  });

  it('masks mobiles for consultants who do not own the customer; managers and the owner see them in full', async () => {
    const mobile = makeMobile();
    const created = await t.call('POST', '/api/v1/customers', {
      token: consultant.token,
      body: { type: 'individual', name: '张伟', mobiles: [mobile] },
    });
    const id = created.body.id;
    const masked = `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
    const asOther = await t.call('GET', `/api/v1/customers/${id}`, { token: other.token });
    expect(asOther.status).toBe(200);
    expect(asOther.body.mobiles).toEqual([{ number: masked, masked: true, primary: true }]);
    expect(asOther.body.contactVisible).toBe(false);
    const list = await t.call('GET', `/api/v1/customers?q=${mobile}`, { token: other.token });
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(JSON.stringify(list.body)).not.toContain(mobile);
    for (const token of [consultant.token, manager.token, t.adminToken]) {
      const res = await t.call('GET', `/api/v1/customers/${id}`, { token });
      expect(res.body.mobiles[0].number).toBe(mobile);
    }
    // another consultant reads the customer but may not change it
    const patch = await t.call('PATCH', `/api/v1/customers/${id}`, {
      token: other.token,
      body: { version: 1, address: '北京市朝阳区' },
    });
    expect(patch.status).toBe(403);
  });

  it('keeps another store’s customers out of reach (404), out of lists and out of duplicate answers', async () => {
    const storeB = await makeStore(t);
    const b = await makeCustomer(t, storeB.id);
    for (const token of [consultant.token, manager.token]) {
      expect((await t.call('GET', `/api/v1/customers/${b.id}`, { token })).status).toBe(404);
      const patch = await t.call('PATCH', `/api/v1/customers/${b.id}`, {
        token,
        body: { version: 1, note: 'x' },
      });
      expect(patch.status).toBe(404);
      const list = await t.call('GET', `/api/v1/customers?q=${b.mobiles[0]!.number}`, { token });
      expect(list.body.items).toEqual([]);
      const dup = await t.call('GET', `/api/v1/customers/duplicates?mobile=${b.mobiles[0]!.number}`, {
        token,
      });
      expect(dup.body.items).toEqual([]);
    }
    const into = await t.call('POST', '/api/v1/customers', {
      token: manager.token,
      body: { type: 'individual', name: '越店', mobiles: [makeMobile()], storeId: storeB.id },
    });
    expect(into.status).toBe(404);
    expect((await t.call('GET', `/api/v1/customers/${b.id}`, { token: t.adminToken })).status).toBe(200);
  });

  it('reveals the identity number only with customers.reveal_id_number, and audits every reveal', async () => {
    const idNumber = makeResidentId();
    const c = await makeCustomer(t, t.hqStoreId, {
      identityDocument: { type: 'resident_id', number: idNumber },
    });
    const refused = await t.call('POST', `/api/v1/customers/${c.id}/reveal-identity`, {
      token: consultant.token,
    });
    expect(refused.status).toBe(403);
    const shown = await t.call('POST', `/api/v1/customers/${c.id}/reveal-identity`, { token: manager.token });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ type: 'resident_id', number: idNumber });
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', c.id)
      .where('action', '=', 'reveal_id_number')
      .execute();
    expect(audit.map((a) => a.actor_id)).toEqual([manager.user.id]);
    expect(JSON.stringify(audit)).not.toContain(idNumber);
  });

  it('changes a customer with its version; a stale version gets 409; history lands on the timeline', async () => {
    const c = await makeCustomer(t, t.hqStoreId);
    const ok = await t.call('PATCH', `/api/v1/customers/${c.id}`, {
      token: manager.token,
      body: {
        version: 1,
        address: '上海市浦东新区张杨路 1200 号',
        preferredChannel: 'wechat',
        mobiles: [c.mobiles[0]!.number, makeMobile()],
        consents: [{ channel: 'phone', granted: false, source: 'phone_call' }],
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, preferredChannel: 'wechat' });
    expect(ok.body.mobiles.map((m: { primary: boolean }) => m.primary)).toEqual([true, false]);
    const stale = await t.call('PATCH', `/api/v1/customers/${c.id}`, {
      token: manager.token,
      body: { version: 1, address: 'x' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    const timeline = await t.call('GET', `/api/v1/customers/${c.id}/timeline`, { token: consultant.token });
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual([
      'crm.customer.updated',
      'crm.customer.created',
    ]);
    expect(timeline.body.items[0].data.fields).toEqual(
      expect.arrayContaining(['address', 'mobiles', 'consents']),
    );
  });

  it('refuses a second customer with the same mobile (409 listing the match) unless allowDuplicate', async () => {
    const first = await makeCustomer(t, t.hqStoreId);
    const mobile = first.mobiles[0]!.number;
    const again = await t.call('POST', '/api/v1/customers', {
      token: other.token,
      body: { type: 'individual', name: '重复', mobiles: [mobile] },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('crm.duplicate_customer');
    expect(again.body.title).toContain('mobile number');
    expect(again.body.duplicates).toEqual([
      expect.objectContaining({
        id: first.id,
        matchedOn: ['mobile'],
        mobile: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`,
      }),
    ]);
    expect(again.body.errors[0].path).toBe('mobiles');
    const allowed = await t.call('POST', '/api/v1/customers', {
      token: other.token,
      body: { type: 'individual', name: '重复', mobiles: [mobile], allowDuplicate: true },
    });
    expect(allowed.status).toBe(201);
  });

  it('20 parallel creations with one mobile give exactly one customer and 19 conflicts', async () => {
    const mobile = makeMobile();
    const before = await count();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.call('POST', '/api/v1/customers', {
          token: manager.token,
          body: { type: 'individual', name: `并发${i}`, mobiles: [mobile] },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    expect(
      results.filter((r) => r.status === 409).every((r) => r.body.code === 'crm.duplicate_customer'),
    ).toBe(true);
    expect(await count()).toBe(before + 1);
    const rows = await t.handle.db
      .selectFrom('customer_mobiles')
      .select('customer_id')
      .where('mobile', '=', mobile)
      .execute();
    expect(rows).toHaveLength(1);
    const numbers = await t.handle.db.selectFrom('customers').select('number').execute();
    expect(new Set(numbers.map((n) => n.number)).size).toBe(numbers.length);
  });

  it('answers a retried create with an Idempotency-Key once', async () => {
    const body = { type: 'individual', name: '幂等', mobiles: [makeMobile()] };
    const headers = { 'idempotency-key': `k-${Date.now()}` };
    const a = await t.call('POST', '/api/v1/customers', { token: manager.token, body, headers });
    const b = await t.call('POST', '/api/v1/customers', { token: manager.token, body, headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers['idempotent-replayed']).toBe('true');
  });
});
