import { useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DuplicateMatchesAlert } from './duplicate-matches-alert';
import { useNavigate } from 'react-router-dom';
import { customerTypes, identityDocumentTypes, maxMobiles } from '@common/crm/customer.enums';
import type { CustomerType, IdentityDocumentType } from '@common/crm/customer.enums';
import type { DuplicateMatch } from '@common/crm/customer.schemas';
import { isApiError } from '../../api/api-client';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { companyCodeRule, identityNumberRule, mobileRule } from './customer-field-rules';
import { useCreateCustomer } from './customers-api';

interface Values {
  type: CustomerType;
  name: string;
  mobiles: string[];
  idType?: IdentityDocumentType;
  idNumber?: string;
  companyCode?: string;
  address?: string;
  employer?: string;
}

const fieldNames = ['type', 'name', 'mobiles', 'companyCode', 'address', 'employer'];

/** Opens a customer file; mobiles, identity number and USCC are checked with the common rules as typed. */
export function CustomerCreateDrawer({
  open,
  storeId,
  onClose,
}: {
  open: boolean;
  storeId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const create = useCreateCustomer();

  const submit = (v: Values, allowDuplicate = false) => {
    setFailure(null);
    create.mutate(
      {
        type: v.type,
        name: v.name,
        mobiles: v.mobiles.filter(Boolean),
        identityDocument: v.idType && v.idNumber ? { type: v.idType, number: v.idNumber } : null,
        companyCode: v.type === 'company' ? v.companyCode || null : null,
        address: v.address || null,
        employer: v.employer || null,
        storeId: storeId ?? undefined,
        allowDuplicate,
      },
      {
        onSuccess: (customer) => {
          void message.success(t('customers.add.created', { name: customer.name }));
          form.resetFields();
          setDuplicates(null);
          onClose();
          void navigate(`/customers/${customer.id}`);
        },
        onError: (error) => {
          if (isApiError(error, 409) && error.problem?.code === 'crm.duplicate_customer') {
            setDuplicates((error.problem as unknown as { duplicates: DuplicateMatch[] }).duplicates);
            return;
          }
          const details = applyFieldErrors(form, error, fieldNames);
          setFailure([describeError(error), ...details].join(' '));
        },
      },
    );
  };

  return (
    <Drawer
      title={t('customers.add.title')}
      open={open}
      onClose={onClose}
      size={560}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="customer-create-submit"
          >
            {t('customers.add.submit')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      {duplicates && (
        <DuplicateMatchesAlert
          title={t('customers.add.duplicateTitle')}
          duplicates={duplicates}
          onOpen={onClose}
          saveAnywayLabel={t('customers.add.createAnyway')}
          onSaveAnyway={() => submit(form.getFieldsValue(true), true)}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ type: 'individual', mobiles: [''], idType: 'resident_id' }}
        onFinish={(v) => submit(v)}
        onValuesChange={() => setDuplicates(null)}
      >
        <Form.Item name="type" label={t('customers.fields.type')}>
          <Select options={customerTypes.map((v) => ({ value: v, label: t(`customers.types.${v}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('customers.fields.name')}
          rules={[{ required: true, whitespace: true, message: t('customers.add.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.List name="mobiles">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Form.Item
                  key={field.key}
                  label={i === 0 ? t('customers.fields.mobiles') : undefined}
                  extra={i === 0 ? t('customers.add.primaryHint') : undefined}
                  required={i === 0}
                >
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item
                      name={field.name}
                      noStyle
                      validateTrigger={['onChange', 'onBlur']}
                      rules={[{ required: i === 0, message: t('customers.add.mobileRequired') }, mobileRule]}
                    >
                      <Input inputMode="tel" placeholder="138 0013 8000" data-testid={`mobile-${i}`} />
                    </Form.Item>
                    {i > 0 && (
                      <Button
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('customers.add.removeMobile')}
                      />
                    )}
                  </Space.Compact>
                </Form.Item>
              ))}
              {fields.length < maxMobiles && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add('')}
                  style={{ marginBottom: 16 }}
                >
                  {t('customers.add.addMobile')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item label={t('customers.fields.identity')} style={{ marginBottom: 0 }}>
          <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
            <Form.Item name="idType" style={{ width: 200, flex: 'none' }}>
              <Select
                options={identityDocumentTypes.map((v) => ({
                  value: v,
                  label: t(`customers.documentTypes.${v}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="idNumber"
              style={{ flex: 1 }}
              validateTrigger={['onChange', 'onBlur']}
              dependencies={['idType']}
              rules={[identityNumberRule(() => form.getFieldValue('idType') as string | undefined)]}
            >
              <Input className="fc-mono" maxLength={40} data-testid="id-number" />
            </Form.Item>
          </div>
        </Form.Item>
        {type === 'company' && (
          <Form.Item
            name="companyCode"
            label={t('customers.fields.companyCode')}
            validateTrigger={['onChange', 'onBlur']}
            rules={[companyCodeRule]}
          >
            <Input className="fc-mono" maxLength={30} />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('customers.fields.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="employer" label={t('customers.fields.employer')}>
          <Input maxLength={100} />
        </Form.Item>
        <Typography.Text type="secondary">{t('customers.add.piiNote')}</Typography.Text>
      </Form>
    </Drawer>
  );
}
