import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Slider,
  Space,
  Tag,
  Typography,
} from 'antd';
import { AlertOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { useDebounced } from '../crm/use-debounced';
import { formatFen, useCheckIn, useCheckInLookup, type LookupItem, type RepairOrder } from './service-api';

interface Values {
  odometerKm: number;
  odometerReason?: string;
  fuelPercent: number;
  damageNotes?: string;
  valuables?: string;
  customerConcern: string;
  photos?: string;
}
const fields = [
  'odometerKm',
  'odometerReason',
  'fuelPercent',
  'damageNotes',
  'valuables',
  'customerConcern',
  'photos',
];

/**
 * Check-in (接车) on the advisor's tablet: find the car by plate or VIN, see its open recalls and the work
 * declined last time, take the odometer (a lower reading asks for the reason), fuel or charge level,
 * walk-around damage, valuables and the customer's words.
 */
export function CheckInDrawer({
  storeId,
  bookingId,
  initialQuery,
  onClose,
  onDone,
}: {
  storeId: string;
  bookingId?: string;
  initialQuery?: string;
  onClose: () => void;
  onDone: (o: RepairOrder) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState(initialQuery ?? '');
  const needle = useDebounced(q, 300);
  const found = useCheckInLookup(storeId, needle);
  const [car, setCar] = useState<LookupItem | null>(null);
  const [form] = Form.useForm<Values>();
  const km = Form.useWatch('odometerKm', form);
  const lower =
    car?.lastMileageKm !== null &&
    car?.lastMileageKm !== undefined &&
    km !== undefined &&
    km !== null &&
    km < car.lastMileageKm;
  const checkIn = useCheckIn();
  const submit = (v: Values) => {
    if (!car) return;
    checkIn.mutate(
      {
        storeId,
        customerVehicleId: car.customerVehicleId,
        bookingId: bookingId ?? null,
        odometerKm: v.odometerKm,
        odometerReason: v.odometerReason || null,
        fuelPercent: v.fuelPercent,
        damageNotes: v.damageNotes || null,
        valuables: v.valuables || null,
        customerConcern: v.customerConcern,
        photos: (v.photos ?? '').split(/\s+/).filter(Boolean),
      },
      {
        onSuccess: (o) => {
          void message.success(t('service.checkIn.done', { number: o.number }));
          onDone(o);
        },
        onError: (e) => {
          const rest = applyFieldErrors(form, e, fields);
          form.setFields(
            rest.some((r) => r.startsWith('reason'))
              ? [{ name: 'odometerReason', errors: [t('service.checkIn.reasonNeeded')] }]
              : [],
          );
          void message.error(describeError(e));
        },
      },
    );
  };
  return (
    <Drawer open onClose={onClose} title={t('service.checkIn.title')} size={560} destroyOnHidden>
      {!car ? (
        <>
          <Input
            size="large"
            autoFocus
            prefix={<SearchOutlined />}
            placeholder={t('service.checkIn.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            aria-label={t('service.checkIn.search')}
          />
          <List<LookupItem>
            style={{ marginTop: 12 }}
            loading={found.isFetching}
            dataSource={found.data ?? []}
            locale={{
              emptyText: needle.length >= 2 ? t('service.checkIn.noMatch') : t('service.checkIn.searchHint'),
            }}
            renderItem={(v) => (
              <List.Item
                actions={[
                  <Button
                    key="pick"
                    type="primary"
                    disabled={!!v.openOrderId}
                    onClick={() => {
                      setCar(v);
                      form.setFieldsValue({ fuelPercent: 50 });
                    }}
                  >
                    {v.openOrderId ? t('service.checkIn.openOrder') : t('service.checkIn.pick')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <strong>{v.plate ?? '—'}</strong>
                      {v.customerName}
                      {v.campaigns.length > 0 && (
                        <Tag color="red" icon={<AlertOutlined />}>
                          {t('service.recall')}
                        </Tag>
                      )}
                    </Space>
                  }
                  description={`${v.vin} · ${v.vehicleName ?? ''} ${v.lastMileageKm !== null ? `· ${t('service.km', { km: v.lastMileageKm })}` : ''}`}
                />
              </List.Item>
            )}
          />
        </>
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ fuelPercent: 50 }}>
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {car.plate ?? '—'} · {car.customerName}
            </Typography.Title>
            <Typography.Text type="secondary">
              {car.vin} · {car.vehicleName ?? ''}
            </Typography.Text>
            {car.campaigns.map((c) => (
              <Alert
                key={c.id}
                type="error"
                showIcon
                icon={<AlertOutlined />}
                title={t('service.checkIn.recallFlag', { code: c.code })}
                description={c.title}
                data-testid="recall-flag"
              />
            ))}
            {car.declinedBefore.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('service.checkIn.declinedBefore')}
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {car.declinedBefore.map((d, i) => (
                      <li key={i}>
                        {d.description} · {formatFen(d.amount)} ({d.repairOrderNumber})
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
          </Space>
          <Form.Item
            name="odometerKm"
            label={t('service.checkIn.odometer')}
            extra={
              car.lastMileageKm !== null
                ? t('service.checkIn.lastReading', { km: car.lastMileageKm })
                : undefined
            }
            rules={[{ required: true, message: t('service.checkIn.odometerRequired') }]}
          >
            <InputNumber min={0} max={2_000_000} style={{ width: '100%' }} size="large" suffix="km" />
          </Form.Item>
          {lower && (
            <Form.Item
              name="odometerReason"
              label={t('service.checkIn.lowerReason')}
              rules={[{ required: true, message: t('service.checkIn.reasonNeeded') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Form.Item name="fuelPercent" label={t('service.checkIn.fuel')}>
            <Slider marks={{ 0: '0', 25: '¼', 50: '½', 75: '¾', 100: '1' }} step={5} />
          </Form.Item>
          <Form.Item
            name="customerConcern"
            label={t('service.checkIn.concern')}
            rules={[{ required: true, message: t('service.checkIn.concernRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('service.checkIn.concernPlaceholder')} />
          </Form.Item>
          <Form.Item name="damageNotes" label={t('service.checkIn.damage')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="photos"
            label={t('service.checkIn.photos')}
            extra={t('service.checkIn.photosHint')}
          >
            <Input.TextArea rows={1} />
          </Form.Item>
          <Form.Item name="valuables" label={t('service.checkIn.valuables')}>
            <Input maxLength={500} />
          </Form.Item>
          <Space>
            <Button onClick={() => setCar(null)}>{t('service.checkIn.back')}</Button>
            <Button type="primary" htmlType="submit" loading={checkIn.isPending} size="large">
              {t('service.checkIn.submit')}
            </Button>
          </Space>
        </Form>
      )}
    </Drawer>
  );
}
