import { Button, Form, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roles } from '@common/identity/roles';
import { storeOptionLabel } from './store-options';
import type { StoreOption } from './store-options';

/** The user's roles, one per store line; at least one line. */
export function StoreRolesField({ stores }: { stores: StoreOption[] }) {
  const { t } = useTranslation();
  const roleOptions = roles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const storeOptions = stores.map((s) => ({ value: s.id, label: storeOptionLabel(s) }));

  return (
    <Form.Item label={t('users.fields.storeRoles')} required>
      <Form.List
        name="storeRoles"
        rules={[
          {
            validator: async (_, value: unknown[] | undefined) => {
              if (!value || value.length === 0) throw new Error(t('users.validation.storeRolesRequired'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map(({ key, name }) => (
              <Space key={key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item
                  name={[name, 'storeId']}
                  rules={[{ required: true, message: t('users.validation.storeRequired') }]}
                  style={{ marginBottom: 8 }}
                >
                  <Select
                    aria-label={t('users.fields.store')}
                    placeholder={t('users.fields.store')}
                    options={storeOptions}
                    style={{ width: 190 }}
                  />
                </Form.Item>
                <Form.Item
                  name={[name, 'role']}
                  rules={[{ required: true, message: t('users.validation.roleRequired') }]}
                  style={{ marginBottom: 8 }}
                >
                  <Select
                    aria-label={t('users.fields.role')}
                    placeholder={t('users.fields.role')}
                    options={roleOptions}
                    style={{ width: 170 }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  aria-label={t('users.removeStoreRole')}
                  title={t('users.removeStoreRole')}
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(name)}
                />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ storeId: stores.length === 1 ? stores[0]?.id : undefined })}
            >
              {t('users.addStoreRole')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
