import { useState } from 'react';
import { Alert, Button, Empty, Segmented, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Delivery } from '@common/sales/delivery.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { formatInstant } from '../identity/format';
import { useDeliveries } from './deliveries-api';
import { RecordStatusTag } from './sales-tags';
import '../catalog/catalog.css';
import './sales.css';

type Range = 'upcoming' | 'week' | 'completed' | 'all';

function queryOf(range: Range) {
  const today = dayjs().startOf('day');
  switch (range) {
    case 'upcoming':
      return { status: 'scheduled' };
    case 'week':
      return { from: today.toISOString(), to: today.add(7, 'day').toISOString() };
    case 'completed':
      return { status: 'completed' };
    default:
      return {};
  }
}

/** Delivery → Deliveries (H5.1.1): the schedule of handovers with what still blocks each one. */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const [range, setRange] = useState<Range>('upcoming');
  const list = useDeliveries({ ...queryOf(range), storeId });
  const columns: TableColumnsType<Delivery> = [
    {
      title: t('sales.delivery.scheduledAt'),
      dataIndex: 'scheduledAt',
      width: 150,
      render: (v: string) => formatInstant(v),
    },
    {
      title: t('sales.fields.number'),
      dataIndex: 'number',
      width: 150,
      render: (n: string, d) => (
        <Link className="fc-mono" to={`/deliveries/${d.id}`}>
          {n}
        </Link>
      ),
    },
    { title: t('sales.fields.customer'), dataIndex: 'customerName', width: 120 },
    { title: t('sales.fields.vehicle'), dataIndex: 'vehicleName', width: 220 },
    {
      title: t('sales.fields.vin'),
      dataIndex: 'vin',
      width: 190,
      render: (v: string | null) => <span className="fc-mono">{v ?? '—'}</span>,
    },
    { title: t('sales.delivery.place'), dataIndex: 'place', width: 150 },
    {
      title: t('sales.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Delivery['status']) => (
        <RecordStatusTag status={s} label={t(`sales.deliveryStatuses.${s}`)} />
      ),
    },
    {
      title: t('sales.delivery.blockersColumn'),
      key: 'blockers',
      width: 130,
      render: (_, d) =>
        d.status !== 'scheduled' ? null : d.blockers.length === 0 ? (
          <Tag color="green">{t('sales.delivery.readyShort')}</Tag>
        ) : (
          <Tag color="orange">{t('sales.delivery.blockerCount', { count: d.blockers.length })}</Tag>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={t('sales.deliveries.title')} />
      <div className="fc-panel">
        <div className="fc-toolbar">
          <Segmented<Range>
            value={range}
            onChange={setRange}
            options={(['upcoming', 'week', 'completed', 'all'] as const).map((r) => ({
              value: r,
              label: t(`sales.deliveries.ranges.${r}`),
            }))}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
            {t('common.refresh')}
          </Button>
        </div>
        {list.isError && (
          <Alert type="error" showIcon title={describeError(list.error)} style={{ marginBottom: 12 }} />
        )}
        <Table<Delivery>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 1250 }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sales.deliveries.empty')} />
            ),
          }}
        />
      </div>
    </>
  );
}
