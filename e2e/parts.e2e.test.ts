import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactsDir, launchBrowser, saveScreenshot } from './browser';
import type { TestBrowser } from './browser';
import { apiOf } from './api';
import { startServer } from './server';
import type { TestServer } from './server';
import { chooseOption, ensureSignedIn, useChinese, visibleText } from './ui-helpers';

const timeout = 120_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let setupError: unknown = null;
const { call, login } = apiOf(() => server);

interface Seeded {
  token: string;
  storeId: string;
  pads: { id: string; partNo: string };
  filter: { id: string; partNo: string };
  plug: { id: string; partNo: string };
  poId: string;
  orderId: string;
}
let seed: Seeded;

/** The server starts empty: three parts, an approved supplier with a sent PO, stock for a parts order. */
async function seedParts(): Promise<Seeded> {
  const token = await login('admin', server.adminPassword);
  const me = await call<{ stores: { id: string }[] }>('GET', '/auth/me', token);
  const storeId = me.stores[0]?.id ?? '';
  const part = (partNo: string, name: string, nameEn: string, barcode: string, origin = 'original') =>
    call<{ id: string; partNo: string }>('POST', '/parts', token, {
      partNo,
      name,
      nameEn,
      category: '制动',
      origin,
      listPrice: 45_000,
      standardCost: 30_000,
      barcodes: [barcode],
    });
  const pads = await part('BP-1001', '前刹车片', 'Front brake pads', '6901000000011');
  const filter = await part('OF-2002', '机油滤清器', 'Oil filter', '6901000000028', 'equivalent');
  const plug = await part('SP-3003', '火花塞', 'Spark plug', '6901000000035');
  for (const [p, bin] of [
    [pads, 'E2E-A-01'],
    [filter, 'E2E-A-02'],
    [plug, 'B-09'],
  ] as const)
    await call('PUT', `/parts/${p.id}/stock-settings`, token, { storeId, bin });
  const supplier = await call<{ id: string }>('POST', '/suppliers', token, {
    storeId,
    code: 'BOSCH-SH',
    name: '博世汽车配件（上海）有限公司',
    status: 'approved',
    leadTimeDays: 3,
    certificates: [{ kind: 'iatf16949', number: 'IATF-0448', validUntil: '2030-06-30' }],
  });
  let po = await call<{ id: string; version: number }>('POST', '/purchase-orders', token, {
    storeId,
    supplierId: supplier.id,
    lines: [
      { partId: pads.id, qty: 10, unitPrice: 28_000 },
      { partId: filter.id, qty: 12, unitPrice: 3_500 },
    ],
  });
  po = await call('POST', `/purchase-orders/${po.id}/submit`, token, { version: po.version });
  po = await call('POST', `/purchase-orders/${po.id}/send`, token, { version: po.version });
  await call('POST', '/stock-movements', token, {
    storeId,
    partId: plug.id,
    type: 'receive',
    qty: 20,
    unitCost: 2_000,
    reason: '期初库存',
  });
  const order = await call<{ id: string }>('POST', '/parts-orders', token, {
    storeId,
    channel: 'customer',
    customerName: '张师傅汽修店',
    shipTo: '上海市闵行区莘庄工业区 88 号',
    lines: [
      { partId: plug.id, qty: 8 },
      { partId: plug.id, qty: 2 },
    ],
  });
  return { token, storeId, pads, filter, plug, poId: po.id, orderId: order.id };
}

/** The OK button of the open dialog (titled `title` when several are on screen). */
const okButton = (p: Page, title?: string) => {
  const dialogs = p.locator('.ant-modal:visible');
  return (title ? dialogs.filter({ hasText: title }) : dialogs).getByRole('button', { name: /确\s*定|OK/ });
};
const stockOf = async (partId: string) =>
  (await call<{ stock: { onHand: number; available: number }[] }>('GET', `/parts/${partId}`, seed.token))
    .stock[0];

