import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withVinCheckDigit } from '../common/rules/vin';
import { artifactsDir, launchBrowser, saveScreenshot } from './browser';
import type { TestBrowser } from './browser';
import { apiOf } from './api';
import { startServer } from './server';
import type { TestServer } from './server';
import { chooseOption, pickCustomer, shanghaiClock, signIn, soonInShanghai, visibleText } from './ui-helpers';

const timeout = 180_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let setupError: unknown = null;
let leadId = '';
let customerId = '';
let consultantToken = '';
const consultant = { username: 'qian.li', password: 'Qian-Li-2026!', name: '钱丽' };

const { call, login } = apiOf(() => server);

/** An empty server: a consultant, a customer with a lead, two trims (one in stock) on a published price list. */
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
  const base = {
    modelId: model.id,
    modelYear: 2026,
    bodyType: 'suv',
    drivetrain: 'awd',
    transmission: 'single_speed',
    powerKw: 380,
    batteryWh: 108_000,
    colours: [],
  };
  const ev = await call<{ id: string }>('POST', '/trims', token, {
    ...base,
    code: 'TANG-EV-730',
    name: 'EV 730 智驾版',
    nameEn: 'EV 730 Smart Drive',
    seats: 6,
    energy: 'bev',
    rangeKm: 730,
    features: ['aeb', 'acc', 'panoramic_roof', 'heat_pump', 'isofix'],
  });
  const small = await call<{ id: string }>('POST', '/trims', token, {
    ...base,
    code: 'TANG-EV-5',
    name: 'EV 600 五座版',
    nameEn: 'EV 600 Five-seater',
    seats: 5,
    energy: 'bev',
    rangeKm: 600,
    features: ['aeb', 'isofix'],
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
      { itemKind: 'trim', itemRef: ev.id, guidePrice: 28_980_000, displayPrice: 27_980_000 },
      { itemKind: 'trim', itemRef: small.id, guidePrice: 24_980_000, displayPrice: 24_980_000 },
      { itemKind: 'accessory', itemRef: roof.id, displayPrice: 380_000 },
    ],
  });
  await call('POST', `/price-lists/${list.id}/publish`, token);
  await call('POST', '/vehicles', token, {
    vin: withVinCheckDigit('LGXCE4CB0T0123456'),
    trimId: ev.id,
    storeId,
  });
  const customer = await call<{ id: string }>('POST', '/customers', token, {
    type: 'individual',
    name: '王芳',
    mobiles: ['13912345670'],
    storeId,
  });
  customerId = customer.id;
  consultantToken = await login(consultant.username, consultant.password);
  leadId = (
    await call<{ id: string }>('POST', '/leads', consultantToken, {
      customerId: customer.id,
      storeId,
      source: 'walk_in',
    })
  ).id;
}

const next = (label: RegExp) => page.getByRole('button', { name: label }).click();

