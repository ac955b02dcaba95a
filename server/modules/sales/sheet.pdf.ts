import type { Content } from 'pdfmake/interfaces';
import { amountInWords } from '../../../common/rules/amount-in-words';
import { formatFen } from '../../../common/rules/money';
import type { Invoice, Payment } from '../../../common/sales/money.schemas';
import { renderPdf } from '../../platform/pdf';
import { paymentMethodLabels } from './contract.texts';

const table = (rows: [string, string][]): Content => ({
  table: {
    widths: [150, '*'],
    body: rows.map(([k, v]) => [{ text: k, color: '#555555', fillColor: '#f4f6f8' }, { text: v || '—' }]),
  },
  layout: 'lightHorizontalLines',
});

const page = (title: string, subtitle: string, body: Content[]) =>
  renderPdf({
    info: { title },
    pageSize: 'A5',
    pageOrientation: 'landscape',
    pageMargins: [36, 32, 36, 32],
    defaultStyle: { font: 'NotoSans', fontSize: 9.5 },
    content: [
      { text: title, fontSize: 15, bold: true, alignment: 'center', color: '#1f4e79' },
      { text: subtitle, alignment: 'center', margin: [0, 2, 0, 10], color: '#555555' },
      ...body,
    ],
  });

const kinds: Record<string, string> = {
  deposit: '定金 Deposit',
  down_payment: '首付款 Down payment',
  balance: '尾款 Balance',
  loan_disbursement: '贷款放款 Loan disbursement',
  trade_in_credit: '置换抵扣 Trade-in credit',
};

/** The receipt (收据) of a payment, with the amount in figures and in upper-case words. */
export function renderReceiptPdf(p: Payment, storeName: string) {
  return page('收款收据 Receipt', `${storeName} · ${p.number}`, [
    table([
      ['客户 Customer', p.customerName],
      ['订单 Deal', p.dealNumber],
      ['款项 Kind', kinds[p.kind] ?? p.kind],
      [
        '方式 Method',
        `${paymentMethodLabels[p.method]?.['zh-CN'] ?? p.method} ${paymentMethodLabels[p.method]?.en ?? ''}`,
      ],
      ['金额 Amount', formatFen(p.amount)],
      ['大写 In words', amountInWords(p.amount)],
      ['收款时间 Received', p.receivedAt.replace('T', ' ').slice(0, 16)],
      ['经办 Recorded by', p.recordedBy],
      [
        '财务确认 Confirmed',
        p.confirmedBy
          ? `${p.confirmedBy} ${p.confirmedAt?.slice(0, 16).replace('T', ' ')}`
          : '待确认 awaiting confirmation',
      ],
      ['参考号 Reference', p.reference ?? ''],
    ]),
  ]);
}

/** The invoice data sheet laid out as the 机动车销售统一发票 (for checking before and after issue). */
export function renderInvoiceSheetPdf(i: Invoice) {
  const red = i.kind === 'red';
  return page(
    `机动车销售统一发票${red ? '（红字）' : ''}`,
    `${i.number}${i.invoiceNo ? ` · 发票号码 ${i.invoiceNo}` : ''}${i.issueDate ? ` · 开票日期 ${i.issueDate}` : ''}`,
    [
      table([
        ['购买方名称', i.buyerName],
        ['纳税人识别号 / 身份证号码', i.buyerTaxId],
        ['车辆类型', i.vehicleType],
        ['厂牌型号', i.brandModel],
        ['产地', i.origin ?? ''],
        ['合格证号', i.cocNo ?? ''],
        ['发动机号码', i.engineNo ?? ''],
        ['车辆识别代号 / 车架号码', i.vin],
        ['价税合计（小写）', formatFen(i.totalInclVat)],
        ['价税合计（大写）', i.totalInWords],
        ['增值税税率', `${i.vatRatePercent}%`],
        ['增值税税额', formatFen(i.vat)],
        ['不含税价', formatFen(i.priceExclVat)],
        ['销货单位名称', i.sellerName],
        ['纳税人识别号', i.sellerTaxId],
        ['地址 / 电话', [i.sellerAddress, i.sellerPhone].filter(Boolean).join(' ')],
        ['开户银行 / 账号', i.sellerBank ?? ''],
      ]),
      ...(i.status === 'draft'
        ? [{ text: '草稿 — 尚未开具', color: '#c0392b', bold: true, margin: [0, 8, 0, 0] } as Content]
        : []),
      ...(i.status === 'voided' || i.status === 'reversed'
        ? [
            {
              text: `${i.status === 'voided' ? '已作废' : '已红冲'}：${i.voidReason ?? ''}`,
              color: '#c0392b',
              bold: true,
              margin: [0, 8, 0, 0],
            } as Content,
          ]
        : []),
    ],
  );
}
