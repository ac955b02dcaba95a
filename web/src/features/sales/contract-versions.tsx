import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contract } from '@common/sales/contract.schemas';
import { formatMoney } from '../catalog/catalog-format';
import { formatInstant } from '../identity/format';
import { contractPdfUrl } from './contracts-api';
import { RecordStatusTag } from './sales-tags';

type TermValue = Contract['changes'][number]['before'];
const moneyTerms = new Set([
  'vehiclePrice',
  'displayPrice',
  'factoryOptions',
  'accessories',
  'services',
  'tradeInCredit',
  'invoiceTotal',
  'total',
  'loanDownPayment',
  'loanMonthly',
]);
const show = (field: string, v: TermValue) =>
  v === null ? '—' : typeof v === 'number' && moneyTerms.has(field) ? formatMoney(v) : String(v);

/** Every version of the contract with what changed from the one before (H4.1.3). */
export function ContractVersions({ contracts }: { contracts: Contract[] }) {
  const { t, i18n } = useTranslation();
  // a term the screen knows is named in the UI language; any other shows its key
  const termLabel = (field: string) =>
    i18n.exists(`sales.terms.${field}`) ? t(`sales.terms.${field}` as 'sales.terms.model') : field;
  const columns: TableColumnsType<Contract> = [
    {
      title: t('sales.contract.versionNo'),
      dataIndex: 'versionNo',
      width: 70,
      render: (n: number) => `v${n}`,
    },
    {
      title: t('sales.fields.number'),
      dataIndex: 'number',
      width: 150,
      render: (n: string) => <span className="fc-mono fc-nowrap">{n}</span>,
    },
    {
      title: t('sales.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Contract['status']) => (
        <RecordStatusTag status={s} label={t(`sales.contractStatuses.${s}`)} />
      ),
    },
    {
      title: t('sales.contract.signedOn'),
      dataIndex: 'signedAt',
      width: 140,
      render: (v: string | null) => formatInstant(v),
    },
    {
      title: t('sales.contract.changes'),
      key: 'changes',
      render: (_, c) => (
        <div>
          {c.changes.length === 0 && (
            <Typography.Text type="secondary">{t('sales.contract.firstVersion')}</Typography.Text>
          )}
          {c.amendReason && <div>{t('sales.contract.amendReasonValue', { reason: c.amendReason })}</div>}
          {c.changes.map((ch) => (
            <div key={ch.field} style={{ fontSize: 12 }}>
              <strong>{termLabel(ch.field)}</strong>: {show(ch.field, ch.before)} → {show(ch.field, ch.after)}
            </div>
          ))}
          {c.cancellation && (
            <div>
              <Typography.Text type="danger">
                {t(`sales.cancellationReasons.${c.cancellation.reason}`)}
                {c.cancellation.note ? ` · ${c.cancellation.note}` : ''}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('sales.contract.pdf'),
      key: 'pdf',
      width: 90,
      render: (_, c) => (
        <a href={contractPdfUrl(c.id)} target="_blank" rel="noreferrer">
          PDF
        </a>
      ),
    },
  ];
  return (
    <Table<Contract>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={contracts}
      pagination={false}
      data-testid="contract-versions"
    />
  );
}
