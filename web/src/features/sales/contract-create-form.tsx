import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { identityDocumentTypes } from '@common/crm/customer.enums';
import type { Deal } from '@common/sales/deal.schemas';
import { paymentMethods } from '@common/sales/deal.status';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { companyCodeRule, identityNumberRule, mobileRule } from '../crm/customer-field-rules';
import { useCustomer } from '../crm/customers-api';
import { useCreateContract, type CreateContractInput } from './contracts-api';

interface Values {
  language: 'zh-CN' | 'en';
  kind: 'individual' | 'company';
  name: string;
  documentType: string;
  documentNumber: string;
  mobile: string;
  address: string;
  employer: string;
  paymentMethod: CreateContractInput['paymentMethod'];
  deliveryDate: Dayjs;
  deliveryPlace?: string;
  specialTerms?: string;
}

const fieldNames = ['language', 'buyer', 'paymentMethod', 'deliveryDate', 'deliveryPlace', 'specialTerms'];

/** Prepares the contract from the agreed deal (H4.1.1): the buyer's data prefilled from the customer file. */
export function ContractCreateForm({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const customer = useCustomer(deal.customerId);
  const create = useCreateContract();
  const kind = Form.useWatch('kind', form);
  if (customer.isPending) return null;
  const c = customer.data;
  const primary = c?.mobiles.find((m) => m.primary) ?? c?.mobiles[0];

  const submit = (v: Values) => {
    setFailure(null);
    create.mutate(
      {
        dealId: deal.id,
        language: v.language,
        buyer: {
          kind: v.kind,
          name: v.name,
          documentType: v.kind === 'company' ? 'uscc' : v.documentType,
          documentNumber: v.documentNumber.trim().toUpperCase(),
          mobile: v.mobile,
          address: v.address,
          employer: v.employer,
        },
        paymentMethod: v.paymentMethod,
        deliveryDate: v.deliveryDate.format('YYYY-MM-DD'),
        deliveryPlace: v.deliveryPlace || undefined,
        specialTerms: v.specialTerms || undefined,
      },
      {
        onSuccess: (contract) =>
          void message.success(t('sales.contract.created', { number: contract.number })),
        onError: (error) => {
          const leftover = applyFieldErrors(form, error, fieldNames);
          setFailure([describeError(error), ...leftover].join(' · '));
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid="contract-create"
      initialValues={{
        language: i18n.language === 'en' ? 'en' : 'zh-CN',
        kind: c?.type === 'company' ? 'company' : 'individual',
        name: c?.name,
        documentType: c?.identityDocument?.type ?? 'resident_id',
        documentNumber: c?.type === 'company' ? (c.companyCode ?? undefined) : undefined,
        mobile: primary && !primary.masked ? primary.number : undefined,
        address: c?.address ?? undefined,
        employer: c?.employer ?? undefined,
        paymentMethod: deal.paymentKind === 'loan' ? 'loan' : 'bank_transfer',
        deliveryDate: dayjs().add(7, 'day'),
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('sales.buyer.kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'individual', label: t('sales.buyer.individual') },
                { value: 'company', label: t('sales.buyer.company') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="name"
            label={t('sales.buyer.name')}
            rules={[{ required: true, message: t('sales.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="language" label={t('sales.contract.language')}>
            <Select
              options={[
                { value: 'zh-CN', label: '简体中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
        </Col>
        {kind !== 'company' && (
          <Col xs={24} md={8}>
            <Form.Item name="documentType" label={t('sales.buyer.documentType')}>
              <Select
                options={identityDocumentTypes.map((d) => ({
                  value: d,
                  label: t(`customers.documentTypes.${d}`),
                }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={kind === 'company' ? 16 : 8}>
          <Form.Item
            name="documentNumber"
            label={kind === 'company' ? t('sales.buyer.uscc') : t('sales.buyer.documentNumber')}
            dependencies={['documentType', 'kind']}
            rules={[
              { required: true, message: t('sales.required') },
              kind === 'company'
                ? companyCodeRule
                : identityNumberRule(() => form.getFieldValue('documentType') as string | undefined),
            ]}
          >
            <Input maxLength={40} className="fc-mono" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="mobile"
            label={t('sales.buyer.mobile')}
            rules={[{ required: true, message: t('sales.required') }, mobileRule]}
          >
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="address"
            label={t('sales.buyer.address')}
            rules={[{ required: true, message: t('sales.required') }]}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="employer"
            label={kind === 'company' ? t('sales.buyer.legalRepresentative') : t('sales.buyer.employer')}
            rules={[{ required: true, message: t('sales.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="paymentMethod" label={t('sales.contract.paymentMethod')}>
            <Select
              options={paymentMethods.map((m) => ({ value: m, label: t(`sales.paymentMethods.${m}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="deliveryDate"
            label={t('sales.contract.deliveryDate')}
            rules={[{ required: true, message: t('sales.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="deliveryPlace" label={t('sales.contract.deliveryPlace')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="specialTerms" label={t('sales.contract.specialTerms')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('sales.contract.prepare')}
      </Button>
    </Form>
  );
}
