import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { withVinCheckDigit } from '../common/rules/vin';
import { launchBrowser, saveScreenshot } from './browser';
import type { TestBrowser } from './browser';
import { apiOf } from './api';
import { startServer } from './server';
import type { TestServer } from './server';
import {
  chooseOption,
  ensureSignedIn,
  menuGroup,
  openPage,
  pickCustomer,
  shanghaiClock,
  soonInShanghai,
  useChinese,
  visibleText,
} from './ui-helpers';

const timeout = 120_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let setupError: unknown = null;
const vin = withVinCheckDigit('LGXCE4CB0R0654321') ?? '';

const { call, login } = apiOf(() => server);

/** A consultant, a customer and a demo car (brand → model → trim → vehicle), through the API. */
async function seed(): Promise<void> {
  const token = await login('admin', server.adminPassword);
  const me = await call<{ stores: { id: string }[] }>('GET', '/auth/me', token);
  const storeId = me.stores[0]?.id ?? '';
  await call('POST', '/users', token, {
    username: 'sun.li',
    displayName: '孙丽',
    password: 'Sun-Li-2026!',
    storeRoles: [{ storeId, role: 'sales_consultant' }],
  });
  await call('POST', '/customers', token, {
    type: 'individual',
    name: '王强',
    mobiles: ['13600001111'],
    storeId,
  });
  const brand = await call<{ id: string }>('POST', '/brands', token, {
    code: 'BYD',
    name: '比亚迪',
    nameEn: 'BYD',
    country: 'CN',
  });
  const model = await call<{ id: string }>('POST', '/models', token, {
    brandId: brand.id,
    code: 'SONG',
    name: '宋PLUS',
    nameEn: 'Song Plus',
  });
  const trim = await call<{ id: string }>('POST', '/trims', token, {
    modelId: model.id,
    code: 'SONG-DMI',
    name: 'DM-i 旗舰型',
    nameEn: 'DM-i Flagship',
    modelYear: 2025,
    bodyType: 'suv',
    seats: 5,
    energy: 'phev',
    transmission: 'dht',
    drivetrain: 'fwd',
    powerKw: 160,
    batteryWh: 18_300,
    rangeKm: 110,
    displacementMl: 1498,
    features: ['aeb', 'acc'],
    colours: [{ kind: 'exterior', code: 'WH', name: '雪域白', nameEn: 'Snow White', hex: '#F4F5F0' }],
  });
  const car = await call<{ id: string; version: number }>('POST', '/vehicles', token, {
    vin,
    trimId: trim.id,
    storeId,
    status: 'in_stock',
    arrivedOn: '2026-01-05',
  });
  await call('POST', `/vehicles/${car.id}/to-demo`, token, { version: car.version });
}

async function pickDate(picker: Locator, value: string, confirm: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
  await picker.click();
  await picker.fill(value);
  await picker.press(confirm);
  await expect.poll(() => picker.inputValue()).toBe(value);
}

async function act(card: Locator, itemText: string, action: string) {
  await card
    .locator('.ant-list-item')
    .filter({ hasText: itemText })
    .getByRole('button', { name: /操作|Actions/ })
    .click();
  await card
    .page()
    .locator('.ant-dropdown:visible .ant-dropdown-menu-item')
    .filter({ hasText: new RegExp(`^\\s*${action}…?\\s*$`) })
    .click();
}

