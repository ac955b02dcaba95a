import { useState } from 'react';
import { Alert, Button, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Part } from '@common/parts/part.schemas';
import { partClasses } from '@common/parts/part.enums';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { ListFooter } from '../../app-shell/list-footer';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { useModels } from '../catalog/catalog-api';
import { formatMoney, localName } from '../catalog/catalog-format';
import { permissionScope, useMe } from '../identity/auth-api';
import { storeLabel, useStoreNames } from '../identity/store-options';
import { CounterSaleDrawer } from './counter-sale-drawer';
import { writeStore } from './money-input';
import { PartCreateDrawer } from './part-create-drawer';
import { ClassTag, OriginTag } from './part-tags';
import type { PartFilters } from './parts-api';
import { usePartList } from './parts-api';
import '../catalog/catalog.css';

function PartsSearch({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const [filters, setFilters] = useState<PartFilters>({});
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [selling, setSelling] = useState(false);
  const list = usePartList(filters);
  const models = useModels();
  const storeNames = useStoreNames(me);
  const parts = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canManage = permissionScope(me, 'parts.manage') !== null;
  const set = (patch: Partial<PartFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const stockHere = (p: Part) => p.stock.filter((s) => !storeId || s.storeId === storeId);

  const columns: TableColumnsType<Part> = [
    {
      title: t('parts.fields.partNo'),
      dataIndex: 'partNo',
      width: 150,
      render: (no: string, p) => (
        <Link className="fc-mono" to={`/parts/${p.id}`}>
          {no}
        </Link>
      ),
    },
    {
      title: t('parts.fields.partName'),
      key: 'name',
      render: (_, p) => (
        <div>
          <div>{localName(p)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.category}
            {p.supersededByNo ? ` · ${t('parts.supersededBy')} ${p.supersededByNo}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('parts.fields.origin'),
      dataIndex: 'origin',
      width: 120,
      render: (o: Part['origin']) => <OriginTag origin={o} />,
    },
    {
      title: t('parts.fields.class'),
      dataIndex: 'class',
      width: 110,
      render: (c: Part['class']) => <ClassTag value={c} />,
    },
    {
      title: t('parts.fields.listPrice'),
      dataIndex: 'listPrice',
      width: 110,
      align: 'right',
      render: (v: number) => formatMoney(v),
    },
    {
      title: t('parts.stockByStore'),
      key: 'stock',
      render: (_, p) => {
        const rows = stockHere(p);
        if (!rows.length) return <Typography.Text type="secondary">{t('parts.noStock')}</Typography.Text>;
        return (
          <Space orientation="vertical" size={0}>
            {rows.map((s) => (
              <span key={s.storeId} className="fc-nowrap">
                {storeLabel(storeNames, s.storeId)} · {t('parts.fields.bin')} {s.bin ?? '—'} ·{' '}
                {t('parts.fields.onHand')} {s.onHand} ·{' '}
                <strong>
                  {t('parts.fields.available')} {s.available}
                </strong>
              </span>
            ))}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('parts.title')}
        extra={
          canManage && (
            <Space>
              <Button icon={<ShoppingCartOutlined />} onClick={() => setSelling(true)}>
                {t('parts.counterSale')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('parts.newPart')}
              </Button>
            </Space>
          )
        }
      />
      <div className="fc-panel">
        <div className="fc-toolbar">
          <Input.Search
            allowClear
            aria-label={t('parts.searchPlaceholder')}
            placeholder={t('parts.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            enterButton={t('common.search')}
            style={{ width: 300 }}
          />
          <Input.Search
            allowClear
            aria-label={t('parts.barcodePlaceholder')}
            placeholder={t('parts.barcodePlaceholder')}
            onSearch={(v) => set({ barcode: v.trim() || undefined })}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            aria-label={t('parts.anyModel')}
            placeholder={t('parts.anyModel')}
            value={filters.modelId}
            onChange={(modelId?: string) => set({ modelId })}
            options={(models.data ?? []).map((m) => ({ value: m.id, label: localName(m) }))}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            aria-label={t('parts.anyClass')}
            placeholder={t('parts.anyClass')}
            value={filters.class}
            onChange={(c?: string) => set({ class: c })}
            options={partClasses.map((c) => ({ value: c, label: t(`parts.classes.${c}`) }))}
            style={{ width: 150 }}
          />
        </div>
        {list.isError && (
          <Alert type="error" showIcon title={describeError(list.error)} style={{ marginBottom: 12 }} />
        )}
        <Table<Part>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={parts}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('parts.empty')} />,
          }}
        />
        <ListFooter shown={parts.length} list={list} />
      </div>
      <PartCreateDrawer open={adding} onClose={() => setAdding(false)} />
      <CounterSaleDrawer
        open={selling}
        storeId={writeStore(storeId, me.stores)}
        onClose={() => setSelling(false)}
      />
    </>
  );
}

/** Parts → Parts search: by number, name, barcode and fitment, with stock per store and bin. */
export function PartsPage() {
  const me = useMe();
  return me.data ? <PartsSearch me={me.data} /> : null;
}
