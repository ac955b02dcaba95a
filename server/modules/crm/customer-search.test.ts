import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import {
  makeCustomer,
  makeCustomerVehicle,
  makeMobile,
  makeResidentId,
  makeStaff,
} from '../../test/factories';

describe.each(dialects)('customer search and duplicates on %s', (dialect) => {
  let t: TestApp;
  let token: string;
  const ids = (body: { items: { id: string }[] }) => body.items.map((c) => c.id).sort();
  const search = async (q: string) =>
    (await t.call('GET', `/api/v1/customers?q=${encodeURIComponent(q)}`, { token })).body;
  let wang: { id: string; mobiles: { number: string }[] };
  let wangLi: { id: string };
  let company: { id: string };
  const idNumber = makeResidentId();
  const uscc = '91350100M000100Y43';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    token = (await makeStaff(t, 'sales_manager', t.hqStoreId)).token;
    wang = await makeCustomer(t, t.hqStoreId, {
      name: '王建国',
      identityDocument: { type: 'resident_id', number: idNumber },
    });
    wangLi = await makeCustomer(t, t.hqStoreId, { name: '王丽' });
    await makeCustomer(t, t.hqStoreId, { name: 'Zhang Wei' });
    company = await makeCustomer(t, t.hqStoreId, {
      type: 'company',
      name: '福州顺达物流',
      companyCode: uscc,
    });
  });
  afterAll(() => t.close());

  it('finds by name prefix (Chinese and Latin, any case), as you type', async () => {
    expect(ids(await search('王'))).toEqual([wang.id, wangLi.id].sort());
    expect(ids(await search('王建'))).toEqual([wang.id]);
    expect((await search('zhang w')).items.map((c: { name: string }) => c.name)).toEqual(['Zhang Wei']);
    expect((await search('建国')).items).toEqual([]); // prefix, not infix
  });

  it('finds by full mobile and by its last 4 digits', async () => {
    const mobile = wang.mobiles[0]!.number;
    expect(ids(await search(mobile))).toEqual([wang.id]);
    expect(ids(await search(`${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`))).toEqual([
      wang.id,
    ]);
    expect(ids(await search(mobile.slice(-4)))).toContain(wang.id);
  });

  it('finds by identity number (exact, keyed hash) and by USCC', async () => {
    expect(ids(await search(idNumber))).toEqual([wang.id]);
    expect((await search(idNumber.slice(0, 10))).items).toEqual([]);
    expect(ids(await search(uscc.toLowerCase()))).toEqual([company.id]);
  });

  it('finds by plate prefix and by VIN (full or last 6)', async () => {
    const car = await makeCustomerVehicle(t, wangLi.id, { plate: '京A·12345' });
    expect(ids(await search('京A123'))).toEqual([wangLi.id]);
    expect(ids(await search('京a12345'))).toEqual([wangLi.id]);
    expect(ids(await search(car.vin))).toEqual([wangLi.id]);
    expect(ids(await search(car.vin.slice(-6)))).toEqual([wangLi.id]);
  });

  it('pages with a cursor and refuses an unknown sort', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await t.call('GET', `/api/v1/customers?limit=1&sort=name${cursor ? `&cursor=${cursor}` : ''}`, {
          token,
        })
      ).body;
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    const bad = await t.call('GET', '/api/v1/customers?sort=mobile', { token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.sort');
  });

  it('lists possible duplicates by mobile, identity number and company code', async () => {
    const q = `mobile=${wang.mobiles[0]!.number}&identityNumber=${idNumber}`;
    const res = await t.call('GET', `/api/v1/customers/duplicates?${q}`, { token });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        id: wang.id,
        matchedOn: expect.arrayContaining(['mobile', 'identityNumber']),
      }),
    ]);
    const byCode = await t.call('GET', `/api/v1/customers/duplicates?companyCode=${uscc}`, { token });
    expect(byCode.body.items.map((d: { id: string }) => d.id)).toEqual([company.id]);
    const none = await t.call('GET', `/api/v1/customers/duplicates?mobile=${makeMobile()}`, { token });
    expect(none.body.items).toEqual([]);
    const sameId = await t.call('POST', '/api/v1/customers', {
      token,
      body: {
        type: 'individual',
        name: '另一个',
        mobiles: [makeMobile()],
        identityDocument: { type: 'resident_id', number: idNumber },
      },
    });
    expect(sameId.status).toBe(409);
    expect(sameId.body.errors[0].path).toBe('identityDocument.number');
  });
});
