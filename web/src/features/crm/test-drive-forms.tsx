import { App, DatePicker, Drawer, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Reception, TestDrive } from '@common/crm/reception.schemas';
import { describeError } from '../../api/form-errors';
import { useDrivableVehicles, usePlanTestDrive, useTestDriveMove } from './reception-api';

/** H3.1.3: a test drive for the customer in the showroom — the car, the route, the licence seen. */
export function TestDriveDrawer({
  reception,
  onClose,
}: {
  reception: Reception | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ vehicleId?: string; route?: string; licenceValidUntil?: Dayjs }>();
  const cars = useDrivableVehicles(reception?.storeId ?? null, !!reception);
  const plan = usePlanTestDrive();
  return (
    <Drawer
      title={reception ? t('reception.testDriveTitle', { name: reception.customerName }) : ''}
      open={!!reception}
      onClose={onClose}
      size={520}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={plan.isPending} onClick={() => form.submit()}>
            {t('common.create')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          plan.mutate(
            {
              customerId: reception!.customerId,
              receptionId: reception!.id,
              vehicleId: v.vehicleId!,
              ...(v.route?.trim() ? { route: v.route.trim() } : {}),
              ...(v.licenceValidUntil ? { licenceValidUntil: v.licenceValidUntil.format('YYYY-MM-DD') } : {}),
            },
            {
              onSuccess: () => {
                form.resetFields();
                onClose();
              },
              onError: (e) => void message.error(describeError(e)),
            },
          )
        }
      >
        <Form.Item
          name="vehicleId"
          label={t('reception.fields.vehicle')}
          rules={[{ required: true, message: t('reception.vehicleRequired') }]}
        >
          <Select
            loading={cars.isFetching}
            options={(cars.data ?? []).map((v) => ({
              value: v.id,
              label: `${v.brandName} ${v.modelName} ${v.trimName} · ${v.vin.slice(-6)} · ${t(`stock.statuses.${v.status}`)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="route" label={t('reception.fields.route')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="licenceValidUntil" label={t('reception.fields.licenceValidUntil')}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** The licence check before the start, or the end of the drive with the odometer and the feedback. */
export function TestDriveStepModal({
  drive,
  step,
  onClose,
}: {
  drive: TestDrive | null;
  step: 'check-licence' | 'end';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ licenceValidUntil?: Dayjs; endKm?: number; feedback?: string }>();
  const move = useTestDriveMove();
  return (
    <Modal
      title={step === 'end' ? t('reception.endTitle') : t('reception.licenceTitle')}
      open={!!drive}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          move.mutate(
            {
              drive: drive!,
              verb: step,
              body:
                step === 'end'
                  ? {
                      ...(v.endKm !== undefined ? { endKm: v.endKm } : {}),
                      ...(v.feedback?.trim() ? { feedback: v.feedback.trim() } : {}),
                    }
                  : { licenceValidUntil: v.licenceValidUntil!.format('YYYY-MM-DD') },
            },
            { onSuccess: onClose, onError: (e) => void message.error(describeError(e)) },
          )
        }
      >
        {step === 'check-licence' ? (
          <Form.Item
            name="licenceValidUntil"
            label={t('reception.fields.licenceValidUntil')}
            rules={[{ required: true, message: t('reception.dateRequired') }]}
          >
            <DatePicker style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="endKm" label={t('reception.fields.endKm')}>
              <InputNumber min={0} precision={0} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="feedback" label={t('reception.fields.feedback')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** A new time for a booked visit. */
export function RescheduleModal({
  title,
  open,
  loading,
  onSubmit,
  onClose,
}: {
  title: string;
  open: boolean;
  loading: boolean;
  onSubmit: (at: Dayjs) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ scheduledAt?: Dayjs }>();
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.scheduledAt!)}>
        <Form.Item
          name="scheduledAt"
          label={t('reception.fields.scheduledAt')}
          rules={[{ required: true, message: t('reception.timeRequired') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
