import { useState } from 'react';
import { App, Button, Input, Modal, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Refund } from '@common/sales/money.schemas';
import { paymentMethods } from '@common/sales/deal.status';
import { describeError } from '../../api/form-errors';
import { formatMoney } from '../catalog/catalog-format';
import { formatInstant } from '../identity/format';
import { usePayRefund } from './money-api';
import { RecordStatusTag } from './sales-tags';

type Method = (typeof paymentMethods)[number];

/** Refunds are records of their own (never edits of a payment): pending until finance pays them out. */
export function RefundsTable({
  refunds,
  canPay,
  showDeal,
}: {
  refunds: Refund[];
  canPay: boolean;
  showDeal?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pay = usePayRefund();
  const [paying, setPaying] = useState<Refund | null>(null);
  const [method, setMethod] = useState<Method>('bank_transfer');
  const [reference, setReference] = useState('');
  const columns: TableColumnsType<Refund> = [
    {
      title: t('sales.fields.number'),
      dataIndex: 'number',
      width: 150,
      render: (n: string) => <span className="fc-mono fc-nowrap">{n}</span>,
    },
    ...(showDeal
      ? [
          {
            title: t('sales.fields.deal'),
            key: 'deal',
            width: 150,
            render: (_: unknown, r: Refund) => (
              <Link to={`/deals/${r.dealId}?tab=payments`}>{r.dealNumber}</Link>
            ),
          },
        ]
      : []),
    {
      title: t('sales.refunds.source'),
      dataIndex: 'source',
      width: 110,
      render: (s: Refund['source']) => t(`sales.refundSources.${s}`),
    },
    {
      title: t('sales.payments.amount'),
      dataIndex: 'amount',
      align: 'right',
      width: 130,
      render: (v: number) => formatMoney(v),
    },
    { title: t('sales.refunds.reason'), dataIndex: 'reason' },
    {
      title: t('sales.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Refund['status']) => <RecordStatusTag status={s} label={t(`sales.refundStatuses.${s}`)} />,
    },
    {
      title: t('sales.refunds.paidAt'),
      dataIndex: 'paidAt',
      width: 140,
      render: (v: string | null) => formatInstant(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, r) =>
        canPay && r.status === 'pending' ? (
          <Button size="small" type="primary" onClick={() => setPaying(r)}>
            {t('sales.refunds.pay')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <Table<Refund>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={refunds}
        pagination={false}
        data-testid="refunds-table"
      />
      <Modal
        open={paying !== null}
        title={t('sales.refunds.pay')}
        okText={t('sales.refunds.pay')}
        confirmLoading={pay.isPending}
        onCancel={() => setPaying(null)}
        onOk={() =>
          paying &&
          pay.mutate(
            {
              id: paying.id,
              body: { version: paying.version, method, reference: reference.trim() || undefined },
            },
            {
              onSuccess: () => {
                setPaying(null);
                void message.success(t('sales.refunds.paid'));
              },
              onError: (e) => void message.error(describeError(e)),
            },
          )
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{paying ? formatMoney(paying.amount) : ''}</span>
          <Select<Method>
            aria-label={t('sales.payments.method')}
            value={method}
            onChange={setMethod}
            style={{ width: '100%' }}
            options={paymentMethods.map((m) => ({ value: m, label: t(`sales.paymentMethods.${m}`) }))}
          />
          <Input
            aria-label={t('sales.payments.reference')}
            placeholder={t('sales.payments.reference')}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        </Space>
      </Modal>
    </>
  );
}
