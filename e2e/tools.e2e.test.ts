import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './browser';
import type { TestBrowser } from './browser';
import { startServer } from './server';
import type { TestServer } from './server';
import { chooseOption, ensureSignedIn, menuGroup, openPage, visibleText } from './ui-helpers';

const timeout = 120_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let setupError: unknown = null;

/**
 * Switches the UI language and waits until the choice is saved to the profile, so a slower earlier
 * save cannot switch the language back behind the test's back.
 */
async function switchLanguage(p: Page, label: 'English' | '简体中文'): Promise<void> {
  const item = p.locator('.ant-segmented-item').filter({ hasText: label });
  if (!(await item.getAttribute('class'))?.includes('ant-segmented-item-selected')) {
    const saved = p.waitForResponse(
      (r) => r.url().endsWith('/auth/me/preferences') && r.request().method() === 'PUT',
    );
    await item.click();
    await saved;
  }
  await menuGroup(p, label === 'English' ? 'Tools' : '工具').waitFor({ state: 'visible' });
}

/** A full-page screenshot from the top of the page (the shell's header and menu are sticky). */
async function shot(p: Page, name: string): Promise<void> {
  await p.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(p, name);
}

/** Types into an antd date picker and leaves it with Tab (Enter would also submit the form). */
async function pickDate(picker: Locator, value: string): Promise<void> {
  await picker.click();
  await picker.fill(value);
  await picker.press('Tab');
  await expect.poll(() => picker.inputValue()).toBe(value);
  await expect.poll(() => picker.page().locator('.ant-picker-dropdown:visible').count()).toBe(0);
}

