import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import type { TestBrowser } from './browser';
import { apiOf } from './api';
import { startServer } from './server';
import type { TestServer } from './server';
import { menuItem, visibleText } from './ui-helpers';
import {
  consultant,
  finance,
  manager,
  residentId,
  seedSales,
  shot as shotOf,
  signInAs as signInWith,
  tinyPng,
  vin2,
} from './sales-fixtures';

const timeout = 240_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let setupError: unknown = null;
let secondCustomerId = '';

const { call, login } = apiOf(() => server);
const signInAs = (user: { username: string; password: string }) => signInWith(browser, server.baseUrl, user);
const shot = (name: string) => shotOf(page, name);
const dealStatus = () => visibleText(page.locator('.fc-page-title .ant-tag'));

describe('changing and cancelling a signed contract in the browser (H4.1.3)', () => {
  beforeAll(async () => {
    try {
      browser = await launchBrowser();
      server = await startServer();
      page = browser.page;
      ({ secondCustomerId } = await seedSales({ call, login }, server.adminPassword));
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
    'a signed contract is changed (new version to sign again) and then cancelled by the manager: refund and VIN back in stock',
    async () => {
      // setup through the API: a second deal within the limit, signed, with a confirmed deposit
      const c = await login(consultant.username, consultant.password);
      const f = await login(finance.username, finance.password);
      const vehicles = await call<{ items: { id: string; vin: string }[] }>('GET', `/vehicles?q=${vin2}`, c);
      const vehicleId = vehicles.items.find((v) => v.vin === vin2)!.id;
      let deal = await call<{ id: string; version: number }>('POST', '/deals', c, {
        customerId: secondCustomerId,
        vehicleId,
        vehiclePrice: 27_980_000,
        paymentKind: 'full',
      });
      deal = await call('POST', `/deals/${deal.id}/submit`, c, { version: deal.version });
      let contract = await call<{ id: string; version: number }>('POST', '/contracts', c, {
        dealId: deal.id,
        buyer: {
          kind: 'individual',
          name: '李强',
          documentType: 'resident_id',
          documentNumber: residentId,
          mobile: '13812345678',
          address: '上海市徐汇区漕溪北路 1 号',
          employer: '自由职业',
        },
        paymentMethod: 'bank_transfer',
        deliveryDate: '2026-12-20',
      });
      const png = tinyPng.toString('base64');
      contract = await call('POST', `/contracts/${contract.id}/id-copy`, c, {
        version: contract.version,
        mime: 'image/png',
        dataBase64: png,
      });
      contract = await call('POST', `/contracts/${contract.id}/verify-identity`, c, {
        version: contract.version,
      });
      for (const party of ['customer', 'consultant'])
        contract = await call('POST', `/contracts/${contract.id}/sign`, c, {
          version: contract.version,
          party,
          signature: `data:image/png;base64,${png}`,
        });
      const payment = await call<{ id: string; version: number }>('POST', '/payments', c, {
        dealId: deal.id,
        kind: 'deposit',
        method: 'cash',
        amount: 500_000,
      });
      await call('POST', `/payments/${payment.id}/confirm`, f, { version: payment.version });

      await signInAs(manager);
      await page.goto(`${server.baseUrl}/deals/${deal.id}?tab=contract`);
      await page.getByRole('button', { name: /变更合同/ }).click();
      const amend = page.getByRole('dialog').filter({ hasText: '变更原因' });
      await amend.getByLabel('变更原因').fill('客户要求改在门店交车');
      await amend.getByLabel('交车地点').fill('徐汇店交车区');
      await amend.getByRole('button', { name: /变更合同/ }).click();
      await page.getByText('合同', { exact: false }).filter({ hasText: '第 2 版' }).first().waitFor();
      const versions = page.getByTestId('contract-versions');
      await expect.poll(() => versions.locator('tbody tr.ant-table-row').count()).toBe(2);
      const versionsText = await versions.innerText();
      expect(versionsText).toContain('已被取代');
      expect(versionsText).toContain('徐汇店交车区');
      expect(versionsText).toContain('客户要求改在门店交车');
      await shot('sales-16-contract-changed-zh');

      await page.getByRole('button', { name: /取消合同/ }).click();
      const cancel = page.getByRole('dialog').filter({ hasText: '取消合同将退还已付款项' });
      await cancel.getByLabel('备注').fill('客户家庭原因退订');
      await cancel.getByRole('button', { name: /取消合同/ }).click();
      await page.locator('.ant-message').filter({ hasText: '已生成退款 ¥5,000.00' }).waitFor();
      await expect.poll(dealStatus).toBe('已取消');
      await expect
        .poll(() => page.getByTestId('contract-versions').innerText())
        .toContain('客户撤销 · 客户家庭原因退订');
      await shot('sales-17-contract-cancelled-zh');
      const vehicle = await call<{ status: string }>('GET', `/vehicles/${vehicleId}`, c);
      expect(vehicle.status).toBe('in_stock');

      await signInAs(finance);
      await menuItem(page, '收银台').click();
      const refunds = page.getByTestId('cashier-refunds');
      await expect.poll(() => refunds.innerText()).toContain('¥5,000.00');
      await refunds.getByRole('button', { name: /支付退款/ }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /支付退款/ })
        .click();
      await expect.poll(() => refunds.locator('tbody tr.ant-table-row').count()).toBe(0);
      const paid = await call<{ items: { status: string; amount: number }[] }>(
        'GET',
        `/refunds?dealId=${deal.id}`,
        f,
      );
      expect(paid.items).toMatchObject([{ status: 'paid', amount: 500_000 }]);
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );
});
