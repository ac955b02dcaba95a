import { useState } from 'react';
import { Button, Empty, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { partsOrderStatuses } from '@common/parts/parts-order.status';
import type { Me } from '@common/identity/user.schemas';
import { ListFooter } from '../../app-shell/list-footer';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { formatMoney } from '../catalog/catalog-format';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { useStoreNames } from '../identity/store-options';
import { CounterSaleDrawer } from './counter-sale-drawer';
import { writeStore } from './money-input';
import type { PartsOrderSummary } from './parts-api';
import { usePartsOrders } from './parts-api';
import '../catalog/catalog.css';

function Orders({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const [status, setStatus] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const list = usePartsOrders(storeId, status);
  const stores = useStoreNames(me);
  const orders = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<PartsOrderSummary> = [
    {
      title: t('parts.orders.number'),
      dataIndex: 'number',
      render: (n: string, o) => (
        <Link className="fc-mono" to={`/parts-orders/${o.id}`}>
          {n}
        </Link>
      ),
    },
    {
      title: t('parts.orders.channel'),
      dataIndex: 'channel',
      render: (c: PartsOrderSummary['channel']) => t(`parts.orders.channels.${c}`),
    },
    {
      title: t('parts.orders.status'),
      dataIndex: 'status',
      render: (s: PartsOrderSummary['status']) => <Tag>{t(`parts.orders.statuses.${s}`)}</Tag>,
    },
    {
      title: t('parts.fields.customerName'),
      dataIndex: 'customerName',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('parts.orders.total'),
      dataIndex: 'total',
      align: 'right',
      render: (v: number) => formatMoney(v),
    },
    { title: t('parts.orders.trackingNo'), dataIndex: 'trackingNo', render: (v: string | null) => v ?? '—' },
    { title: t('parts.fields.at'), dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
  ];
  return (
    <>
      <PageHeader
        title={t('parts.orders.title')}
        extra={
          permissionScope(me, 'parts.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('parts.orders.new')}
            </Button>
          )
        }
      />
      <div className="fc-panel">
        <div className="fc-toolbar">
          <Select
            allowClear
            aria-label={t('parts.orders.status')}
            placeholder={t('parts.orders.status')}
            value={status}
            onChange={setStatus}
            options={partsOrderStatuses.map((s) => ({ value: s, label: t(`parts.orders.statuses.${s}`) }))}
            style={{ width: 180 }}
          />
        </div>
        <Table<PartsOrderSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={orders}
          loading={list.isPending}
          pagination={false}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('parts.orders.empty')} />,
          }}
        />
        <ListFooter shown={orders.length} list={list} />
      </div>
      <CounterSaleDrawer
        open={adding}
        order
        storeId={writeStore(storeId, me.stores)}
        stores={[...stores.values()]}
        onClose={() => setAdding(false)}
      />
    </>
  );
}

/** Parts → Parts orders: customers', workshops' and other stores' orders, and counter sales. */
export function PartsOrdersPage() {
  const me = useMe();
  return me.data ? <Orders me={me.data} /> : null;
}
