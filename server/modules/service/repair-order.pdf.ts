import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { localDateOf } from '../../../common/rules/civil-date';
import { formatFen } from '../../../common/rules/money';
import type { Lang } from '../../platform/i18n';
import { renderPdf } from '../../platform/pdf';
import type { RepairOrderView } from './repair-order.view';
import { roTexts } from './repair-order.texts';

/**
 * The printable repair order, and after settlement the repair invoice (维修结算单), in Noto Sans CJK.
 * It carries what 三包 Art. 17 asks of a repair record: dates, mileage, the customer's statement, the
 * findings, the items, parts with names and numbers, material and labour cost, and the signatures.
 */
const accent = '#1f4e79';
const muted = '#666666';

export interface PdfExtras {
  storeName: string;
  signature: string | null;
  foremanName: string | null;
  timezone: string;
}

const dateOf = (iso: string | null, tz: string) => (iso ? localDateOf(iso, tz) : '—');

function definition(o: RepairOrderView, x: PdfExtras, lang: Lang): TDocumentDefinitions {
  const t = roTexts[lang];
  const settled = o.invoiceNumber !== null;
  const meta = (label: string, value: string): Content => ({
    stack: [
      { text: label, fontSize: 8, color: muted },
      { text: value, bold: true },
    ],
  });
  const approved = o.lines.filter((l) => l.approval === 'approved');
  const head = [t.description, t.partNumber, t.qty, t.hours, t.unitPrice, t.amount, t.payerLabel].map(
    (text): TableCell => ({ text, bold: true, color: '#ffffff', fillColor: accent, fontSize: 8.5 }),
  );
  const body: TableCell[][] = [
    head,
    ...approved.map((l): TableCell[] => [
      `${t.kind[l.kind] ?? l.kind} · ${l.description}`,
      l.partNumber ?? '',
      { text: String(l.quantity), alignment: 'right' },
      { text: l.kind === 'labor' ? (l.hoursCenti / 100).toFixed(2) : '', alignment: 'right' },
      { text: formatFen(l.unitPrice), alignment: 'right' },
      { text: formatFen(l.amount), alignment: 'right' },
      t.payer[l.payer] ?? l.payer,
    ]),
  ];
  const money = (label: string, v: number, bold = false): TableCell[] => [
    { text: label, bold },
    { text: formatFen(v), alignment: 'right', bold },
  ];
  const declined = o.lines.filter((l) => l.approval === 'declined');
  const sig = (label: string, name: string | null, image?: string | null): Content => ({
    stack: [
      { text: label, fontSize: 8, color: muted },
      image ? { image, width: 120, margin: [0, 2, 0, 2] } : { text: ' ', margin: [0, 10, 0, 10] },
      { text: name ?? '________________' },
    ],
  });
  return {
    info: { title: `${settled ? t.invoice : t.repairOrder} ${o.number}`, author: x.storeName },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'NotoSans', fontSize: 9.5, lineHeight: 1.25 },
    footer: (page, pages) => ({
      text: `${o.number} · ${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: muted,
    }),
    content: [
      {
        columns: [
          { text: x.storeName, fontSize: 11, color: muted },
          {
            text: settled ? `${t.invoiceNumber} ${o.invoiceNumber}` : o.number,
            alignment: 'right',
            fontSize: 11,
            color: muted,
          },
        ],
      },
      {
        text: settled ? t.invoice : t.repairOrder,
        fontSize: 20,
        bold: true,
        color: accent,
        margin: [0, 4, 0, 10],
      },
      {
        columns: [
          meta(t.number, o.number),
          meta(t.customer, o.customerName),
          meta(t.plate, o.plate ?? '—'),
          meta(t.vin, o.vin),
        ],
      },
      {
        margin: [0, 6, 0, 0],
        columns: [
          meta(t.vehicle, o.vehicleName ?? '—'),
          meta(t.mileage, `${o.odometerKm} km`),
          meta(t.checkedIn, dateOf(o.checkedInAt, x.timezone)),
          meta(settled ? t.settled : t.delivered, dateOf(settled ? o.settledAt : o.deliveredAt, x.timezone)),
        ],
      },
      ...(o.campaigns.length
        ? [
            {
              text: `${t.recall}: ${o.campaigns.map((c) => `${c.code} ${c.title}`).join('; ')}`,
              color: '#b00020',
              margin: [0, 8, 0, 0],
            } as Content,
          ]
        : []),
      { text: t.concern, bold: true, color: accent, margin: [0, 12, 0, 2] },
      { text: o.customerConcern },
      { text: t.findings, bold: true, color: accent, margin: [0, 8, 0, 2] },
      { text: o.findings ?? '—' },
      ...(o.faultCodes.length
        ? [{ text: `${t.faultCodes}: ${o.faultCodes.join(', ')}`, color: muted } as Content]
        : []),
      { text: t.items, bold: true, color: accent, margin: [0, 10, 0, 4] },
      {
        table: { headerRows: 1, widths: ['*', 70, 28, 34, 60, 64, 56], body },
        layout: 'lightHorizontalLines',
      },
      {
        margin: [0, 10, 0, 0],
        columns: [
          { width: '*', text: '' },
          {
            width: 240,
            table: {
              widths: ['*', 'auto'],
              body: [
                money(t.labourCost, o.totals.labour),
                money(t.materialCost, o.totals.parts),
                ...(o.totals.sublet ? [money(t.subletCost, o.totals.sublet)] : []),
                ...(o.totals.warranty ? [money(t.warrantyPays, o.totals.warranty)] : []),
                ...(o.totals.insurance
                  ? [
                      money(
                        `${t.insurancePays}${o.insurerName ? ` (${o.insurerName})` : ''}`,
                        o.totals.insurance,
                      ),
                    ]
                  : []),
                money(t.customerPays, o.totals.customer, true),
              ],
            },
            layout: 'noBorders',
          },
        ],
      },
      ...(declined.length
        ? [
            { text: t.declined, bold: true, color: muted, margin: [0, 10, 0, 2] } as Content,
            { ul: declined.map((l) => `${l.description} · ${formatFen(l.amount)}`), color: muted } as Content,
          ]
        : []),
      {
        margin: [0, 24, 0, 0],
        columns: [
          sig(t.advisor, o.advisorName),
          sig(t.foreman, x.foremanName),
          sig(t.customerSignature, o.handoverSigner, x.signature),
        ],
      },
      ...(o.retainUntil
        ? [
            {
              text: `${t.retention} ${o.retainUntil}`,
              fontSize: 7.5,
              color: muted,
              margin: [0, 16, 0, 0],
            } as Content,
          ]
        : []),
    ],
  };
}

export async function renderRepairOrderPdf(o: RepairOrderView, x: PdfExtras, lang: Lang): Promise<Buffer> {
  return renderPdf(definition(o, x, lang));
}
