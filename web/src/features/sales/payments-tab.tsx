import { App, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '@common/identity/user.schemas';
import type { Deal } from '@common/sales/deal.schemas';
import { describeError } from '../../api/form-errors';
import { formatMoney } from '../catalog/catalog-format';
import { permissionScope } from '../identity/auth-api';
import { BalanceBox } from './balance-box';
import { useCreateRefund, usePayments, useRefunds } from './money-api';
import { PaymentRecordForm } from './payment-record-form';
import { PaymentsTable } from './payments-table';
import { RefundsTable } from './refunds-table';

/** The deal's money (H4.3.1): record a payment, the list with status, the balance and any refunds. */
export function PaymentsTab({ me, deal }: { me: Me; deal: Deal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const payments = usePayments({ dealId: deal.id });
  const refunds = useRefunds({ dealId: deal.id });
  const createRefund = useCreateRefund();
  const canRecord = permissionScope(me, 'payments.record') !== null;
  const canConfirm = permissionScope(me, 'payments.confirm') !== null;
  const open = deal.status !== 'cancelled' && deal.status !== 'quote' && deal.status !== 'awaiting_approval';
  const pendingRefund = (refunds.data ?? []).some(
    (r) => r.status === 'pending' && r.source === 'overpayment',
  );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="payments-tab">
      <BalanceBox balance={deal.balance} />
      {deal.balance.overpaid > 0 && canRecord && !pendingRefund && (
        <Button
          loading={createRefund.isPending}
          onClick={() =>
            createRefund.mutate(
              {
                dealId: deal.id,
                amount: deal.balance.overpaid,
                reason: t('sales.refunds.overpaymentReason'),
              },
              { onError: (e) => void message.error(describeError(e)) },
            )
          }
        >
          {t('sales.refunds.createForOverpayment', { amount: formatMoney(deal.balance.overpaid) })}
        </Button>
      )}
      {canRecord && open && <PaymentRecordForm deal={deal} />}
      {!open && deal.status !== 'cancelled' && (
        <Typography.Text type="secondary">{t('sales.payments.agreeFirst')}</Typography.Text>
      )}
      <PaymentsTable payments={payments.data ?? []} canConfirm={canConfirm} loading={payments.isPending} />
      {(refunds.data ?? []).length > 0 && (
        <>
          <Typography.Title level={5}>{t('sales.refunds.title')}</Typography.Title>
          <RefundsTable refunds={refunds.data ?? []} canPay={canConfirm} />
        </>
      )}
    </Space>
  );
}
