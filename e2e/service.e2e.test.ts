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
import { chooseOption, ensureSignedIn, openPage, pickCustomer, useChinese, visibleText } from './ui-helpers';

const timeout = 240_000;
let server: TestServer;
let browser: TestBrowser;
let page: Page;
let setupError: unknown = null;
const { call, login } = apiOf(() => server);

const vin = withVinCheckDigit('LGXCE4CB0R0246810') ?? '';
const plate = '沪A7M520';
const customerName = '周晓明';
let adminToken = '';
let storeId = '';
let techToken = '';

/** The workshop and the customer's car, through the API: hours, a bay, technicians, canned jobs, a recall. */
async function seedWorkshop(): Promise<void> {
  adminToken = await login('admin', server.adminPassword);
  const me = await call<{ stores: { id: string }[] }>('GET', '/auth/me', adminToken);
  storeId = me.stores[0]?.id ?? '';
  await call('PUT', '/workshop-resources/settings', adminToken, {
    storeId,
    labourRate: 30_000,
    opensAt: '08:00',
    closesAt: '18:00',
    openDays: [1, 2, 3, 4, 5, 6, 7],
    slotMinutes: 60,
    firstResponseMinutes: 60,
    followUpDays: 2,
  });
  await call('POST', '/workshop-resources/bays', adminToken, {
    storeId,
    code: 'A1',
    name: '1 号举升机',
    skills: ['hv'],
  });
  await call('POST', '/workshop-resources/bays', adminToken, {
    storeId,
    code: 'A2',
    name: '2 号举升机',
    skills: [],
  });
  const tech = await call<{ id: string }>('POST', '/users', adminToken, {
    username: 'tech.li',
    displayName: '李师傅',
    password: 'tech-password-123',
    storeRoles: [{ storeId, role: 'technician' }],
  });
  techToken = await login('tech.li', 'tech-password-123');
  await call('POST', '/workshop-resources/technicians', adminToken, {
    storeId,
    userId: tech.id,
    skills: ['hv', 'general'],
  });
  await call('POST', '/labor-operations', adminToken, {
    storeId,
    code: 'OIL',
    name: '更换机油机滤',
    hoursCenti: 50,
  });
  await call('POST', '/labor-operations', adminToken, {
    storeId,
    code: 'BRK',
    name: '更换前刹车片',
    hoursCenti: 100,
  });
  const customer = await call<{ id: string }>('POST', '/customers', adminToken, {
    type: 'individual',
    name: customerName,
    mobiles: ['13912345678'],
    storeId,
  });
  await call('POST', '/customer-vehicles', adminToken, {
    customerId: customer.id,
    vin,
    plate,
    brandName: '比亚迪',
    modelName: '汉 EV',
    mileageKm: 18_000,
  });
  await call('POST', '/service-campaigns', adminToken, {
    code: 'RC-2026-017',
    title: '前制动软管检查更换（召回）',
    kind: 'recall',
    vinFrom: vin.slice(0, 11) + '000000',
    vinTo: vin.slice(0, 11) + '999999',
    startsOn: '2026-01-01',
  });
}

