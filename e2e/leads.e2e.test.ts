import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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
  signIn,
  useChinese,
  visibleText,
} from './ui-helpers';

const timeout = 120_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let setupError: unknown = null;
const consultant = { username: 'zhao.lei', password: 'Zhao-Lei-2026!', name: '赵磊' };

const { call, login } = apiOf(() => server);

/** The server starts empty: one consultant in the store (round robin gives them every lead) and a customer. */
async function seed(): Promise<void> {
  const token = await login('admin', server.adminPassword);
  const me = await call<{ stores: { id: string }[] }>('GET', '/auth/me', token);
  const storeId = me.stores[0]?.id ?? '';
  await call('POST', '/users', token, {
    username: consultant.username,
    displayName: consultant.name,
    password: consultant.password,
    storeRoles: [{ storeId, role: 'sales_consultant' }],
  });
  await call('POST', '/customers', token, {
    type: 'individual',
    name: '李娜',
    mobiles: ['13912345678'],
    storeId,
  });
  // a second customer's phone lead, left new: it waits in the consultant's day
  const other = await call<{ id: string }>('POST', '/customers', token, {
    type: 'individual',
    name: '周杰',
    mobiles: ['13987654321'],
    storeId,
  });
  await call('POST', '/leads', token, { customerId: other.id, storeId, source: 'phone' });
}

function leadRow(p: Page, text: string) {
  return p.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: text });
}

describe('leads and my day in the browser', () => {
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
    'files a lead (round robin gives it to the consultant), moves it along the funnel and loses it with a reason',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      expect(await visibleText(page.locator('.fc-page-title h1'))).toBe('我的一天');
      expect(await visibleText(page.getByTestId('my-alerts'))).toContain('暂无需要处理的事项');

      await openPage(page, '销售线索');
      await page.getByRole('button', { name: '新建线索' }).click();
      const drawer = page.getByRole('dialog').filter({ hasText: '新建线索' });
      await drawer.getByRole('button', { name: /创\s*建/ }).click();
      expect(await visibleText(drawer.locator('.ant-form-item-explain-error').first())).toBe('请选择客户');
      await pickCustomer(page, drawer, '李娜');
      await chooseOption(page, drawer.getByRole('combobox', { name: '来源' }), '汽车之家');
      await drawer.getByLabel('客户需求').fill('家用 SUV，预算 20 万左右，想要纯电');
      await saveScreenshot(page, 'leads-01-new-lead-zh');
      await drawer.getByRole('button', { name: /创\s*建/ }).click();
      await drawer.waitFor({ state: 'hidden' });

      const row = leadRow(page, '李娜');
      await row.waitFor({ state: 'visible' });
      const text = await row.innerText();
      expect(text).toMatch(/LD-\d{4}-\d{6}/);
      expect(text).toContain('汽车之家');
      expect(text).toContain('新线索');
      expect(text).toContain(consultant.name);
      await saveScreenshot(page, 'leads-02-list-zh');

      await row.getByRole('button', { name: /操作/ }).click();
      await page
        .locator('.ant-dropdown:visible .ant-dropdown-menu-item')
        .filter({ hasText: '已联系' })
        .click();
      await expect.poll(() => row.innerText()).toContain('已联系');

      await row.getByRole('button', { name: /操作/ }).click();
      await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item').filter({ hasText: '战败' }).click();
      const modal = page.getByRole('dialog').filter({ hasText: '战败' });
      await chooseOption(page, modal.getByRole('combobox', { name: '战败原因' }), '购买竞品');
      await modal.getByLabel('备注').fill('已在他处购买竞品');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => row.innerText()).toContain('已战败');
      const lostTile = page.locator('.fc-tile').filter({ hasText: '已战败' });
      await expect.poll(() => lostTile.innerText()).toContain('1');
      await saveScreenshot(page, 'leads-03-lost-zh');

      // the store's rules: a manager sets the first-contact SLA
      await page.getByRole('button', { name: '线索规则' }).click();
      const rules = page.getByRole('dialog').filter({ hasText: '本店线索规则' });
      await rules.getByLabel('首次联系时限（分钟）').fill('15');
      await rules.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.ant-message').filter({ hasText: '线索规则已保存' }).waitFor({ state: 'visible' });
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'the consultant finds the new lead in my day and marks the alert done; the same screens in English',
    async () => {
      await browser.context.clearCookies();
      await page.goto(server.baseUrl);
      await page.locator('.fc-sign-in').waitFor({ state: 'visible' });
      await signIn(page, consultant.username, consultant.password);
      expect(await visibleText(page.locator('.fc-page-title h1'))).toBe('我的一天');
      const alerts = page.getByTestId('my-alerts');
      await expect.poll(() => alerts.innerText()).toContain('分配给您：周杰');
      // 李娜's lead was contacted already: its "new lead for you" alert closed by itself
      expect(await alerts.innerText()).not.toContain('李娜');
      expect(await visibleText(page.getByTestId('my-new-leads'))).toContain('周杰');
      await saveScreenshot(page, 'leads-04-my-day-zh');
      await alerts
        .getByRole('button', { name: /已处理/ })
        .first()
        .click();
      await expect.poll(() => alerts.innerText()).toContain('暂无需要处理的事项');

      await page.locator('.fc-header .ant-segmented-item').filter({ hasText: 'English' }).click();
      await menuGroup(page, 'Reception').waitFor({ state: 'visible' });
      expect(await visibleText(page.locator('.fc-page-title h1'))).toBe('My day');
      expect(await visibleText(alerts)).toContain('Nothing needs your attention.');
      await openPage(page, 'Leads');
      const row = leadRow(page, '李娜');
      await row.waitFor({ state: 'visible' });
      expect(await row.innerText()).toContain('Lost');
      expect(await row.innerText()).toContain('Autohome');
      await saveScreenshot(page, 'leads-05-list-en');
      await page.locator('.fc-header .ant-segmented-item').filter({ hasText: '简体中文' }).click();
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );
});
