import { useState } from 'react';
import { App, Button, Input, Modal, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Payment } from '@common/sales/money.schemas';
import { describeError } from '../../api/form-errors';
import { formatMoney } from '../catalog/catalog-format';
import { formatInstant } from '../identity/format';
import { receiptUrl, useConfirmPayment, useRejectPayment } from './money-api';
import { RecordStatusTag } from './sales-tags';

/** Payments with their status; finance confirms (reconciles) or rejects the recorded ones, with a receipt each. */
export function PaymentsTable({
  payments,
  canConfirm,
  showDeal,
  loading,
}: {
  payments: Payment[];
  canConfirm: boolean;
  showDeal?: boolean;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirmPayment();
  const reject = useRejectPayment();
  const [rejecting, setRejecting] = useState<Payment | null>(null);
  const [reason, setReason] = useState('');
  const onError = (e: unknown) => void message.error(describeError(e));
  const columns: TableColumnsType<Payment> = [
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
            width: 200,
            render: (_: unknown, p: Payment) => (
              <Link to={`/deals/${p.dealId}?tab=payments`}>
                {p.dealNumber} · {p.customerName}
              </Link>
            ),
          },
        ]
      : []),
    {
      title: t('sales.payments.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: Payment['kind']) => t(`sales.paymentKinds.${k}`),
    },
    {
      title: t('sales.payments.method'),
      dataIndex: 'method',
      width: 100,
      render: (m: Payment['method']) => t(`sales.paymentMethods.${m}`),
    },
    {
      title: t('sales.payments.amount'),
      dataIndex: 'amount',
      align: 'right',
      width: 130,
      render: (v: number) => formatMoney(v),
    },
    {
      title: t('sales.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Payment['status'], p) => (
        <span title={p.rejectionReason ?? undefined}>
          <RecordStatusTag status={s} label={t(`sales.paymentStatuses.${s}`)} />
        </span>
      ),
    },
    {
      title: t('sales.payments.receivedAt'),
      dataIndex: 'receivedAt',
      width: 140,
      render: (v: string) => <span className="fc-nowrap">{formatInstant(v)}</span>,
    },
    { title: t('sales.payments.recordedBy'), dataIndex: 'recordedBy', width: 100 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, p) => (
        <Space>
          {canConfirm && p.status === 'recorded' && (
            <>
              <Button
                size="small"
                type="primary"
                loading={confirm.isPending && confirm.variables?.id === p.id}
                onClick={() =>
                  confirm.mutate(
                    { id: p.id, body: { version: p.version } },
                    {
                      onSuccess: () =>
                        void message.success(t('sales.payments.confirmed', { number: p.number })),
                      onError,
                    },
                  )
                }
              >
                {t('sales.payments.confirm')}
              </Button>
              <Button size="small" danger onClick={() => setRejecting(p)}>
                {t('sales.payments.reject')}
              </Button>
            </>
          )}
          {p.status === 'confirmed' && (
            <a href={receiptUrl(p.id)} target="_blank" rel="noreferrer">
              {t('sales.payments.receipt')}
            </a>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<Payment>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={payments}
        loading={loading}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="payments-table"
      />
      <Modal
        open={rejecting !== null}
        title={t('sales.payments.reject')}
        okText={t('sales.payments.reject')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        confirmLoading={reject.isPending}
        onCancel={() => setRejecting(null)}
        onOk={() =>
          rejecting &&
          reject.mutate(
            { id: rejecting.id, body: { version: rejecting.version, reason: reason.trim() } },
            {
              onSuccess: () => {
                setRejecting(null);
                setReason('');
              },
              onError,
            },
          )
        }
      >
        <Input.TextArea
          rows={2}
          maxLength={300}
          aria-label={t('sales.payments.rejectReason')}
          placeholder={t('sales.payments.rejectReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
