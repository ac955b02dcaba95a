import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactsDir, launchBrowser } from './browser';
import type { TestBrowser } from './browser';
import { apiOf } from './api';
import { startServer } from './server';
import type { TestServer } from './server';
import { chooseOption, menuItem, pickCustomer, visibleText } from './ui-helpers';
import {
  consultant,
  drawSignature as drawOn,
  finance,
  manager,
  residentId,
  seedSales,
  sellerTaxId,
  shot as shotOf,
  signInAs as signInWith,
  tinyPng,
  vin,
} from './sales-fixtures';

const timeout = 240_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let setupError: unknown = null;
let storeId = '';
let customerId = '';
let dealId = '';
let dealUrl = '';

const { call, login } = apiOf(() => server);
const signInAs = (user: { username: string; password: string }) => signInWith(browser, server.baseUrl, user);
const drawSignature = (pad: Parameters<typeof drawOn>[1]) => drawOn(page, pad);
const shot = (name: string) => shotOf(page, name);
const dealStatus = () => visibleText(page.locator('.fc-page-title .ant-tag'));

describe('a sale end to end in the browser: quote → approval → contract → payments → invoice → delivery', () => {
  beforeAll(async () => {
    try {
      browser = await launchBrowser();
      server = await startServer();
      page = browser.page;
      ({ storeId, customerId } = await seedSales({ call, login }, server.adminPassword));
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
    'the store manager sees and changes the store’s sales settings (limits, care plan, PDI items, seller data)',
    async () => {
      await signInAs({ username: 'admin', password: server.adminPassword });
      await menuItem(page, '销售设置').click();
      const form = page.getByTestId('sales-settings');
      await expect
        .poll(async () => form.getByRole('textbox', { name: '销售顾问 限额' }).inputValue())
        .toBe('5000.00');
      expect(await form.innerText()).toContain('外观漆面与车身');
      await form.getByLabel('电话').fill('021-87654321');
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.ant-message').filter({ hasText: '已保存' }).waitFor();
      const token = await login('admin', server.adminPassword);
      const settings = await call<{
        sellerPhone: string;
        careCallDays: number[];
        discountLimits: Record<string, number | null>;
      }>('GET', `/sales-settings/${storeId}`, token);
      expect(settings.sellerPhone).toBe('021-87654321');
      expect(settings.careCallDays).toEqual([0, 1, 7, 30]);
      expect(settings.discountLimits.sales_consultant).toBe(500_000);
      await shot('sales-00-settings-zh');
    },
    timeout,
  );

  it(
    'the consultant quotes a discount above the limit on the deal desk with live totals and submits it',
    async () => {
      await signInAs(consultant);
      await menuItem(page, '销售订单').click();
      await page
        .locator('.fc-page-title h1')
        .filter({ hasText: /^销售订单$/ })
        .waitFor();
      await page.getByRole('button', { name: /新建订单/ }).click();
      const desk = page.getByTestId('deal-desk');
      await pickCustomer(page, desk, '王芳');
      await desk.getByRole('combobox', { name: '库存车辆' }).fill(vin.slice(-6));
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: vin })
        .click();
      await expect.poll(() => desk.innerText()).toContain('现行标价：¥279,800.00');
      await desk.getByRole('textbox', { name: '成交车价' }).fill('271800');
      await chooseOption(page, desk.getByRole('combobox', { name: '添加选装或精品' }), '车顶行李箱');
      await desk.getByRole('switch', { name: '上牌代办' }).click();
      await expect
        .poll(() => desk.getByRole('textbox', { name: '上牌代办 价格' }).inputValue())
        .toBe('500.00');
      await desk.getByRole('textbox', { name: '首付' }).fill('100000');
      const totals = page.getByTestId('deal-totals');
      await expect.poll(() => totals.innerText()).toContain('月供');
      const text = await totals.innerText();
      for (const s of ['¥8,000.00', '¥271,800.00', '¥276,100.00', '月供', '不含税价', '增值税', '车辆购置税'])
        expect(text, s).toContain(s);
      await shot('sales-01-deal-desk-zh');
      await desk.getByRole('button', { name: /生成报价/ }).click();
      await page
        .locator('.fc-page-title h1')
        .filter({ hasText: /订单 \S+/ })
        .waitFor();
      dealUrl = page.url().split('?')[0]!;
      dealId = dealUrl.split('/').pop()!;
      // the consultant's own limit comes with the saved deal
      await expect
        .poll(() => page.getByTestId('deal-totals').innerText())
        .toContain('超出您的权限 ¥5,000.00');
      await page.getByRole('button', { name: /提交报价/ }).click();
      await expect.poll(dealStatus).toBe('待审批');
      expect(await page.locator('.ant-alert-warning').first().innerText()).toContain('需经理审批');
      await shot('sales-02-awaiting-approval-zh');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'the sales manager approves the discount',
    async () => {
      await signInAs(manager);
      await page.goto(dealUrl);
      await page.getByRole('button', { name: /批准优惠/ }).click();
      await page.getByRole('dialog').getByLabel('备注（可选）').fill('老客户转介绍，同意');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /批准优惠/ })
        .click();
      await expect.poll(dealStatus).toBe('已议定');
      expect(await page.locator('.ant-descriptions').first().innerText()).toContain(
        '已批准 · 老客户转介绍，同意',
      );
      await shot('sales-03-approved-zh');
    },
    timeout,
  );

  it(
    'the consultant prepares the contract, uploads the ID copy, verifies it and both sign on the pads',
    async () => {
      await signInAs(consultant);
      await page.goto(`${dealUrl}?tab=contract`);
      const form = page.getByTestId('contract-create');
      await form.getByLabel('证件号码').fill(residentId);
      await form.getByLabel('手机号').fill('13912345670');
      await form.getByRole('button', { name: /生成合同/ }).click();
      const checklist = page.getByTestId('contract-checklist');
      await checklist.waitFor();
      expect(await page.getByTestId('check-buyer_identity_copy').innerText()).toContain('缺失');
      await checklist.locator('input[type=file]').setInputFiles({
        name: 'id-card.png',
        mimeType: 'image/png',
        buffer: tinyPng,
      });
      await expect.poll(() => page.getByTestId('check-buyer_identity_copy').innerText()).toContain('已齐备');
      await checklist.getByRole('button', { name: /身份已核验/ }).click();
      await expect
        .poll(() => page.getByTestId('check-buyer_identity_verified').innerText())
        .toContain('已齐备');
      await shot('sales-04-contract-checklist-zh');
      for (const [party, label] of [
        ['customer', '客户'],
        ['consultant', '销售顾问'],
      ] as const) {
        const pad = page.getByTestId(`signature-${party}`);
        await drawSignature(pad);
        await pad.getByRole('button', { name: `以${label}身份签名` }).click();
        await expect.poll(() => pad.innerText()).toContain('签署于');
      }
      await page.locator('.ant-alert-success').filter({ hasText: '双方已于' }).waitFor();
      await expect.poll(dealStatus).toBe('已签约');
      await shot('sales-05-contract-signed-zh');

      const token = await login(consultant.username, consultant.password);
      const contracts = await call<{ items: { id: string; customerCopyPath: string | null }[] }>(
        'GET',
        `/contracts?dealId=${dealId}`,
        token,
      );
      const contract = contracts.items[0]!;
      expect(contract.customerCopyPath).toBeTruthy();
      const pdf = await fetch(`${server.baseUrl}${contract.customerCopyPath}`);
      expect(pdf.status).toBe(200);
      const file = join(artifactsDir, 'sales-contract.pdf');
      writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const s of ['王芳', vin, '271,800.00']) expect(text, s).toContain(s);
      execFileSync('pdftoppm', ['-png', '-r', '60', file, join(artifactsDir, 'sales-06-contract-pdf')]);
    },
    timeout,
  );

  it(
    'the consultant records the deposit and the balance; finance confirms both at the cashier',
    async () => {
      const token = await login(consultant.username, consultant.password);
      const deal = await call<{ balance: { due: number } }>('GET', `/deals/${dealId}`, token);
      await page.goto(`${dealUrl}?tab=payments`);
      const form = page.getByTestId('payment-form');
      await form.getByRole('textbox', { name: '金额' }).fill('5000');
      await form.getByRole('button', { name: /登记收款/ }).click();
      await expect.poll(() => page.getByTestId('payments-table').innerText()).toContain('¥5,000.00');
      await chooseOption(page, form.getByRole('combobox', { name: '款项' }), '尾款');
      await chooseOption(page, form.getByRole('combobox', { name: '支付方式' }), '银行转账');
      const rest = deal.balance.due - 500_000;
      await form.getByRole('textbox', { name: '金额' }).fill((rest / 100).toFixed(2));
      await form.getByRole('button', { name: /登记收款/ }).click();
      await expect
        .poll(() => page.getByTestId('payments-table').locator('tbody tr.ant-table-row').count())
        .toBe(2);
      expect(await page.getByTestId('balance-box').innerText()).toContain('待确认');
      await shot('sales-07-payments-recorded-zh');

      await signInAs(finance);
      await menuItem(page, '收银台').click();
      const awaiting = page.getByTestId('cashier-payments');
      await expect.poll(() => awaiting.locator('tbody tr.ant-table-row').count()).toBe(2);
      await shot('sales-08-cashier-zh');
      for (let n = 0; n < 2; n++) {
        await awaiting
          .getByRole('button', { name: /确\s*认/ })
          .first()
          .click();
        await expect.poll(() => awaiting.locator('tbody tr.ant-table-row').count()).toBe(1 - n);
      }
      const after = await call<{ balance: { balance: number; confirmed: number } }>(
        'GET',
        `/deals/${dealId}`,
        token,
      );
      expect(after.balance.balance).toBe(0);
      expect(after.balance.confirmed).toBe(deal.balance.due);
    },
    timeout,
  );

  it(
    'finance prepares and issues the invoice; the data sheet adds up to the fen with the amount in words',
    async () => {
      await page.goto(`${dealUrl}?tab=invoice`);
      await page.getByRole('button', { name: /生成开票资料/ }).click();
      const sheet = page.getByTestId('invoice-sheet');
      await sheet.waitFor();
      await page.getByRole('button', { name: /开具发票/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('发票号码').fill('26312000000012345678');
      await dialog.getByRole('button', { name: /开具发票/ }).click();
      await expect.poll(() => page.getByTestId('invoice-tab').innerText()).toContain('已开具');
      const token = await login(finance.username, finance.password);
      const invoices = await call<{
        items: {
          totalInclVat: number;
          vat: number;
          priceExclVat: number;
          totalInWords: string;
          buyerTaxId: string;
        }[];
      }>('GET', `/invoices?dealId=${dealId}`, token);
      const invoice = invoices.items[0]!;
      expect(invoice.priceExclVat + invoice.vat).toBe(invoice.totalInclVat);
      const text = await sheet.innerText();
      for (const s of [
        '机动车销售统一发票',
        '价税合计',
        invoice.totalInWords,
        vin,
        'TZ220XS0123',
        sellerTaxId,
        invoice.buyerTaxId,
        '13%',
      ])
        expect(text, s).toContain(s);
      await shot('sales-09-invoice-zh');
    },
    timeout,
  );

  it(
    'the consultant schedules the delivery and runs it on a tablet: a failed PDI item blocks it, then it completes',
    async () => {
      await signInAs(consultant);
      await page.goto(`${dealUrl}?tab=delivery`);
      const schedule = page.getByTestId('delivery-schedule');
      await schedule.getByRole('textbox', { name: '地点' }).fill('交车区 A');
      await schedule.getByRole('button', { name: /预约交车/ }).click();
      await page
        .locator('.fc-page-title h1')
        .filter({ hasText: /交车 \S+/ })
        .waitFor();
      await page.setViewportSize({ width: 1024, height: 768 });
      const rows = page.locator('.fc-pdi-row');
      const count = await rows.count();
      expect(count).toBeGreaterThan(3);
      for (let i = 0; i < count; i++)
        await rows
          .nth(i)
          .locator('.ant-segmented-item')
          .filter({ hasText: /^合格$/ })
          .click();
      await page
        .getByTestId('pdi-road_test')
        .locator('.ant-segmented-item')
        .filter({ hasText: /^不合格$/ })
        .click();
      await page.getByRole('textbox', { name: '路试 备注' }).fill('右前异响');
      await page.getByTestId('pdi-road_test').locator('input[type=file]').setInputFiles({
        name: 'road-test.png',
        mimeType: 'image/png',
        buffer: tinyPng,
      });
      await page.getByTestId('pdi-road_test').getByRole('link', { name: '照片 1' }).waitFor();
      const docs = page.getByTestId('documents-list').locator('.ant-checkbox-wrapper');
      for (let i = 0; i < (await docs.count()); i++) await docs.nth(i).click();
      await page.getByRole('spinbutton', { name: '已交钥匙' }).fill('2');
      await page.getByRole('spinbutton', { name: '使用补偿系数' }).fill('0.5');
      await page.getByRole('button', { name: /保存检查单/ }).click();
      const blockers = page.getByTestId('delivery-blockers');
      await expect.poll(() => blockers.innerText()).toContain('PDI 不合格项：路试');
      expect(await blockers.innerText()).toContain('客户尚未签收');
      await page.getByRole('button', { name: /完成交车/ }).click();
      await page
        .locator('.ant-alert-error')
        .filter({ hasText: /不合格|pdi/i })
        .first()
        .waitFor();
      await shot('sales-10-delivery-blocked-zh');

      await page
        .getByTestId('pdi-road_test')
        .locator('.ant-segmented-item')
        .filter({ hasText: /^合格$/ })
        .click();
      await page.getByRole('textbox', { name: '路试 备注' }).fill('复检正常');
      await page.getByRole('button', { name: /保存检查单/ }).click();
      await expect.poll(() => blockers.innerText()).not.toContain('PDI');
      const pad = page.getByTestId('delivery-signature');
      await drawSignature(pad);
      await pad.getByRole('button', { name: '以客户签收身份签名' }).click();
      await expect.poll(() => blockers.innerText()).toContain('一切就绪');
      await shot('sales-11-delivery-ready-zh');
      await page.getByRole('button', { name: /完成交车/ }).click();
      await expect.poll(() => visibleText(page.locator('.fc-page-title .ant-tag'))).toBe('已交车');
      await chooseOption(page, page.getByRole('combobox', { name: '上牌代办' }), '已上牌');
      await page.getByRole('textbox', { name: '车牌号' }).fill('沪AD12345');
      await page.getByRole('button', { name: /保存上牌信息/ }).click();
      await expect
        .poll(
          async () =>
            (
              await call<{ plateNo: string | null }>(
                'GET',
                `/deliveries/${page.url().split('/').pop()}`,
                await login(consultant.username, consultant.password),
              )
            ).plateNo,
        )
        .toBe('沪AD12345');
      await shot('sales-12-delivered-zh');
      await page.setViewportSize({ width: 1366, height: 820 });
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'the care plan is on the consultant’s My day; the delivered deal reads in English too',
    async () => {
      await page.goto(`${server.baseUrl}/my-day`);
      await expect.poll(() => page.locator('.fc-content').innerText()).toContain('交车后第 0 天回访 王芳');
      await shot('sales-13-my-day-zh');
      await menuItem(page, '交车计划').click();
      await page
        .locator('.ant-segmented-item')
        .filter({ hasText: /^已完成$/ })
        .click();
      await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('王芳');
      await shot('sales-13b-deliveries-zh');
      await page.goto(`${server.baseUrl}/customers/${customerId}`);
      const timeline = page.locator('.ant-timeline');
      await timeline.waitFor();
      const steps = await timeline.innerText();
      for (const step of [
        '报价',
        '优惠已审批',
        '已签署',
        '已经财务确认',
        '已开具机动车销售统一发票',
        '车辆已交付',
      ])
        expect(steps, step).toContain(step);
      await shot('sales-13c-customer-timeline-zh');
      const token = await login(consultant.username, consultant.password);
      const tasks = await call<{ items: { title: string }[] }>('GET', '/tasks?mine=true&limit=50', token);
      const titles = tasks.items.map((t) => t.title).join('\n');
      for (const day of [1, 7, 30]) expect(titles).toContain(`交车后第 ${day} 天回访 王芳`);
      expect(titles).toContain('首保提醒 王芳');

      await page.goto(`${dealUrl}?tab=payments`);
      await page
        .getByTestId('language-switch')
        .locator('.ant-segmented-item')
        .filter({ hasText: 'English' })
        .click();
      await expect.poll(dealStatus).toBe('Delivered');
      expect(await page.getByTestId('balance-box').innerText()).toContain('Confirmed');
      await shot('sales-14-deal-payments-en');
      await page.goto(`${server.baseUrl}/deals`);
      await page
        .locator('.fc-page-title h1')
        .filter({ hasText: /^Deals$/ })
        .waitFor();
      await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('王芳');
      await shot('sales-15-deals-list-en');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );
});
