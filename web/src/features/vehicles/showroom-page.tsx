import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { permissionScope, useMe } from '../identity/auth-api';
import { storeLabel, useStoreNames } from '../identity/store-options';
import type { ShowroomPlan } from './showroom-api';
import { usePlanTransition, useShowroomPlans } from './showroom-api';
import { ShowroomPlanEditor } from './showroom-plan-editor';
import { NevCheck, ShowroomSlots } from './showroom-slots';
import '../catalog/catalog.css';

const planStatusColor = { draft: 'blue', active: 'green', archived: 'default' } as const;

function PlanStatus({ status }: { status: ShowroomPlan['status'] }) {
  const { t } = useTranslation();
  return <Tag color={planStatusColor[status]}>{t(`stock.showroom.statuses.${status}`)}</Tag>;
}

function Showroom({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { storeId } = useSelectedStore();
  const storeNames = useStoreNames(me);
  const plans = useShowroomPlans(storeId);
  const transition = usePlanTransition();
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ plan: ShowroomPlan | null } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const canManage = permissionScope(me, 'showroom.manage') !== null;
  const list = plans.data ?? [];
  const plan =
    list.find((p) => p.id === chosen) ?? list.find((p) => p.status === 'active') ?? list[0] ?? null;

  const run = (action: 'activate' | 'archive') =>
    plan &&
    transition.mutate(
      { id: plan.id, action },
      {
        onSuccess: () => {
          setFailure(null);
          void message.success(t(`stock.showroom.done.${action}`));
        },
        onError: (error) => setFailure(describeError(error)),
      },
    );

  return (
    <>
      <PageHeader
        title={t('stock.showroom.title')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!storeId}
              title={storeId ? undefined : t('catalog.chooseStore')}
              onClick={() => setEditing({ plan: null })}
            >
              {t('stock.showroom.new')}
            </Button>
          )
        }
      />
      {plans.isPending && <Spin />}
      {plans.isError && <Alert type="error" showIcon title={describeError(plans.error)} />}
      {plans.isSuccess && list.length === 0 && (
        <div className="fc-panel">
          <Empty description={t('stock.showroom.empty')} />
        </div>
      )}
      {plan && (
        <Card
          size="small"
          title={
            <Space wrap>
              <Select
                aria-label={t('stock.showroom.plan')}
                value={plan.id}
                onChange={(id: string) => setChosen(id)}
                options={list.map((p) => ({
                  value: p.id,
                  label: `${p.name} · ${t(`stock.showroom.statuses.${p.status}`)}`,
                }))}
                style={{ minWidth: 260 }}
              />
              <PlanStatus status={plan.status} />
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {storeLabel(storeNames, plan.storeId)} ·{' '}
                {t('stock.showroom.fromDate', { date: plan.effectiveFrom })}
              </Typography.Text>
            </Space>
          }
          extra={
            canManage && (
              <Space>
                {plan.status === 'draft' && (
                  <Button icon={<EditOutlined />} onClick={() => setEditing({ plan })}>
                    {t('common.edit')}
                  </Button>
                )}
                {plan.status === 'draft' && (
                  <Popconfirm title={t('stock.showroom.confirm.activate')} onConfirm={() => run('activate')}>
                    <Button type="primary" loading={transition.isPending}>
                      {t('stock.showroom.actions.activate')}
                    </Button>
                  </Popconfirm>
                )}
                {plan.status !== 'archived' && (
                  <Popconfirm title={t('stock.showroom.confirm.archive')} onConfirm={() => run('archive')}>
                    <Button loading={transition.isPending}>{t('stock.showroom.actions.archive')}</Button>
                  </Popconfirm>
                )}
              </Space>
            )
          }
        >
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <NevCheck checks={plan.checks} />
            {failure && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={failure}
                closable
                onClose={() => setFailure(null)}
              />
            )}
            <ShowroomSlots plan={plan} />
          </Space>
        </Card>
      )}
      <ShowroomPlanEditor
        plan={editing?.plan ?? null}
        storeId={storeId}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setChosen(saved.id);
          setEditing(null);
        }}
      />
    </>
  );
}

/** Sales → Showroom: which vehicles stand where, tagged hot / all-new / NEV, with the NEV check. */
export function ShowroomPage() {
  const me = useMe();
  return me.data ? <Showroom me={me.data} /> : null;
}