describe('reception board in the browser', () => {
  beforeAll(async () => {
    try {
      browser = await launchBrowser();
      server = await startServer();
      page = browser.page;
      await seed();
    } catch (error) {
      setupError = error;
    }
  }, timeout);

  beforeEach(() => {
    if (setupError) throw setupError;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, timeout);

  it(
    'books an appointment, receives it with what the customer said, runs a test drive and sees the customer leave',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await openPage(page, '接待看板');
      const appointments = page.getByTestId('board-appointments');
      expect(await visibleText(appointments)).toContain('当天没有预约');

      // later today in the store's zone (15 minutes ahead, rounded up to 5)
      const soon = soonInShanghai();
      const today = shanghaiClock().date;
      await page.getByRole('button', { name: '预约到店' }).click();
      const drawer = page.getByRole('dialog').filter({ hasText: '预约到店' });
      await pickCustomer(page, drawer, '王强');
      if (soon.date === today) {
        await pickDate(drawer.getByLabel('到店时间'), `${soon.date} ${soon.time}`);
        await chooseOption(page, drawer.getByRole('combobox', { name: '销售顾问' }), '孙丽');
        await drawer.getByLabel('客户需求').fill('想看宋PLUS，周末全家用');
        await saveScreenshot(page, 'reception-01-book-zh');
        await drawer.getByRole('button', { name: /创\s*建/ }).click();
        await drawer.waitFor({ state: 'hidden' });
        await expect.poll(() => appointments.innerText()).toContain('王强');
        expect(await appointments.innerText()).toContain('孙丽');
        expect(await appointments.innerText()).toContain('已预约');
        await act(appointments, '王强', '到店');
      } else {
        // the last minutes of the store's day: receive as a walk-in instead of booking for tomorrow
        await drawer.getByRole('button', { name: /取\s*消/ }).click();
        await page.getByRole('button', { name: '自然到店' }).click();
        await pickCustomer(page, page.getByRole('dialog'), '王强');
      }
      const visit = page.getByRole('dialog').filter({ hasText: '王强' });
      await visit.getByLabel('来店人数').fill('3');
      await visit.getByLabel('客户原话').fill('预算 18 万，要省油，家里能装充电桩');
      await visit.getByRole('button', { name: /保\s*存/ }).click();
      await visit.waitFor({ state: 'hidden' });
      const inShowroom = page.getByTestId('board-in-showroom');
      await expect.poll(() => inShowroom.innerText()).toContain('王强');
      expect(await inShowroom.innerText()).toContain('3 人');
      expect(await inShowroom.innerText()).toContain('预算 18 万');

      await act(inShowroom, '王强', '试驾');
      const drive = page.getByRole('dialog').filter({ hasText: '试乘试驾' });
      await chooseOption(page, drive.getByRole('combobox', { name: '试驾车辆' }), 'DM-i 旗舰型');
      await drive.getByLabel('试驾路线').fill('门店—滨江大道—门店');
      await drive.getByRole('button', { name: /创\s*建/ }).click();
      await drive.waitFor({ state: 'hidden' });
      const drives = page.getByTestId('board-test-drives');
      await expect.poll(() => drives.innerText()).toContain('驾驶证未核验');
      await act(drives, '王强', '出发');
      await page
        .locator('.ant-message')
        .filter({ hasText: '试驾开始前必须核验驾驶证' })
        .waitFor({ state: 'visible' });
      await act(drives, '王强', '核验驾驶证');
      const licence = page.getByRole('dialog').filter({ hasText: '驾驶证核验' });
      await pickDate(licence.getByLabel('驾驶证有效期至'), '2031-06-30', 'Tab');
      await licence.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => drives.innerText()).toContain('驾驶证已核验');
      await act(drives, '王强', '出发');
      await expect.poll(() => drives.innerText()).toContain('试驾中');
      await saveScreenshot(page, 'reception-02-test-drive-zh');
      await act(drives, '王强', '结束');
      const end = page.getByRole('dialog').filter({ hasText: '结束试驾' });
      await end.getByLabel('客户反馈').fill('动力平顺，空间满意');
      await end.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => drives.innerText()).toContain('已完成');

      await act(inShowroom, '王强', '离店');
      const departed = page.getByTestId('board-departed');
      await expect.poll(() => departed.innerText()).toContain('王强');
      expect(await inShowroom.innerText()).toContain('展厅暂无客户');
      await saveScreenshot(page, 'reception-03-departed-zh');

      await page.locator('.fc-header .ant-segmented-item').filter({ hasText: 'English' }).click();
      await menuGroup(page, 'Reception').waitFor({ state: 'visible' });
      expect(await visibleText(page.locator('.fc-page-title h1'))).toBe('Reception board');
      expect(await drives.innerText()).toContain('Completed');
      expect(await departed.innerText()).toContain('王强');
      await saveScreenshot(page, 'reception-04-board-en');
      await page.locator('.fc-header .ant-segmented-item').filter({ hasText: '简体中文' }).click();
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );
});
