import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { computeCnIdCheckChar } from '../common/rules/cn-id';
import { withVinCheckDigit } from '../common/rules/vin';
import { launchBrowser, saveScreenshot } from './browser';
import type { TestBrowser } from './browser';
import { startServer } from './server';
import type { TestServer } from './server';
import { chooseOption, ensureSignedIn, menuGroup, openPage, useChinese, visibleText } from './ui-helpers';

const timeout = 120_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let setupError: unknown = null;

// A resident id with its GB 11643 check character, and the same id with a wrong one.
const idBody = '11010519850612331';
const goodId = idBody + computeCnIdCheckChar(idBody)!;
const wrongChar = goodId.endsWith('1') ? '2' : '1';
const badId = idBody + wrongChar;
const mobile = '13912348765';
const vin = withVinCheckDigit('LGXCE4CB0SA765432') ?? '';
const plate = '京A·D12345';
const secondMobile = '15900001111';

async function adminToken(): Promise<string> {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: server.adminPassword }),
  });
  return ((await login.json()) as { token: string }).token;
}

async function useEnglish(p: Page): Promise<void> {
  const english = p.locator('.fc-header .ant-segmented-item').filter({ hasText: 'English' });
  if (!(await english.getAttribute('class'))?.includes('ant-segmented-item-selected')) await english.click();
  await menuGroup(p, 'Administration').waitFor({ state: 'visible' });
}

async function search(p: Page, text: string) {
  const box = p.getByTestId('customer-search');
  await box.fill(text);
  await p.locator('.ant-table-tbody').getByText('王建国').first().waitFor({ state: 'visible' });
}

