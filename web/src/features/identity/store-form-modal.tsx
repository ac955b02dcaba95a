import { useEffect, useState } from 'react';
import { Alert, App, Flex, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Store } from '@common/identity/store.schemas';
import { isApiError } from '../../api/api-client';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { useCreateStore, usePatchStore } from './stores-api';

interface StoreForm {
  code: string;
  name: string;
  timezone: string;
  currency: string;
  address?: string | null;
  taxId?: string | null;
  active: boolean;
}

const fieldNames = ['code', 'name', 'timezone', 'currency', 'address', 'taxId', 'active'];
const blank: StoreForm = {
  code: '',
  name: '',
  timezone: 'Asia/Shanghai',
  currency: 'CNY',
  address: '',
  taxId: '',
  active: true,
};

function valuesOf(store: Store): StoreForm {
  return { ...store, address: store.address ?? '', taxId: store.taxId ?? '' };
}

/** Create a store, or edit one (the code is fixed once created; a stale version answers 409). */
export function StoreFormModal({
  store,
  open,
  onClose,
  onConflict,
}: {
  store: Store | null;
  open: boolean;
  onClose: () => void;
  /** Reload the store after someone else changed it. */
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StoreForm>();
  const [failure, setFailure] = useState<{ title: string; detail?: string } | null>(null);
  const createStore = useCreateStore();
  const patchStore = usePatchStore(store?.id ?? '');
  const saving = createStore.isPending || patchStore.isPending;

  useEffect(() => {
    if (open) setFailure(null);
  }, [open]);

  useEffect(() => {
    if (open) form.setFieldsValue(store ? valuesOf(store) : blank);
  }, [open, store, form]);

  const onError = (error: unknown) => {
    if (isApiError(error, 409) && store) {
      setFailure({ title: t('common.conflictTitle'), detail: t('common.conflictDetail') });
      onConflict();
      return;
    }
    const details = applyFieldErrors(form, error, fieldNames);
    setFailure({ title: describeError(error), detail: details.join('; ') || undefined });
  };

  const submit = (v: StoreForm) => {
    const optional = { address: v.address?.trim() || null, taxId: v.taxId?.trim() || null };
    const done = () => {
      void message.success(store ? t('common.saved') : t('common.created'));
      onClose();
    };
    if (store) {
      patchStore.mutate(
        {
          version: store.version,
          name: v.name.trim(),
          timezone: v.timezone,
          currency: v.currency,
          active: v.active,
          ...optional,
        },
        { onSuccess: done, onError },
      );
    } else {
      createStore.mutate(
        { code: v.code.trim(), name: v.name.trim(), timezone: v.timezone, currency: v.currency, ...optional },
        { onSuccess: done, onError },
      );
    }
  };

  return (
    <Modal
      title={store ? t('stores.editTitle', { name: store.name }) : t('stores.createTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={store ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      width={560}
      forceRender
    >
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure.title}
          description={failure.detail}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<StoreForm> form={form} layout="vertical" onFinish={submit} initialValues={blank}>
        <Flex gap={12}>
          <Form.Item
            name="code"
            label={t('stores.fields.code')}
            style={{ width: 160 }}
            normalize={(v: string) => v.toUpperCase()}
            rules={[
              { required: true, whitespace: true, message: t('stores.validation.codeRequired') },
              { pattern: /^\s*[A-Z0-9][A-Z0-9_-]{1,19}\s*$/, message: t('stores.validation.codeFormat') },
            ]}
          >
            <Input disabled={store !== null} maxLength={20} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('stores.fields.name')}
            style={{ flex: 1 }}
            rules={[{ required: true, whitespace: true, message: t('stores.validation.nameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="timezone" label={t('stores.fields.timezone')} style={{ flex: 1 }}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item
            name="currency"
            label={t('stores.fields.currency')}
            style={{ width: 120 }}
            normalize={(v: string) => v.toUpperCase()}
            rules={[{ pattern: /^[A-Z]{3}$/, message: t('stores.validation.currencyFormat') }]}
          >
            <Input maxLength={3} />
          </Form.Item>
          {store && (
            <Form.Item name="active" label={t('stores.fields.active')} valuePropName="checked">
              <Switch
                checkedChildren={t('stores.status.active')}
                unCheckedChildren={t('stores.status.inactive')}
              />
            </Form.Item>
          )}
        </Flex>
        <Form.Item name="address" label={t('stores.fields.address')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="taxId" label={t('stores.fields.taxId')}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
