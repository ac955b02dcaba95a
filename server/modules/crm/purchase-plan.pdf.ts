import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { PublicPurchasePlan } from '../../../common/crm/purchase-plan.schemas';
import { formatFen } from '../../../common/rules/money';
import { interpolate, type Lang } from '../../platform/i18n';
import { renderPdf } from '../../platform/pdf';
import { energiesLabels } from './catalog-labels';
import { percentOf, planTexts, reasonText } from './purchase-plan.texts';

/** The purchase plan as a PDF in the customer's language (fonts: platform/pdf.ts). */
const accent = '#1f4e79';
const muted = '#666666';

function comparisonRows(plan: PublicPurchasePlan, lang: Lang): TableCell[][] {
  const t = planTexts[lang];
  const items = plan.items;
  const money = (f: (i: (typeof items)[number]) => number | null | undefined, bold = false): TableCell[] =>
    items.map((i) => {
      const v = f(i);
      return { text: v === null || v === undefined ? '—' : formatFen(v), alignment: 'right', bold };
    });
  const row = (label: string, cells: TableCell[], bold = false, fill?: string): TableCell[] =>
    [{ text: label, bold, color: bold ? '#000000' : '#333333' }, ...cells].map((c) =>
      fill ? { ...(c as object), fillColor: fill } : c,
    ) as TableCell[];
  const rows: TableCell[][] = [
    [
      { text: '', border: [false, false, false, true] },
      ...items.map((i, n): TableCell => ({
        stack: [
          { text: `${t.alternative} ${String.fromCharCode(65 + n)}`, color: '#ffffff', fontSize: 8 },
          {
            text: lang === 'en' ? `${i.brandNameEn} ${i.modelNameEn}` : `${i.brandName} ${i.modelName}`,
            bold: true,
            color: '#ffffff',
          },
          { text: lang === 'en' ? i.trimNameEn : i.trimName, color: '#ffffff' },
        ],
        fillColor: accent,
      })),
    ],
    row(
      t.energy,
      items.map((i) => ({ text: energiesLabels[i.energy]?.[lang] ?? i.energy, alignment: 'right' })),
    ),
    row(
      t.guidePrice,
      money((i) => i.guidePrice),
    ),
    row(
      t.displayPrice,
      money((i) => i.displayPrice),
    ),
    row(
      t.factoryOptions,
      money((i) => i.quote.factoryOptions),
    ),
    row(
      t.invoiceTotal,
      money((i) => i.quote.invoiceTotal, true),
      true,
    ),
    row(
      t.priceExclVat,
      money((i) => i.quote.priceExclVat),
    ),
    row(
      t.vat,
      money((i) => i.quote.vat),
    ),
  ];
  if (items.some((i) => i.quote.purchaseTaxRelief > 0))
    rows.push(
      row(
        t.purchaseTaxRelief,
        money((i) => -i.quote.purchaseTaxRelief),
      ),
    );
  rows.push(
    row(
      t.purchaseTax,
      money((i) => i.quote.purchaseTax),
    ),
  );
  rows.push(
    row(
      t.accessories,
      money((i) => i.quote.accessories),
    ),
  );
  if (plan.payment.kind === 'loan') {
    const p = plan.payment;
    rows.push(
      row(
        t.downPayment,
        money(() => p.downPayment),
      ),
    );
    rows.push(
      row(
        t.financed,
        money((i) => i.quote.loan?.principal),
      ),
    );
    rows.push(
      row(
        t.term,
        items.map(() => ({
          text: interpolate(t.termValue, { months: p.termMonths, rate: percentOf(p.annualRateBp) }),
          alignment: 'right',
        })),
      ),
    );
    rows.push(
      row(
        t.monthly,
        money((i) => i.quote.loan?.monthly, true),
        true,
        '#eaf1f8',
      ),
    );
    rows.push(
      row(
        t.totalInterest,
        money((i) => i.quote.loan?.totalInterest),
      ),
    );
  }
  rows.push(
    row(
      t.dueAtPurchase,
      money((i) => i.quote.dueAtPurchase, true),
      true,
      '#eaf1f8',
    ),
  );
  rows.push(
    row(
      t.totalCost,
      money((i) => i.quote.totalCost, true),
      true,
    ),
  );
  return rows;
}

