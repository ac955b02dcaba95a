import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { CaretRightOutlined, CheckOutlined, PauseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  canMoveRepairOrder,
  workStatuses,
  type RepairOrderAction,
} from '@common/service/repair-order.status';
import { describeError } from '../../api/form-errors';
import { useClock, useOrderAction, type RepairOrder } from './service-api';
import { centiHours, efficiency, msHours, keys } from './service-tags';

/**
 * The work (维修施工): each approved job with its clocks (start, pause, finish — several technicians),
 * flagged vs clocked hours and efficiency per job and per technician; parts issued to the order.
 */
export function WorkCard({
  order,
  mayWork,
  mayManage,
  meId,
}: {
  order: RepairOrder;
  mayWork: boolean;
  mayManage: boolean;
  meId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const clock = useClock();
  const action = useOrderAction(order.id);
  const failed = (e: unknown) => void message.error(describeError(e));
  const jobs = order.lines.filter((l) => l.approval === 'approved' && l.kind !== 'part');
  const parts = order.lines.filter((l) => l.approval === 'approved' && l.kind === 'part');
  const working = workStatuses.includes(order.status);
  const running = (lineId: string, who: string) =>
    order.clocks.some((c) => c.lineId === lineId && c.technicianId === who && c.endedAt === null);
  const hoursOf = (lineId: string) => order.hours.lines.find((h) => h.lineId === lineId);
  const move = (a: RepairOrderAction) =>
    canMoveRepairOrder(order.status, a) && (
      <Button
        key={a}
        onClick={() =>
          action.mutate({ path: '/move', body: { version: order.version, action: a } }, { onError: failed })
        }
      >
        {t(`service.actions.${a}`)}
      </Button>
    );
  if (!jobs.length && !parts.length && !working) return null;
  return (
    <Card
      size="small"
      title={t('service.order.work')}
      data-testid="work"
      extra={
        (mayWork || mayManage) && (
          <Space>
            {move('start_work')}
            {move('wait_parts')}
            {move('to_quality_check')}
          </Space>
        )
      }
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={jobs}
        columns={[
          { title: t('service.lines.description'), dataIndex: 'description' },
          { title: t('service.work.flagged'), render: (_: unknown, l) => `${centiHours(l.hoursCenti)} h` },
          {
            title: t('service.work.clocked'),
            render: (_: unknown, l) => `${msHours(hoursOf(l.id)?.clockedMs ?? 0)} h`,
          },
          {
            title: t('service.work.efficiency'),
            render: (_: unknown, l) => efficiency(hoursOf(l.id)?.efficiencyBp ?? null),
          },
          {
            title: t('service.work.status'),
            render: (_: unknown, l) => (
              <Space size={4} wrap>
                <Tag
                  color={
                    l.workStatus === 'done' ? 'green' : l.workStatus === 'in_progress' ? 'blue' : 'default'
                  }
                >
                  {t(keys.workStatus(l.workStatus))}
                </Tag>
                {order.clocks
                  .filter((c) => c.lineId === l.id && c.endedAt === null)
                  .map((c) => (
                    <Tag key={c.id} color="processing">
                      {c.technicianName}
                    </Tag>
                  ))}
              </Space>
            ),
          },
          {
            title: '',
            render: (_: unknown, l) =>
              mayWork && working && l.workStatus !== 'done' ? (
                <Space>
                  {running(l.id, meId) ? (
                    <Button
                      size="small"
                      icon={<PauseOutlined />}
                      onClick={() =>
                        clock.mutate(
                          { orderId: order.id, lineId: l.id, action: 'pause' },
                          { onError: failed },
                        )
                      }
                    >
                      {t('service.work.pause')}
                    </Button>
                  ) : (
                    <Button
                      size="small"
                      type="primary"
                      icon={<CaretRightOutlined />}
                      onClick={() =>
                        clock.mutate(
                          { orderId: order.id, lineId: l.id, action: 'start' },
                          { onError: failed },
                        )
                      }
                    >
                      {t('service.work.start')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    icon={<CheckOutlined />}
                    onClick={() =>
                      clock.mutate({ orderId: order.id, lineId: l.id, action: 'finish' }, { onError: failed })
                    }
                  >
                    {t('service.work.finish')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {order.hours.technicians.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginTop: 12 }}
          title={t('service.work.byTechnician')}
          data-testid="hours-by-technician"
        >
          {order.hours.technicians.map((h) => (
            <Descriptions.Item key={h.technicianId} label={h.name}>
              {t('service.work.summary', {
                flagged: msHours(h.flaggedMs),
                clocked: msHours(h.clockedMs),
                efficiency: efficiency(h.efficiencyBp),
              })}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('service.work.total')}>
            {t('service.work.summary', {
              flagged: msHours(order.hours.flaggedMs),
              clocked: msHours(order.hours.clockedMs),
              efficiency: efficiency(order.hours.efficiencyBp),
            })}
          </Descriptions.Item>
        </Descriptions>
      )}
      {parts.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={parts}
          columns={[
            { title: t('service.lines.partName'), dataIndex: 'description' },
            { title: t('service.lines.partNumber'), dataIndex: 'partNumber' },
            { title: t('service.work.issued'), render: (_: unknown, l) => `${l.issuedQty} / ${l.quantity}` },
            {
              title: '',
              render: (_: unknown, l) =>
                (mayWork || mayManage) &&
                l.issuedQty < l.quantity &&
                [...workStatuses, 'waiting_parts'].includes(order.status) ? (
                  <Button
                    size="small"
                    onClick={() =>
                      action.mutate(
                        { path: `/lines/${l.id}/issue`, body: { quantity: l.quantity - l.issuedQty } },
                        { onError: failed },
                      )
                    }
                  >
                    {t('service.work.issue')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {!jobs.length && (
        <Typography.Text type="secondary">{t('service.work.nothingApproved')}</Typography.Text>
      )}
    </Card>
  );
}
