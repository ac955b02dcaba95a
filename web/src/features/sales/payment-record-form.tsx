import { useState } from 'react';
import { Alert, App, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Deal } from '@common/sales/deal.schemas';
import { paymentKinds, paymentMethods } from '@common/sales/deal.status';
import { parseYuanToFen } from '@common/rules/money';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { formatMoney } from '../catalog/catalog-format';
import { yuanRule } from './desk-vehicle-fields';
import { useRecordPayment, type RecordPaymentInput } from './money-api';

interface Values {
  kind: RecordPaymentInput['kind'];
  method: RecordPaymentInput['method'];
  amount: string;
  reference?: string;
}

/** The consultant records money received (定金, down payment, balance…); finance confirms it at the cashier. */
export function PaymentRecordForm({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const record = useRecordPayment();
  const submit = (v: Values) => {
    setFailure(null);
    record.mutate(
      {
        dealId: deal.id,
        kind: v.kind,
        method: v.method,
        amount: parseYuanToFen(v.amount) ?? 0,
        reference: v.reference?.trim() || undefined,
      },
      {
        onSuccess: (p) => {
          void message.success(
            t('sales.payments.recorded', { number: p.number, amount: formatMoney(p.amount) }),
          );
          form.resetFields(['amount', 'reference']);
        },
        onError: (e) => {
          const leftover = applyFieldErrors(form, e, ['kind', 'method', 'amount', 'reference']);
          setFailure([describeError(e), ...leftover].join(' · '));
        },
      },
    );
  };
  return (
    <Form<Values>
      form={form}
      layout="inline"
      onFinish={submit}
      initialValues={{ kind: 'deposit', method: 'wechat_pay' }}
      data-testid="payment-form"
      style={{ rowGap: 8 }}
    >
      <Form.Item name="kind" label={t('sales.payments.kind')}>
        <Select
          aria-label={t('sales.payments.kind')}
          style={{ width: 130 }}
          options={paymentKinds.map((k) => ({ value: k, label: t(`sales.paymentKinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="method" label={t('sales.payments.method')}>
        <Select
          aria-label={t('sales.payments.method')}
          style={{ width: 130 }}
          options={paymentMethods.map((m) => ({ value: m, label: t(`sales.paymentMethods.${m}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('sales.payments.amount')}
        rules={[{ required: true, message: t('sales.required') }, yuanRule(t('sales.moneyFormat'))]}
      >
        <Input prefix="¥" style={{ width: 150 }} aria-label={t('sales.payments.amount')} />
      </Form.Item>
      <Form.Item name="reference" label={t('sales.payments.reference')}>
        <Input style={{ width: 160 }} maxLength={100} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending}>
        {t('sales.payments.record')}
      </Button>
      {failure && <Alert type="error" showIcon title={failure} style={{ width: '100%', marginTop: 8 }} />}
    </Form>
  );
}
