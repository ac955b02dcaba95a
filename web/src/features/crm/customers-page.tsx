import { useState } from 'react';
import { Alert, Button, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Customer } from '@common/crm/customer.schemas';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { CustomerCreateDrawer } from './customer-create-drawer';
import { useCustomerSearch } from './customers-api';
import '../catalog/catalog.css';
import { useDebounced } from './use-debounced';

function Customers({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const [adding, setAdding] = useState(false);
  const list = useCustomerSearch(q, storeId);
  const customers = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canManage = permissionScope(me, 'customers.manage') !== null;

  const columns: TableColumnsType<Customer> = [
    {
      title: t('customers.fields.name'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <Space direction="vertical" size={0}>
          <Link to={`/customers/${c.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.number}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('customers.fields.type'),
      dataIndex: 'type',
      width: 90,
      render: (type: Customer['type']) => t(`customers.types.${type}`),
    },
    {
      title: t('customers.fields.mobile'),
      key: 'mobile',
      width: 150,
      render: (_, c) => <span className="fc-mono fc-nowrap">{c.mobiles[0]?.number ?? t('common.none')}</span>,
    },
    {
      title: t('customers.fields.identity'),
      key: 'identity',
      width: 200,
      render: (_, c) =>
        c.identityDocument ? (
          <span className="fc-mono fc-nowrap">{c.identityDocument.numberMasked}</span>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('customers.fields.owner'),
      dataIndex: 'ownerName',
      width: 120,
      render: (name: string | null) => name ?? t('common.none'),
    },
    {
      title: t('customers.fields.tags'),
      dataIndex: 'tags',
      width: 160,
      render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    {
      title: t('customers.fields.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (at: string) => formatInstant(at),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('customers.add.open')}
            </Button>
          )
        }
      />
      <Input
        allowClear
        size="large"
        prefix={<SearchOutlined />}
        placeholder={t('customers.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ maxWidth: 560, marginBottom: 16 }}
        aria-label={t('customers.searchPlaceholder')}
        data-testid="customer-search"
      />
      {list.error && (
        <Alert type="error" showIcon message={describeError(list.error)} style={{ marginBottom: 16 }} />
      )}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={customers}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty description={q ? t('customers.noMatch') : t('common.noData')} /> }}
      />
      {list.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
        >
          {t('common.loadMore')}
        </Button>
      )}
      <CustomerCreateDrawer open={adding} storeId={storeId} onClose={() => setAdding(false)} />
    </>
  );
}

/** 客户档案: search as you type by name, mobile (or its last 4), plate, VIN or identity number. */
export function CustomersPage() {
  const me = useMe();
  return me.data ? <Customers me={me.data} /> : null;
}
