import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff, makeStore, staffPassword } from '../../test/factories';

describe.each(dialects)('staff accounts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('creates a user with roles, a staff number and an encrypted, masked identity number', async () => {
    const res = await t.call('POST', '/api/v1/users', {
      token: t.adminToken,
      body: {
        username: 'wang.fang',
        displayName: '王芳',
        password: staffPassword,
        phone: '13812345678',
        idNumber: '11010519491231002X',
        storeRoles: [{ storeId: t.hqStoreId, role: 'sales_consultant' }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/users/${res.body.id}`);
    expect(res.body).toMatchObject({
      username: 'wang.fang',
      idNumberMasked: '110***********002X',
      status: 'active',
      version: 1,
    });
    expect(res.body.staffNo).toMatch(/^EMP-\d{4}-\d{6}$/);
    const row = await t.handle.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row.id_number_enc).not.toContain('11010519491231002X');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const reveal = await t.call('POST', `/api/v1/users/${res.body.id}/reveal-id-number`, {
      token: t.adminToken,
    });
    expect(reveal.body.idNumber).toBe('11010519491231002X');
    const audit = await t.call('GET', `/api/v1/audit?entity=user&id=${res.body.id}`, { token: t.adminToken });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['reveal_id_number', 'create']);
    expect(JSON.stringify(audit.body.items)).not.toContain('11010519491231002X');
  });

  it('refuses an invalid identity number and a taken username, writing nothing', async () => {
    const before = await t.handle.db.selectFrom('users').select('id').execute();
    const bad = await t.call('POST', '/api/v1/users', {
      token: t.adminToken,
      body: {
        username: 'bad.id',
        displayName: 'X',
        password: staffPassword,
        idNumber: '110105194912310021',
        storeRoles: [{ storeId: t.hqStoreId, role: 'technician' }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('idNumber');
    const taken = await t.call('POST', '/api/v1/users', {
      token: t.adminToken,
      body: {
        username: 'admin',
        displayName: 'X',
        password: staffPassword,
        storeRoles: [{ storeId: t.hqStoreId, role: 'technician' }],
      },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].path).toBe('username');
    expect(await t.handle.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a breached or guessable password, or one containing the user name, naming the field', async () => {
    const body = (password: string) => ({
      username: 'wang.lei',
      displayName: '王磊',
      password,
      storeRoles: [{ storeId: t.hqStoreId, role: 'technician' }],
    });
    for (const [password, code] of [
      ['Password123!', 'rules.password.common'],
      ['1qaz2wsx3edc', 'rules.password.sequence'],
      ['short', 'rules.password.too_short'],
      ['wang.lei-2026-ok', 'rules.password.contains_name'],
    ]) {
      const res = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: body(password!) });
      expect(res.status, password).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ path: 'password', code });
    }
    const zh = await t.call('POST', '/api/v1/users', {
      token: t.adminToken,
      body: body('Password123!'),
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.body.errors[0].message).toBe('该密码属于最常被尝试的密码，请换一个。');
    expect(
      (await t.call('POST', '/api/v1/users', { token: t.adminToken, body: body('bamboo-river-2026') }))
        .status,
    ).toBe(201);
  });

  it('records before and after in the audit trail, and a stale version gets 409', async () => {
    const { user } = await makeStaff(t, 'technician', t.hqStoreId);
    const ok = await t.call('PATCH', `/api/v1/users/${user.id}`, {
      token: t.adminToken,
      body: { version: 1, displayName: '陈杰' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await t.call('PATCH', `/api/v1/users/${user.id}`, {
      token: t.adminToken,
      body: { version: 1, displayName: 'Other' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    const audit = await t.call('GET', `/api/v1/audit?entity=user&id=${user.id}`, { token: t.adminToken });
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      before: { displayName: `Staff ${user.username}`, version: 1 },
      after: { displayName: '陈杰', version: 2 },
    });
    expect(audit.body.items[0].actorName).toBe('Administrator');
  });

  it('has the effect of a POST with an Idempotency-Key once, and replays the first answer', async () => {
    const body = {
      username: 'idem.user',
      displayName: 'Idem',
      password: staffPassword,
      storeRoles: [{ storeId: t.hqStoreId, role: 'finance' }],
    };
    const headers = { 'idempotency-key': 'create-idem-user-1' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.call('POST', '/api/v1/users', { token: t.adminToken, body, headers }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const rows = await t.handle.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'idem.user')
      .execute();
    expect(rows).toHaveLength(1);
    const misuse = await t.call('POST', '/api/v1/stores', {
      token: t.adminToken,
      body: { code: 'IDEM', name: 'x' },
      headers,
    });
    expect(misuse.status).toBe(422);
    expect(misuse.body.code).toBe('idempotency.key_reused');
    const otherBody = await t.call('POST', '/api/v1/users', {
      token: t.adminToken,
      body: { ...body, displayName: 'Another name' },
      headers,
    });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.code).toBe('idempotency.key_reused');
  });

  it('numbers 50 concurrent new users without a duplicate or a gap', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.call('POST', '/api/v1/users', {
          token: t.adminToken,
          body: {
            username: `bulk${i}`,
            displayName: `Bulk ${i}`,
            password: staffPassword,
            storeRoles: [{ storeId: t.hqStoreId, role: 'technician' }],
          },
        }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const numbers = results.map((r) => Number(String(r.body.staffNo).slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(50);
    expect(numbers.at(-1)! - numbers[0]!).toBe(49);
  });

  it('pages through users with a cursor, in order, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?limit=7&sort=username${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await t.call('GET', url, { token: t.adminToken });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((u: { username: string }) => u.username));
      cursor = page.body.nextCursor;
    } while (cursor);
    const count = await t.handle.db.selectFrom('users').select('id').execute();
    expect(seen).toHaveLength(count.length);
    expect([...seen].sort()).toEqual(seen);
    const search = await t.call('GET', '/api/v1/users?q=BULK1', { token: t.adminToken });
    expect(search.body.items.map((u: { username: string }) => u.username).sort()).toEqual(
      ['bulk1', ...Array.from({ length: 10 }, (_, i) => `bulk1${i}`)].sort(),
    );
    expect((await t.call('GET', '/api/v1/users?cursor=garbage', { token: t.adminToken })).status).toBe(400);
  });

  it("lists a store's staff as the group list shows them: same rows, order and pages", async () => {
    const storeB = await makeStore(t);
    const storeC = await makeStore(t);
    const made = async (username: string, storeRoles: { storeId: string; role: string }[]) => {
      const res = await t.call('POST', '/api/v1/users', {
        token: t.adminToken,
        body: { username, displayName: `Staff ${username}`, password: staffPassword, storeRoles },
      });
      expect(res.status).toBe(201);
      return res.body as { id: string; version: number };
    };
    await made('b.two.roles', [
      { storeId: storeB.id, role: 'technician' },
      { storeId: storeB.id, role: 'service_advisor' },
    ]);
    await made('b.and.c', [
      { storeId: storeB.id, role: 'technician' },
      { storeId: storeC.id, role: 'sales_consultant' },
    ]);
    await made('c.only', [{ storeId: storeC.id, role: 'technician' }]);
    const disabled = await made('b.disabled', [{ storeId: storeB.id, role: 'parts_clerk' }]);
    await t.call('PATCH', `/api/v1/users/${disabled.id}`, {
      token: t.adminToken,
      body: { version: disabled.version, status: 'disabled' },
    });
    for (let i = 0; i < 8; i++) await made(`b.staff.${i}`, [{ storeId: storeB.id, role: 'technician' }]);
    const { token: managerB } = await makeStaff(t, 'store_manager', storeB.id);

    type Listed = {
      id: string;
      username: string;
      displayName: string;
      staffNo: string;
      status: string;
      storeRoles: { storeId: string; role: string }[];
    };
    const all = async (query: string, token = t.adminToken) => {
      const listed: Listed[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/users?limit=3&${query}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await t.call('GET', url, { token });
        expect(page.status).toBe(200);
        listed.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return listed;
    };
    const inB = (u: Listed) => u.storeRoles.some((r) => r.storeId === storeB.id);
    for (const sort of ['username', '-username', 'createdAt', '-staffNo']) {
      const group = await all(`sort=${sort}`);
      const byStore = await all(`sort=${sort}&storeId=${storeB.id}`);
      expect(byStore.map((u) => u.id)).toEqual(group.filter(inB).map((u) => u.id));
      expect(byStore).toHaveLength(12);
      const technicians = await all(`sort=${sort}&storeId=${storeB.id}&role=technician`);
      expect(technicians.map((u) => u.id)).toEqual(
        group
          .filter((u) => u.storeRoles.some((r) => r.storeId === storeB.id && r.role === 'technician'))
          .map((u) => u.id),
      );
      const active = await all(`sort=${sort}&storeId=${storeB.id}&status=active&q=b.`);
      expect(active.map((u) => u.id)).toEqual(
        group
          .filter(
            (u) =>
              inB(u) &&
              u.status === 'active' &&
              [u.username, u.displayName, u.staffNo].some((f) => f.includes('b.')),
          )
          .map((u) => u.id),
      );
      const seenByManager = await all(`sort=${sort}`, managerB);
      expect(seenByManager.map((u) => u.id)).toEqual(group.filter(inB).map((u) => u.id));
    }
    const nobody = await makeStore(t);
    const none = await t.call('GET', `/api/v1/users?storeId=${nobody.id}`, { token: t.adminToken });
    expect(none.body).toEqual({ items: [], nextCursor: null });
  });

  it('keeps store managers inside their store and below group administrator', async () => {
    const storeB = await makeStore(t);
    const { token: managerA } = await makeStaff(t, 'store_manager', t.hqStoreId);
    const grantAdmin = await t.call('POST', '/api/v1/users', {
      token: managerA,
      body: {
        username: 'sneaky',
        displayName: 'S',
        password: staffPassword,
        storeRoles: [{ storeId: t.hqStoreId, role: 'group_admin' }],
      },
    });
    expect(grantAdmin.status).toBe(422);
    expect(grantAdmin.body.errors[0].path).toBe('storeRoles.0.role');
    const intoB = await t.call('POST', '/api/v1/users', {
      token: managerA,
      body: {
        username: 'sneaky2',
        displayName: 'S',
        password: staffPassword,
        storeRoles: [{ storeId: storeB.id, role: 'technician' }],
      },
    });
    expect(intoB.status).toBe(422);
    const disableSelf = await t.call('GET', '/api/v1/auth/me', { token: t.adminToken });
    const res = await t.call('PATCH', `/api/v1/users/${disableSelf.body.user.id}`, {
      token: t.adminToken,
      body: { version: disableSelf.body.user.version, status: 'disabled' },
    });
    expect(res.status).toBe(422);
  });

  it('shows a phone number in full to its owner and to staff managers, masked to others', async () => {
    const consultant = await makeStaff(t, 'sales_consultant', t.hqStoreId, { phone: '13912349000' });
    const salesManager = await makeStaff(t, 'sales_manager', t.hqStoreId);
    const own = await t.call('GET', `/api/v1/users/${consultant.user.id}`, { token: consultant.token });
    expect(own.body.phone).toBe('13912349000');
    const seenByManager = await t.call('GET', `/api/v1/users/${consultant.user.id}`, {
      token: salesManager.token,
    });
    expect(seenByManager.body.phone).toBe('139****9000');
    const seenByAdmin = await t.call('GET', `/api/v1/users/${consultant.user.id}`, { token: t.adminToken });
    expect(seenByAdmin.body.phone).toBe('13912349000');
  });

  it('ends the sessions of a disabled user', async () => {
    const { user, token } = await makeStaff(t, 'receptionist', t.hqStoreId);
    expect((await t.call('GET', '/api/v1/auth/me', { token })).status).toBe(200);
    await t.call('PATCH', `/api/v1/users/${user.id}`, {
      token: t.adminToken,
      body: { version: 1, status: 'disabled' },
    });
    expect((await t.call('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    expect(
      (
        await t.call('POST', '/api/v1/auth/login', {
          body: { username: user.username, password: staffPassword },
        })
      ).status,
    ).toBe(401);
  });

  it('ends every open session of a user whose password is changed; the new password signs in', async () => {
    const { user, token } = await makeStaff(t, 'receptionist', t.hqStoreId);
    const second = await t.login(user.username, staffPassword);
    const changed = await t.call('PATCH', `/api/v1/users/${user.id}`, {
      token: t.adminToken,
      body: { version: user.version, password: 'a-brand-new-password-2026' },
    });
    expect(changed.status).toBe(200);
    for (const old of [token, second])
      expect((await t.call('GET', '/api/v1/auth/me', { token: old })).status).toBe(401);
    expect((await t.login(user.username, 'a-brand-new-password-2026')).length).toBeGreaterThan(10);
  });
});
