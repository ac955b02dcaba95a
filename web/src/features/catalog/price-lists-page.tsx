import { useState } from 'react';
import { Alert, Button, Empty, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { priceListStatuses } from '@common/catalog/catalog.enums';
import type { PriceListSummary } from '@common/catalog/price-list.schemas';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { storeLabel, useStoreNames } from '../identity/store-options';
import { PriceListEditor } from './price-list-editor';
import { PriceListStatusTag } from './price-list-status-tag';
import { usePriceLists } from './price-lists-api';
import { QuoteCheckCard } from './quote-check-card';
import './catalog.css';
import { ListFooter } from '../../app-shell/list-footer';

function PriceLists({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const storeNames = useStoreNames(me);
  const [status, setStatus] = useState<string | undefined>();
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const list = usePriceLists(storeId, status);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canManage = permissionScope(me, 'prices.manage') !== null;

  const columns: TableColumnsType<PriceListSummary> = [
    {
      title: t('catalog.priceLists.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing({ id: row.id })}>
          {name}
        </Button>
      ),
    },
    // With a store chosen in the header every list is that store's.
    ...(storeId
      ? []
      : [
          {
            title: t('catalog.priceLists.store'),
            dataIndex: 'storeId',
            render: (id: string) => storeLabel(storeNames, id),
          },
        ]),
    {
      title: t('catalog.priceLists.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: PriceListSummary['status']) => <PriceListStatusTag status={s} />,
    },
    { title: t('catalog.priceLists.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
    {
      title: t('catalog.priceLists.effectiveTo'),
      dataIndex: 'effectiveTo',
      width: 110,
      render: (d: string | null) => d ?? t('catalog.priceLists.openEnded'),
    },
    { title: t('catalog.priceLists.lines'), dataIndex: 'itemCount', width: 80, align: 'right' },
    {
      title: t('catalog.priceLists.updatedAt'),
      dataIndex: 'updatedAt',
      width: 140,
      render: (at: string) => formatInstant(at),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('catalog.priceLists.title')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!storeId}
              title={storeId ? undefined : t('catalog.chooseStore')}
              onClick={() => setEditing({ id: null })}
            >
              {t('catalog.priceLists.new')}
            </Button>
          )
        }
      />
      <div className="fc-two-columns">
        <div className="fc-panel">
          <div className="fc-toolbar">
            <Select
              allowClear
              aria-label={t('catalog.priceLists.status')}
              placeholder={t('catalog.priceLists.allStatuses')}
              value={status}
              onChange={(s?: string) => setStatus(s)}
              options={priceListStatuses.map((s) => ({ value: s, label: t(`catalog.priceListStatus.${s}`) }))}
              style={{ width: 160 }}
            />
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              {t('common.refresh')}
            </Button>
          </div>
          {list.isError && (
            <Alert type="error" showIcon title={describeError(list.error)} style={{ marginBottom: 12 }} />
          )}
          <Table<PriceListSummary>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            pagination={false}
            scroll={{ x: 720 }}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.priceLists.empty')} />
              ),
            }}
          />
          <ListFooter shown={rows.length} list={list} />
        </div>
        <QuoteCheckCard storeId={storeId} />
      </div>
      <PriceListEditor
        id={editing?.id ?? null}
        storeId={storeId}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onCreated={(id) => setEditing({ id })}
      />
    </>
  );
}

/** Sales → Price lists: the store's lists with effective dates, the draft editor, and the Art. 10 check. */
export function PriceListsPage() {
  const me = useMe();
  return me.data ? <PriceLists me={me.data} /> : null;
}
