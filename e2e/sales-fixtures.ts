import type { Locator, Page } from 'playwright-core';
import { computeCnIdCheckChar } from '../common/rules/cn-id';
import { computeOrgCodeCheckChar, computeUsccCheckChar } from '../common/rules/uscc';
import { withVinCheckDigit } from '../common/rules/vin';
import { saveScreenshot } from './browser';
import type { TestBrowser } from './browser';
import type { apiOf } from './api';
import { signIn } from './ui-helpers';

/** The sales browser tests' people, vehicles and documents, and their setup through the API. */
type Api = ReturnType<typeof apiOf>;
export interface SalesSeed {
  storeId: string;
  customerId: string;
  secondCustomerId: string;
}

export const consultant = { username: 'zhao.lei', password: 'Zhao-Lei-2026!', name: '赵磊' };
export const manager = { username: 'sun.min', password: 'Sun-Min-2026!', name: '孙敏' };
export const finance = { username: 'zhou.hui', password: 'Zhou-Hui-2026!', name: '周慧' };
export const vin = withVinCheckDigit('LGXCE4CB0T0654321') ?? '';
export const vin2 = withVinCheckDigit('LGXCE4CB0T0654322') ?? '';
const id17 = '11010519900307123';
export const residentId = `${id17}${computeCnIdCheckChar(id17)}`;
const orgBody = '10000000';
const uscc17 = `91110000${orgBody}${computeOrgCodeCheckChar(orgBody)}`;
export const sellerTaxId = `${uscc17}${computeUsccCheckChar(uscc17)}`;
// a 1×1 PNG: the "copy" of the buyer's identity card, a PDI photo, a signature made through the API
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** An empty server: three staff, a trim on a published price list with an accessory, one VIN in stock, a customer. */
export async function seedSales({ call, login }: Api, adminPassword: string): Promise<SalesSeed> {
  const token = await login('admin', adminPassword);
  const me = await call<{ stores: { id: string }[] }>('GET', '/auth/me', token);
  const storeId = me.stores[0]?.id ?? '';
  for (const [user, role] of [
    [consultant, 'sales_consultant'],
    [manager, 'sales_manager'],
    [finance, 'finance'],
  ] as const)
    await call('POST', '/users', token, {
      username: user.username,
      displayName: user.name,
      password: user.password,
      storeRoles: [{ storeId, role }],
    });
  const brand = await call<{ id: string }>('POST', '/brands', token, {
    code: 'BYD',
    name: '比亚迪',
    nameEn: 'BYD',
    country: 'CN',
  });
  const model = await call<{ id: string }>('POST', '/models', token, {
    brandId: brand.id,
    code: 'TANG',
    name: '唐',
    nameEn: 'Tang',
  });
  const trim = await call<{ id: string; colours: { id: string; kind: string }[] }>('POST', '/trims', token, {
    modelId: model.id,
    code: 'TANG-EV-730',
    name: 'EV 730 智驾版',
    nameEn: 'EV 730 Smart Drive',
    modelYear: 2026,
    bodyType: 'suv',
    seats: 6,
    energy: 'bev',
    drivetrain: 'awd',
    transmission: 'single_speed',
    powerKw: 380,
    batteryWh: 108_000,
    rangeKm: 730,
    features: ['aeb', 'acc'],
    colours: [{ kind: 'exterior', code: 'WH', name: '雪域白', nameEn: 'Snow White', hex: '#F4F5F0' }],
  });
  const roof = await call<{ id: string }>('POST', '/catalog-options', token, {
    kind: 'accessory',
    code: 'ROOF-BOX',
    name: '车顶行李箱',
    nameEn: 'Roof box',
  });
  const list = await call<{ id: string }>('POST', '/price-lists', token, {
    storeId,
    name: '2026 价目表',
    effectiveFrom: '2026-01-01',
    items: [
      { itemKind: 'trim', itemRef: trim.id, guidePrice: 28_980_000, displayPrice: 27_980_000 },
      { itemKind: 'accessory', itemRef: roof.id, displayPrice: 380_000 },
      { itemKind: 'fee', itemRef: 'registration_agency', name: '上牌代办服务费', displayPrice: 50_000 },
    ],
  });
  await call('POST', `/price-lists/${list.id}/publish`, token);
  await call('POST', '/vehicles', token, {
    vin,
    trimId: trim.id,
    storeId,
    exteriorColourId: trim.colours.find((c) => c.kind === 'exterior')?.id ?? null,
    engineNo: 'TZ220XS0123',
    cocNo: 'WAC0123456789',
  });
  await call('POST', '/vehicles', token, {
    vin: vin2,
    trimId: trim.id,
    storeId,
    exteriorColourId: trim.colours.find((c) => c.kind === 'exterior')?.id ?? null,
  });
  const secondCustomerId = (
    await call<{ id: string }>('POST', '/customers', token, {
      type: 'individual',
      name: '李强',
      mobiles: ['13812345678'],
      storeId,
    })
  ).id;
  const customerId = (
    await call<{ id: string }>('POST', '/customers', token, {
      type: 'individual',
      name: '王芳',
      mobiles: ['13912345670'],
      identityDocument: { type: 'resident_id', number: residentId },
      address: '上海市浦东新区世纪大道 100 号',
      employer: '上海某科技有限公司',
      storeId,
    })
  ).id;
  // the store's seller data for the invoice; a care call on the day of delivery too, so My day shows it today
  const settings = await call<{ version: number }>('GET', `/sales-settings/${storeId}`, token);
  await call('PATCH', `/sales-settings/${storeId}`, token, {
    version: settings.version,
    sellerName: '上海前庭汽车销售服务有限公司',
    sellerTaxId,
    sellerAddress: '上海市浦东新区张江路 1 号',
    sellerPhone: '021-12345678',
    sellerBank: '招商银行张江支行 1219 0000 0000 0001',
    careCallDays: [0, 1, 7, 30],
  });
  return { storeId, customerId, secondCustomerId };
}

export async function signInAs(
  browser: TestBrowser,
  baseUrl: string,
  user: { username: string; password: string },
): Promise<void> {
  const page = browser.page;
  await browser.context.clearCookies();
  await page.goto(baseUrl);
  await page.locator('.fc-sign-in').waitFor({ state: 'visible' });
  await signIn(page, user.username, user.password);
  await page.locator('.fc-shell').waitFor({ state: 'visible' });
}

/** Draws a signature on a pad with mouse moves, like a finger on the tablet. */
export async function drawSignature(page: Page, pad: Locator): Promise<void> {
  const canvas = pad.locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  await page.mouse.move(...at(0.15, 0.6));
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    const x = 0.15 + (0.7 * i) / 24;
    await page.mouse.move(...at(x, 0.55 + 0.25 * Math.sin(i / 2)), { steps: 2 });
  }
  await page.mouse.up();
}

/** A full-page screenshot from the top of the page (the shell's header and menu stay in place). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, name);
}
