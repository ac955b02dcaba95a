import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withVinCheckDigit } from '../common/rules/vin';
import { launchBrowser, saveScreenshot } from './browser';
import type { TestBrowser } from './browser';
import { apiOf } from './api';
import { startServer } from './server';
import type { TestServer } from './server';
import { chooseOption, ensureSignedIn, menuGroup, openPage, useChinese, visibleText } from './ui-helpers';

const timeout = 120_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let setupError: unknown = null;

// A BYD VIN (WMI LGX, model year R = 2024) with its check digit, and the same VIN with a wrong one.
const goodVin = withVinCheckDigit('LGXCE4CB0R0123456') ?? '';
const expectedDigit = goodVin.charAt(8);
const wrongDigit = expectedDigit === '1' ? '2' : '1';
const badVin = `${goodVin.slice(0, 8)}${wrongDigit}${goodVin.slice(9)}`;

const sedan = {
  modelYear: 2025,
  bodyType: 'sedan',
  seats: 5,
  energy: 'bev',
  transmission: 'single_speed',
};
const colours = [
  { kind: 'exterior', code: 'WH', name: '极地白', nameEn: 'Polar White', hex: '#F4F5F0' },
  { kind: 'exterior', code: 'BL', name: '星际蓝', nameEn: 'Stellar Blue', hex: '#1F3A93' },
  { kind: 'interior', code: 'BK', name: '曜石黑', nameEn: 'Obsidian Black', hex: '#111111' },
];

const { call, login } = apiOf(() => server);

function shanghaiDate(offsetDays = 0): string {
  const at = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
}

/** The server starts empty: a brand, a model, three trims and a published price list, through the API. */
async function seedCatalogue(): Promise<void> {
  const token = await login('admin', server.adminPassword);
  const me = await call<{ stores: { id: string }[] }>('GET', '/auth/me', token);
  const storeId = me.stores[0]?.id ?? '';
  const brand = await call<{ id: string }>('POST', '/brands', token, {
    code: 'BYD',
    name: '比亚迪',
    nameEn: 'BYD',
    country: 'CN',
  });
  const model = await call<{ id: string }>('POST', '/models', token, {
    brandId: brand.id,
    code: 'SEAL',
    name: '海豹',
    nameEn: 'Seal',
  });
  const trim = (body: Record<string, unknown>) =>
    call<{ id: string }>('POST', '/trims', token, { modelId: model.id, ...sedan, colours, ...body });
  const longRange = await trim({
    code: 'SEAL-700',
    name: '700 长续航智驾版',
    nameEn: '700 Long Range Pilot',
    drivetrain: 'rwd',
    powerKw: 230,
    batteryWh: 82_500,
    rangeKm: 700,
    features: ['aeb', 'acc', 'hud', 'heat_pump', 'v2l', 'panoramic_roof'],
  });
  const performance = await trim({
    code: 'SEAL-650-AWD',
    name: '650 四驱性能版',
    nameEn: '650 AWD Performance',
    drivetrain: 'awd',
    powerKw: 390,
    batteryWh: 82_500,
    rangeKm: 650,
    features: ['aeb', 'acc', 'heat_pump', 'premium_audio'],
  });
  await trim({
    code: 'SEAL-550',
    name: '550 标准续航版',
    nameEn: '550 Standard Range',
    drivetrain: 'rwd',
    powerKw: 150,
    batteryWh: 61_400,
    rangeKm: 550,
    features: ['aeb'],
  });
  const list = await call<{ id: string }>('POST', '/price-lists', token, {
    storeId,
    name: '2025 年春季价格表',
    effectiveFrom: shanghaiDate(-7),
    items: [
      { itemKind: 'trim', itemRef: longRange.id, guidePrice: 22_980_000, displayPrice: 21_980_000 },
      { itemKind: 'trim', itemRef: performance.id, guidePrice: 27_980_000, displayPrice: 27_980_000 },
      { itemKind: 'fee', itemRef: 'registration_agency', name: '上牌代办费', displayPrice: 50_000 },
    ],
  });
  await call('POST', `/price-lists/${list.id}/publish`, token);
  await call('POST', '/showroom-plans', token, {
    storeId,
    name: '春季展厅',
    effectiveFrom: shanghaiDate(),
    slots: [
      { slot: 'A1', trimId: longRange.id, tags: ['hot', 'nev'] },
      { slot: 'A2', trimId: performance.id, tags: ['all_new'] },
    ],
  });
}

