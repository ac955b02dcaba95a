import { useState } from 'react';
import { Alert, Button, Empty, Input, Select, Table, Tag } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roles } from '@common/identity/roles';
import type { Me, User } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { permissionScope, useMe } from './auth-api';
import { formatInstant } from './format';
import { storeLabel, useStoreNames } from './store-options';
import { UserCreateDrawer } from './user-create-drawer';
import { UserDetailDrawer } from './user-detail-drawer';
import type { UserFilters, UserSort } from './users-api';
import { useUserList } from './users-api';
import { ListFooter } from '../../app-shell/list-footer';

function sortOrderOf(sort: UserSort | undefined, field: 'username' | 'createdAt') {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

function UsersTable({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const storeNames = useStoreNames(me);
  const [filters, setFilters] = useState<Omit<UserFilters, 'storeId'>>({ sort: 'username' });
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [openUserId, setOpenUserId] = useState<string | null>(null);
  const list = useUserList({ ...filters, storeId: storeId ?? undefined });
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canManage = permissionScope(me, 'users.manage') !== null;

  const columns: TableColumnsType<User> = [
    {
      title: t('users.fields.username'),
      dataIndex: 'username',
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'username'),
      render: (username: string, user) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenUserId(user.id)}>
          {username}
        </Button>
      ),
    },
    { title: t('users.fields.displayName'), dataIndex: 'displayName' },
    { title: t('users.fields.staffNo'), dataIndex: 'staffNo', width: 160 },
    {
      title: t('users.fields.phone'),
      dataIndex: 'phone',
      render: (phone: string | null) => phone ?? t('common.none'),
    },
    {
      title: t('users.fields.storeRoles'),
      dataIndex: 'storeRoles',
      render: (storeRoles: User['storeRoles']) =>
        storeRoles.map((r) => (
          <Tag key={`${r.storeId}-${r.role}`} color="blue" variant="filled">
            {storeLabel(storeNames, r.storeId)} · {t(`roles.${r.role}`)}
          </Tag>
        )),
    },
    {
      title: t('users.fields.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: User['status']) => (
        <Tag color={status === 'active' ? 'green' : 'default'}>{t(`users.status.${status}`)}</Tag>
      ),
    },
    {
      title: t('users.fields.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'createdAt'),
      render: (at: string) => formatInstant(at),
    },
  ];

  const onTableChange: TableProps<User>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = one?.field === 'createdAt' ? 'createdAt' : 'username';
    const sort: UserSort = one?.order === 'descend' ? `-${field}` : field;
    setFilters((f) => ({ ...f, sort: one?.order ? sort : 'username' }));
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('users.new')}
            </Button>
          )
        }
      />
      <div className="fc-panel">
        <div className="fc-toolbar">
          <Input.Search
            allowClear
            aria-label={t('common.search')}
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
            enterButton={t('common.search')}
            style={{ width: 380 }}
          />
          <Select
            allowClear
            aria-label={t('users.fields.role')}
            placeholder={t('users.allRoles')}
            value={filters.role}
            onChange={(role?: string) => setFilters((f) => ({ ...f, role }))}
            options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            aria-label={t('users.fields.status')}
            placeholder={t('users.allStatuses')}
            value={filters.status}
            onChange={(status?: string) => setFilters((f) => ({ ...f, status }))}
            options={(['active', 'disabled'] as const).map((s) => ({
              value: s,
              label: t(`users.status.${s}`),
            }))}
            style={{ width: 140 }}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void list.refetch()}
            aria-label={t('common.refresh')}
          >
            {t('common.refresh')}
          </Button>
        </div>
        {list.isError && (
          <Alert type="error" showIcon title={describeError(list.error)} style={{ marginBottom: 12 }} />
        )}
        <Table<User>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={users}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          onChange={onTableChange}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.empty')} />,
          }}
          onRow={(user) => ({ onDoubleClick: () => setOpenUserId(user.id) })}
          scroll={{ x: 900 }}
        />
        <ListFooter shown={users.length} list={list} />
      </div>
      <UserCreateDrawer me={me} open={creating} onClose={() => setCreating(false)} defaultStoreId={storeId} />
      <UserDetailDrawer me={me} userId={openUserId} onClose={() => setOpenUserId(null)} />
    </>
  );
}

/** Administration → Users: search, filter by the header's store, create, edit, history. */
export function UsersPage() {
  const me = useMe();
  return me.data ? <UsersTable me={me.data} /> : null;
}