function details(plan: PublicPurchasePlan, lang: Lang): Content[] {
  const t = planTexts[lang];
  return plan.items.map((i, n): Content => {
    const why = i.reasons.filter((r) => r.kind === 'match');
    return {
      unbreakable: true,
      margin: [0, 10, 0, 0],
      stack: [
        {
          text: `${t.alternative} ${String.fromCharCode(65 + n)} · ${lang === 'en' ? `${i.modelNameEn} ${i.trimNameEn}` : `${i.modelName} ${i.trimName}`}`,
          bold: true,
          color: accent,
        },
        {
          columns: [
            {
              width: '*',
              stack: [
                { text: t.options, fontSize: 8, color: muted, margin: [0, 2, 0, 2] },
                i.options.length
                  ? {
                      table: {
                        widths: ['*', 'auto'],
                        body: i.options.map((o) => [
                          lang === 'en' ? o.nameEn : o.name,
                          { text: formatFen(o.price), alignment: 'right' },
                        ]),
                      },
                      layout: 'noBorders',
                    }
                  : { text: t.none, color: muted },
              ],
            },
            {
              width: '*',
              stack: why.length
                ? [
                    { text: t.why, fontSize: 8, color: muted, margin: [0, 2, 0, 2] },
                    { ul: why.map((r) => reasonText(r, lang)) },
                  ]
                : [],
            },
          ],
          columnGap: 16,
        },
      ],
    };
  });
}

function definition(plan: PublicPurchasePlan, lang: Lang): TDocumentDefinitions {
  const t = planTexts[lang];
  const payment = plan.payment.kind === 'loan' ? t.loan : t.full;
  const policy = [...new Set(plan.items.map((i) => i.quote.taxPolicy).filter(Boolean))];
  const meta = (label: string, value: string): Content => ({
    stack: [
      { text: label, fontSize: 8, color: muted },
      { text: value, bold: true },
    ],
  });
  return {
    info: { title: `${t.title} ${plan.number}`, author: plan.storeName },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'NotoSans', fontSize: 9.5, lineHeight: 1.25 },
    footer: (page, pages) => ({
      text: `${plan.number} · ${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: muted,
    }),
    content: [
      {
        columns: [
          { text: plan.storeName, fontSize: 11, color: muted },
          { text: plan.number, alignment: 'right', fontSize: 11, color: muted },
        ],
      },
      { text: t.title, fontSize: 20, bold: true, color: accent, margin: [0, 4, 0, 10] },
      {
        columns: [
          meta(t.customer, plan.customerName),
          meta(t.consultant, plan.consultantName ?? '—'),
          meta(t.date, plan.priceDate),
          meta(t.payment, payment),
        ],
        margin: [0, 0, 0, 12],
      },
      {
        table: {
          headerRows: 1,
          widths: [130, ...plan.items.map(() => '*' as const)],
          body: comparisonRows(plan, lang),
        },
        layout: {
          hLineWidth: (i) => (i === 0 ? 0 : 0.5),
          vLineWidth: () => 0,
          hLineColor: () => '#d9d9d9',
          paddingTop: () => 4,
          paddingBottom: () => 4,
        },
      },
      ...details(plan, lang),
      ...(plan.note
        ? [{ text: `${t.note}${lang === 'en' ? ': ' : '：'}${plan.note}`, margin: [0, 12, 0, 0] } as Content]
        : []),
      {
        text: interpolate(t.footer, {
          date: plan.priceDate,
          policy: !policy.length
            ? ''
            : lang === 'en'
              ? ` (${policy.join('; ')})`
              : `（${policy.join('；')}）`,
        }),
        fontSize: 7.5,
        color: muted,
        margin: [0, 16, 0, 0],
      },
    ],
  };
}

/** The plan's PDF bytes in the language asked (or the plan's own). */
export async function renderPlanPdf(plan: PublicPurchasePlan, lang: Lang = plan.language): Promise<Buffer> {
  return renderPdf(definition(plan, lang));
}

export const pdfFileName = (plan: PublicPurchasePlan) => `${plan.number}.pdf`;