async function useEnglish(p: Page): Promise<void> {
  const english = p.locator('.fc-header .ant-segmented-item').filter({ hasText: 'English' });
  if (!(await english.getAttribute('class'))?.includes('ant-segmented-item-selected')) await english.click();
  await menuGroup(p, 'Administration').waitFor({ state: 'visible' });
}

function trimCard(p: Page, name: string) {
  return p.locator('.fc-trim-card').filter({ hasText: name });
}

describe('catalogue, stock and a vehicle’s life in the browser', () => {
  beforeAll(async () => {
    try {
      browser = await launchBrowser();
      server = await startServer();
      page = browser.page;
      await seedCatalogue();
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
    'finds a trim by its attributes and compares two trims side by side',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await openPage(page, '车型目录');
      await trimCard(page, '550 标准续航版').waitFor({ state: 'visible' });
      await chooseOption(page, page.getByRole('combobox', { name: '能源类型' }), '纯电动');
      await page.keyboard.press('Escape');
      await page.getByRole('combobox', { name: '配置项' }).fill('抬头');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '抬头显示（HUD）' })
        .click();
      await page.keyboard.press('Escape');
      await trimCard(page, '550 标准续航版').waitFor({ state: 'hidden' });
      const found = await visibleText(page.locator('.fc-trim-grid'));
      expect(found).toContain('700 长续航智驾版');
      expect(found).toContain('¥229,800.00');
      expect(found).toContain('¥219,800.00');
      expect(found).not.toContain('650 四驱性能版');
      await saveScreenshot(page, 'stock-01-catalogue-filter-zh');

      await page.getByRole('button', { name: /重\s*置/ }).click();
      await trimCard(page, '650 四驱性能版').waitFor({ state: 'visible' });
      await trimCard(page, '700 长续航智驾版').getByRole('checkbox').check();
      await trimCard(page, '650 四驱性能版').getByRole('checkbox').check();
      await page
        .locator('.fc-page-title')
        .getByRole('button', { name: /对\s*比/ })
        .click();
      const drawer = page.getByRole('dialog').filter({ hasText: '配置对比' });
      const table = drawer.locator('.ant-table');
      await table.getByText('后驱').waitFor({ state: 'visible' });
      const compared = await visibleText(table);
      expect(compared).toContain('700 长续航智驾版');
      expect(compared).toContain('650 四驱性能版');
      expect(compared).toContain('全时四驱');
      expect(compared).toContain('抬头显示（HUD）');
      expect(await visibleText(drawer.locator('.ant-tag'))).toMatch(/\d+ 项不同/);
      expect(await drawer.locator('tr.fc-compare-diff').count()).toBeGreaterThan(3);
      await saveScreenshot(page, 'stock-02-compare-zh');
      await drawer.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden' });
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'adds a vehicle by VIN (a wrong check digit is caught as typed), reserves it and shows its history',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await openPage(page, '整车库存');
      await page.getByRole('button', { name: '车辆入库' }).click();
      const drawer = page.getByRole('dialog').filter({ hasText: '按车架号入库' });
      await drawer.getByLabel('车架号').fill(badVin);
      const decoded = await visibleText(drawer.locator('.fc-vin-decoded'));
      expect(decoded).toContain(`第 9 位为 ${wrongDigit}，应为 ${expectedDigit}`);
      expect(decoded).toContain('比亚迪');
      expect(decoded).toContain('2024');
      await saveScreenshot(page, 'stock-03-vin-invalid-zh');

      await drawer.getByLabel('车架号').fill(goodVin);
      expect(await visibleText(drawer.locator('.fc-vin-decoded'))).toContain(`${expectedDigit} 正确`);
      await drawer.getByRole('combobox', { name: '车型配置' }).fill('700');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '700 长续航智驾版' })
        .click();
      await chooseOption(page, drawer.getByRole('combobox', { name: '车身颜色' }), '星际蓝');
      await drawer.getByLabel('采购成本').fill('198000');
      await drawer.getByLabel('每日持有成本').fill('45');
      await saveScreenshot(page, 'stock-04-add-vehicle-zh');
      await drawer.getByRole('button', { name: '加入库存' }).click();

      const title = page.locator('.fc-page-title h1');
      await title.getByText(goodVin).waitFor({ state: 'visible' });
      expect(await visibleText(title)).toContain('在库');
      await page.getByRole('button', { name: /预\s*留/ }).click();
      const modal = page.getByRole('dialog').filter({ hasText: '预留车辆' });
      await modal.getByLabel('保留时长（小时）').fill('24');
      await modal.getByLabel('商机').fill('D-2025-0001');
      await modal.getByRole('button', { name: /预\s*留/ }).click();
      await modal.waitFor({ state: 'hidden' });
      await title.getByText('已预留').waitFor({ state: 'visible' });
      // Only the actions legal from "reserved" are offered.
      expect(await page.getByRole('button', { name: '解除预留' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: '转为试驾车' }).count()).toBe(0);

      const history = page.locator('.fc-vehicle-history');
      await history.getByText('已预留').first().waitFor({ state: 'visible' });
      const timeline = await visibleText(history);
      expect(timeline).toContain('入库登记');
      expect(timeline).toContain('商机 D-2025-0001');
      expect(timeline).toContain('操作人：Administrator');
      const details = await visibleText(page.locator('.ant-descriptions'));
      expect(details).toContain('¥198,000.00');
      expect(details).toContain('星际蓝 (BL)');
      await saveScreenshot(page, 'stock-05-vehicle-reserved-zh');

      await page.getByRole('button', { name: '返回库存' }).click();
      const row = page.locator('.ant-table-tbody tr').filter({ hasText: goodVin });
      await row.getByText('已预留').waitFor({ state: 'visible' });
      expect(await visibleText(page.locator('.fc-tiles').first())).toContain('已预留');
      await saveScreenshot(page, 'stock-06-stock-list-zh');

      // Import: a dry run reports the bad row by its line number and writes nothing.
      const importVin = withVinCheckDigit('LGXCE4CB0R0654321') ?? '';
      const csv = [
        'vin,trimCode,exteriorColourCode,interiorColourCode,purchaseCost,status,arrivedOn',
        `${importVin},SEAL-550,WH,BK,158000,in_stock,${shanghaiDate(-40)}`,
        `${badVin},SEAL-550,WH,BK,158000,in_stock,${shanghaiDate(-40)}`,
        `${withVinCheckDigit('LGXCE4CB0R0777777') ?? ''},NO-SUCH-TRIM,,,,in_stock,`,
      ].join('\n');
      await page.getByRole('button', { name: /导\s*入/ }).click();
      const importer = page.getByRole('dialog').filter({ hasText: '导入库存车辆' });
      await importer.locator('input[type=file]').setInputFiles({
        name: 'stock.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await importer.getByRole('button', { name: '试运行' }).click();
      const report = await visibleText(importer.locator('.ant-table'));
      expect(report).toContain('3');
      expect(report).toContain('4');
      expect(report).toContain('NO-SUCH-TRIM');
      await saveScreenshot(page, 'stock-09-import-dry-run-zh');
      await importer.getByRole('button', { name: '导入 1 条有效记录' }).click();
      await importer.getByText('已导入 1 辆车').waitFor({ state: 'visible' });
      await importer
        .getByRole('button', { name: /关\s*闭/ })
        .first()
        .click();
      await page.locator('.ant-table-tbody tr').filter({ hasText: importVin }).waitFor({ state: 'visible' });
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'shows the price lists with the Art. 10 check and the showroom, in both languages',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);
      await openPage(page, '价格表');
      const row = page.locator('.ant-table-tbody tr').filter({ hasText: '2025 年春季价格表' });
      expect(await visibleText(row)).toContain('已发布');
      const check = page.locator('.ant-card').filter({ hasText: '报价行核验' });
      await check.getByRole('combobox', { name: '项目' }).fill('700');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '700 长续航智驾版' })
        .click();
      await check.getByLabel('报价（元）').fill('225000');
      await check.getByRole('button', { name: /核\s*验/ }).click();
      const verdict = await visibleText(check.locator('.ant-alert'));
      expect(verdict).toContain('不允许');
      expect(verdict).toMatch(/第十条|第 10 条/);
      await saveScreenshot(page, 'stock-07-price-lists-zh');
      await row.getByRole('button', { name: '2025 年春季价格表' }).click();
      const editor = page.getByRole('dialog').filter({ hasText: '只有草稿可以修改' });
      await editor.getByText('上牌代办费').first().waitFor({ state: 'visible' });
      expect(await editor.getByRole('button', { name: /撤\s*回/ }).count()).toBe(1);
      expect(await editor.getByRole('button', { name: /发\s*布/ }).count()).toBe(0);
      await saveScreenshot(page, 'stock-10-price-list-editor-zh');
      await editor.locator('.ant-drawer-close').click();
      await editor.waitFor({ state: 'hidden' });

      // A new draft: effective dates and a fee line with its name on display.
      await page.getByRole('button', { name: '新建价格表' }).click();
      const draft = page.getByRole('dialog').filter({ hasText: '新建价格表' });
      await draft.getByLabel('名称').fill('2025 年夏季价格表');
      await draft.getByRole('button', { name: '添加一行' }).click();
      await chooseOption(page, draft.getByRole('combobox', { name: '类别' }), '服务费');
      // the item picker follows the kind (Form.useWatch, one render later): wait for the fee kind first
      await draft.locator('.fc-price-line:not(.fc-price-line-head)', { hasText: '服务费' }).waitFor();
      await chooseOption(page, draft.getByRole('combobox', { name: '项目' }), '临时牌照费');
      await draft.getByLabel('标价').fill('300');
      await draft.getByRole('button', { name: '创建草稿' }).click();
      const created = page.getByRole('dialog').filter({ hasText: '2025 年夏季价格表' });
      await created.locator('.ant-drawer-title').getByText('草稿').waitFor({ state: 'visible' });
      expect(await created.getByRole('button', { name: /发\s*布/ }).count()).toBe(1);
      // a draft was never on display: it is discarded, not withdrawn
      expect(await created.getByRole('button', { name: '作废草稿' }).count()).toBe(1);
      expect(await created.getByRole('button', { name: /撤\s*回/ }).count()).toBe(0);
      await saveScreenshot(page, 'stock-10b-price-list-draft-zh');
      await created.getByRole('button', { name: '作废草稿' }).click();
      await page.locator('.ant-popconfirm').getByText('确定作废此草稿？').waitFor({ state: 'visible' });
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await page.locator('.ant-message').getByText('草稿已作废').waitFor({ state: 'visible' });
      await created.locator('.ant-drawer-title').getByText('已撤回').waitFor({ state: 'visible' });
      await created.locator('.ant-drawer-close').click();
      await created.waitFor({ state: 'hidden' });

      await openPage(page, '展厅陈列');
      await saveScreenshot(page, 'stock-08-showroom-zh');

      await useEnglish(page);
      await openPage(page, 'Price lists');
      expect(await visibleText(page.locator('.ant-table-tbody'))).toContain('Published');
      await saveScreenshot(page, 'stock-11-price-lists-en');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );

  it(
    'the same screens in English',
    async () => {
      await ensureSignedIn(page, server);
      await useEnglish(page);
      await openPage(page, 'Catalogue');
      await trimCard(page, '700 Long Range Pilot').waitFor({ state: 'visible' });
      expect(await visibleText(page.locator('.fc-trim-grid'))).toContain('Battery-electric');
      await trimCard(page, '700 Long Range Pilot').getByRole('checkbox').check();
      await trimCard(page, '550 Standard Range').getByRole('checkbox').check();
      await saveScreenshot(page, 'stock-12-catalogue-en');
      await page.locator('.fc-page-title').getByRole('button', { name: 'Compare' }).click();
      const drawer = page.getByRole('dialog').filter({ hasText: 'Compare trims' });
      await drawer.getByText('Head-up display').waitFor({ state: 'visible' });
      expect(await visibleText(drawer.locator('.ant-table'))).toContain('Rear-wheel drive');
      await drawer.getByRole('switch').click();
      await drawer.locator('tr').filter({ hasText: 'Model year' }).waitFor({ state: 'detached' });
      const differences = await visibleText(drawer.locator('.ant-table'));
      expect(differences).toContain('Range');
      expect(differences).toContain('Head-up display');
      expect(differences).not.toContain('Seats');
      await saveScreenshot(page, 'stock-13-compare-en');
      await drawer.locator('.ant-drawer-close').click();

      await openPage(page, 'Stock');
      await page.getByRole('button', { name: 'Add vehicle' }).click();
      const add = page.getByRole('dialog').filter({ hasText: 'Add a vehicle by VIN' });
      await add.getByLabel('VIN').fill(badVin);
      expect(await visibleText(add.locator('.fc-vin-decoded'))).toContain(
        `Position 9 is ${wrongDigit}, expected ${expectedDigit}`,
      );
      await saveScreenshot(page, 'stock-14-vin-invalid-en');
      await add.locator('.ant-drawer-close').click();
      await add.waitFor({ state: 'hidden' });
      await saveScreenshot(page, 'stock-15-stock-list-en');

      await page.locator('.ant-table-tbody tr').filter({ hasText: goodVin }).getByRole('link').click();
      const history = page.locator('.fc-vehicle-history');
      await history.getByText('Reserved').first().waitFor({ state: 'visible' });
      expect(await visibleText(history)).toContain('Taken into stock');
      await saveScreenshot(page, 'stock-16-vehicle-en');

      await openPage(page, 'Showroom');
      await saveScreenshot(page, 'stock-17-showroom-en');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );
});
