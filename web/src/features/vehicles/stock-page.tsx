import { useState } from 'react';
import { Alert, Button, Dropdown, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Vehicle } from '@common/vehicles/vehicle.schemas';
import { agingBuckets, vehicleStatuses } from '@common/vehicles/vehicle.status';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { formatMoney } from '../catalog/catalog-format';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { StockImportModal } from './stock-import-modal';
import { StockSummaryTiles } from './stock-summary-tiles';
import { VehicleCreateDrawer } from './vehicle-create-drawer';
import { AgingTag, StatusTag } from './vehicle-tags';
import type { StockFilters } from './vehicles-api';
import { exportUrl, useStockSummary, useVehicleList } from './vehicles-api';
import '../catalog/catalog.css';
import { ListFooter } from '../../app-shell/list-footer';

function Stock({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const [filters, setFilters] = useState<StockFilters>({});
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useVehicleList(filters, storeId);
  const summary = useStockSummary(storeId);
  const vehicles = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canManage = permissionScope(me, 'vehicles.manage') !== null;
  const set = (patch: Partial<StockFilters>) => setFilters((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<Vehicle> = [
    {
      title: t('stock.fields.vin'),
      dataIndex: 'vin',
      width: 190,
      render: (vin: string, v) => (
        <Link className="fc-mono" to={`/vehicles/${v.id}`}>
          {vin}
        </Link>
      ),
    },
    {
      title: t('stock.fields.vehicle'),
      key: 'vehicle',
      render: (_, v) => (
        <div>
          <div>{v.trimName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v.brandName} {v.modelName}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('stock.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Vehicle['status']) => <StatusTag status={s} />,
    },
    {
      title: t('stock.fields.location'),
      dataIndex: 'location',
      width: 90,
      render: (l: Vehicle['location']) => t(`stock.locations.${l}`),
    },
    {
      title: t('stock.fields.arrivedOn'),
      dataIndex: 'arrivedOn',
      width: 110,
      render: (d: string | null) => d ?? t('common.none'),
    },
    {
      title: t('stock.fields.stockAge'),
      key: 'age',
      width: 100,
      render: (_, v) => <AgingTag bucket={v.agingBucket} days={v.stockAgeDays} />,
    },
    {
      title: t('stock.fields.holdingCostToDate'),
      dataIndex: 'holdingCostToDate',
      align: 'right',
      width: 130,
      render: (v: number | null) => formatMoney(v),
    },
    {
      title: t('stock.fields.reservedUntil'),
      key: 'reservation',
      width: 140,
      render: (_, v) => (v.reservation ? formatInstant(v.reservation.until) : t('common.none')),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('stock.title')}
        extra={
          <Space>
            <Dropdown
              menu={{
                items: (['csv', 'xlsx'] as const).map((f) => ({
                  key: f,
                  label: (
                    <a href={exportUrl(f, storeId)} download>
                      {t(`stock.export.${f}`)}
                    </a>
                  ),
                })),
              }}
            >
              <Button icon={<DownloadOutlined />}>{t('stock.export.button')}</Button>
            </Dropdown>
            {canManage && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('stock.import.button')}
              </Button>
            )}
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('stock.add.button')}
              </Button>
            )}
          </Space>
        }
      />
      <StockSummaryTiles
        summary={summary.data}
        status={filters.status ?? []}
        aging={filters.aging}
        onStatus={(s) => set({ status: filters.status?.length === 1 && filters.status[0] === s ? [] : [s] })}
        onAging={(b) => set({ aging: filters.aging === b ? undefined : b })}
      />
      <div className="fc-panel">
        <div className="fc-toolbar">
          <Input.Search
            allowClear
            aria-label={t('stock.searchLabel')}
            placeholder={t('stock.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => set({ q: q.trim().toUpperCase() || undefined })}
            enterButton={t('common.search')}
            style={{ width: 300 }}
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            aria-label={t('stock.fields.status')}
            placeholder={t('stock.allStatuses')}
            value={filters.status ?? []}
            onChange={(status: string[]) => set({ status })}
            options={vehicleStatuses.map((s) => ({ value: s, label: t(`stock.statuses.${s}`) }))}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            aria-label={t('stock.fields.stockAge')}
            placeholder={t('stock.allAging')}
            value={filters.aging}
            onChange={(aging?: string) => set({ aging })}
            options={agingBuckets.map((b) => ({ value: b, label: t(`stock.aging.${b}`) }))}
            style={{ width: 150 }}
          />
          <Select
            allowClear
            aria-label={t('catalog.fields.nev')}
            placeholder={t('catalog.filters.nevAny')}
            value={filters.nev}
            onChange={(nev?: 'true' | 'false') => set({ nev })}
            options={[
              { value: 'true', label: t('catalog.filters.nevOnly') },
              { value: 'false', label: t('catalog.filters.nonNev') },
            ]}
            style={{ width: 140 }}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void Promise.all([list.refetch(), summary.refetch()])}
          >
            {t('common.refresh')}
          </Button>
        </div>
        {list.isError && (
          <Alert type="error" showIcon title={describeError(list.error)} style={{ marginBottom: 12 }} />
        )}
        <Table<Vehicle>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={vehicles}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stock.empty')} />,
          }}
        />
        <ListFooter shown={vehicles.length} list={list} />
      </div>
      <VehicleCreateDrawer open={adding} storeId={storeId} onClose={() => setAdding(false)} />
      <StockImportModal open={importing} storeId={storeId} onClose={() => setImporting(false)} />
    </>
  );
}

/** Sales → Stock: the yard by status and 库龄, add by VIN, import and export. */
export function StockPage() {
  const me = useMe();
  return me.data ? <Stock me={me.data} /> : null;
}
