import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff, makeStore } from '../../test/factories';
import { monthlyInstalment } from '../../../common/crm/loan';
import { familyNeed, makeLead, makeShowroom } from './needs.fixtures';

type Staff = Awaited<ReturnType<typeof makeStaff>>;
const dir = mkdtempSync(join(tmpdir(), 'plan-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text of a PDF as pdftotext (poppler-utils) reads it, layout kept. */
function pdfText(bytes: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe.each(dialects)('purchase plans on %s', (dialect) => {
  let t: TestApp;
  let storeA: { id: string };
  let consultant: Staff;
  let managerB: Staff;
  let showroom: Awaited<ReturnType<typeof makeShowroom>>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    storeA = await makeStore(t, { name: '上海浦东比亚迪 4S 店' });
    const storeB = await makeStore(t);
    consultant = await makeStaff(t, 'sales_consultant', storeA.id, { displayName: '赵磊' });
    managerB = await makeStaff(t, 'sales_manager', storeB.id);
    showroom = await makeShowroom(t, storeA.id);
  });
  afterAll(() => t.close());
  afterEach(() => vi.useRealTimers());

  const loan = { kind: 'loan', downPayment: 8_000_000, termMonths: 36, annualRateBp: 350 };
  async function makePlan(token = consultant.token, extra: Record<string, unknown> = {}) {
    const { lead, customer } = await makeLead(t, storeA.id, consultant.token);
    const needs = await t.call('POST', '/api/v1/needs-analyses', {
      token: consultant.token,
      body: { leadId: lead.id, answers: familyNeed([showroom.brand.id]) },
    });
    const res = await t.call('POST', '/api/v1/purchase-plans', {
      token,
      body: {
        leadId: lead.id,
        needsAnalysisId: needs.body.id,
        items: [
          { trimId: showroom.fitInStock.id, optionIds: [showroom.tow.id, showroom.roofBox.id] },
          { trimId: showroom.fitOnOrder.id, optionIds: [] },
        ],
        payment: loan,
        ...extra,
      },
    });
    return { res, lead, customer };
  }

  it('quotes each alternative from the price list: taxes with the NEV relief, the loan instalment, numbered per store', async () => {
    const { res, customer } = await makePlan();
    expect(res.status).toBe(201);
    const plan = res.body;
    expect(plan.number).toMatch(/^PP-\d{4}-000001$/);
    expect(plan.sharePath).toMatch(/^\/share\/purchase-plans\/[\w-]{43}$/);
    const [a, b] = plan.items;
    // trim 229,800 + tow bar 6,000 on the vehicle invoice; the roof box (3,800) on its own
    expect(a.quote).toMatchObject({
      vehiclePrice: 22_980_000,
      factoryOptions: 600_000,
      accessories: 380_000,
    });
    expect(a.quote.invoiceTotal).toBe(23_580_000);
    expect(a.quote.priceExclVat + a.quote.vat).toBe(23_580_000);
    expect(a.quote.priceExclVat).toBe(20_867_257); // 235,800 / 1.13, 四舍五入
    expect(a.quote.purchaseTaxBeforeRelief).toBe(2_086_726);
    const expected = monthlyInstalment({
      principal: 23_580_000 - 8_000_000,
      termMonths: 36,
      annualRateBp: 350,
    });
    expect(a.quote.loan).toEqual(expected);
    expect(a.quote.dueAtPurchase).toBe(8_000_000 + 380_000 + a.quote.purchaseTax);
    expect(b.quote.loan.principal).toBe(24_580_000 - 8_000_000);
    expect(a.reasons.map((r: { code: string }) => r.code)).toContain('in_stock');
    const second = await makePlan();
    expect(second.res.body.number).toMatch(/-000002$/);

    const timeline = await t.call('GET', `/api/v1/customers/${customer.id}/timeline`, {
      token: t.adminToken,
    });
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toContain('crm.purchase_plan.created');
    const list = await t.call('GET', `/api/v1/purchase-plans?customerId=${customer.id}`, {
      token: consultant.token,
    });
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([plan.id]);
  });

  it('refuses what is not on display or does not add up, naming the field, and writes nothing', async () => {
    const { lead } = await makeLead(t, storeA.id, consultant.token);
    const plans = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('purchase_plans')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await plans();
    const post = (body: Record<string, unknown>) =>
      t.call('POST', '/api/v1/purchase-plans', {
        token: consultant.token,
        body: {
          leadId: lead.id,
          payment: { kind: 'full' },
          items: [{ trimId: showroom.fitInStock.id }],
          ...body,
        },
      });
    const cases: [Record<string, unknown>, number, string][] = [
      [{ items: [] }, 400, 'items'],
      [{ items: [{ trimId: showroom.sedan.id }, { trimId: showroom.sedan.id }] }, 400, 'items.1.trimId'],
      [
        { items: [{ trimId: showroom.fitInStock.id, optionIds: [showroom.unpriced.id] }] },
        422,
        'items.0.optionIds.0',
      ],
      [{ items: [{ trimId: showroom.sedan.id, optionIds: [showroom.tow.id] }] }, 400, 'items.0.optionIds.0'],
      [
        { payment: { kind: 'loan', downPayment: 99_000_000, termMonths: 36, annualRateBp: 300 } },
        400,
        'payment.downPayment',
      ],
      [
        { payment: { kind: 'loan', downPayment: 0, termMonths: 100, annualRateBp: 300 } },
        400,
        'payment.termMonths',
      ],
      [{ needsAnalysisId: 'nope' }, 400, 'needsAnalysisId'],
    ];
    for (const [body, status, path] of cases) {
      const res = await post(body);
      expect(res.status, path).toBe(status);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await plans()).toBe(before);
    // another store's manager does not see the lead
    const cross = await t.call('POST', '/api/v1/purchase-plans', {
      token: managerB.token,
      body: { leadId: lead.id, payment: { kind: 'full' }, items: [{ trimId: showroom.fitInStock.id }] },
    });
    expect(cross.status).toBe(404);
  });

  it('a share link works without sign-in until it expires; the PDF carries the Chinese names, prices and instalment', async () => {
    const { res } = await makePlan();
    const plan = res.body;
    expect((await t.call('GET', `/api/v1/purchase-plans/${plan.id}`, { token: managerB.token })).status).toBe(
      404,
    );
    const token = plan.sharePath.split('/').pop();
    const shared = await t.call('GET', `/api/v1/public/purchase-plans/${token}`, { token: null });
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ number: plan.number, storeName: '上海浦东比亚迪 4S 店' });
    expect(shared.body.customerName).toMatch(/^客\*+$/); // masked on the public page
    expect(shared.body).not.toHaveProperty('customerId');
    const page = await t.app.inject({ method: 'GET', url: plan.sharePath });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('唐 EV 长续航智驾版');

    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/public/purchase-plans/${token}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload, `${dialect}-zh`);
    const monthly = plan.items[0].quote.loan.monthly as number;
    const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    for (const s of [
      '个性化购车方案',
      '唐 EV 长续航智驾版',
      '银河 L7 插混七座版',
      '月供',
      yuan(22_980_000),
      yuan(monthly),
    ])
      expect(text, s).toContain(s);
    const en = await t.call('GET', `/api/v1/purchase-plans/${plan.id}/pdf?lang=en`, {
      token: consultant.token,
    });
    expect(en.status).toBe(200);
    const enText = pdfText(
      Buffer.from(
        await (
          await t.app.inject({
            method: 'GET',
            url: `/api/v1/purchase-plans/${plan.id}/pdf?lang=en`,
            headers: { authorization: `Bearer ${consultant.token}` },
          })
        ).rawPayload,
      ),
      `${dialect}-en`,
    );
    for (const s of ['Personalised purchase plan', 'Tang EV Long Range', 'Monthly instalment', yuan(monthly)])
      expect(enText, s).toContain(s);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(plan.shareExpiresAt) + 1000);
    expect((await t.call('GET', `/api/v1/public/purchase-plans/${token}`, { token: null })).status).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: plan.sharePath })).statusCode).toBe(404);
    vi.useRealTimers();

    // a new link: the old one stops, the new one works
    const renewed = await t.call('POST', `/api/v1/purchase-plans/${plan.id}/share`, {
      token: consultant.token,
      body: { version: plan.version },
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.sharePath).not.toBe(plan.sharePath);
    expect((await t.call('GET', `/api/v1/public/purchase-plans/${token}`, { token: null })).status).toBe(404);
    const fresh = renewed.body.sharePath.split('/').pop();
    expect((await t.call('GET', `/api/v1/public/purchase-plans/${fresh}`, { token: null })).status).toBe(200);
    const stale = await t.call('POST', `/api/v1/purchase-plans/${plan.id}/share`, {
      token: consultant.token,
      body: { version: plan.version },
    });
    expect(stale.status).toBe(409);
  });
});
