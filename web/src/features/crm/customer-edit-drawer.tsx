import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DuplicateMatchesAlert } from './duplicate-matches-alert';
import { contactChannels, maxMobiles, preferredTimes } from '@common/crm/customer.enums';
import type { Customer, DuplicateMatch } from '@common/crm/customer.schemas';
import type { Me } from '@common/identity/user.schemas';
import { isApiError } from '../../api/api-client';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { permissionScope } from '../identity/auth-api';
import {
  buildCustomerPatch,
  ConsentFields,
  editFieldNames,
  editValues,
  mobilesEditable,
  useConsultants,
} from './customer-edit-form';
import type { EditValues } from './customer-edit-form';
import { mobileRule } from './customer-field-rules';
import { useCustomer, usePatchCustomer } from './customers-api';

function MobilesField({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name="mobiles">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Form.Item
              key={field.key}
              label={i === 0 ? t('customers.fields.mobiles') : undefined}
              extra={
                i === 0
                  ? editable
                    ? t('customers.add.primaryHint')
                    : t('customers.edit.mobilesMasked')
                  : undefined
              }
              required={i === 0}
              style={{ marginBottom: i === fields.length - 1 ? undefined : 8 }}
            >
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item
                  name={field.name}
                  noStyle
                  validateTrigger={['onChange', 'onBlur']}
                  rules={[{ required: i === 0, message: t('customers.add.mobileRequired') }, mobileRule]}
                >
                  <Input
                    inputMode="tel"
                    className="fc-mono"
                    disabled={!editable}
                    placeholder="138 0013 8000"
                    data-testid={`edit-mobile-${i}`}
                  />
                </Form.Item>
                {i > 0 && editable && (
                  <Button
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('customers.add.removeMobile')}
                  />
                )}
              </Space.Compact>
            </Form.Item>
          ))}
          {editable && fields.length < maxMobiles && (
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
  );
}

/** Changes a customer's contact data, consents (PIPL), tags, owner and note; sends only what changed. */
export function CustomerEditDrawer({
  me,
  customer,
  open,
  onClose,
}: {
  me: Me;
  customer: Customer;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [failure, setFailure] = useState<{ title: string; detail?: string } | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const latest = useCustomer(customer.id);
  const patch = usePatchCustomer(customer.id);
  const scope = permissionScope(me, 'customers.manage');
  const mayAssign = scope === 'store' || scope === 'group';
  const consultants = useConsultants(customer.storeId, open && mayAssign);
  const editable = mobilesEditable(customer);
  const top = useRef<HTMLDivElement>(null);
  // the answer shows above the form: bring it into view when Save was clicked far below
  useEffect(() => {
    if (failure || duplicates) top.current?.scrollIntoView({ block: 'start' });
  }, [failure, duplicates]);

  const close = () => {
    setFailure(null);
    setDuplicates(null);
    onClose();
  };

  const submit = (v: EditValues, allowDuplicate = false) => {
    setFailure(null);
    const body = buildCustomerPatch(customer, v, mayAssign);
    if (Object.keys(body).length === 1) {
      void message.info(t('customers.edit.nothingChanged'));
      return;
    }
    patch.mutate(allowDuplicate ? { ...body, allowDuplicate } : body, {
      onSuccess: (saved) => {
        void message.success(t('customers.edit.saved', { name: saved.name }));
        setDuplicates(null);
        onClose();
      },
      onError: async (error) => {
        const code = isApiError(error) ? error.problem?.code : undefined;
        if (isApiError(error, 409) && code === 'crm.duplicate_customer') {
          setDuplicates((error.problem as unknown as { duplicates: DuplicateMatch[] }).duplicates);
          return;
        }
        if (isApiError(error, 409) && code === 'resource.version_conflict') {
          // reload first, so that the message saying the latest version is loaded is true when it shows
          const fresh = await latest.refetch();
          if (fresh.data) form.setFieldsValue(editValues(fresh.data));
          setDuplicates(null);
          setFailure({ title: t('common.conflictTitle'), detail: t('common.conflictDetail') });
          return;
        }
        const details = applyFieldErrors(form, error, editFieldNames);
        setFailure({ title: describeError(error), detail: details.join('; ') || undefined });
      },
    });
  };

  const ownerOptions = [...(consultants.data ?? [])];
  if (customer.ownerId && !ownerOptions.some((u) => u.id === customer.ownerId))
    ownerOptions.unshift({ id: customer.ownerId, displayName: customer.ownerName ?? customer.ownerId });

  return (
    <Drawer
      title={t('customers.edit.title', { name: customer.name })}
      open={open}
      onClose={close}
      size={600}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={patch.isPending}
            onClick={() => form.submit()}
            data-testid="customer-edit-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <div ref={top} />
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
      {duplicates && (
        <DuplicateMatchesAlert
          title={t('customers.edit.duplicateTitle')}
          duplicates={duplicates}
          onOpen={close}
          saveAnywayLabel={t('customers.edit.saveAnyway')}
          onSaveAnyway={() => submit(form.getFieldsValue(true), true)}
        />
      )}
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={editValues(customer)}
        onFinish={(v) => submit(v)}
        onValuesChange={() => setDuplicates(null)}
      >
        <Form.Item
          name="name"
          label={t('customers.fields.name')}
          rules={[{ required: true, whitespace: true, message: t('customers.add.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <MobilesField editable={editable} />
        <Form.Item
          name="email"
          label={t('customers.fields.email')}
          rules={[{ type: 'email', message: t('customers.edit.emailInvalid') }]}
        >
          <Input maxLength={120} inputMode="email" />
        </Form.Item>
        <Form.Item name="address" label={t('customers.fields.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="employer" label={t('customers.fields.employer')}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="preferredChannel"
            label={t('customers.fields.preferredChannel')}
            style={{ flex: 1 }}
          >
            <Select
              allowClear
              options={contactChannels.map((c) => ({ value: c, label: t(`customers.channels.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="preferredTime" label={t('customers.fields.preferredTime')} style={{ flex: 1 }}>
            <Select
              allowClear
              options={preferredTimes.map((p) => ({ value: p, label: t(`customers.times.${p}`) }))}
            />
          </Form.Item>
        </Flex>
        <ConsentFields me={me} customer={customer} />
        <Form.Item name="tags" label={t('customers.fields.tags')} extra={t('customers.edit.tagsHint')}>
          <Select mode="tags" maxCount={20} tokenSeparators={[',', '，']} />
        </Form.Item>
        {mayAssign && (
          <Form.Item name="ownerId" label={t('customers.fields.owner')}>
            <Select
              allowClear
              loading={consultants.isLoading}
              placeholder={t('customers.edit.noOwner')}
              options={ownerOptions.map((u) => ({ value: u.id, label: u.displayName }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('customers.fields.note')}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
