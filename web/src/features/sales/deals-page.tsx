import { useState } from 'react';
import { Alert, Button, Drawer, Empty, Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '@common/identity/user.schemas';
import { dealStatuses, type DealStatus } from '@common/sales/deal.status';
import { describeError } from '../../api/form-errors';
import { ListFooter } from '../../app-shell/list-footer';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { formatMoney } from '../catalog/catalog-format';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { DealDesk } from './deal-desk';
import { useDealList, type DealSummary } from './deals-api';
import { AgeTag, DealStatusTag } from './sales-tags';
import '../catalog/catalog.css';
import './sales.css';

function Deals({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const [status, setStatus] = useState<DealStatus | 'all'>('all');
  const [creating, setCreating] = useState(false);
  const list = useDealList({ status: status === 'all' ? undefined : status }, storeId);
  const deals = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canManage = permissionScope(me, 'deals.manage') !== null;

  const columns: TableColumnsType<DealSummary> = [
    {
      title: t('sales.fields.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string, d) => (
        <div>
          <Link className="fc-mono" to={`/deals/${d.id}`}>
            {n}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} title={t('sales.fields.updatedAt')}>
              {formatInstant(d.updatedAt)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('sales.fields.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: DealStatus) => <DealStatusTag status={s} />,
    },
    {
      title: `${t('sales.fields.customer')} / ${t('sales.fields.consultant')}`,
      dataIndex: 'customerName',
      width: 130,
      render: (name: string, d) => (
        <div>
          <div>{name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.consultantName}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('sales.fields.vehicle'),
      key: 'vehicle',
      width: 230,
      render: (_, d) => (
        <div>
          <div>{d.vehicleName}</div>
          <Typography.Text type="secondary" className="fc-mono fc-nowrap" style={{ fontSize: 12 }}>
            {d.vin ?? t('sales.toOrder')}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('sales.fields.amount'),
      dataIndex: 'dueToDealer',
      align: 'right',
      width: 130,
      render: (v: number) => formatMoney(v),
    },
    {
      title: t('sales.fields.discount'),
      dataIndex: 'discount',
      align: 'right',
      width: 110,
      render: (v: number) => formatMoney(v),
    },
    {
      title: t('sales.fields.balance'),
      dataIndex: 'balance',
      align: 'right',
      width: 130,
      render: (v: number) => (
        <Typography.Text type={v > 0 ? 'warning' : v < 0 ? 'danger' : 'success'}>
          {formatMoney(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('sales.fields.age'),
      dataIndex: 'ageDays',
      width: 90,
      render: (days: number) => <AgeTag days={days} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('sales.deals.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('sales.deals.new')}
            </Button>
          )
        }
      />
      <div className="fc-panel">
        <div className="fc-toolbar">
          <Segmented<DealStatus | 'all'>
            aria-label={t('sales.fields.status')}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: t('sales.deals.allStatuses') },
              ...dealStatuses.map((s) => ({ value: s, label: t(`sales.dealStatuses.${s}`) })),
            ]}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
            {t('common.refresh')}
          </Button>
        </div>
        {list.isError && (
          <Alert type="error" showIcon title={describeError(list.error)} style={{ marginBottom: 12 }} />
        )}
        <Table<DealSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={deals}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 1080 }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sales.deals.empty')} />,
          }}
        />
        <ListFooter shown={deals.length} list={list} />
      </div>
      <Drawer
        open={creating}
        onClose={() => setCreating(false)}
        title={t('sales.deals.new')}
        size={1180}
        destroyOnHidden
      >
        <DealDesk me={me} storeId={storeId} />
      </Drawer>
    </>
  );
}

/** Sales → Deals: the managers' list of deals with status, balance and aging; a new deal opens the desk. */
export function DealsPage() {
  const me = useMe();
  return me.data ? <Deals me={me.data} /> : null;
}