describe('the service lane in the browser', () => {
  beforeAll(async () => {
    try {
      browser = await launchBrowser();
      server = await startServer();
      page = browser.page;
      await seedWorkshop();
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
    'request → booking → check-in with recall → diagnosis → estimate → phone approval → clocks → QC → handover → invoice → follow-up',
    async () => {
      await ensureSignedIn(page, server);
      await useChinese(page);

      // 1. the customer calls: a service request with its class and first-response time
      await openPage(page, '服务请求');
      await page.getByRole('button', { name: '新建请求' }).click();
      const requestDrawer = page.getByRole('dialog').filter({ hasText: '新建请求' });
      await pickCustomer(page, requestDrawer, customerName);
      await chooseOption(page, requestDrawer.getByRole('combobox', { name: '分类' }), '维修');
      await requestDrawer.getByLabel('客户需求').fill('刹车时前轮有异响，顺便做保养');
      await requestDrawer.getByRole('button', { name: '保存请求' }).click();
      await requestDrawer.waitFor({ state: 'hidden' });
      const requestRow = page.locator('.ant-table-tbody tr').filter({ hasText: customerName });
      expect(await visibleText(requestRow)).toContain('待响应');
      await saveScreenshot(page, 'service-01-request-zh');

      // 2. a booking: only slots with a free bay and technician are offered
      await openPage(page, '维修预约');
      await page.getByRole('button', { name: '新建预约' }).click();
      const bookingDrawer = page.getByRole('dialog').filter({ hasText: '新建预约' });
      await bookingDrawer.getByRole('searchbox').fill(plate.slice(0, 4));
      await bookingDrawer.getByRole('button', { name: '接这台车' }).click();
      await chooseOption(page, bookingDrawer.getByRole('combobox', { name: '标准工时项目' }), '更换前刹车片');
      await bookingDrawer.locator('[data-testid="slots"] .ant-tag').filter({ hasText: '10:00' }).click();
      await saveScreenshot(page, 'service-02-booking-slots-zh');
      await bookingDrawer.getByRole('button', { name: /预约 10:00/ }).click();
      await bookingDrawer.waitFor({ state: 'hidden' });
      const calendar = page.locator('[data-testid="booking-calendar"]');
      await calendar.getByText(plate).first().waitFor({ state: 'visible' });
      await saveScreenshot(page, 'service-03-booking-calendar-zh');

      // 3. check-in from the booking: the recall is flagged, the odometer recorded
      await page
        .locator('.ant-table-tbody tr')
        .filter({ hasText: customerName })
        .getByRole('button', { name: '接车' })
        .click();
      const checkIn = page.getByRole('dialog').filter({ hasText: '接车登记' });
      await checkIn.getByRole('button', { name: '接这台车' }).click();
      const recall = await visibleText(checkIn.locator('[data-testid="recall-flag"]'));
      expect(recall).toContain('RC-2026-017');
      expect(recall).toContain('前制动软管检查更换');
      await checkIn.getByLabel('进厂里程').fill('19350');
      await checkIn.getByLabel('客户描述（客户原话）').fill('刹车时左前轮吱吱响');
      await checkIn.getByLabel('车内贵重物品').fill('行车记录仪');
      await saveScreenshot(page, 'service-04-check-in-recall-zh');
      await checkIn.getByRole('button', { name: '开维修工单' }).click();
      const title = page.locator('.fc-page-title h1');
      await title.getByText(/RO-\d{4}-000001/).waitFor({ state: 'visible' });
      expect(await visibleText(title)).toContain('召回');

      // 4. diagnosis and the estimate: two canned jobs and a priced part line
      const diagnosis = page.locator('[data-testid="diagnosis"]');
      await diagnosis.getByLabel('诊断结果').fill('左前刹车片磨损至 2mm，制动软管需按召回更换');
      await diagnosis.getByLabel('故障码').fill('C1234');
      await diagnosis.getByRole('button', { name: '保存诊断' }).click();
      await title.getByText('诊断中').waitFor({ state: 'visible' });
      const addLine = page.locator('[data-testid="add-line"]');
      for (const job of ['更换机油机滤', '更换前刹车片']) {
        await chooseOption(page, addLine.getByRole('combobox', { name: '标准工时项目' }), job);
        await addLine.getByRole('button', { name: '添加项目' }).click();
        await page
          .locator('[data-testid="estimate"] .ant-table-tbody')
          .getByText(job)
          .waitFor({ state: 'visible' });
      }
      await chooseOption(page, addLine.getByRole('combobox', { name: '类型' }), '配件');
      await addLine.getByPlaceholder('配件名称').fill('前刹车片（套）');
      await addLine.getByPlaceholder('配件编号').fill('BP-HAN-F01');
      await addLine.getByPlaceholder('单价').fill('680');
      await addLine.getByRole('button', { name: '添加项目' }).click();
      const estimate = page.locator('[data-testid="estimate"]');
      await estimate.getByText('BP-HAN-F01').waitFor({ state: 'visible' });
      expect(await visibleText(estimate)).toContain('¥300.00');
      await estimate.getByRole('button', { name: '发送给客户' }).click();
      const link = await visibleText(estimate.locator('[data-testid="approval-link"]'));
      expect(link).toMatch(/\/approve\/[A-Za-z0-9_-]+$/);
      await title.getByText('报价待确认').waitFor({ state: 'visible' });
      await saveScreenshot(page, 'service-05-estimate-sent-zh');

      // 5. the customer decides on the phone, without signing in: oil change and pads yes, labour for pads no
      // (a page of the same browser sized like a phone: the page needs no session, the token is the key)
      const customerPage = await browser.context.newPage();
      await customerPage.setViewportSize({ width: 390, height: 844 });
      await customerPage.goto(link);
      await customerPage.getByText('维修报价确认').waitFor({ state: 'visible' });
      const lineCard = (text: string) => customerPage.locator('.card.line').filter({ hasText: text });
      await lineCard('更换机油机滤').getByLabel('同意').check();
      await lineCard('更换前刹车片').getByLabel('拒绝').check();
      await lineCard('前刹车片（套）').getByLabel('同意').check();
      await saveScreenshot(customerPage, 'service-06-phone-approval-zh');
      await customerPage.getByRole('button', { name: '提交确认' }).click();
      await customerPage.getByText('感谢您的确认').waitFor({ state: 'visible' });
      expect(await customerPage.locator('body').innerText()).toContain('已同意 2 项');
      await saveScreenshot(customerPage, 'service-07-phone-thanks-zh');
      // the link works once
      await customerPage.goto(link);
      expect(await customerPage.locator('body').innerText()).toContain('该确认链接已使用过');
      await customerPage.close();

      await page.reload();
      await title.getByText('客户已确认').waitFor({ state: 'visible' });
      expect(await visibleText(estimate)).toContain('已拒绝');

      // 6. clocks: the technician on the phone-sized view, and a second one through the API
      const orderId = page.url().split('/').pop()!;
      const order = await call<{ lines: { id: string; description: string }[] }>(
        'GET',
        `/repair-orders/${orderId}`,
        adminToken,
      );
      const oil = order.lines.find((l) => l.description === '更换机油机滤')!;
      const techPage = await browser.context.newPage();
      await techPage.setViewportSize({ width: 390, height: 844 });
      await techPage.goto(`${server.baseUrl}/service/my-jobs`);
      // on a phone the side menu has folded to its icons by itself
      await techPage.getByRole('button', { name: /展开菜单|Expand menu/ }).waitFor();
      const job = techPage.locator(`[data-testid="job-${oil.id}"]`);
      await job.getByRole('button', { name: '开工' }).click();
      await job.getByText('计时中').waitFor({ state: 'visible' });
      await call('POST', `/repair-orders/${orderId}/lines/${oil.id}/clock`, techToken, { action: 'start' });
      await saveScreenshot(techPage, 'service-08-technician-phone-zh');
      await job.getByRole('button', { name: '完工' }).click();
      await job
        .getByText('已完工')
        .waitFor({ state: 'visible' })
        .catch(async () => job.waitFor({ state: 'hidden' }));
      await techPage.close();
      await page.reload();
      const work = page.locator('[data-testid="work"]');
      const hours = await visibleText(work.locator('[data-testid="hours-by-technician"]'));
      expect(hours).toContain('李师傅');
      expect(hours).toContain('Administrator');
      await work.getByRole('button', { name: '发料' }).click();
      await work.getByText('1 / 1').waitFor({ state: 'visible' });
      await saveScreenshot(page, 'service-09-work-hours-zh');

      // 7. final inspection by the foreman, settlement and the invoice
      await work.getByRole('button', { name: '提交终检' }).click();
      const qc = page.locator('[data-testid="quality-check"]');
      for (const item of ['路试', '轮胎螺栓扭矩', '各油液液位', '灯光与故障灯', '车辆清洁、护套已取下'])
        await qc.getByLabel(item).check();
      await qc.getByRole('button', { name: '签字：终检合格' }).click();
      await title.getByText('待交车').waitFor({ state: 'visible' });
      const settle = page.locator('[data-testid="settle"]');
      expect(await visibleText(settle)).toContain('¥830.00');
      await settle.getByRole('button', { name: /结算 ¥830.00/ }).click();
      const invoiceNumber = await visibleText(page.locator('[data-testid="invoice-number"]'));
      expect(invoiceNumber).toMatch(/^RI-\d{4}-000001$/);

      // 8. handover with the customer's signature; the follow-up call is scheduled
      const pad = page.locator('[data-testid="signature-pad"]');
      await pad.scrollIntoViewIfNeeded();
      const box = (await pad.boundingBox())!;
      await page.mouse.move(box.x + 30, box.y + 120);
      await page.mouse.down();
      for (let i = 0; i < 12; i++) await page.mouse.move(box.x + 40 + i * 25, box.y + 60 + (i % 2) * 60);
      await page.mouse.up();
      await saveScreenshot(page, 'service-10-handover-signature-zh');
      await page.locator('[data-testid="handover"]').getByRole('button', { name: '交车' }).click();
      await title.getByText('已交车').waitFor({ state: 'visible' });
      const followUp = page.locator('[data-testid="follow-up"]');
      expect(await visibleText(followUp)).toContain(customerName);
      await saveScreenshot(page, 'service-11-delivered-zh');

      const tasks = await call<{ items: { title: string; type: string; dueAt: string }[] }>(
        'GET',
        '/tasks?mine=true',
        adminToken,
      );
      const call2 = tasks.items.find((x) => x.title.startsWith('服务回访'));
      expect(call2?.type).toBe('care_visit');
      const days = (Date.parse(call2!.dueAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(1.9);
      expect(tasks.items.some((x) => x.title.startsWith('保养提醒'))).toBe(true);

      // the repair invoice PDF: the 三包 Art. 17 fields, in Chinese
      const pdf = Buffer.from(
        await (
          await fetch(`${server.baseUrl}/api/v1/repair-orders/${orderId}/pdf?lang=zh-CN`, {
            headers: { Authorization: `Bearer ${adminToken}` },
          })
        ).arrayBuffer(),
      );
      const file = join(artifactsDir, 'service-invoice.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const s of [
        '维修结算单',
        invoiceNumber,
        vin,
        '19350 km',
        '刹车时左前轮吱吱响',
        'BP-HAN-F01',
        '材料费',
        '工时费',
        '客户未同意的项目',
        '第十七条',
      ])
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
        join(artifactsDir, 'service-12-invoice-pdf-zh'),
      ]);

      // 9. the workshop board: the car in "handed back"; a new order is dragged from checked-in to diagnosing
      const other = await call<{ id: string }>('POST', '/customers', adminToken, {
        type: 'individual',
        name: '钱芳',
        mobiles: ['13812340000'],
        storeId,
      });
      const otherCar = await call<{ id: string }>('POST', '/customer-vehicles', adminToken, {
        customerId: other.id,
        vin: withVinCheckDigit('LGXCE4CB0R0135790'),
        plate: '沪B2C468',
        mileageKm: 5000,
      });
      await call('POST', '/repair-orders', adminToken, {
        storeId,
        customerVehicleId: otherCar.id,
        odometerKm: 5200,
        customerConcern: '首保',
      });
      await openPage(page, '车间看板');
      const card = page.locator('[data-testid="column-open"]').getByText('沪B2C468');
      await card.waitFor({ state: 'visible' });
      await saveScreenshot(page, 'service-13-board-zh');
      // a checked-in car can be dragged only to "diagnosing" (the other columns refuse the drop)
      await card.dragTo(page.locator('[data-testid="column-diagnosing"]'));
      await page
        .locator('[data-testid="column-diagnosing"]')
        .getByText('沪B2C468')
        .waitFor({ state: 'visible' });
      await page.locator('[data-testid="board"]').evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      await page.locator('[data-testid="column-delivered"]').getByText(plate).waitFor({ state: 'visible' });
      await saveScreenshot(page, 'service-14-board-dragged-zh');

      // 10. the workshop setup and the health-record exports
      await openPage(page, '车间设置');
      await page.getByText('1 号举升机').waitFor({ state: 'visible' });
      expect(await visibleText(page.locator('.ant-card').filter({ hasText: '召回与服务活动' }))).toContain(
        'RC-2026-017',
      );
      await saveScreenshot(page, 'service-15-setup-zh');
      await openPage(page, '维修电子档案', '汽车维修电子健康档案');
      const record = page.locator('.ant-table-tbody tr').filter({ hasText: 'RO-2026-000001' });
      await record.waitFor({ state: 'visible' });
      await saveScreenshot(page, 'service-16-health-records-zh');
      expect(browser.pageErrors).toEqual([]);
    },
    timeout,
  );
});
