import { useState } from 'react';
import type { DragEvent } from 'react';
import { Alert, App, Badge, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { AlertOutlined, LoginOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { boardMoveBetween, type RepairOrderStatus } from '@common/service/repair-order.status';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { permissionScope, useMe } from '../identity/auth-api';
import { CheckInDrawer } from './check-in-drawer';
import { useBoardColumn, useBoardMove, type RepairOrderSummary } from './service-api';
import { statusColor } from './service-tags';

/** The columns of the workshop board (车间看板), in the order work flows. */
const columns: RepairOrderStatus[] = [
  'open',
  'diagnosing',
  'estimate_sent',
  'approved',
  'in_progress',
  'waiting_parts',
  'quality_check',
  'ready',
  'delivered',
];

function Column({
  status,
  dragged,
  onDrop,
  onDragStart,
}: {
  status: RepairOrderStatus;
  dragged: RepairOrderSummary | null;
  onDrop: (status: RepairOrderStatus) => void;
  onDragStart: (o: RepairOrderSummary | null) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { storeId } = useSelectedStore();
  const orders = useBoardColumn(storeId, status);
  // a card may be dropped only where the status machine lets a drag take it
  const allowed =
    dragged !== null && dragged.status !== status && boardMoveBetween(dragged.status, status) !== null;
  const over = (e: DragEvent) => {
    if (allowed) e.preventDefault();
  };
  return (
    <Card
      size="small"
      data-testid={`column-${status}`}
      title={
        <Space>
          <Badge color={statusColor[status] === 'default' ? '#999' : statusColor[status]} />
          {t(`service.statuses.${status}`)}
          <Tag>{orders.data?.length ?? 0}</Tag>
        </Space>
      }
      style={{
        minWidth: 200,
        flex: '0 0 200px',
        background: allowed ? '#f0f7ff' : undefined,
        opacity: dragged && !allowed && dragged.status !== status ? 0.55 : 1,
      }}
      styles={{ body: { minHeight: 320, padding: 8 } }}
      onDragOver={over}
      onDrop={(e) => {
        e.preventDefault();
        if (allowed) onDrop(status);
      }}
    >
      {orders.data?.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('service.board.empty')} />
      )}
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        {(orders.data ?? []).map((o) => (
          <Card
            key={o.id}
            size="small"
            hoverable
            draggable
            data-testid={`card-${o.number}`}
            onDragStart={() => onDragStart(o)}
            onDragEnd={() => onDragStart(null)}
            onClick={() => void navigate(`/service/orders/${o.id}`)}
          >
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <strong>{o.plate ?? o.vin.slice(-6)}</strong>
                {o.recall && (
                  <Tag color="red" icon={<AlertOutlined />}>
                    {t('service.recall')}
                  </Tag>
                )}
              </Space>
              <Typography.Text type="secondary">{o.number}</Typography.Text>
              <span>
                {o.customerName}
                {o.vehicleName ? ` · ${o.vehicleName}` : ''}
              </span>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {o.customerConcern}
              </Typography.Paragraph>
            </Space>
          </Card>
        ))}
      </Space>
    </Card>
  );
}

/** The workshop board: orders by status as columns; a card can be dragged only to a state it may go to. */
export function WorkshopBoardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const { storeId } = useSelectedStore();
  const [dragged, setDragged] = useState<RepairOrderSummary | null>(null);
  const [checkingIn, setCheckingIn] = useState(false);
  const move = useBoardMove();
  const mayCheckIn = me.data ? permissionScope(me.data, 'service.manage') !== null : false;
  const drop = (to: RepairOrderStatus) => {
    if (!dragged) return;
    const action = boardMoveBetween(dragged.status, to);
    if (!action) return;
    move.mutate(
      { order: dragged, action },
      {
        onSuccess: (o) =>
          void message.success(
            t('service.board.moved', { number: o.number, status: t(`service.statuses.${o.status}`) }),
          ),
        onError: (e) => void message.error(describeError(e)),
      },
    );
    setDragged(null);
  };
  return (
    <>
      <PageHeader
        title={t('service.board.title')}
        extra={
          mayCheckIn && (
            <Button
              type="primary"
              icon={<LoginOutlined />}
              onClick={() => setCheckingIn(true)}
              disabled={!storeId}
            >
              {t('service.checkIn.open')}
            </Button>
          )
        }
      />
      {!storeId && (
        <Alert type="info" showIcon title={t('catalog.chooseStore')} style={{ marginBottom: 12 }} />
      )}
      <Typography.Paragraph type="secondary">{t('service.board.dragHint')}</Typography.Paragraph>
      <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 12 }} data-testid="board">
        {columns.map((s) => (
          <Column key={s} status={s} dragged={dragged} onDrop={drop} onDragStart={setDragged} />
        ))}
      </div>
      {checkingIn && storeId && (
        <CheckInDrawer
          storeId={storeId}
          onClose={() => setCheckingIn(false)}
          onDone={(o) => {
            setCheckingIn(false);
            void navigate(`/service/orders/${o.id}`);
          }}
        />
      )}
    </>
  );
}
