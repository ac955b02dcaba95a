import { Alert, Button, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { permissionScope, useMe } from '../identity/auth-api';
import { usePayments, useRefunds } from './money-api';
import { PaymentsTable } from './payments-table';
import { RefundsTable } from './refunds-table';
import '../catalog/catalog.css';
import './sales.css';

function Cashier({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const payments = usePayments({ status: 'recorded', storeId });
  const refunds = useRefunds({ status: 'pending', storeId });
  const canConfirm = permissionScope(me, 'payments.confirm') !== null;
  return (
    <>
      <PageHeader
        title={t('sales.cashier.title')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void Promise.all([payments.refetch(), refunds.refetch()])}
          >
            {t('common.refresh')}
          </Button>
        }
      />
      <div className="fc-panel" data-testid="cashier-payments">
        <Typography.Title level={5}>{t('sales.cashier.awaiting')}</Typography.Title>
        {payments.isError && <Alert type="error" showIcon title={describeError(payments.error)} />}
        <PaymentsTable
          payments={payments.data ?? []}
          canConfirm={canConfirm}
          showDeal
          loading={payments.isPending}
        />
      </div>
      <div className="fc-panel" style={{ marginTop: 16 }} data-testid="cashier-refunds">
        <Typography.Title level={5}>{t('sales.cashier.refunds')}</Typography.Title>
        {refunds.isError && <Alert type="error" showIcon title={describeError(refunds.error)} />}
        <RefundsTable refunds={refunds.data ?? []} canPay={canConfirm} showDeal />
      </div>
    </>
  );
}

/** Delivery → Cashier (H4.3.1): finance confirms the payments consultants recorded and pays refunds out. */
export function CashierPage() {
  const me = useMe();
  return me.data ? <Cashier me={me.data} /> : null;
}
