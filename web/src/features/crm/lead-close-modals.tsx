import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lead } from '@common/crm/lead.schemas';
import { lostReasons, type LostReason } from '@common/crm/lead.status';
import { useLeadOwners } from './leads-api';

/** Lost (战败): the reason is required, so the manager's defeat analysis can count it. */
export function LeadLoseModal({
  lead,
  loading,
  onSubmit,
  onClose,
}: {
  lead: Lead | null;
  loading: boolean;
  onSubmit: (values: { reason: LostReason; note?: string }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: LostReason; note?: string }>();
  return (
    <Modal
      title={lead ? t('leads.loseTitle', { number: lead.number }) : ''}
      open={!!lead}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        <Form.Item
          name="reason"
          label={t('leads.fields.lostReason')}
          rules={[{ required: true, message: t('leads.reasonRequired') }]}
        >
          <Select options={lostReasons.map((r) => ({ value: r, label: t(`leads.lostReasons.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('leads.fields.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A manager hands the lead to one of the store's consultants. */
export function LeadAssignModal({
  lead,
  loading,
  onSubmit,
  onClose,
}: {
  lead: Lead | null;
  loading: boolean;
  onSubmit: (ownerId: string, ownerName: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ ownerId: string }>();
  const owners = useLeadOwners(lead?.storeId ?? null, !!lead);
  return (
    <Modal
      title={lead ? t('leads.assignTitle', { number: lead.number }) : ''}
      open={!!lead}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ownerId: lead?.ownerId ?? undefined }}
        onFinish={(v) => onSubmit(v.ownerId, owners.data?.find((u) => u.id === v.ownerId)?.displayName ?? '')}
      >
        <Form.Item
          name="ownerId"
          label={t('leads.fields.owner')}
          rules={[{ required: true, message: t('leads.ownerRequired') }]}
        >
          <Select
            loading={owners.isFetching}
            options={(owners.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