describe('parts and purchasing in the browser', () => {
  beforeAll(async () => {
    try {
      browser = await launchBrowser();
      server = await startServer();
      page = browser.page;
      seed = await seedParts();
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
    'receives a purchase order with one rejected line: only accepted units enter stock',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await page.goto(`${server.baseUrl}/purchase-orders/${seed.poId}`);
      await page.getByRole('button', { name: '到货登记' }).click();
      await okButton(page, '到货登记').click();
      // the inspection opens on the new receipt: 3 brake pads rejected
      const inspection = page.locator('.ant-modal:visible').filter({ hasText: '入库检验' });
      await inspection.getByRole('spinbutton', { name: `拒收 ${seed.pads.partNo}` }).fill('3');
      await inspection.getByRole('textbox', { name: `拒收原因 ${seed.pads.partNo}` }).fill('摩擦片开裂');
      await okButton(page, '入库检验').click();
      await page.getByText('检验已过账：合格件已入库').waitFor({ state: 'visible' });
      await page.locator('.fc-page-title').getByText('部分到货').waitFor({ state: 'visible' });
      const lines = await visibleText(page.locator('.ant-table').first());
      expect(lines).toContain(seed.pads.partNo);
      await saveScreenshot(page, 'parts-01-po-received-with-rejects-zh');
      expect(await stockOf(seed.pads.id)).toMatchObject({ onHand: 7, available: 7 });
      expect(await stockOf(seed.filter.id)).toMatchObject({ onHand: 12 });
      const issues = await call<{ items: { qty: number; reason: string }[] }>(
        'GET',
        '/supplier-quality-issues',
        seed.token,
      );
      expect(issues.items).toMatchObject([{ qty: 3, reason: '摩擦片开裂' }]);
      // the supplier's scorecard shows the rejection: 3 of 22
      await page.getByRole('link', { name: '博世汽车配件（上海）有限公司' }).click();
      await page.getByText('来料拒收率').waitFor({ state: 'visible' });
      expect(await visibleText(page.locator('.ant-card').filter({ hasText: '评价记分卡' }))).toContain(
        '13.64 %',
      );
      await saveScreenshot(page, 'parts-02-supplier-scorecard-zh');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'counts a location on a phone by barcode, shows the variance and posts it on approval',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await page.setViewportSize({ width: 412, height: 915 });
      await page.goto(`${server.baseUrl}/stocktakes`);
      // on the phone the menu has folded to its icons by itself
      await page.getByRole('button', { name: '展开菜单' }).waitFor();
      await page.getByRole('button', { name: '新建盘点' }).click();
      await page.locator('.ant-modal:visible').getByRole('textbox').fill('E2E-A');
      await okButton(page).click();
      const scan = page.getByRole('textbox', { name: '扫描条码' });
      await scan.waitFor({ state: 'visible' });
      // 6 brake pads scanned one by one (7 on the book), 12 oil filters set by hand
      for (let i = 0; i < 6; i++) {
        await scan.fill('6901000000011');
        await scan.press('Enter');
        await page.getByText(`实盘 ${i + 1}`).waitFor({ state: 'visible' });
      }
      await page.getByRole('spinbutton', { name: `实盘 ${seed.filter.partNo}` }).fill('12');
      await page
        .getByRole('button', { name: /设\s*定/ })
        .nth(1)
        .click();
      await page.getByText('已盘 2 / 2 项').waitFor({ state: 'visible' });
      // blind: no book quantities while counting
      expect(await page.getByText('账面').count()).toBe(0);
      await saveScreenshot(page, 'parts-03-stocktake-phone-blind-zh');
      await page.getByRole('button', { name: '提交盘点' }).click();
      await page.getByText('差异 -1').first().waitFor({ state: 'visible' });
      expect(await visibleText(page.locator('.ant-list'))).toContain('账面 7');
      await saveScreenshot(page, 'parts-04-stocktake-variance-zh');
      await page.getByRole('button', { name: '审批并过账' }).click();
      await page.getByText('差异已作为调整过账').waitFor({ state: 'visible' });
      await page.getByText('已过账').first().waitFor({ state: 'visible' });
      await page.getByRole('button', { name: '展开菜单' }).click();
      await page.setViewportSize({ width: 1440, height: 900 });
      expect(await stockOf(seed.pads.id)).toMatchObject({ onHand: 6 });
      // the ledger view of the part shows receipt and adjustment
      await page.goto(`${server.baseUrl}/parts/${seed.pads.id}`);
      const ledger = page.locator('.ant-card').filter({ hasText: '库存台账' });
      await ledger.getByText('盘点调整').waitFor({ state: 'visible' });
      expect(await visibleText(ledger)).toContain('入库');
      await saveScreenshot(page, 'parts-05-part-ledger-zh');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'fulfils a parts order to sign-off with a damaged line, resolves the exception, and prints the pick list',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await page.goto(`${server.baseUrl}/parts-orders/${seed.orderId}`);
      const header = page.locator('.fc-page-title');
      await header.getByRole('button', { name: '审核并分配' }).click();
      await header.getByText('已分配').waitFor({ state: 'visible' });
      await header.getByRole('button', { name: '拣货完成' }).click();
      await header.getByText('已拣货').waitFor({ state: 'visible' });
      // the pick list PDF, as the link opens it
      const pdf = await fetch(`${server.baseUrl}/api/v1/parts-orders/${seed.orderId}/pick-list?lang=zh-CN`, {
        headers: { Authorization: `Bearer ${seed.token}` },
      });
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      writeFileSync(join(artifactsDir, 'parts-pick-list.pdf'), Buffer.from(await pdf.arrayBuffer()));
      await header.getByRole('button', { name: /打\s*包/ }).click();
      await okButton(page).click();
      await header.getByText('已打包').waitFor({ state: 'visible' });
      await header.getByRole('button', { name: /发\s*货/ }).click();
      const ship = page.locator('.ant-modal:visible');
      await ship.getByRole('textbox').first().fill('顺丰速运');
      await ship.getByRole('textbox').nth(1).fill('SF1400234567890');
      await okButton(page).click();
      await header.getByText('已发货').waitFor({ state: 'visible' });
      await header.getByRole('button', { name: /签\s*收/ }).click();
      const sign = page.locator('.ant-modal:visible');
      await sign.getByRole('textbox').first().fill('张师傅');
      await chooseOption(
        page,
        sign.getByRole('combobox', { name: `状况 ${seed.plug.partNo}` }).nth(1),
        '破损',
      );
      await okButton(page).click();
      await header.getByText('已签收').waitFor({ state: 'visible' });
      const exceptions = page.locator('.ant-card').filter({ hasText: '异常' }).first();
      expect(await visibleText(exceptions)).toContain('破损');
      await saveScreenshot(page, 'parts-06-order-signed-off-damaged-zh');
      await exceptions.getByRole('button', { name: /处\s*理/ }).click();
      const resolve = page.locator('.ant-modal:visible').filter({ hasText: '处理方式' });
      await resolve.getByRole('textbox').fill('明日随门店班车补发 2 只');
      await okButton(page, '处理方式').click();
      await resolve.waitFor({ state: 'hidden' });
      await exceptions.getByText('已处理').waitFor({ state: 'visible' });
      const history = await visibleText(page.locator('.ant-card').filter({ hasText: '历史记录' }));
      expect(history).toContain('登记异常 (破损)');
      expect(history).toContain('处理异常');
      await saveScreenshot(page, 'parts-07-order-exception-resolved-zh');
      // 20 received − 10 picked − 2 re-shipped
      expect(await stockOf(seed.plug.id)).toMatchObject({ onHand: 8 });
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'searches parts by barcode, shows stock alerts with the ABC chart and buys from the purchase plan',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await page.goto(`${server.baseUrl}/parts`);
      await page.getByRole('searchbox', { name: '扫描或输入条码' }).fill('6901000000035');
      await page.getByRole('searchbox', { name: '扫描或输入条码' }).press('Enter');
      await page
        .locator('.ant-table-row')
        .filter({ hasText: seed.plug.partNo })
        .waitFor({ state: 'visible' });
      await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
      expect(await visibleText(page.locator('.ant-table-row'))).toContain('原厂件');
      await saveScreenshot(page, 'parts-08-search-by-barcode-zh');
      // the same screen in English: origin labels and stock read the same
      await page.locator('.ant-segmented-item').filter({ hasText: 'English' }).click();
      await page
        .locator('.fc-page-title h1')
        .filter({ hasText: /^Parts$/ })
        .waitFor({ state: 'visible' });
      expect(await visibleText(page.locator('.ant-table-row'))).toContain('Original');
      await saveScreenshot(page, 'parts-08b-search-by-barcode-en');
      await useChinese(page);
      // a minimum of 30 spark plugs: what is on hand is below it, so the plan proposes buying up to the order-up-to level
      await call('PUT', `/parts/${seed.plug.id}/stock-settings`, seed.token, {
        storeId: seed.storeId,
        minQty: 30,
      });
      await page.goto(`${server.baseUrl}/stock-alerts`);
      await page
        .getByRole('img', { name: '按消耗金额的 ABC 分类' })
        .locator('svg')
        .waitFor({ state: 'visible' });
      const row = page.locator('.ant-table-row').filter({ hasText: seed.plug.partNo });
      expect(await visibleText(row)).toContain('低于下限');
      await saveScreenshot(page, 'parts-09-stock-alerts-abc-zh');
      await page.getByRole('button', { name: '生成采购计划' }).click();
      const plan = page.locator('.ant-modal:visible');
      await plan.getByText(/采购计划 PP-/).waitFor({ state: 'visible' });
      await chooseOption(
        page,
        plan.getByRole('combobox', { name: '供应商' }),
        '博世汽车配件（上海）有限公司',
      );
      await plan.getByRole('button', { name: '生成采购订单' }).click();
      await page.locator('.fc-page-title').getByText('草稿').waitFor({ state: 'visible' });
      expect(await visibleText(page.locator('.ant-table').first())).toContain(seed.plug.partNo);
      await saveScreenshot(page, 'parts-10-po-from-purchase-plan-zh');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );
});
