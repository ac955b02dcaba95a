import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { manualMovementTypes } from '@common/parts/part.enums';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import type { StoreOption } from '../identity/store-options';
import { toFen, yuanRule } from './money-input';
import { usePostMovement } from './parts-api';

interface Values {
  type: (typeof manualMovementTypes)[number];
  qty: number;
  unitCost?: string;
  toStoreId?: string;
  reason: string;
}

/** Posts a movement by hand: receipt (with cost), signed adjustment, scrap, return to supplier, transfer. */
export function MovementModal({
  open,
  partId,
  storeId,
  stores,
  onClose,
}: {
  open: boolean;
  partId: string;
  storeId: string;
  stores: StoreOption[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const post = usePostMovement();
  const type = Form.useWatch('type', form);
  const submit = (v: Values) => {
    setFailure(null);
    post.mutate(
      {
        storeId,
        partId,
        type: v.type,
        qty: v.qty,
        reason: v.reason,
        ...(v.type === 'receive' ? { unitCost: toFen(v.unitCost) } : {}),
        ...(v.type === 'transfer' ? { toStoreId: v.toStoreId } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('parts.posted'));
          form.resetFields();
          onClose();
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['qty', 'unitCost', 'toStoreId', 'reason']);
          setFailure(describeError(error));
        },
      },
    );
  };
  return (
    <Modal
      title={t('parts.postMovement')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={post.isPending}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'receive', qty: 1 }}>
        <Form.Item name="type" label={t('parts.fields.type')}>
          <Select
            options={manualMovementTypes.map((m) => ({ value: m, label: t(`parts.movementTypes.${m}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="qty"
          label={t('parts.fields.qty')}
          rules={[{ required: true, message: t('parts.required') }]}
        >
          <InputNumber precision={0} min={type === 'adjustment' ? -1_000_000 : 1} style={{ width: 140 }} />
        </Form.Item>
        {type === 'receive' && (
          <Form.Item
            name="unitCost"
            label={t('parts.fields.unitCost')}
            rules={[{ required: true, message: t('parts.required') }, yuanRule(t('parts.moneyFormat'))]}
          >
            <Input inputMode="decimal" style={{ width: 140 }} />
          </Form.Item>
        )}
        {type === 'transfer' && (
          <Form.Item
            name="toStoreId"
            label={t('parts.fields.toStore')}
            rules={[{ required: true, message: t('parts.required') }]}
          >
            <Select
              options={stores.filter((s) => s.id !== storeId).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('parts.fields.reason')}
          rules={[{ required: true, message: t('parts.required') }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
