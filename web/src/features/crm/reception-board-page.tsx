import { useState } from 'react';
import { Alert, App, Button, DatePicker, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { CarOutlined, LoginOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Appointment, Reception, TestDrive } from '@common/crm/reception.schemas';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { permissionScope, useMe } from '../identity/auth-api';
import { AppointmentBookDrawer } from './appointment-book-drawer';
import { ReceptionDrawer } from './reception-drawer';
import { useAppointmentMove, useDepart, useReceptionBoard, useTestDriveMove } from './reception-api';
import { RescheduleModal, TestDriveDrawer, TestDriveStepModal } from './test-drive-forms';
import {
  ActionsMenu,
  appointmentColor,
  BoardColumn,
  driveColor,
  time,
  type BoardAction,
} from './reception-board-parts';

function Board({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { storeId } = useSelectedStore();
  // no date picked: the store's today (the server knows the store's time zone)
  const [picked, setPicked] = useState<string | null>(null);
  const board = useReceptionBoard(storeId, picked);
  const mayManage = permissionScope(me, 'reception.manage') !== null;
  const [booking, setBooking] = useState(false);
  const [walkIn, setWalkIn] = useState(false);
  const [arriving, setArriving] = useState<Appointment | null>(null);
  const [noting, setNoting] = useState<Reception | null>(null);
  const [driving, setDriving] = useState<Reception | null>(null);
  const [rescheduling, setRescheduling] = useState<Appointment | null>(null);
  const [step, setStep] = useState<{ drive: TestDrive; step: 'check-licence' | 'end' } | null>(null);
  const moveAppointment = useAppointmentMove();
  const depart = useDepart();
  const moveDrive = useTestDriveMove();
  const failed = (e: unknown) => void message.error(describeError(e));
  const data = board.data;

  const menu = (items: BoardAction[], label: string) => <ActionsMenu items={items} label={label} />;

  return (
    <>
      <PageHeader
        title={t('reception.title')}
        extra={
          <Space wrap>
            <DatePicker
              value={picked ? dayjs(picked) : board.data ? dayjs(board.data.date) : null}
              onChange={(d) => d && setPicked(d.format('YYYY-MM-DD'))}
              allowClear={false}
              aria-label={t('reception.date')}
            />
            {mayManage && (
              <>
                <Button icon={<PlusOutlined />} onClick={() => setBooking(true)}>
                  {t('reception.book')}
                </Button>
                <Button type="primary" icon={<LoginOutlined />} onClick={() => setWalkIn(true)}>
                  {t('reception.walkIn')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      {!storeId && (
        <Alert type="info" showIcon title={t('catalog.chooseStore')} style={{ marginBottom: 12 }} />
      )}
      {board.isError && (
        <Alert type="error" showIcon title={describeError(board.error)} style={{ marginBottom: 12 }} />
      )}
      <Row gutter={[16, 16]} align="stretch">
        <BoardColumn
          title={t('reception.appointments')}
          count={data?.appointments.length ?? 0}
          testId="board-appointments"
        >
          <List<Appointment>
            loading={board.isPending && !!storeId}
            dataSource={data?.appointments ?? []}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reception.noAppointments')} />
              ),
            }}
            renderItem={(a) => (
              <List.Item
                extra={
                  mayManage && a.status === 'booked'
                    ? menu(
                        [
                          {
                            key: 'arrive',
                            label: t('reception.actions.arrive'),
                            onClick: () => setArriving(a),
                          },
                          {
                            key: 'reschedule',
                            label: t('reception.actions.reschedule'),
                            onClick: () => setRescheduling(a),
                          },
                          {
                            key: 'no-show',
                            label: t('reception.actions.noShow'),
                            onClick: () =>
                              moveAppointment.mutate(
                                { appointment: a, verb: 'no-show' },
                                { onError: failed },
                              ),
                          },
                          {
                            key: 'cancel',
                            label: t('reception.actions.cancel'),
                            danger: true,
                            onClick: () =>
                              moveAppointment.mutate({ appointment: a, verb: 'cancel' }, { onError: failed }),
                          },
                        ],
                        `${t('common.actions')} ${a.number}`,
                      )
                    : undefined
                }
              >
                <List.Item.Meta
                  title={
                    <span>
                      <strong>{time(a.scheduledAt)}</strong> {a.customerName}{' '}
                      <Tag color={appointmentColor[a.status]}>
                        {t(`reception.appointmentStatuses.${a.status}`)}
                      </Tag>
                    </span>
                  }
                  description={
                    <span>
                      {t(`reception.channels.${a.channel}`)} · {a.consultantName ?? t('leads.unassigned')}
                      {a.purpose && (
                        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                          {a.purpose}
                        </Typography.Paragraph>
                      )}
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        </BoardColumn>
        <BoardColumn
          title={t('reception.inShowroom')}
          count={data?.inShowroom.length ?? 0}
          testId="board-in-showroom"
        >
          <List<Reception>
            dataSource={data?.inShowroom ?? []}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reception.nobodyIn')} />,
            }}
            renderItem={(r) => (
              <List.Item
                extra={
                  mayManage
                    ? menu(
                        [
                          { key: 'notes', label: t('reception.actions.notes'), onClick: () => setNoting(r) },
                          {
                            key: 'drive',
                            label: t('reception.actions.testDrive'),
                            onClick: () => setDriving(r),
                          },
                          {
                            key: 'depart',
                            label: t('reception.actions.depart'),
                            onClick: () => depart.mutate(r, { onError: failed }),
                          },
                        ],
                        `${t('common.actions')} ${r.customerName}`,
                      )
                    : undefined
                }
              >
                <List.Item.Meta
                  title={
                    <span>
                      <strong>{time(r.arrivedAt)}</strong> {r.customerName}
                    </span>
                  }
                  description={
                    <span>
                      {t('reception.party', { count: r.partySize })} ·{' '}
                      {t('reception.minutes', { count: r.minutesInShowroom })} ·{' '}
                      {r.consultantName ?? t('leads.unassigned')}
                      {r.customerSaid && (
                        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                          “{r.customerSaid}”
                        </Typography.Paragraph>
                      )}
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        </BoardColumn>
        <BoardColumn
          title={t('reception.testDrives')}
          count={data?.testDrives.length ?? 0}
          testId="board-test-drives"
        >
          <List<TestDrive>
            dataSource={data?.testDrives ?? []}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reception.noTestDrives')} />
              ),
            }}
            renderItem={(d) => {
              const items = [
                ...(d.status === 'planned'
                  ? [
                      {
                        key: 'licence',
                        label: t('reception.actions.checkLicence'),
                        onClick: () => setStep({ drive: d, step: 'check-licence' }),
                      },
                    ]
                  : []),
                ...(d.status === 'planned'
                  ? [
                      {
                        key: 'start',
                        label: t('reception.actions.start'),
                        onClick: () => moveDrive.mutate({ drive: d, verb: 'start' }, { onError: failed }),
                      },
                    ]
                  : []),
                ...(d.status === 'in_progress'
                  ? [
                      {
                        key: 'end',
                        label: t('reception.actions.end'),
                        onClick: () => setStep({ drive: d, step: 'end' }),
                      },
                    ]
                  : []),
                ...(d.status === 'planned'
                  ? [
                      {
                        key: 'cancel',
                        label: t('reception.actions.cancel'),
                        danger: true,
                        onClick: () => moveDrive.mutate({ drive: d, verb: 'cancel' }, { onError: failed }),
                      },
                    ]
                  : []),
              ];
              return (
                <List.Item
                  extra={
                    mayManage && items.length
                      ? menu(items, `${t('common.actions')} ${d.customerName}`)
                      : undefined
                  }
                >
                  <List.Item.Meta
                    avatar={<CarOutlined />}
                    title={
                      <span>
                        {d.customerName}{' '}
                        <Tag color={driveColor[d.status]}>{t(`reception.testDriveStatuses.${d.status}`)}</Tag>
                      </span>
                    }
                    description={
                      <span>
                        {d.vehicleName} · <span className="fc-mono">{d.vin.slice(-6)}</span>
                        <br />
                        {d.licenceCheckedAt ? (
                          t('reception.licenceChecked')
                        ) : (
                          <Typography.Text type="warning">{t('reception.licenceMissing')}</Typography.Text>
                        )}
                        {d.startedAt && ` · ${time(d.startedAt)}–${time(d.endedAt)}`}
                      </span>
                    }
                  />
                </List.Item>
              );
            }}
          />
        </BoardColumn>
        <BoardColumn
          title={t('reception.departed')}
          count={data?.departed.length ?? 0}
          testId="board-departed"
        >
          <List<Reception>
            dataSource={data?.departed ?? []}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reception.nobodyLeft')} />
              ),
            }}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta
                  title={<span>{r.customerName}</span>}
                  description={`${time(r.arrivedAt)}–${time(r.departedAt)} · ${t('reception.minutes', { count: r.minutesInShowroom })} · ${r.consultantName ?? t('leads.unassigned')}`}
                />
              </List.Item>
            )}
          />
        </BoardColumn>
      </Row>
      <AppointmentBookDrawer open={booking} storeId={storeId} onClose={() => setBooking(false)} />
      <ReceptionDrawer
        open={walkIn || !!arriving || !!noting}
        storeId={storeId}
        appointment={arriving}
        reception={noting}
        onClose={() => {
          setWalkIn(false);
          setArriving(null);
          setNoting(null);
        }}
      />
      <TestDriveDrawer reception={driving} onClose={() => setDriving(null)} />
      {step && <TestDriveStepModal drive={step.drive} step={step.step} onClose={() => setStep(null)} />}
      <RescheduleModal
        title={rescheduling ? t('reception.rescheduleTitle', { number: rescheduling.number }) : ''}
        open={!!rescheduling}
        loading={moveAppointment.isPending}
        onClose={() => setRescheduling(null)}
        onSubmit={(at) =>
          moveAppointment.mutate(
            { appointment: rescheduling!, verb: 'reschedule', scheduledAt: at.toISOString() },
            { onSuccess: () => setRescheduling(null), onError: failed },
          )
        }
      />
    </>
  );
}

/** Reception → Reception board: the day's appointments, who is in, test drives, who left (接待看板). */
export function ReceptionBoardPage() {
  const me = useMe();
  return me.data ? <Board me={me.data} /> : null;
}
