import { useEffect } from 'react';
import { Alert, App, Form, InputNumber, Modal, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { assignmentModes } from '@common/crm/lead.status';
import { describeError } from '../../api/form-errors';
import type { LeadSettings } from './leads-api';
import { useLeadSettings, useUpdateLeadSettings } from './leads-api';

/** The store's lead rules: how soon a new lead must be contacted, and who gets new leads. */
export function LeadRulesModal({
  storeId,
  open,
  onClose,
}: {
  storeId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Pick<LeadSettings, 'slaMinutes' | 'assignment'>>();
  const settings = useLeadSettings(open ? storeId : null);
  const update = useUpdateLeadSettings(storeId);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  return (
    <Modal
      title={t('leads.rulesTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {update.isError && (
        <Alert type="warning" showIcon title={describeError(update.error)} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          update.mutate(
            { version: settings.data!.version, ...v },
            {
              onSuccess: () => {
                void message.success(t('leads.rulesSaved'));
                onClose();
              },
              onError: () => void settings.refetch(),
            },
          )
        }
      >
        <Form.Item
          name="slaMinutes"
          label={t('leads.slaMinutes')}
          extra={t('leads.slaHelp')}
          rules={[{ required: true, type: 'integer', min: 5, max: 10080 }]}
        >
          <InputNumber min={5} max={10080} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="assignment" label={t('leads.assignment')} rules={[{ required: true }]}>
          <Radio.Group>
            <Space orientation="vertical">
              {assignmentModes.map((m) => (
                <Radio key={m} value={m}>
                  {t(`leads.assignments.${m}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
