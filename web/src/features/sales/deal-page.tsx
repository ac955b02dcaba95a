import { Alert, Button, Descriptions, Result, Space, Spin, Tabs } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Me } from '@common/identity/user.schemas';
import type { Deal } from '@common/sales/deal.schemas';
import { isApiError } from '../../api/api-client';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { formatMoney } from '../catalog/catalog-format';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { ContractTab } from './contract-tab';
import { DealDecisionBar } from './deal-decision-bar';
import { DealDesk } from './deal-desk';
import { useDeal } from './deals-api';
import { DeliveryTab } from './delivery-tab';
import { InvoiceTab } from './invoice-tab';
import { PaymentsTab } from './payments-tab';
import { AgeTag, DealStatusTag } from './sales-tags';
import '../catalog/catalog.css';
import './sales.css';

const tabs = ['quote', 'contract', 'payments', 'invoice', 'delivery'] as const;
type TabKey = (typeof tabs)[number];

function Summary({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3, xxl: 4 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      style={{ marginBottom: 16 }}
    >
      <Descriptions.Item label={t('sales.fields.customer')}>
        <Link to={`/customers/${deal.customerId}`}>{deal.customerName}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('sales.fields.consultant')}>{deal.consultantName}</Descriptions.Item>
      <Descriptions.Item label={t('sales.fields.vehicle')}>
        {deal.vehicleName}
        {deal.colourName ? ` · ${deal.colourName}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('sales.fields.vin')}>
        <span className="fc-mono">{deal.vin ?? t('sales.toOrder')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('sales.fields.amount')}>
        {formatMoney(deal.totals.dueToDealer)}
      </Descriptions.Item>
      <Descriptions.Item label={t('sales.fields.balance')}>
        <span data-testid="deal-balance">{formatMoney(deal.balance.balance)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('sales.fields.age')}>
        <AgeTag days={deal.ageDays} />
      </Descriptions.Item>
      {deal.approval?.decision && (
        <Descriptions.Item label={t('sales.fields.approval')}>
          {t(`sales.approval.${deal.approval.decision}`, { at: formatInstant(deal.approval.decidedAt) })}
          {deal.approval.note ? ` · ${deal.approval.note}` : ''}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function DealView({ me, id }: { me: Me; id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { storeId } = useSelectedStore();
  const [params, setParams] = useSearchParams();
  const query = useDeal(id);
  if (query.isPending) return <Spin />;
  if (query.isError)
    return isApiError(query.error, 404) ? (
      <Result
        status="404"
        title={t('sales.deals.notFound')}
        extra={<Link to="/deals">{t('sales.deals.back')}</Link>}
      />
    ) : (
      <Alert type="error" showIcon title={describeError(query.error)} />
    );
  const deal = query.data;
  const active = (tabs as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as TabKey)
    : 'quote';
  const may = (a: Parameters<typeof permissionScope>[1]) => permissionScope(me, a) !== null;
  const items = [
    {
      key: 'quote',
      label: t('sales.tabs.quote'),
      children: <DealDesk key={deal.version} me={me} storeId={storeId} deal={deal} />,
    },
    { key: 'contract', label: t('sales.tabs.contract'), children: <ContractTab me={me} deal={deal} /> },
    may('payments.read') && {
      key: 'payments',
      label: t('sales.tabs.payments'),
      children: <PaymentsTab me={me} deal={deal} />,
    },
    may('invoices.read') && {
      key: 'invoice',
      label: t('sales.tabs.invoice'),
      children: <InvoiceTab me={me} deal={deal} />,
    },
    may('deliveries.read') && {
      key: 'delivery',
      label: t('sales.tabs.delivery'),
      children: <DeliveryTab me={me} deal={deal} />,
    },
  ].filter((x): x is { key: TabKey; label: string; children: React.JSX.Element } => x !== false);
  return (
    <>
      <PageHeader
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('sales.deals.back')}
              title={t('sales.deals.back')}
              onClick={() => void navigate('/deals')}
            />
            <span>{t('sales.deals.dealTitle', { number: deal.number })}</span>
            <DealStatusTag status={deal.status} />
          </Space>
        }
        extra={<DealDecisionBar me={me} deal={deal} />}
      />
      {deal.status === 'awaiting_approval' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('sales.deals.awaitingApproval', {
            discount: formatMoney(deal.totals.discount),
            limit: formatMoney(deal.discountLimit),
          })}
        />
      )}
      <Summary deal={deal} />
      <div className="fc-panel">
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={items}
          destroyOnHidden
        />
      </div>
    </>
  );
}

/** One deal: the quote desk, contract, payments, invoice and delivery as tabs, with the legal decisions. */
export function DealPage() {
  const me = useMe();
  const { id } = useParams();
  return me.data && id ? <DealView me={me.data} id={id} /> : null;
}
