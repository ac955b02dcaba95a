import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ReserveValues {
  hours: number;
  dealId?: string;
}

/** Hold a vehicle for a deal: how many hours (default 48, at most 14 days) and the deal it is for. */
export function VehicleReserveModal({
  open,
  loading,
  onSubmit,
  onClose,
}: {
  open: boolean;
  loading: boolean;
  onSubmit: (values: ReserveValues) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReserveValues>();
  return (
    <Modal
      title={t('stock.reserve.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('stock.actions.reserve')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form<ReserveValues> form={form} layout="vertical" initialValues={{ hours: 48 }} onFinish={onSubmit}>
        <Form.Item
          name="hours"
          label={t('stock.reserve.hours')}
          extra={t('stock.reserve.hoursHint')}
          rules={[
            { required: true, type: 'integer', min: 1, max: 336, message: t('stock.reserve.hoursRange') },
          ]}
        >
          <InputNumber min={1} max={336} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="dealId" label={t('stock.reserve.dealId')}>
          <Input maxLength={64} placeholder={t('stock.reserve.dealPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
