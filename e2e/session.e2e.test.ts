import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './browser';
import { describePage } from './failure-report';
import type { TestBrowser } from './browser';
import { startServer } from './server';
import type { TestServer } from './server';
import {
  columnHeader,
  ensureSignedIn,
  menuGroup,
  menuItem,
  openPage,
  signIn,
  useChinese,
  visibleText,
} from './ui-helpers';

const timeout = 120_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let setupError: unknown = null;

describe('signing in, languages and signing out in the browser', () => {
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
    'signs in: a wrong password shows the server message, the right one opens the app',
    async () => {
      await page.goto(server.baseUrl);
      expect(await visibleText(page.locator('.fc-sign-in-main h3'))).toBe('登录');
      expect(await visibleText(page.locator('.fc-sign-in-aside h2'))).toBe('Forecourt 经销商管理系统');
      await saveScreenshot(page, '01-sign-in-zh');

      await signIn(page, 'admin', 'not-the-password');
      expect(await visibleText(page.locator('.ant-alert-error'))).toContain('用户名或密码错误');
      expect(await page.getByLabel('密码').inputValue()).toBe('');
      await saveScreenshot(page, '02-sign-in-wrong-password-zh');

      await signIn(page, 'admin', server.adminPassword);
      // everyone starts on "my day": their alerts and what is due
      expect(await visibleText(page.locator('.fc-page-title h1'))).toBe('我的一天');
      expect(page.url()).toBe(`${server.baseUrl}/my-day`);
      await openPage(page, '用户');
      expect(await visibleText(menuGroup(page, '系统管理'))).toBe('系统管理');
      expect(await visibleText(menuItem(page, '门店'))).toBe('门店');
      expect(await visibleText(page.locator('.ant-table-tbody'))).toContain('admin');
      expect(await visibleText(page.locator('.ant-table-tbody'))).toContain('HQ · 集团管理员');
      await saveScreenshot(page, '03-users-zh');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'switches zh-CN ↔ en: menu and table headers change, and the choice survives a reload',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await openPage(page, '用户');
      expect(await visibleText(columnHeader(page, '用户名'))).toBe('用户名');
      expect(await visibleText(columnHeader(page, '门店与角色'))).toBe('门店与角色');

      await page.locator('.ant-segmented-item').filter({ hasText: 'English' }).click();
      expect(await visibleText(menuGroup(page, 'Administration'))).toBe('Administration');
      expect(await visibleText(menuItem(page, 'Users'))).toBe('Users');
      expect(await visibleText(menuItem(page, 'Stores'))).toBe('Stores');
      expect(await visibleText(columnHeader(page, 'Username'))).toBe('Username');
      expect(await visibleText(columnHeader(page, 'Stores and roles'))).toBe('Stores and roles');
      expect(await visibleText(page.locator('.ant-table-tbody'))).toContain('HQ · Group administrator');
      expect(await page.locator('.ant-menu').innerText()).not.toMatch(/[\u4e00-\u9fff]/);
      await saveScreenshot(page, '04-users-en');

      // The language is remembered on the user, not only in this browser: forget it locally and reload.
      await page.evaluate('localStorage.removeItem("forecourt.language")');
      await page.reload();
      expect(await visibleText(page.locator('.fc-page-title h1'))).toBe('Users');
      expect(await visibleText(columnHeader(page, 'Username'))).toBe('Username');
      expect(await visibleText(page.locator('.ant-segmented-item-selected'))).toBe('English');
      await saveScreenshot(page, '05-users-en-after-reload');

      await openPage(page, 'Stores');
      expect(await visibleText(columnHeader(page, 'Time zone'))).toBe('Time zone');
      expect(await visibleText(page.locator('.ant-table-tbody'))).toContain('Asia/Shanghai');
      await saveScreenshot(page, '06-stores-en');

      await useChinese(page);
      expect(await visibleText(columnHeader(page, '时区'))).toBe('时区');
      expect(await visibleText(menuItem(page, '门店'))).toBe('门店');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'honours "reduce motion" (dropdowns zoom open only for those who did not ask for less); a failure report names the open dropdown',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await openPage(page, '用户');
      const roleFilter = page.getByRole('combobox', { name: '角色' });
      // the animated phases (…-active classes) a dropdown goes through while it opens
      const animatedPhases = async (): Promise<string[]> => {
        await page.evaluate(() => {
          const seen: string[] = [];
          (window as unknown as { fcMotion: string[] }).fcMotion = seen;
          new MutationObserver((records) => {
            for (const r of records) {
              const el = r.target as Element;
              if (!el.classList?.contains('ant-select-dropdown')) continue;
              for (const c of (el.getAttribute('class') ?? '').split(/\s+/))
                if (/-(appear|enter)-active$/.test(c)) seen.push(c);
            }
          }).observe(document.body, {
            subtree: true,
            attributes: true,
            attributeFilter: ['class'],
            childList: true,
          });
        });
        await roleFilter.click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
        await page.waitForTimeout(400);
        await page.keyboard.press('Escape');
        await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
        return page.evaluate(() => (window as unknown as { fcMotion: string[] }).fcMotion);
      };
      // the browser suites run with "reduce": the dropdown shows at once, without an animated phase
      expect(await animatedPhases()).toEqual([]);
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      expect(await animatedPhases()).toContain('ant-slide-up-enter-active');
      await page.emulateMedia({ reducedMotion: 'reduce' });
      expect(await animatedPhases()).toEqual([]);
      // what a failing browser test prints: the open dropdown, its hovered option and the focused field
      await roleFilter.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
      expect(await describePage(page)).toMatch(
        /page: 用户\n(.*\n)*dropdown: [^\n]*\[active\][^\n]*\n(.*\n)*focus: input 角色/,
      );
      await page.keyboard.press('Escape');
    },
    timeout,
  );

  it(
    'signs out: the sign-in page shows and the session is gone after a reload',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: /退出登录/ }).click();
      expect(await visibleText(page.locator('.fc-sign-in-main h3'))).toBe('登录');
      await saveScreenshot(page, '07-signed-out-zh');

      await page.reload();
      expect(await visibleText(page.locator('.fc-sign-in-main h3'))).toBe('登录');
      const me = await page.request.get(`${server.baseUrl}/api/v1/auth/me`);
      expect(me.status()).toBe(401);
      await page.goto(`${server.baseUrl}/admin/users`);
      expect(await visibleText(page.getByRole('button', { name: /登\s*录/ }))).toMatch(/登\s*录/);
      expect(await page.locator('.fc-shell').count()).toBe(0);

      // Before sign-in the language switch works too (remembered in this browser only).
      await page.locator('.ant-segmented-item').filter({ hasText: 'English' }).click();
      expect(await visibleText(page.locator('.fc-sign-in-main h3'))).toBe('Sign in');
      expect(await visibleText(page.locator('.fc-sign-in-aside h2'))).toBe(
        'Forecourt Dealer Management System',
      );
      expect(await visibleText(page.locator('.fc-sign-in-main .ant-form-item-label label').first())).toBe(
        'Username',
      );
      await saveScreenshot(page, '08-sign-in-en');
      await page.locator('.ant-segmented-item').filter({ hasText: '简体中文' }).click();
      expect(await visibleText(page.locator('.fc-sign-in-main h3'))).toBe('登录');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );
});
