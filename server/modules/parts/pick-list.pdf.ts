import { localDateTimeOf } from '../../../common/rules/civil-date';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { code128Bars } from '../../../common/parts/code128';
import type { PartsOrder } from '../../../common/parts/parts-order.schemas';
import { formatFen } from '../../../common/rules/money';
import type { Lang } from '../../platform/i18n';
import { renderPdf } from '../../platform/pdf';

/** The texts of the pick list and labels, in the two languages of the product. */
const texts = {
  en: {
    title: 'Pick list',
    order: 'Order',
    channel: 'Channel',
    customer: 'Customer',
    shipTo: 'Ship to',
    created: 'Created',
    line: '#',
    bin: 'Bin',
    partNo: 'Part no.',
    name: 'Name',
    origin: 'Origin',
    qty: 'Qty',
    picked: 'Picked',
    label: 'Shipping label',
    package: 'Package {n} of {total}',
    weight: 'Weight {kg} kg',
    total: 'Total',
    channels: {
      counter: 'Counter sale',
      customer: 'Customer',
      workshop: 'Workshop',
      store: 'Store transfer',
    },
    origins: {
      original: 'Original',
      equivalent: 'Equivalent quality',
      remanufactured: 'Remanufactured',
      reused: 'Reused',
    },
  },
  'zh-CN': {
    title: '拣货单',
    order: '订单',
    channel: '渠道',
    customer: '客户',
    shipTo: '收货地址',
    created: '创建时间',
    line: '序号',
    bin: '库位',
    partNo: '配件编号',
    name: '名称',
    origin: '来源',
    qty: '数量',
    picked: '已拣',
    label: '发货标签',
    package: '第 {n} 件 / 共 {total} 件',
    weight: '重量 {kg} 公斤',
    total: '合计',
    channels: { counter: '柜台销售', customer: '客户订单', workshop: '车间领用', store: '门店调拨' },
    origins: { original: '原厂件', equivalent: '同质件', remanufactured: '再制造件', reused: '回用件' },
  },
} as const;

/** A Code 128 barcode drawn as rectangles, `height` points tall, `module` points per module. */
function barcode(text: string, height = 26, module = 0.9): Content {
  const b = code128Bars(text);
  if (!b) return { text };
  return {
    stack: [
      {
        canvas: b.bars.map(([x, w]) => ({
          type: 'rect' as const,
          x: x * module,
          y: 0,
          w: w * module,
          h: height,
          color: '#000000',
        })),
      },
      { text, fontSize: 7, margin: [0, 1, 0, 0] },
    ],
  };
}

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** An instant as the store reads it: 'YYYY-MM-DD HH:mm' in its time zone. */
const localTime = (iso: string, timezone: string) => localDateTimeOf(iso, timezone).slice(0, 16);

function definition(order: PartsOrder, lang: Lang, timezone: string): TDocumentDefinitions {
  const t = texts[lang];
  const meta: [string, string][] = [
    [t.channel, t.channels[order.channel]],
    [t.customer, order.customerName ?? '—'],
    [t.shipTo, order.shipTo ?? '—'],
    [t.created, localTime(order.createdAt, timezone)],
  ];
  const lines: Content = {
    table: {
      headerRows: 1,
      widths: [18, 50, 'auto', '*', 60, 28, 32],
      body: [
        [t.line, t.bin, t.partNo, t.name, t.origin, t.qty, t.picked].map((h) => ({
          text: h,
          bold: true,
          fillColor: '#eeeeee',
        })),
        ...order.lines.map((l) => [
          String(l.lineNo),
          l.bin ?? '—',
          barcode(l.partNo, 20, 0.75),
          lang === 'en' ? l.nameEn || l.name : l.name,
          t.origins[l.origin],
          { text: String(l.qty), alignment: 'right' as const },
          { canvas: [{ type: 'rect' as const, x: 8, y: 0, w: 10, h: 10, lineWidth: 0.8 }] },
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  };
  const packages = order.packages.length ? order.packages : [{ packageNo: 1, weightG: 0, lineIds: [] }];
  const labels: Content[] = packages.map((p, i) => ({
    unbreakable: true,
    margin: [0, 16, 0, 0],
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: t.label, bold: true, fontSize: 12 },
              barcode(order.number, 36, 1.1),
              { text: `${t.shipTo}: ${order.shipTo ?? order.customerName ?? '—'}`, margin: [0, 4, 0, 0] },
              { text: fill(t.package, { n: p.packageNo, total: packages.length }) },
              ...(p.weightG ? [{ text: fill(t.weight, { kg: (p.weightG / 1000).toFixed(2) }) }] : []),
            ],
            margin: [6, 6, 6, 6],
          },
        ],
      ],
    },
    pageBreak: i === 0 ? 'before' : undefined,
  }));
  return {
    info: { title: `${t.title} ${order.number}` },
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 36],
    defaultStyle: { fontSize: 9 },
    content: [
      {
        columns: [
          { text: `${t.title} · ${order.number}`, fontSize: 16, bold: true },
          { width: 'auto', stack: [barcode(order.number, 30, 1)] },
        ],
      },
      {
        margin: [0, 8, 0, 10],
        table: { widths: [70, '*'], body: meta.map(([k, v]) => [{ text: k, color: '#666666' }, v]) },
        layout: 'noBorders',
      },
      lines,
      { text: `${t.total}: ${formatFen(order.total)}`, alignment: 'right', margin: [0, 6, 0, 0] },
      ...labels,
    ],
  };
}

/** The pick list of an order with a barcode per part number, and a shipping label per package. */
export function renderPickList(order: PartsOrder, lang: Lang, timezone: string): Promise<Buffer> {
  return renderPdf(definition(order, lang, timezone));
}
