import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanQuote } from '@common/crm/purchase-plan.calc';
import type { Messages } from '../../i18n/en';
import { formatMoney } from '../catalog/catalog-format';

type RowKey = keyof Messages['plans']['rows'];
const rowsOf = (quotes: PlanQuote[]) => {
  const rows: { key: RowKey; bold?: boolean; values: (number | null | undefined)[] }[] = [
    { key: 'displayPrice', values: quotes.map((q) => q.vehiclePrice) },
    { key: 'factoryOptions', values: quotes.map((q) => q.factoryOptions) },
    { key: 'invoiceTotal', bold: true, values: quotes.map((q) => q.invoiceTotal) },
    { key: 'priceExclVat', values: quotes.map((q) => q.priceExclVat) },
    { key: 'vat', values: quotes.map((q) => q.vat) },
    { key: 'purchaseTaxRelief', values: quotes.map((q) => -q.purchaseTaxRelief) },
    { key: 'purchaseTax', values: quotes.map((q) => q.purchaseTax) },
    { key: 'accessories', values: quotes.map((q) => q.accessories) },
  ];
  if (quotes.some((q) => q.loan))
    rows.push(
      { key: 'financed', values: quotes.map((q) => q.loan?.principal) },
      { key: 'monthly', bold: true, values: quotes.map((q) => q.loan?.monthly) },
      { key: 'totalInterest', values: quotes.map((q) => q.loan?.totalInterest) },
    );
  rows.push(
    { key: 'dueAtPurchase', bold: true, values: quotes.map((q) => q.dueAtPurchase) },
    { key: 'totalCost', values: quotes.map((q) => q.totalCost) },
  );
  return rows;
};

/** The costs of the plan's alternatives side by side (the same figures as the PDF). */
export function PlanQuoteTable({ titles, quotes }: { titles: string[]; quotes: PlanQuote[] }) {
  const { t } = useTranslation();
  const rows = rowsOf(quotes);
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      data-testid="plan-quote"
      columns={[
        {
          title: '',
          key: 'label',
          width: 200,
          render: (_, r) => (r.bold ? <strong>{t(`plans.rows.${r.key}`)}</strong> : t(`plans.rows.${r.key}`)),
        },
        ...titles.map((title, i) => ({
          title,
          key: String(i),
          align: 'right' as const,
          render: (_: unknown, r: (typeof rows)[number]) =>
            r.bold ? <strong>{formatMoney(r.values[i])}</strong> : formatMoney(r.values[i]),
        })),
      ]}
    />
  );
}