describe('the customer file in the browser', () => {
  beforeAll(async () => {
    try {
      browser = await launchBrowser();
      server = await startServer();
      page = browser.page;
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
    'creates a customer, refusing a wrong identity number as it is typed, in Chinese',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await openPage(page, '客户档案');
      await page.getByRole('button', { name: /新建客户/ }).click();
      const drawer = page.locator('.ant-drawer').filter({ hasText: '新建客户' });
      await drawer.getByLabel('姓名').fill('王建国');
      await drawer.getByTestId('mobile-0').fill('1391234');
      await drawer.getByText('不是有效的大陆手机号码', { exact: false }).waitFor({ state: 'visible' });
      await drawer.getByTestId('mobile-0').fill(mobile);
      await drawer.getByTestId('id-number').fill(badId);
      const problem = `校验码为 ${wrongChar}，应为 ${goodId.slice(-1)}。`;
      await drawer.getByText(problem).waitFor({ state: 'visible' });
      await saveScreenshot(page, 'customers-01-bad-id-zh');

      await drawer.getByTestId('id-number').fill(goodId);
      await drawer.getByText(problem).waitFor({ state: 'hidden' });
      await drawer.getByLabel('地址').fill('北京市朝阳区东四环中路 88 号');
      await saveScreenshot(page, 'customers-02-create-filled-zh');
      await drawer.getByTestId('customer-create-submit').click();
      await page.locator('.fc-page-title h1').filter({ hasText: '王建国' }).waitFor({ state: 'visible' });
      const details = await visibleText(page.locator('.ant-descriptions'));
      expect(details).toContain(mobile);
      expect(details).toContain(`110***********${goodId.slice(-4)}`);
      expect(details).not.toContain(goodId);

      // the customer's car, registered through the API
      const token = await adminToken();
      const customerId = page.url().split('/').pop()!;
      const res = await fetch(`${server.baseUrl}/api/v1/customer-vehicles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          customerId,
          vin,
          plate,
          brandName: '比亚迪',
          modelName: '海豹',
          mileageKm: 12_000,
        }),
      });
      expect(res.status).toBe(201);
    },
    timeout,
  );

  it(
    'finds the customer by mobile last 4 and by plate, opens the 360 page and reveals the id',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await openPage(page, '客户档案');
      await search(page, mobile.slice(-4));
      expect(await visibleText(page.locator('.ant-table-tbody'))).toContain(mobile);
      await saveScreenshot(page, 'customers-03-search-last4-zh');
      await search(page, '京AD123');
      await saveScreenshot(page, 'customers-04-search-plate-zh');
      await page.locator('.ant-table-tbody').getByRole('link', { name: '王建国' }).click();
      await page.locator('.fc-page-title h1').filter({ hasText: '王建国' }).waitFor({ state: 'visible' });
      await page.getByText('京AD12345').waitFor({ state: 'visible' });
      await page.getByText('建立客户档案').waitFor({ state: 'visible' });
      await page.getByRole('button', { name: /查看完整号码/ }).click();
      await page.getByTestId('identity-number').filter({ hasText: goodId }).waitFor({ state: 'visible' });
      await page.getByText('已显示完整号码').waitFor({ state: 'visible' });
      await saveScreenshot(page, 'customers-05-customer-360-zh');
    },
    timeout,
  );

  it(
    'the same in English',
    async () => {
      await ensureSignedIn(page, server);
      await useEnglish(page);
      await openPage(page, 'Customers');
      await search(page, plate);
      await saveScreenshot(page, 'customers-06-search-en');
      await page.locator('.ant-table-tbody').getByRole('link', { name: '王建国' }).click();
      await page.getByText('Customer details').waitFor({ state: 'visible' });
      await page.getByText('Vehicle added:', { exact: false }).waitFor({ state: 'visible' });
      await page.getByRole('button', { name: /Reveal/ }).click();
      await page.getByTestId('identity-number').filter({ hasText: goodId }).waitFor({ state: 'visible' });
      await saveScreenshot(page, 'customers-07-customer-360-en');
      await page
        .getByRole('button', { name: /New customer|Merge duplicate/ })
        .first()
        .waitFor({ state: 'visible' });
    },
    timeout,
  );

  it(
    'edits the customer: a second mobile and SMS consent, in Chinese',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await openPage(page, '客户档案');
      await search(page, mobile.slice(-4));
      await page.locator('.ant-table-tbody').getByRole('link', { name: '王建国' }).click();
      await page.locator('.fc-page-title h1').filter({ hasText: '王建国' }).waitFor({ state: 'visible' });
      await page.getByRole('button', { name: /编\s*辑/ }).click();
      const drawer = page.locator('.ant-drawer').filter({ hasText: '编辑 王建国' });
      await drawer.getByRole('button', { name: /添加号码/ }).click();
      await drawer.getByTestId('edit-mobile-1').fill('1590000');
      await drawer.getByText('不是有效的大陆手机号码', { exact: false }).waitFor({ state: 'visible' });
      await drawer.getByTestId('edit-mobile-1').fill(secondMobile);
      const sms = drawer.getByTestId('consent-sms');
      await sms.getByText('尚未记录').waitFor({ state: 'visible' });
      await sms.getByText('同意', { exact: true }).click();
      await chooseOption(page, sms.locator('.ant-select'), '到店登记表');
      await saveScreenshot(page, 'customers-08-edit-zh');
      await drawer.getByTestId('customer-edit-submit').click();
      await page.getByText('已保存 王建国 的修改').waitFor({ state: 'visible' });
      await drawer.waitFor({ state: 'hidden' });
      const details = page.locator('.ant-descriptions');
      await details.getByText(secondMobile).waitFor({ state: 'visible' });
      const text = await visibleText(details);
      expect(text).toContain(mobile);
      expect(text).toMatch(/短信:\s*同意 · 到店登记表/);
      await saveScreenshot(page, 'customers-09-edited-zh');
      await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    },
    timeout,
  );

  it(
    'shows who recorded the consent and reloads the latest version on a conflict, in English',
    async () => {
      await ensureSignedIn(page, server);
      await useEnglish(page);
      await page.getByRole('button', { name: /Edit/ }).click();
      const drawer = page.locator('.ant-drawer').filter({ hasText: 'Edit 王建国' });
      await drawer
        .getByTestId('consent-sms')
        .getByText(/Recorded .* by /)
        .waitFor({ state: 'visible' });
      await expect(drawer.getByTestId('edit-mobile-1').inputValue()).resolves.toBe(secondMobile);
      await drawer.getByTestId('consent-email').scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'customers-10-edit-consents-en');

      // someone else changes the customer meanwhile
      const token = await adminToken();
      const customerId = page.url().split('/').pop()!;
      const url = `${server.baseUrl}/api/v1/customers/${customerId}`;
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const current = (await (await fetch(url, { headers })).json()) as { version: number };
      const res = await fetch(url, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ version: current.version, note: 'Prefers a call after 6 pm' }),
      });
      expect(res.status).toBe(200);

      await drawer.getByLabel('Employer').fill('Beijing Metro');
      await drawer.getByTestId('customer-edit-submit').click();
      await drawer.getByText('Someone else changed this record').waitFor({ state: 'visible' });
      await expect
        .poll(() => drawer.getByLabel('Note').inputValue(), { timeout: 15_000 })
        .toBe('Prefers a call after 6 pm');
      await saveScreenshot(page, 'customers-11-edit-conflict-en');
      await drawer.getByLabel('Employer').fill('Beijing Metro');
      await drawer.getByTestId('customer-edit-submit').click();
      await drawer.waitFor({ state: 'hidden' });
      await page.locator('.ant-descriptions').getByText('Beijing Metro').waitFor({ state: 'visible' });
      await saveScreenshot(page, 'customers-12-edited-en');
    },
    timeout,
  );
});
