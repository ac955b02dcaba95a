import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoreOption } from '../identity/store-options';
import { storeOptionLabel } from '../identity/store-options';

export interface TransferValues {
  toStoreId: string;
  note?: string;
}

/** Send the vehicle to another store of the group; both sides record it. */
export function VehicleTransferModal({
  open,
  stores,
  loading,
  onSubmit,
  onClose,
}: {
  open: boolean;
  stores: StoreOption[];
  loading: boolean;
  onSubmit: (values: TransferValues) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TransferValues>();
  return (
    <Modal
      title={t('stock.transfer.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('stock.transfer.send')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form<TransferValues> form={form} layout="vertical" onFinish={onSubmit}>
        <Form.Item
          name="toStoreId"
          label={t('stock.transfer.toStore')}
          rules={[{ required: true, message: t('catalog.validation.required') }]}
        >
          <Select options={stores.map((s) => ({ value: s.id, label: storeOptionLabel(s) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('stock.transfer.note')}>
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
