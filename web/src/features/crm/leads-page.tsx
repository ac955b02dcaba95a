import { useState } from 'react';
import { Alert, App, Button, Empty, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Lead } from '@common/crm/lead.schemas';
import { leadSources, leadStatuses } from '@common/crm/lead.status';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { LeadActions } from './lead-actions';
import { LeadAssignModal, LeadLoseModal } from './lead-close-modals';
import { LeadCreateDrawer } from './lead-create-drawer';
import { LeadFunnelTiles } from './lead-funnel-tiles';
import { LeadRulesModal } from './lead-rules-modal';
import { LeadStatusTag, SlaCell } from './lead-tags';
import type { LeadFilters } from './leads-api';
import { useAssignLead, useLeadFunnel, useLeadList, useLoseLead } from './leads-api';
import '../catalog/catalog.css';
import { ListFooter } from '../../app-shell/list-footer';

function Leads({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { storeId } = useSelectedStore();
  const [filters, setFilters] = useState<LeadFilters>({});
  const [adding, setAdding] = useState(false);
  const [rules, setRules] = useState(false);
  const [losing, setLosing] = useState<Lead | null>(null);
  const [assigning, setAssigning] = useState<Lead | null>(null);
  const list = useLeadList(filters, storeId);
  const funnel = useLeadFunnel(storeId);
  const lose = useLoseLead();
  const assign = useAssignLead();
  const leads = list.data?.pages.flatMap((p) => p.items) ?? [];
  const mayManage = permissionScope(me, 'leads.manage') !== null;
  const mayAssign = permissionScope(me, 'leads.assign') !== null;
  const set = (patch: Partial<LeadFilters>) => setFilters((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<Lead> = [
    {
      title: t('leads.fields.number'),
      dataIndex: 'number',
      width: 175,
      render: (n: string) => <span className="fc-mono">{n}</span>,
    },
    {
      title: t('leads.fields.customer'),
      key: 'customer',
      render: (_, l) => (
        <div>
          <div>{l.customerName}</div>
          {l.interest && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {l.interest}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('leads.fields.source'),
      dataIndex: 'source',
      width: 130,
      render: (s: Lead['source']) => t(`leads.sources.${s}`),
    },
    {
      title: t('leads.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Lead['status']) => <LeadStatusTag status={s} />,
    },
    {
      title: t('leads.fields.owner'),
      key: 'owner',
      width: 140,
      render: (_, l) =>
        l.ownerName ?? <Typography.Text type="warning">{t('leads.unassigned')}</Typography.Text>,
    },
    { title: t('leads.fields.slaDueAt'), key: 'sla', width: 150, render: (_, l) => <SlaCell lead={l} /> },
    {
      title: t('leads.fields.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (d: string) => formatInstant(d),
    },
    ...(mayManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, l: Lead) => (
              <LeadActions lead={l} mayAssign={mayAssign} onLose={setLosing} onAssign={setAssigning} />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        extra={
          <Space>
            {mayAssign && storeId && (
              <Button icon={<SettingOutlined />} onClick={() => setRules(true)}>
                {t('leads.rules')}
              </Button>
            )}
            {mayManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('leads.new')}
              </Button>
            )}
          </Space>
        }
      />
      <LeadFunnelTiles
        funnel={funnel.data}
        status={filters.status ?? []}
        overdue={!!filters.overdue}
        unassigned={!!filters.unassigned}
        onStatus={(s) => set({ status: filters.status?.length === 1 && filters.status[0] === s ? [] : [s] })}
        onOverdue={() => set({ overdue: !filters.overdue })}
        onUnassigned={() => set({ unassigned: !filters.unassigned })}
      />
      <div className="fc-panel">
        <div className="fc-toolbar">
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            aria-label={t('leads.fields.status')}
            placeholder={t('leads.allStatuses')}
            value={filters.status ?? []}
            onChange={(status: string[]) => set({ status })}
            options={leadStatuses.map((s) => ({ value: s, label: t(`leads.statuses.${s}`) }))}
            style={{ width: 260 }}
          />
          <Select
            allowClear
            aria-label={t('leads.fields.source')}
            placeholder={t('leads.allSources')}
            value={filters.source}
            onChange={(source?: string) => set({ source })}
            options={leadSources.map((s) => ({ value: s, label: t(`leads.sources.${s}`) }))}
            style={{ width: 180 }}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void Promise.all([list.refetch(), funnel.refetch()])}
          >
            {t('common.refresh')}
          </Button>
        </div>
        {list.isError && (
          <Alert type="error" showIcon title={describeError(list.error)} style={{ marginBottom: 12 }} />
        )}
        <Table<Lead>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={leads}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leads.empty')} />,
          }}
        />
        <ListFooter shown={leads.length} list={list} />
      </div>
      <LeadCreateDrawer
        open={adding}
        storeId={storeId}
        mayAssign={mayAssign}
        onClose={() => setAdding(false)}
      />
      {storeId && <LeadRulesModal storeId={storeId} open={rules} onClose={() => setRules(false)} />}
      <LeadLoseModal
        lead={losing}
        loading={lose.isPending}
        onClose={() => setLosing(null)}
        onSubmit={(v) =>
          lose.mutate(
            { lead: losing!, ...v },
            {
              onSuccess: (l) => {
                void message.success(
                  t('leads.moved', { number: l.number, status: t('leads.statuses.lost') }),
                );
                setLosing(null);
              },
              onError: (e) => void message.error(describeError(e)),
            },
          )
        }
      />
      <LeadAssignModal
        lead={assigning}
        loading={assign.isPending}
        onClose={() => setAssigning(null)}
        onSubmit={(ownerId, owner) =>
          assign.mutate(
            { lead: assigning!, ownerId },
            {
              onSuccess: (l) => {
                void message.success(t('leads.assigned', { number: l.number, owner }));
                setAssigning(null);
              },
              onError: (e) => void message.error(describeError(e)),
            },
          )
        }
      />
    </>
  );
}

/** Reception → Leads: the funnel for managers, a consultant's own leads, moves along the status machine. */
export function LeadsPage() {
  const me = useMe();
  return me.data ? <Leads me={me.data} /> : null;
}
