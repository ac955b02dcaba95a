import { useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { appointmentChannels } from '@common/crm/reception.status';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { CustomerSelect } from './customer-select';
import { useLeadOwners } from './leads-api';
import { useBookAppointment } from './reception-api';

interface BookForm {
  customerId?: string;
  channel: (typeof appointmentChannels)[number];
  scheduledAt?: Dayjs;
  durationMinutes: number;
  consultantId?: string;
  purpose?: string;
}
const fieldNames = ['customerId', 'channel', 'scheduledAt', 'durationMinutes', 'consultantId', 'purpose'];

/** H3.1.1: a booking by phone or online — who, when, what they want; the customer gets a confirmation. */
export function AppointmentBookDrawer({
  open,
  storeId,
  onClose,
}: {
  open: boolean;
  storeId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BookForm>();
  const book = useBookAppointment();
  const owners = useLeadOwners(storeId, open);
  const [failure, setFailure] = useState<{ title: string; detail?: string } | null>(null);

  const submit = (v: BookForm) =>
    book.mutate(
      {
        customerId: v.customerId!,
        channel: v.channel,
        scheduledAt: v.scheduledAt!.toISOString(),
        durationMinutes: v.durationMinutes,
        ...(storeId ? { storeId } : {}),
        ...(v.consultantId ? { consultantId: v.consultantId } : {}),
        ...(v.purpose?.trim() ? { purpose: v.purpose.trim() } : {}),
      },
      {
        onSuccess: (a) => {
          void message.success(t('reception.booked', { number: a.number }));
          setFailure(null);
          form.resetFields();
          onClose();
        },
        onError: (error) => {
          const details = applyFieldErrors(form, error, fieldNames);
          setFailure({ title: describeError(error), detail: details.join('; ') || undefined });
        },
      },
    );

  return (
    <Drawer
      title={t('reception.book')}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={book.isPending} onClick={() => form.submit()}>
            {t('common.create')}
          </Button>
        </Space>
      }
    >
      {failure && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={failure.title}
          description={failure.detail}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<BookForm>
        form={form}
        layout="vertical"
        initialValues={{ channel: 'phone', durationMinutes: 60 }}
        onFinish={submit}
      >
        <Form.Item
          name="customerId"
          label={t('reception.fields.customer')}
          rules={[{ required: true, message: t('reception.customerRequired') }]}
        >
          <CustomerSelect storeId={storeId} placeholder={t('reception.customerPlaceholder')} />
        </Form.Item>
        <Form.Item name="channel" label={t('reception.fields.channel')} rules={[{ required: true }]}>
          <Select
            options={appointmentChannels.map((c) => ({ value: c, label: t(`reception.channels.${c}`) }))}
          />
        </Form.Item>
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
        <Form.Item
          name="durationMinutes"
          label={t('reception.fields.durationMinutes')}
          rules={[{ required: true }]}
        >
          <InputNumber min={15} max={480} step={15} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="consultantId" label={t('reception.fields.consultant')}>
          <Select
            allowClear
            placeholder={t('reception.consultantAuto')}
            options={(owners.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('reception.fields.purpose')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