describe('tools for advisors and consultants in the browser', () => {
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
    'decodes a VIN as it is typed and checks identity, company, mobile and plate numbers',
    async () => {
      await ensureSignedIn(page, server);
      await switchLanguage(page, '简体中文');
      await openPage(page, 'VIN 与证件校验');
      const vin = page.getByLabel('车辆识别代号', { exact: true });

      await vin.fill('1hgcm82633a004353');
      await expect.poll(() => vin.inputValue()).toBe('1HGCM82633A004353');
      expect(await visibleText(page.getByTestId('vin-errors'))).toContain('检验位（第 9 位）为 3，应为 5');
      expect(await visibleText(page.locator('.fc-vin-expected'))).toBe('→ 5');
      expect(await visibleText(page.getByTestId('vin-status'))).toBe('代号无效');
      await shot(page, 'tools-vin-invalid-zh');

      await vin.fill('1HGCM82633A004352');
      expect(await visibleText(page.getByTestId('vin-status'))).toBe('代号有效');
      const details = await visibleText(page.locator('.ant-card').filter({ hasText: '车辆识别代号解析' }));
      expect(details).toContain('本田');
      expect(details).toContain('Honda');
      expect(details).toContain('2003');
      expect(details).toContain('北美洲');
      expect(details).toContain('第 7 位规则');

      await page.locator('#number-cnId').fill('110105491231002');
      await page.locator('#number-uscc').fill('91110000600037341L');
      await page.locator('#number-mobile').fill('+86 138 1234 5678');
      await page.locator('#number-plate').fill('沪AD12345');
      const numbers = await visibleText(page.locator('.ant-card').filter({ hasText: '其他号码校验' }));
      expect(numbers).toContain('15 位第一代身份号码 110105491231002 已转换为 18 位。');
      expect(numbers).toContain('11010519491231002X');
      expect(numbers).toContain('1949-12-31');
      expect(numbers).toContain('北京');
      expect(numbers).toContain('138****5678');
      expect(numbers).toContain('小型新能源汽车号牌');
      expect(numbers).toContain('纯电动');
      await shot(page, 'tools-vin-zh');

      await switchLanguage(page, 'English');
      expect(await visibleText(page.getByTestId('vin-status'))).toBe('Valid VIN');
      const english = await visibleText(page.locator('.fc-content'));
      expect(english).toContain('Honda');
      expect(english).toContain('North America');
      expect(english).toContain('Position 7 rule');
      expect(english).toContain('Female');
      expect(english).toContain('New-energy plate (small vehicle)');
      await shot(page, 'tools-vin-en');
      await switchLanguage(page, '简体中文');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'computes VAT, purchase tax with the NEV relief and the amount in words',
    async () => {
      await ensureSignedIn(page, server);
      await switchLanguage(page, '简体中文');
      await openPage(page, '税费计算', '车辆税费计算');
      await page.getByLabel('价税合计（元）').fill('226000');
      await pickDate(page.getByLabel('购置日期（开票日期）'), '2026-01-01');
      await chooseOption(page, page.getByLabel('能源类型'), '纯电动（BEV）');

      // the figures follow the last keystroke or choice; wait for the relief to show
      await expect.poll(() => visibleText(page.getByTestId('purchase-tax'))).toBe('¥10,000.00');
      const result = await visibleText(page.getByTestId('tax-result'));
      expect(result).toContain('¥200,000.00');
      expect(result).toContain('¥26,000.00');
      expect(result).toContain('-¥10,000.00');
      expect(result).toContain('财政部 税务总局 工业和信息化部公告2023年第10号 §2');
      expect(result).toContain('贰拾贰万陆仟元整');
      await shot(page, 'tools-tax-zh');

      await switchLanguage(page, 'English');
      expect(await visibleText(page.getByTestId('tax-result'))).toContain(
        'Purchase tax before relief (10 %)',
      );
      expect(await visibleText(page.getByTestId('purchase-tax'))).toBe('¥10,000.00');
      await shot(page, 'tools-tax-en');
      await switchLanguage(page, '简体中文');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    '三包: refuses impossible repairs on the field, then grants Art. 24 for over 30 repair days',
    async () => {
      await ensureSignedIn(page, server);
      await switchLanguage(page, '简体中文');
      await openPage(page, '三包评估', '三包责任评估');
      await pickDate(page.locator('#invoiceDate'), '2026-01-10');
      await pickDate(page.locator('#assessDate'), '2026-04-01');
      await page.locator('#odometerKm').fill('5000');
      await page.locator('#priceInclVat').fill('226000');

      const repairs = [
        ['发动机异响', '发动机', '2026-02-01 09:00', '2026-02-17 09:00'],
        ['变速器顿挫', '变速器', '2026-03-01 09:00', '2026-02-20 09:00'],
      ] as const;
      for (const [i, [problem, system, started, completed]] of repairs.entries()) {
        await page.getByRole('button', { name: '添加修理记录' }).click();
        await page.locator(`#repairs_${i}_problem`).fill(problem);
        await chooseOption(page, page.locator(`#repairs_${i}_system`), system);
        await pickDate(page.locator(`#repairs_${i}_startedAt`), started);
        await pickDate(page.locator(`#repairs_${i}_completedAt`), completed);
      }
      await page.getByRole('button', { name: /^评\s*估$/ }).click();
      const second = page.getByTestId('repair-1');
      expect(await visibleText(second.getByText('修理完成时间早于开始时间。'))).toBe(
        '修理完成时间早于开始时间。',
      );
      await shot(page, 'tools-three-guarantee-refused-zh');

      await pickDate(page.locator('#repairs_1_completedAt'), '2026-03-17 09:00');
      await page.getByRole('button', { name: /^评\s*估$/ }).click();
      const remedies = await visibleText(page.getByTestId('tg-remedies'));
      expect(remedies).toContain('退货或更换车辆');
      expect(remedies).toContain('第二十四条第（四）项');
      expect(remedies).toContain('累计修理时间 32 日，超过 30 日：可更换或者退货。');
      const checks = await visibleText(page.getByTestId('tg-checks'));
      expect(checks).toContain('第二十二条');
      expect(checks).toContain('不满足');
      expect(await visibleText(page.getByTestId('tg-result'))).toContain('¥5,650.00');
      await shot(page, 'tools-three-guarantee-zh');

      await switchLanguage(page, 'English');
      const english = await visibleText(page.getByTestId('tg-remedies'));
      expect(english).toContain('Return or replace the car');
      expect(english).toContain('Art. 24(4)');
      expect(english).toContain('Repairs took 32 days in total, more than 30: replacement car or refund.');
      await shot(page, 'tools-three-guarantee-en');
      await switchLanguage(page, '简体中文');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );
});