describe('needs analysis, recommendation and purchase plan in the browser', () => {
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
    'the consultant books the customer in and receives her on the reception board (the lead follows)',
    async () => {
      await page.goto(server.baseUrl);
      await page.locator('.fc-sign-in').waitFor({ state: 'visible' });
      await signIn(page, consultant.username, consultant.password);
      await page.locator('.fc-shell').waitFor({ state: 'visible' });
      await page.goto(`${server.baseUrl}/reception`);
      const soon = soonInShanghai();
      if (soon.date === shanghaiClock().date) {
        await page.getByRole('button', { name: '预约到店' }).click();
        const drawer = page.getByRole('dialog').filter({ hasText: '预约到店' });
        await pickCustomer(page, drawer, '王芳');
        const when = drawer.getByLabel('到店时间');
        await when.click();
        await when.fill(`${soon.date} ${soon.time}`);
        await when.press('Enter');
        await drawer.getByRole('button', { name: /创\s*建/ }).click();
        await drawer.waitFor({ state: 'hidden' });
        const appointments = page.getByTestId('board-appointments');
        await expect.poll(() => appointments.innerText()).toContain('王芳');
        await appointments.getByRole('button', { name: /操作/ }).click();
        await page
          .locator('.ant-dropdown:visible .ant-dropdown-menu-item')
          .filter({ hasText: /^\s*到店\s*$/ })
          .click();
      } else {
        // the store's day is about to end: receive her as a walk-in rather than book for tomorrow
        await page.getByRole('button', { name: '自然到店' }).click();
        await pickCustomer(page, page.getByRole('dialog'), '王芳');
      }
      const visit = page.getByRole('dialog').filter({ hasText: '王芳' });
      await visit.getByLabel('客户原话').fill('想要六座纯电 SUV，预算 30 万以内');
      await visit.getByRole('button', { name: /保\s*存/ }).click();
      await visit.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('board-in-showroom').innerText()).toContain('六座纯电');
      await saveScreenshot(page, 'needs-00-reception-zh');
      const lead = await call<{ status: string }>('GET', `/leads/${leadId}`, consultantToken);
      expect(lead.status).toBe('visited');
    },
    timeout,
  );

  it(
    'fills the needs, recommends the fitting in-stock trim with reasons, makes the plan and its PDF (zh-CN, then en)',
    async () => {
      await browser.context.clearCookies();
      await page.goto(server.baseUrl);
      await page.locator('.fc-sign-in').waitFor({ state: 'visible' });
      await signIn(page, consultant.username, consultant.password);
      await page.locator('.fc-shell').waitFor({ state: 'visible' });
      await page.goto(`${server.baseUrl}/leads/${leadId}/needs`);
      expect(await visibleText(page.locator('.fc-page-title h1'))).toBe('需求分析');
      await chooseOption(page, page.getByLabel('购车用途'), '家庭用车');
      await page.keyboard.press('Escape');
      await page.getByLabel('预算上限（元）').fill('300000');
      await saveScreenshot(page, 'needs-01-use-budget-zh');
      await next(/下一步/);
      await page.getByLabel('需要座位数').fill('6');
      await chooseOption(page, page.getByLabel('车身类型'), '运动型多用途车（SUV）');
      await page.keyboard.press('Escape');
      await page.locator('.ant-radio-button-wrapper').filter({ hasText: /^能$/ }).click();
      await next(/下一步/);
      await chooseOption(page, page.getByLabel('必备配置'), '主动紧急制动');
      await page.keyboard.press('Escape');
      await page.getByLabel('加分配置').fill('全景');
      await chooseOption(page, page.getByLabel('加分配置'), '全景天窗');
      await page.keyboard.press('Escape');
      await next(/下一步/);
      await next(/保存并推荐/);
      const cards = page.getByTestId('recommended-trim');
      await cards.first().waitFor({ state: 'visible' });
      const first = await cards.first().innerText();
      expect(first).toContain('EV 730 智驾版');
      expect(first).toContain('符合需求');
      expect(first).toContain('现车 1 台，可即提');
      const second = await cards.nth(1).innerText();
      expect(second).toContain('不符合');
      expect(second).toContain('仅 5 座，需要 6 座');
      await saveScreenshot(page, 'needs-02-recommendation-zh');
      await cards
        .first()
        .getByRole('button', { name: /加入方案/ })
        .click();
      await next(/制作购车方案/);
      await chooseOption(page, page.getByLabel('选装与精品 1'), '车顶行李箱');
      await page.keyboard.press('Escape');
      const quote = page.getByTestId('plan-quote');
      await expect.poll(() => quote.innerText()).toContain('¥3,800.00');
      expect(await quote.innerText()).toContain('月供');
      await saveScreenshot(page, 'needs-03-plan-builder-zh');
      await page.getByRole('button', { name: /生成方案/ }).click();
      await page
        .locator('.fc-page-title h1')
        .filter({ hasText: /购车方案 PP-\d{4}-000001/ })
        .waitFor();
      await saveScreenshot(page, 'needs-04-plan-zh');

      const planId = page.url().split('/').pop()!;
      const plan = await call<{ sharePath: string; items: { quote: { loan: { monthly: number } } }[] }>(
        'GET',
        `/purchase-plans/${planId}`,
        consultantToken,
      );
      const pdf = Buffer.from(
        await (
          await fetch(`${server.baseUrl}/api/v1${plan.sharePath.replace('/share/', '/public/')}/pdf`)
        ).arrayBuffer(),
      );
      const file = join(artifactsDir, 'needs-plan.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const monthly = (plan.items[0]!.quote.loan.monthly / 100).toLocaleString('en-US', {
        minimumFractionDigits: 2,
      });
      for (const s of ['个性化购车方案', 'EV 730 智驾版', '¥279,800.00', '月供', `¥${monthly}`])
        expect(text, s).toContain(s);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        file,
        join(artifactsDir, 'needs-05-pdf-zh'),
      ]);

      await page.goto(`${server.baseUrl}${plan.sharePath}?lang=en`);
      expect(await visibleText(page.locator('h1'))).toBe('Personalised purchase plan');
      expect(await page.locator('body').innerText()).toContain('EV 730 Smart Drive');
      await saveScreenshot(page, 'needs-06-share-page-en');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'the customer 360 page shows it all on the timeline: booking, visit, needs and the plan',
    async () => {
      await page.goto(server.baseUrl);
      await page.locator('.fc-sign-in, .fc-shell').first().waitFor({ state: 'visible' });
      if (await page.locator('.fc-sign-in').isVisible()) {
        await signIn(page, consultant.username, consultant.password);
        await page.locator('.fc-shell').waitFor({ state: 'visible' });
      }
      await page.locator('.fc-header .ant-segmented-item').filter({ hasText: '简体中文' }).click();
      await page.goto(`${server.baseUrl}/customers/${customerId}`);
      const timeline = page.locator('.ant-timeline');
      await timeline.waitFor({ state: 'visible' });
      const text = await timeline.innerText();
      for (const step of ['建立客户档案', '建立线索', '到店', '需求分析', '生成购车方案 PP-'])
        expect(text, step).toContain(step);
      await saveScreenshot(page, 'needs-07-customer-timeline-zh');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );
});
