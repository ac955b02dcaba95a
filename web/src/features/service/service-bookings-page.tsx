import { useState } from 'react';
import { Alert, App, Button, DatePicker, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { BookingDrawer } from './booking-drawer';
import { CheckInDrawer } from './check-in-drawer';
import { useBookings, useCancelBooking, useUpdatePickup, useWorkshop, type Booking } from './service-api';
import { keys } from './service-tags';

interface Row {
  key: string;
  kind: 'bay' | 'technician';
  name: string;
  skills: string[];
}

/** The booking calendar (预约看板): one row per bay and per technician, one column per slot of the day. */
export function ServiceBookingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { storeId } = useSelectedStore();
  const [date, setDate] = useState(dayjs().add(1, 'day').format('YYYY-MM-DD'));
  const workshop = useWorkshop(storeId);
  const bookings = useBookings(storeId, date);
  const cancel = useCancelBooking();
  const pickup = useUpdatePickup();
  const [creating, setCreating] = useState(false);
  const [checkingIn, setCheckingIn] = useState<Booking | null>(null);
  const settings = workshop.data?.settings;
  const slots: string[] = [];
  if (settings) {
    const [oh, om] = settings.opensAt.split(':').map(Number);
    const [ch, cm] = settings.closesAt.split(':').map(Number);
    for (let m = oh! * 60 + om!; m < ch! * 60 + cm!; m += settings.slotMinutes)
      slots.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  const rows: Row[] = [
    ...(workshop.data?.bays ?? []).map((b) => ({
      key: b.id,
      kind: 'bay' as const,
      name: b.name,
      skills: b.skills,
    })),
    ...(workshop.data?.technicians ?? []).map((x) => ({
      key: x.id,
      kind: 'technician' as const,
      name: x.name,
      skills: x.skills,
    })),
  ];
  const live = (bookings.data ?? []).filter((b) => b.status !== 'cancelled');
  const at = (row: Row, hhmm: string) =>
    live.find((b) => {
      if (row.kind === 'bay' ? b.bayId !== row.key : b.technicianId !== row.key) return false;
      const local = dayjs(b.startAt).format('HH:mm');
      const end = dayjs(b.endAt).format('HH:mm');
      return local <= hhmm && hhmm < end;
    });
  return (
    <>
      <PageHeader
        title={t('service.bookings.title')}
        extra={
          <Space>
            <DatePicker
              value={dayjs(date)}
              allowClear={false}
              onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
              aria-label={t('reception.date')}
            />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!storeId}
              onClick={() => setCreating(true)}
            >
              {t('service.bookings.new')}
            </Button>
          </Space>
        }
      />
      {!storeId && (
        <Alert type="info" showIcon title={t('catalog.chooseStore')} style={{ marginBottom: 12 }} />
      )}
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        loading={workshop.isPending}
        data-testid="booking-calendar"
        columns={[
          {
            title: t('service.bookings.resource'),
            fixed: 'left',
            width: 180,
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                <span>
                  <Tag color={r.kind === 'bay' ? 'blue' : 'purple'}>
                    {t(`service.bookings.kinds.${r.kind}`)}
                  </Tag>
                  {r.name}
                </span>
                <span style={{ fontSize: 12, color: '#888' }}>
                  {r.skills.map((s) => t(keys.skill(s))).join(' · ')}
                </span>
              </Space>
            ),
          },
          ...slots.map((s) => ({
            title: s,
            width: 72,
            render: (_: unknown, r: Row) => {
              const b = at(r, s);
              if (!b) return null;
              return (
                <Tooltip
                  title={`${b.number} · ${b.customerName}${b.pickupAddress ? ` · ${t('service.bookings.pickup')}` : ''}`}
                >
                  <div
                    style={{
                      background: b.status === 'checked_in' ? '#d9f7be' : '#e6f4ff',
                      borderRadius: 4,
                      padding: '2px 4px',
                      fontSize: 12,
                      cursor: 'pointer',
                    }}
                    onClick={() => b.status === 'booked' && r.kind === 'bay' && setCheckingIn(b)}
                  >
                    {b.plate ?? b.vin.slice(-6)}
                  </div>
                </Tooltip>
              );
            },
          })),
        ]}
      />
      <Table<Booking>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={bookings.data ?? []}
        columns={[
          {
            title: t('service.bookings.time'),
            render: (_: unknown, b) =>
              `${dayjs(b.startAt).format('HH:mm')}–${dayjs(b.endAt).format('HH:mm')}`,
          },
          {
            title: t('service.order.vehicle'),
            render: (_: unknown, b) => `${b.plate ?? ''} · ${b.customerName}`,
          },
          { title: t('service.bookings.kinds.bay'), dataIndex: 'bayName' },
          { title: t('service.bookings.kinds.technician'), dataIndex: 'technicianName' },
          {
            title: t('service.bookings.pickup'),
            render: (_: unknown, b) =>
              b.pickupAddress ? (
                <Space wrap size={4}>
                  <span>
                    {b.pickupAddress} · {b.pickupDriver ?? ''}
                  </span>
                  <Tag>{t(keys.pickupStatus(b.pickupStatus))}</Tag>
                  {(b.pickupStatus === 'planned' || b.pickupStatus === 'picked_up') &&
                    b.status !== 'cancelled' && (
                      <Button
                        size="small"
                        onClick={() =>
                          pickup.mutate(
                            { booking: b, status: b.pickupStatus === 'planned' ? 'picked_up' : 'returned' },
                            { onError: (e) => void message.error(describeError(e)) },
                          )
                        }
                      >
                        {b.pickupStatus === 'planned'
                          ? t('service.bookings.markPickedUp')
                          : t('service.bookings.markReturned')}
                      </Button>
                    )}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('service.bookings.loaner'),
            dataIndex: 'loanerCar',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('service.requests.status'),
            dataIndex: 'status',
            render: (s: string) => t(keys.bookingStatus(s)),
          },
          {
            title: '',
            render: (_: unknown, b) =>
              b.status === 'booked' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setCheckingIn(b)}>
                    {t('service.checkIn.open')}
                  </Button>
                  <Popconfirm
                    title={t('service.bookings.cancelConfirm')}
                    onConfirm={() =>
                      cancel.mutate(b, { onError: (e) => void message.error(describeError(e)) })
                    }
                  >
                    <Button size="small" danger>
                      {t('service.actions.cancel')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      {creating && storeId && (
        <BookingDrawer storeId={storeId} date={date} onClose={() => setCreating(false)} />
      )}
      {checkingIn && storeId && (
        <CheckInDrawer
          storeId={storeId}
          bookingId={checkingIn.id}
          initialQuery={checkingIn.plate ?? checkingIn.vin}
          onClose={() => setCheckingIn(null)}
          onDone={(o) => void navigate(`/service/orders/${o.id}`)}
        />
      )}
    </>
  );
}
