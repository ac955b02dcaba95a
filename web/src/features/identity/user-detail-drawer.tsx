import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Select, Space, Spin } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Language, Me, PatchUser, User } from '@common/identity/user.schemas';
import { isApiError } from '../../api/api-client';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { languages } from '../../i18n/i18n';
import { formatInstant } from './format';
import { permissionScope } from './auth-api';
import { StoreRolesField } from './store-roles-field';
import { useGrantableStores, useStoreNames } from './store-options';
import { UserHistoryDrawer } from './user-history-drawer';
import { usePatchUser, useUser } from './users-api';

interface EditUserForm {
  displayName: string;
  phone?: string | null;
  idNumber?: string;
  language: Language;
  status: User['status'];
  storeRoles: User['storeRoles'];
  password?: string;
}

const fieldNames = ['displayName', 'phone', 'idNumber', 'language', 'status', 'storeRoles', 'password'];

function formValues(user: User): EditUserForm {
  return {
    displayName: user.displayName,
    phone: user.phone,
    idNumber: '',
    language: user.language,
    status: user.status,
    storeRoles: user.storeRoles,
    password: '',
  };
}

/** Only what changed, with the version the user saw (a stale version is refused with 409). */
function buildPatch(user: User, v: EditUserForm): PatchUser {
  const patch: PatchUser = { version: user.version };
  if (v.displayName.trim() !== user.displayName) patch.displayName = v.displayName.trim();
  if ((v.phone?.trim() || null) !== user.phone) patch.phone = v.phone?.trim() || null;
  if (v.idNumber?.trim()) patch.idNumber = v.idNumber.trim();
  if (v.language !== user.language) patch.language = v.language;
  if (v.status !== user.status) patch.status = v.status;
  if (JSON.stringify(v.storeRoles) !== JSON.stringify(user.storeRoles)) patch.storeRoles = v.storeRoles;
  if (v.password) patch.password = v.password;
  return patch;
}

/** A user's details; editable with users.manage; the history drawer shows the audit trail. */
export function UserDetailDrawer({
  me,
  userId,
  onClose,
}: {
  me: Me;
  userId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditUserForm>();
  const [failure, setFailure] = useState<{ title: string; detail?: string } | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const user = useUser(userId);
  const patchUser = usePatchUser(userId ?? '');
  const stores = useGrantableStores(me, 'users.manage');
  const storeNames = useStoreNames(me);
  const canManage = permissionScope(me, 'users.manage') !== null;

  useEffect(() => {
    if (user.data) form.setFieldsValue(formValues(user.data));
  }, [user.data, form]);

  const close = () => {
    setFailure(null);
    setHistoryOpen(false);
    onClose();
  };

  const submit = (values: EditUserForm) => {
    if (!user.data) return;
    setFailure(null);
    patchUser.mutate(buildPatch(user.data, values), {
      onSuccess: (saved) => {
        form.setFieldsValue(formValues(saved));
        void message.success(t('common.saved'));
      },
      onError: async (error) => {
        if (isApiError(error, 409)) {
          // reload first, so that the message saying the latest version is loaded is true when it shows
          const fresh = await user.refetch();
          if (fresh.data) form.setFieldsValue(formValues(fresh.data));
          setFailure({ title: t('common.conflictTitle'), detail: t('common.conflictDetail') });
          return;
        }
        const details = applyFieldErrors(form, error, fieldNames);
        setFailure({ title: describeError(error), detail: details.join('; ') || undefined });
      },
    });
  };

  const data = user.data;
  return (
    <Drawer
      title={data ? t('users.detailTitle', { name: data.displayName }) : t('app.loading')}
      open={userId !== null}
      onClose={close}
      size={560}
      destroyOnHidden
      extra={
        <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)} disabled={!data}>
          {t('users.history')}
        </Button>
      }
      footer={
        canManage && (
          <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button onClick={close}>{t('common.close')}</Button>
            <Button
              type="primary"
              loading={patchUser.isPending}
              onClick={() => form.submit()}
              disabled={!data}
            >
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {user.isPending && <Spin />}
      {user.isError && <Alert type="error" showIcon title={describeError(user.error)} />}
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
      {data && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }} bordered>
            <Descriptions.Item label={t('users.fields.username')}>{data.username}</Descriptions.Item>
            <Descriptions.Item label={t('users.fields.staffNo')}>{data.staffNo}</Descriptions.Item>
            <Descriptions.Item label={t('users.fields.createdAt')}>
              {formatInstant(data.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('users.fields.updatedAt')}>
              {formatInstant(data.updatedAt)}
            </Descriptions.Item>
          </Descriptions>
          <Form<EditUserForm> form={form} layout="vertical" onFinish={submit} disabled={!canManage}>
            <Form.Item
              name="displayName"
              label={t('users.fields.displayName')}
              rules={[
                { required: true, whitespace: true, message: t('users.validation.displayNameRequired') },
              ]}
            >
              <Input maxLength={60} />
            </Form.Item>
            <Flex gap={12}>
              <Form.Item name="phone" label={t('users.fields.phone')} style={{ flex: 1 }}>
                <Input maxLength={20} />
              </Form.Item>
              <Form.Item name="language" label={t('users.fields.language')} style={{ width: 140 }}>
                <Select options={languages.map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
              </Form.Item>
              <Form.Item name="status" label={t('users.fields.status')} style={{ width: 120 }}>
                <Select
                  options={(['active', 'disabled'] as const).map((s) => ({
                    value: s,
                    label: t(`users.status.${s}`),
                  }))}
                />
              </Form.Item>
            </Flex>
            <Form.Item
              name="idNumber"
              label={t('users.fields.idNumber')}
              extra={
                data.idNumberMasked
                  ? t('users.idNumberCurrent', { masked: data.idNumberMasked })
                  : t('users.idNumberHint')
              }
            >
              <Input maxLength={20} autoComplete="off" placeholder={data.idNumberMasked ?? undefined} />
            </Form.Item>
            <StoreRolesField stores={stores} />
            <Form.Item
              name="password"
              label={t('users.fields.newPassword')}
              extra={t('users.passwordKeepHint')}
              rules={[{ min: 10, message: t('users.validation.passwordMin') }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Form>
        </>
      )}
      <UserHistoryDrawer
        user={data ?? null}
        open={historyOpen}
        onClose={() => setHistoryOpen(false)}
        storeNames={storeNames}
      />
    </Drawer>
  );
}
