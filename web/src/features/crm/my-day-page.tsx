import { useState } from 'react';
import { App, Button, Card, Col, Empty, List, Row, Tag, Typography } from 'antd';
import { BellOutlined, CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Alert } from '@common/crm/lead.schemas';
import type { Appointment } from '@common/crm/reception.schemas';
import type { Task } from '@common/crm/task.schemas';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { LeadStatusTag, SlaCell } from './lead-tags';
import { useLeadList, useMyAlerts, useResolveAlert } from './leads-api';
import { TaskCompleteModal, TaskCreateModal } from './task-modals';
import { useMyAppointmentsToday, useMyTasksToday } from './tasks-api';

const knownKinds = ['lead_sla_missed', 'lead_assigned', 'appointment_soon'] as const;

function AlertText({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const p = alert.params;
  const due = typeof p.slaDueAt === 'string' ? formatInstant(p.slaDueAt) : '';
  const values = {
    number: String(p.number ?? ''),
    customer: String(p.customer ?? ''),
    due,
    kind: alert.kind,
  };
  return (knownKinds as readonly string[]).includes(alert.kind)
    ? t(`myDay.kinds.${alert.kind as (typeof knownKinds)[number]}`, values)
    : t('myDay.kinds.other', values);
}

function MyDay({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { storeId } = useSelectedStore();
  const alerts = useMyAlerts();
  const resolve = useResolveAlert();
  const mayReadLeads = permissionScope(me, 'leads.read') !== null;
  const waiting = useLeadList({ status: ['new'], ownerId: mayReadLeads ? me.user.id : undefined }, storeId);
  const newLeads = mayReadLeads ? (waiting.data?.pages.flatMap((p) => p.items) ?? []) : [];
  const tasks = useMyTasksToday(storeId);
  const mayReceive = permissionScope(me, 'reception.read') !== null;
  const appointments = useMyAppointmentsToday(me.user.id, mayReceive);
  const [completing, setCompleting] = useState<Task | null>(null);
  const [adding, setAdding] = useState(false);

  return (
    <>
      <PageHeader
        title={t('myDay.title')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('myDay.newTask')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        {t('myDay.greeting', { name: me.user.displayName })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('myDay.tasks')} data-testid="my-tasks">
            <List<Task>
              loading={tasks.isPending}
              dataSource={tasks.data ?? []}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myDay.noTasks')} />,
              }}
              renderItem={(task) => (
                <List.Item
                  actions={[
                    <Button
                      key="done"
                      size="small"
                      icon={<CheckOutlined />}
                      onClick={() => setCompleting(task)}
                    >
                      {t('myDay.complete')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <span>
                        <Tag>{t(`myDay.taskTypes.${task.type}`)}</Tag> {task.title}
                        {task.customerName ? ` · ${task.customerName}` : ''}
                      </span>
                    }
                    description={
                      task.overdue ? (
                        <Typography.Text type="danger">
                          {t('myDay.overdue')} · {formatInstant(task.dueAt)}
                        </Typography.Text>
                      ) : (
                        formatInstant(task.dueAt)
                      )
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        {mayReceive && (
          <Col xs={24} xl={12}>
            <Card size="small" title={t('myDay.myAppointments')} data-testid="my-appointments">
              <List<Appointment>
                loading={appointments.isPending}
                dataSource={appointments.data ?? []}
                locale={{
                  emptyText: (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myDay.noAppointments')} />
                  ),
                }}
                renderItem={(a) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <span>
                          <strong>{formatInstant(a.scheduledAt).slice(11)}</strong> {a.customerName}
                        </span>
                      }
                      description={a.purpose ?? t(`reception.appointmentStatuses.${a.status}`)}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
        <Col xs={24} xl={mayReadLeads ? 12 : 24}>
          <Card
            size="small"
            title={
              <>
                <BellOutlined /> {t('myDay.alerts')}
              </>
            }
            data-testid="my-alerts"
          >
            <List<Alert>
              loading={alerts.isPending}
              dataSource={alerts.data ?? []}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myDay.noAlerts')} />,
              }}
              renderItem={(a) => (
                <List.Item
                  actions={[
                    <Button
                      key="done"
                      size="small"
                      icon={<CheckOutlined />}
                      loading={resolve.isPending && resolve.variables?.id === a.id}
                      onClick={() =>
                        resolve.mutate(a, {
                          onSuccess: () => void message.success(t('myDay.resolved')),
                          onError: (e) => void message.error(describeError(e)),
                        })
                      }
                    >
                      {t('myDay.resolve')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta title={<AlertText alert={a} />} description={formatInstant(a.createdAt)} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        {mayReadLeads && (
          <Col xs={24} xl={12}>
            <Card size="small" title={t('myDay.myLeads')} data-testid="my-new-leads">
              <List
                loading={waiting.isPending}
                dataSource={newLeads}
                locale={{
                  emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myDay.noLeads')} />,
                }}
                renderItem={(l) => (
                  <List.Item extra={<SlaCell lead={l} />}>
                    <List.Item.Meta
                      title={
                        <span>
                          <span className="fc-mono">{l.number}</span> · {l.customerName}
                        </span>
                      }
                      description={
                        <>
                          <LeadStatusTag status={l.status} /> {t(`leads.sources.${l.source}`)}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
      </Row>
      <TaskCompleteModal task={completing} onClose={() => setCompleting(null)} />
      <TaskCreateModal open={adding} storeId={storeId} onClose={() => setAdding(false)} />
    </>
  );
}

/** My day (everyone's start page): tasks due today and overdue, my appointments, alerts, new leads to contact. */
export function MyDayPage() {
  const me = useMe();
  return me.data ? <MyDay me={me.data} /> : null;
}
