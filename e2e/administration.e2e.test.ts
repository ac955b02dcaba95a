import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './browser';
import type { TestBrowser } from './browser';
import { startServer } from './server';
import type { TestServer } from './server';
import { chooseOption, ensureSignedIn, openPage, signIn, useChinese, visibleText } from './ui-helpers';

const timeout = 120_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let setupError: unknown = null;

describe('user and store administration in the browser', () => {
  beforeAll(async () => {
    try {
      browser = await launchBrowser();
      server = await startServer();
      page = browser.page;
    } catch (error) {
      setupError = error;
    }
  }, timeout);

  // A missing chromium or a server that does not start fails every test (never skips one).
  beforeEach(() => {
    if (setupError) throw setupError;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, timeout);

  it(
    'creates a user with a role and shows them in the list, with their history',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await openPage(page, '用户');
      await page.getByRole('button', { name: '新建用户' }).click();
      const drawer = page.getByRole('dialog').filter({ hasText: '新建用户' });
      await drawer.waitFor({ state: 'visible' });

      await drawer.getByRole('button', { name: /创\s*建/ }).click();
      expect(await visibleText(drawer.getByText('请输入用户名'))).toBe('请输入用户名');
      expect(await visibleText(drawer.getByText('请输入姓名'))).toBe('请输入姓名');
      await drawer.getByLabel('用户名').fill('wang.fang');
      await drawer.getByLabel('姓名').fill('王芳');
      await drawer.getByLabel('密码').fill('short');
      expect(await visibleText(drawer.getByText('密码至少需要 10 个字符'))).toBe('密码至少需要 10 个字符');
      await saveScreenshot(page, '10-create-user-validation-zh');

      await drawer.getByLabel('密码').fill('Wang-Fang-2026!');
      await drawer.getByLabel('手机号').fill('13800138000');
      await chooseOption(page, drawer.getByRole('combobox', { name: '角色' }), '销售顾问');
      await saveScreenshot(page, '11-create-user-filled-zh');
      await drawer.getByRole('button', { name: /创\s*建/ }).click();
      await drawer.waitFor({ state: 'hidden' });

      const row = page.locator('.ant-table-tbody tr').filter({ hasText: 'wang.fang' });
      const rowText = await visibleText(row);
      expect(rowText).toContain('王芳');
      expect(rowText).toContain('HQ · 销售顾问');
      expect(rowText).toContain('启用');
      expect(rowText).toContain('13800138000');
      await saveScreenshot(page, '12-user-created-zh');

      await row.getByRole('button', { name: 'wang.fang' }).click();
      const detail = page.getByRole('dialog').filter({ hasText: '用户 王芳' });
      await detail.getByRole('button', { name: /变更历史/ }).click();
      const history = page.getByRole('dialog').filter({ hasText: '王芳 的变更历史' });
      const historyText = await visibleText(history.locator('.ant-timeline'));
      expect(historyText).toContain('创建');
      expect(historyText).toContain('操作人：Administrator');
      await saveScreenshot(page, '13-user-history-zh');
      await history.locator('.ant-drawer-close').click();
      await history.waitFor({ state: 'hidden' });
      await detail.locator('.ant-drawer-close').click();
      await detail.waitFor({ state: 'hidden' });
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'saving a user that someone else changed meanwhile shows the conflict and reloads the latest version',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await openPage(page, '用户');
      await page
        .locator('.ant-table-tbody tr')
        .filter({ hasText: 'wang.fang' })
        .getByRole('button', { name: 'wang.fang' })
        .click();
      const detail = page.getByRole('dialog').filter({ hasText: '用户 王芳' });
      await detail.getByLabel('手机号').waitFor({ state: 'visible' });

      // Someone else renames her in the meantime (same API, another tab).
      const csrf = (await browser.context.cookies()).find((c) => c.name === 'fc_csrf')?.value ?? '';
      const found = await page.request.get(`${server.baseUrl}/api/v1/users?q=wang.fang`);
      const [user] = ((await found.json()) as { items: { id: string; version: number }[] }).items;
      const renamed = await page.request.patch(`${server.baseUrl}/api/v1/users/${user?.id}`, {
        headers: { 'X-CSRF-Token': csrf },
        data: { version: user?.version, displayName: '王芳芳' },
      });
      expect(renamed.status()).toBe(200);

      await detail.getByLabel('手机号').fill('13900139000');
      await detail.getByRole('button', { name: '保存' }).click();
      expect(await visibleText(detail.locator('.ant-alert'))).toContain('该记录已被他人修改');
      await page.waitForFunction(
        'document.querySelector(".ant-drawer-body input#displayName")?.value === "王芳芳"',
      );
      await saveScreenshot(page, '14-user-conflict-zh');

      await detail.getByLabel('手机号').fill('13900139000');
      await detail.getByRole('button', { name: '保存' }).click();
      await page.locator('.ant-message').getByText('已保存').waitFor({ state: 'visible' });
      await detail.locator('.ant-drawer-close').click();
      const row = page.locator('.ant-table-tbody tr').filter({ hasText: 'wang.fang' });
      await row.getByText('13900139000').waitFor({ state: 'visible' });
      expect(await visibleText(row)).toContain('王芳芳');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'creates a store; the header store switcher appears and the users list follows the chosen store',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      expect(await page.locator('.fc-header .ant-select').count()).toBe(0);
      await openPage(page, '门店');
      await page.getByRole('button', { name: '新建门店' }).click();
      const modal = page.getByRole('dialog').filter({ hasText: '新建门店' });
      await modal.getByLabel('门店代码').fill('n01');
      await modal.getByLabel('门店名称').fill('北城店');
      await modal.getByLabel('地址').fill('北京市朝阳区北苑路 88 号');
      await saveScreenshot(page, '15-create-store-zh');
      await modal.getByRole('button', { name: '创建' }).click();
      await modal.waitFor({ state: 'hidden' });
      const row = page.locator('.ant-table-tbody tr').filter({ hasText: 'N01' });
      expect(await visibleText(row)).toContain('北城店');
      expect(await visibleText(row)).toContain('营业');

      const switcher = page.locator('.fc-header .ant-select');
      expect(await visibleText(switcher)).toContain('我的全部门店');
      await openPage(page, '用户');
      await chooseOption(page, switcher, '北城店');
      expect(await visibleText(page.locator('.ant-table-tbody'))).toContain('没有符合条件的用户');
      await saveScreenshot(page, '16-store-switcher-zh');

      await page.reload();
      expect(await visibleText(switcher)).toContain('北城店');
      await chooseOption(page, switcher, '我的全部门店');
      expect(await visibleText(page.locator('.ant-table-tbody'))).toContain('wang.fang');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'creates an API token that is shown once and revokes it',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await openPage(page, '我的 API 令牌');
      expect(await visibleText(page.locator('.ant-table-tbody'))).toContain('您还没有 API 令牌');
      await page.getByRole('button', { name: '新建令牌' }).click();
      const modal = page.getByRole('dialog').filter({ hasText: '新建 API 令牌' });
      await modal.getByLabel('名称').fill('财务系统导出');
      await modal.getByRole('button', { name: '创建' }).click();
      const created = page.getByRole('dialog').filter({ hasText: '令牌已创建' });
      expect(await visibleText(created)).toContain('请立即复制此令牌，它不会再次显示。');
      const secret = await visibleText(created.locator('code'));
      expect(secret.length).toBeGreaterThan(20);
      await saveScreenshot(page, '17-api-token-created-zh');

      const me = await page.request.get(`${server.baseUrl}/api/v1/auth/me`, {
        headers: { Authorization: `Bearer ${secret}` },
      });
      expect(me.status()).toBe(200);

      await created.getByRole('button', { name: '关闭' }).last().click();
      const row = page.locator('.ant-table-tbody tr').filter({ hasText: '财务系统导出' });
      expect(await visibleText(row)).toContain('有效');
      await row.getByRole('button', { name: '吊销' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '吊销' }).click();
      await row.getByText('已吊销').waitFor({ state: 'visible' });
      expect(await visibleText(row)).not.toContain('有效');
      await saveScreenshot(page, '18-api-token-revoked-zh');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'a sales consultant sees only what the role allows',
    async () => {
      await browser.context.clearCookies();
      await page.goto(server.baseUrl);
      await page.locator('.fc-sign-in').waitFor({ state: 'visible' });
      await signIn(page, 'wang.fang', 'Wang-Fang-2026!');
      expect(await visibleText(page.locator('.fc-page-title h1'))).toBe('我的一天');
      await openPage(page, '用户');
      expect(await visibleText(page.locator('.fc-page-title h1'))).toBe('用户');
      expect(await visibleText(page.getByTestId('user-menu'))).toContain('王芳');
      expect(await visibleText(page.getByTestId('user-menu'))).toContain('销售顾问');
      expect(await page.getByRole('button', { name: '新建用户' }).count()).toBe(0);
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor({ state: 'visible' });
      expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('wang.fang')]);
      await saveScreenshot(page, '19-consultant-users-zh');

      await openPage(page, '门店');
      expect(await visibleText(page.locator('.ant-table-tbody'))).toContain('HQ');
      expect(await page.getByRole('button', { name: '新建门店' }).count()).toBe(0);
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );
});
