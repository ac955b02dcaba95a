import type { Role } from '../../common/identity/roles';
import { computeCnIdCheckChar } from '../../common/rules/cn-id';
import { makeVin } from '../modules/vehicles/vehicle.fixtures';
import type { TestApp } from './harness';

/** Builders for every entity, through the API (so tests exercise what users do). */
let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export const staffPassword = 'staff-password-123';

export async function makeStore(t: TestApp, overrides: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/v1/stores', {
    token: t.adminToken,
    body: { code: `S${next()}`.toUpperCase().slice(0, 20), name: `Store ${next()}`, ...overrides },
  });
  if (res.status !== 201) throw new Error(`makeStore: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; code: string; version: number };
}

/** A staff account with one role in one store, signed in: returns the user and their token. */
export async function makeStaff(
  t: TestApp,
  role: Role,
  storeId: string,
  overrides: Record<string, unknown> = {},
) {
  const username = `u${next()}`;
  const res = await t.call('POST', '/api/v1/users', {
    token: t.adminToken,
    body: {
      username,
      displayName: `Staff ${username}`,
      password: staffPassword,
      storeRoles: [{ storeId, role }],
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`makeStaff: ${res.status} ${JSON.stringify(res.body)}`);
  const token = await t.login(username, staffPassword);
  return { user: res.body as { id: string; username: string; version: number; staffNo: string }, token };
}

// ---------------------------------------------------------------------------------------------
// Catalogue builders (catalog module): brand → model → trim, options and store price lists.
// ---------------------------------------------------------------------------------------------

const code = (prefix: string) => `${prefix}-${next()}`.toUpperCase().slice(0, 40);

export async function makeBrand(t: TestApp, overrides: Record<string, unknown> = {}) {
  const c = code('B');
  const res = await t.call('POST', '/api/v1/brands', {
    token: t.adminToken,
    body: { code: c, name: `品牌 ${c}`, nameEn: `Brand ${c}`, country: 'CN', ...overrides },
  });
  if (res.status !== 201) throw new Error(`makeBrand: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; code: string; version: number };
}

/** A series (车系) under a new brand unless `brandId` is given. */
export async function makeModel(t: TestApp, overrides: Record<string, unknown> = {}) {
  const brandId = (overrides.brandId as string | undefined) ?? (await makeBrand(t)).id;
  const c = code('M');
  const res = await t.call('POST', '/api/v1/models', {
    token: t.adminToken,
    body: { brandId, code: c, name: `车系 ${c}`, nameEn: `Model ${c}`, segment: 'B SUV', ...overrides },
  });
  if (res.status !== 201) throw new Error(`makeModel: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; brandId: string; code: string; version: number };
}

/** A battery-electric SUV trim with two exterior and one interior colour, under a new model unless `modelId` is given. */
export async function makeTrim(t: TestApp, overrides: Record<string, unknown> = {}) {
  const modelId = (overrides.modelId as string | undefined) ?? (await makeModel(t)).id;
  const c = code('T');
  const res = await t.call('POST', '/api/v1/trims', {
    token: t.adminToken,
    body: {
      modelId,
      code: c,
      name: `配置 ${c}`,
      nameEn: `Trim ${c}`,
      modelYear: 2026,
      bodyType: 'suv',
      seats: 5,
      energy: 'bev',
      drivetrain: 'rwd',
      transmission: 'single_speed',
      powerKw: 200,
      torqueNm: 400,
      batteryWh: 75_000,
      rangeKm: 600,
      features: ['aeb', 'acc', 'heat_pump'],
      colours: [
        { kind: 'exterior', code: 'WH', name: '白', nameEn: 'White', hex: '#FFFFFF' },
        { kind: 'exterior', code: 'BK', name: '黑', nameEn: 'Black', hex: '#000000' },
        { kind: 'interior', code: 'IB', name: '黑内饰', nameEn: 'Black interior' },
      ],
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`makeTrim: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    id: string;
    modelId: string;
    code: string;
    version: number;
    colours: { id: string; kind: string; code: string }[];
  };
}

export async function makeCatalogOption(t: TestApp, overrides: Record<string, unknown> = {}) {
  const c = code('O');
  const res = await t.call('POST', '/api/v1/catalog-options', {
    token: t.adminToken,
    body: { kind: 'accessory', code: c, name: `精品 ${c}`, nameEn: `Accessory ${c}`, ...overrides },
  });
  if (res.status !== 201) throw new Error(`makeCatalogOption: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; kind: string; code: string; version: number };
}

/** A price list of a store (draft; `publish: true` publishes it), pricing the given items. */
export async function makePriceList(
  t: TestApp,
  storeId: string,
  items: unknown[],
  overrides: Record<string, unknown> & { publish?: boolean } = {},
) {
  const { publish, ...body } = overrides;
  const res = await t.call('POST', '/api/v1/price-lists', {
    token: t.adminToken,
    body: { storeId, name: `价目表 ${next()}`, effectiveFrom: '2026-01-01', items, ...body },
  });
  if (res.status !== 201) throw new Error(`makePriceList: ${res.status} ${JSON.stringify(res.body)}`);
  if (!publish) return res.body as { id: string; status: string; version: number };
  const published = await t.call('POST', `/api/v1/price-lists/${res.body.id}/publish`, {
    token: t.adminToken,
  });
  if (published.status !== 200)
    throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body as { id: string; status: string; version: number };
}

// ---------------------------------------------------------------------------------------------
// CRM builders: customers (valid mobiles and resident ids) and their vehicles.
// ---------------------------------------------------------------------------------------------

let mobileSeq = Math.floor(Math.random() * 9_000_000);
/** A valid mainland mobile number, different on every call. */
export function makeMobile(): string {
  mobileSeq += 1;
  return `139${String(10_000_000 + (mobileSeq % 90_000_000)).slice(-8)}`;
}

let idSeq = Math.floor(Math.random() * 800);
/** A valid resident identity number (GB 11643 check character), different on every call. */
export function makeResidentId(): string {
  idSeq += 1;
  const day = String(1 + (idSeq % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(idSeq / 28) % 12)).padStart(2, '0');
  const body = `110105${1970 + (Math.floor(idSeq / 336) % 40)}${month}${day}${String(idSeq % 1000).padStart(3, '0')}`;
  return body + computeCnIdCheckChar(body)!;
}

/** A customer of a store created through the API by the administrator (201 expected). */
export async function makeCustomer(t: TestApp, storeId: string, overrides: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/v1/customers', {
    token: t.adminToken,
    body: { type: 'individual', name: `客户${next()}`, mobiles: [makeMobile()], storeId, ...overrides },
  });
  if (res.status !== 201) throw new Error(`makeCustomer: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    id: string;
    name: string;
    number: string;
    version: number;
    storeId: string;
    mobiles: { number: string }[];
  };
}

/** A vehicle of a customer (valid VIN), created by the administrator. */
export async function makeCustomerVehicle(
  t: TestApp,
  customerId: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await t.call('POST', '/api/v1/customer-vehicles', {
    token: t.adminToken,
    body: { customerId, vin: makeVin(), ...overrides },
  });
  if (res.status !== 201) throw new Error(`makeCustomerVehicle: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; vin: string; plate: string | null; version: number };
}
