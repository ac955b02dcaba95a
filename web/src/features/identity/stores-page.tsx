import { useState } from 'react';
import { Alert, Button, Empty, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Store } from '@common/identity/store.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { permissionScope, useMe } from './auth-api';
import { formatInstant } from './format';
import { StoreFormModal } from './store-form-modal';
import { useStoreList } from './stores-api';

/** Administration → Stores of the dealer group. */
export function StoresPage() {
  const { t } = useTranslation();
  const me = useMe();
  const stores = useStoreList();
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const editedStore = stores.data?.find((s) => s.id === editing?.id) ?? null;
  const canManage = permissionScope(me.data, 'stores.manage') !== null;

  const columns: TableColumnsType<Store> = [
    { title: t('stores.fields.code'), dataIndex: 'code', width: 110 },
    { title: t('stores.fields.name'), dataIndex: 'name' },
    { title: t('stores.fields.timezone'), dataIndex: 'timezone', width: 150 },
    { title: t('stores.fields.currency'), dataIndex: 'currency', width: 80 },
    {
      title: t('stores.fields.address'),
      dataIndex: 'address',
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('stores.fields.taxId'),
      dataIndex: 'taxId',
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('stores.fields.active'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'}>
          {active ? t('stores.status.active') : t('stores.status.inactive')}
        </Tag>
      ),
    },
    {
      title: t('stores.fields.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (at: string) => formatInstant(at),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, store) => (
        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing({ id: store.id })}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('stores.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null })}>
              {t('stores.new')}
            </Button>
          )
        }
      />
      <div className="fc-panel">
        {stores.isError && (
          <Alert type="error" showIcon title={describeError(stores.error)} style={{ marginBottom: 12 }} />
        )}
        <Table<Store>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={stores.data ?? []}
          loading={stores.isPending}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stores.empty')} />,
          }}
        />
      </div>
      <StoreFormModal
        store={editedStore}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onConflict={() => void stores.refetch()}
      />
    </>
  );
}
