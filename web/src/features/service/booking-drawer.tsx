import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { workshopSkills } from '@common/service/workshop.schemas';
import { describeError } from '../../api/form-errors';
import { useDebounced } from '../crm/use-debounced';
import {
  useAvailability,
  useCheckInLookup,
  useCreateBooking,
  useLaborOperations,
  type LookupItem,
} from './service-api';
import { keys } from './service-tags';

const hhmm = (iso: string) => dayjs(iso).format('HH:mm');

/**
 * Booking a car in (预约, H6.1 3): the car, the job (its skill decides who may do it), the length; only
 * slots with a free bay and a qualified technician are offered. Pick-up/drop-off and a loaner car optional.
 */
export function BookingDrawer({
  storeId,
  date,
  onClose,
}: {
  storeId: string;
  date: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const needle = useDebounced(q, 300);
  const cars = useCheckInLookup(storeId, needle);
  const ops = useLaborOperations(storeId);
  const [car, setCar] = useState<LookupItem | null>(null);
  const [day, setDay] = useState(date);
  const [opId, setOpId] = useState<string | undefined>();
  const op = ops.data?.find((o) => o.id === opId);
  const [skill, setSkill] = useState<string | undefined>();
  const [minutes, setMinutes] = useState(60);
  const effectiveSkill = op?.skill ?? skill;
  const slots = useAvailability(storeId, day, minutes, effectiveSkill);
  const [slot, setSlot] = useState<string | null>(null);
  const [pickup, setPickup] = useState(false);
  const [form] = Form.useForm<{
    address?: string;
    driver?: string;
    pickupAt?: dayjs.Dayjs;
    loanerCar?: string;
    note?: string;
  }>();
  const create = useCreateBooking();
  const submit = () => {
    if (!car || !slot) return;
    const v = form.getFieldsValue();
    create.mutate(
      {
        storeId,
        customerVehicleId: car.customerVehicleId,
        laborOperationId: opId ?? null,
        skill: (op ? undefined : (skill as never)) ?? null,
        startAt: slot,
        minutes,
        note: v.note || null,
        loanerCar: v.loanerCar || null,
        pickup:
          pickup && v.address
            ? {
                address: v.address,
                driver: v.driver || null,
                at: (v.pickupAt ?? dayjs(slot).subtract(1, 'hour')).toISOString(),
              }
            : null,
      },
      {
        onSuccess: (b) => {
          void message.success(
            t('service.bookings.booked', { number: b.number, bay: b.bayName, technician: b.technicianName }),
          );
          onClose();
        },
        onError: (e) => {
          void message.error(describeError(e));
          void slots.refetch();
        },
      },
    );
  };
  return (
    <Drawer open onClose={onClose} title={t('service.bookings.new')} size={560}>
      {!car ? (
        <>
          <Input.Search
            placeholder={t('service.checkIn.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            aria-label={t('service.checkIn.search')}
          />
          <List<LookupItem>
            dataSource={cars.data ?? []}
            loading={cars.isFetching}
            locale={{ emptyText: t('service.checkIn.searchHint') }}
            renderItem={(v) => (
              <List.Item
                actions={[
                  <Button key="pick" onClick={() => setCar(v)}>
                    {t('service.checkIn.pick')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={`${v.plate ?? '—'} · ${v.customerName}`}
                  description={`${v.vin} · ${v.vehicleName ?? ''}`}
                />
              </List.Item>
            )}
          />
        </>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {car.plate ?? '—'} · {car.customerName}{' '}
            <Button type="link" onClick={() => setCar(null)}>
              {t('service.checkIn.back')}
            </Button>
          </Typography.Title>
          <Select
            allowClear
            placeholder={t('service.lines.cannedJob')}
            value={opId}
            onChange={(v) => {
              setOpId(v);
              const found = ops.data?.find((o) => o.id === v);
              if (found) setMinutes(Math.max(30, Math.ceil((found.hoursCenti * 60) / 100 / 30) * 30));
              setSlot(null);
            }}
            options={(ops.data ?? []).map((o) => ({
              value: o.id,
              label: `${o.name}${o.skill ? ` · ${t(keys.skill(o.skill))}` : ''}`,
            }))}
            aria-label={t('service.lines.cannedJob')}
          />
          {!op && (
            <Select
              allowClear
              placeholder={t('service.bookings.skill')}
              value={skill}
              onChange={(v) => {
                setSkill(v);
                setSlot(null);
              }}
              options={workshopSkills.map((s) => ({ value: s, label: t(keys.skill(s)) }))}
              aria-label={t('service.bookings.skill')}
            />
          )}
          <Space>
            <DatePicker
              value={dayjs(day)}
              allowClear={false}
              onChange={(d) => {
                if (d) {
                  setDay(d.format('YYYY-MM-DD'));
                  setSlot(null);
                }
              }}
            />
            <InputNumber
              min={15}
              max={600}
              step={15}
              value={minutes}
              onChange={(v) => {
                setMinutes(v ?? 60);
                setSlot(null);
              }}
              addonAfter={t('service.bookings.minutes')}
            />
          </Space>
          <div data-testid="slots">
            {slots.data?.slots.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('service.bookings.noSlots')} />
            )}
            <Space wrap>
              {(slots.data?.slots ?? []).map((s) => (
                <Tag.CheckableTag
                  key={s.startAt}
                  checked={slot === s.startAt}
                  onChange={() => setSlot(s.startAt)}
                  style={{ padding: '4px 10px', border: '1px solid #d9d9d9' }}
                >
                  {hhmm(s.startAt)}
                </Tag.CheckableTag>
              ))}
            </Space>
          </div>
          <Form form={form} layout="vertical">
            <Space>
              <Switch checked={pickup} onChange={setPickup} aria-label={t('service.bookings.pickup')} />{' '}
              {t('service.bookings.pickup')}
            </Space>
            {pickup && (
              <>
                <Form.Item name="address" label={t('service.bookings.address')}>
                  <Input />
                </Form.Item>
                <Space>
                  <Form.Item name="driver" label={t('service.bookings.driver')}>
                    <Input />
                  </Form.Item>
                  <Form.Item name="pickupAt" label={t('service.bookings.pickupAt')}>
                    <DatePicker showTime={{ format: 'HH:mm' }} />
                  </Form.Item>
                </Space>
              </>
            )}
            <Form.Item name="loanerCar" label={t('service.bookings.loaner')}>
              <Input placeholder={t('service.bookings.loanerPlaceholder')} />
            </Form.Item>
            <Form.Item name="note" label={t('service.bookings.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Form>
          <Button type="primary" disabled={!slot} loading={create.isPending} onClick={submit}>
            {slot ? t('service.bookings.bookAt', { time: hhmm(slot) }) : t('service.bookings.pickSlot')}
          </Button>
        </Space>
      )}
    </Drawer>
  );
}
