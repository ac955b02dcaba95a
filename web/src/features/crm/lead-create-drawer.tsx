import { useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { leadSources } from '@common/crm/lead.status';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { TrimSelect } from '../catalog/trim-select';
import type { CreateLead } from './leads-api';
import { useCreateLead, useLeadOwners } from './leads-api';
import { CustomerSelect } from './customer-select';

const fieldNames = ['customerId', 'source', 'trimId', 'interest', 'campaignRef', 'referredBy', 'ownerId'];

interface LeadForm {
  customerId?: string;
  source?: CreateLead['source'];
  trimId?: string;
  interest?: string;
  campaignRef?: string;
  referredBy?: string;
  ownerId?: string;
}

/** File a lead: the customer (searched as typed), where they came from, what they want; managers may name the owner. */
export function LeadCreateDrawer({
  open,
  storeId,
  mayAssign,
  onClose,
}: {
  open: boolean;
  storeId: string | null;
  mayAssign: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeadForm>();
  const owners = useLeadOwners(storeId, mayAssign && open);
  const create = useCreateLead();
  const source = Form.useWatch('source', form);
  const [failure, setFailure] = useState<{ title: string; detail?: string } | null>(null);

  const submit = async (values: LeadForm) => {
    try {
      const lead = await create.mutateAsync({
        customerId: values.customerId!,
        source: values.source!,
        ...(storeId ? { storeId } : {}),
        ...(values.trimId ? { trimId: values.trimId } : {}),
        ...(values.interest?.trim() ? { interest: values.interest.trim() } : {}),
        ...(values.campaignRef?.trim() ? { campaignRef: values.campaignRef.trim() } : {}),
        ...(values.referredBy?.trim() ? { referredBy: values.referredBy.trim() } : {}),
        ...(values.ownerId ? { ownerId: values.ownerId } : {}),
      });
      void message.success(t('leads.created', { number: lead.number }));
      setFailure(null);
      form.resetFields();
      onClose();
    } catch (error) {
      const details = applyFieldErrors(form, error, fieldNames);
      setFailure({ title: describeError(error), detail: details.join('; ') || undefined });
    }
  };

  return (
    <Drawer
      title={t('leads.createTitle')}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
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
      <Form<LeadForm> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="customerId"
          label={t('leads.fields.customer')}
          rules={[{ required: true, message: t('leads.customerRequired') }]}
        >
          <CustomerSelect storeId={storeId} placeholder={t('leads.customerPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('leads.fields.source')}
          rules={[{ required: true, message: t('leads.sourceRequired') }]}
        >
          <Select options={leadSources.map((s) => ({ value: s, label: t(`leads.sources.${s}`) }))} />
        </Form.Item>
        {source === 'campaign' && (
          <Form.Item name="campaignRef" label={t('leads.fields.campaignRef')}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        {source === 'referral' && (
          <Form.Item name="referredBy" label={t('leads.fields.referredBy')}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="trimId" label={t('leads.fields.trim')}>
          <TrimSelect allowClear />
        </Form.Item>
        <Form.Item name="interest" label={t('leads.fields.interest')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {mayAssign && (
          <Form.Item name="ownerId" label={t('leads.fields.owner')}>
            <Select
              allowClear
              placeholder={t('leads.ownerAuto')}
              loading={owners.isFetching}
              options={(owners.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
