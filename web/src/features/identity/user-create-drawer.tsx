import { useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreateUser, Language, Me } from '@common/identity/user.schemas';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { currentLanguage, languages } from '../../i18n/i18n';
import { StoreRolesField } from './store-roles-field';
import { useGrantableStores } from './store-options';
import { useCreateUser } from './users-api';

interface CreateUserForm {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  idNumber?: string;
  language: Language;
  storeRoles: CreateUser['storeRoles'];
}

const fieldNames = ['username', 'displayName', 'password', 'phone', 'idNumber', 'language', 'storeRoles'];

/** New user: username, name, initial password and at least one store role. */
export function UserCreateDrawer({
  me,
  open,
  onClose,
  defaultStoreId,
}: {
  me: Me;
  open: boolean;
  onClose: () => void;
  defaultStoreId: string | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserForm>();
  const [failure, setFailure] = useState<{ title: string; details: string[] } | null>(null);
  const stores = useGrantableStores(me, 'users.manage');
  const createUser = useCreateUser();

  const close = () => {
    form.resetFields();
    setFailure(null);
    onClose();
  };

  const submit = (values: CreateUserForm) => {
    setFailure(null);
    const input: CreateUser = {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      password: values.password,
      phone: values.phone?.trim() || null,
      idNumber: values.idNumber?.trim() || null,
      language: values.language,
      storeRoles: values.storeRoles,
    };
    createUser.mutate(input, {
      onSuccess: (user) => {
        void message.success(t('users.createdMessage', { name: `${user.displayName} (${user.username})` }));
        close();
      },
      onError: (error) => {
        const details = applyFieldErrors(form, error, fieldNames);
        setFailure({ title: describeError(error), details });
      },
    });
  };

  const initialStore =
    stores.find((s) => s.id === defaultStoreId)?.id ?? (stores.length === 1 ? stores[0]?.id : undefined);

  return (
    <Drawer
      title={t('users.createTitle')}
      open={open}
      onClose={close}
      size={520}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={createUser.isPending} onClick={() => form.submit()}>
            {t('common.create')}
          </Button>
        </Space>
      }
    >
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure.title}
          description={failure.details.length ? failure.details.join('; ') : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<CreateUserForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          language: currentLanguage(),
          storeRoles: [{ storeId: initialStore, role: undefined }],
        }}
      >
        <Form.Item
          name="username"
          label={t('users.fields.username')}
          rules={[
            { required: true, whitespace: true, message: t('users.validation.usernameRequired') },
            { pattern: /^\s*[a-zA-Z0-9._-]{3,40}\s*$/, message: t('users.validation.usernameFormat') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.fields.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.validation.displayNameRequired') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.fields.password')}
          rules={[
            { required: true, message: t('users.validation.passwordRequired') },
            { min: 10, message: t('users.validation.passwordMin') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="phone" label={t('users.fields.phone')} style={{ flex: 1 }}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="language" label={t('users.fields.language')} style={{ width: 160 }}>
            <Select options={languages.map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="idNumber" label={t('users.fields.idNumber')} extra={t('users.idNumberHint')}>
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <StoreRolesField stores={stores} />
      </Form>
    </Drawer>
  );
}
