import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Appointment, Reception } from '@common/crm/reception.schemas';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { CustomerSelect } from './customer-select';
import { useLeadOwners } from './leads-api';
import { usePatchReception, useReceive } from './reception-api';

interface VisitForm {
  customerId?: string;
  partySize: number;
  consultantId?: string;
  customerSaid?: string;
  impressions?: string;
}
const fieldNames = ['customerId', 'partySize', 'consultantId', 'customerSaid', 'impressions'];

/**
 * H3.1.2-3: receiving a customer — a walk-in, the arrival of an appointment, or notes on a visit already
 * open: party size, consultant, what the customer said in their words, first impressions.
 */
export function ReceptionDrawer({
  open,
  storeId,
  appointment,
  reception,
  onClose,
}: {
  open: boolean;
  storeId: string | null;
  appointment?: Appointment | null;
  reception?: Reception | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitForm>();
  const receive = useReceive();
  const patch = usePatchReception();
  const owners = useLeadOwners(storeId, open);
  const [failure, setFailure] = useState<{ title: string; detail?: string } | null>(null);
  const editing = !!reception;
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      customerId: reception?.customerId ?? appointment?.customerId,
      partySize: reception?.partySize ?? 1,
      consultantId: reception?.consultantId ?? appointment?.consultantId ?? undefined,
      customerSaid: reception?.customerSaid ?? appointment?.purpose ?? undefined,
      impressions: reception?.impressions ?? undefined,
    });
  }, [open, reception, appointment, form]);

  const done = (name: string) => {
    void message.success(editing ? t('reception.saved') : t('reception.received', { name }));
    setFailure(null);
    form.resetFields();
    onClose();
  };
  const fail = (error: unknown) => {
    const details = applyFieldErrors(form, error, fieldNames);
    setFailure({ title: describeError(error), detail: details.join('; ') || undefined });
  };
  const submit = (v: VisitForm) => {
    const words = {
      customerSaid: v.customerSaid?.trim() || null,
      impressions: v.impressions?.trim() || null,
    };
    if (reception)
      patch.mutate(
        { reception, partySize: v.partySize, ...words },
        { onSuccess: (r) => done(r.customerName), onError: fail },
      );
    else
      receive.mutate(
        {
          customerId: v.customerId!,
          partySize: v.partySize,
          ...(storeId ? { storeId } : {}),
          ...(appointment ? { appointmentId: appointment.id } : {}),
          ...(v.consultantId ? { consultantId: v.consultantId } : {}),
          ...words,
        },
        { onSuccess: (r) => done(r.customerName), onError: fail },
      );
  };

  const title = reception
    ? t('reception.notesTitle', { name: reception.customerName })
    : appointment
      ? `${t('reception.actions.arrive')} · ${appointment.customerName}`
      : t('reception.walkIn');
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={receive.isPending || patch.isPending} onClick={() => form.submit()}>
            {t('common.save')}
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
      <Form<VisitForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="customerId"
          label={t('reception.fields.customer')}
          rules={[{ required: true, message: t('reception.customerRequired') }]}
        >
          <CustomerSelect
            storeId={storeId}
            disabled={editing || !!appointment}
            placeholder={t('reception.customerPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="partySize" label={t('reception.fields.partySize')} rules={[{ required: true }]}>
          <InputNumber min={1} max={20} precision={0} style={{ width: 120 }} />
        </Form.Item>
        {!editing && (
          <Form.Item name="consultantId" label={t('reception.fields.consultant')}>
            <Select
              allowClear
              placeholder={t('reception.consultantAuto')}
              options={(owners.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            />
          </Form.Item>
        )}
        <Form.Item name="customerSaid" label={t('reception.fields.customerSaid')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="impressions" label={t('reception.fields.impressions')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
