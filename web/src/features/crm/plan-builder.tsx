import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { quotePlanLine, type PaymentScenario } from '@common/crm/purchase-plan.calc';
import type { Recommendations } from '@common/crm/recommendation.schemas';
import { describeError } from '../../api/form-errors';
import { formatMoney, localName } from '../catalog/catalog-format';
import { PlanQuoteTable } from './plan-quote-table';
import { useCreatePlan } from './needs-api';

interface PlanForm {
  language: 'zh-CN' | 'en';
  kind: 'full' | 'loan';
  downPayment: number;
  termMonths: number;
  annualRate: number;
}

/**
 * Builds the purchase plan (H3.3.2) from the chosen trims: options and accessories at the displayed
 * price, a payment scenario, and the taxes and monthly instalment computed live by the same pure rule
 * as the server and the PDF.
 */
export function PlanBuilder({
  leadId,
  needsId,
  recommendations,
  chosen,
}: {
  leadId: string;
  needsId: string;
  recommendations: Recommendations;
  chosen: string[];
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PlanForm>();
  const [options, setOptions] = useState<Record<string, string[]>>({});
  const [note, setNote] = useState('');
  const values = Form.useWatch([], form) as PlanForm | undefined;
  const create = useCreatePlan();
  const trims = chosen.map((id) => recommendations.items.find((i) => i.trimId === id)!).filter(Boolean);
  if (trims.length === 0) return <p>{t('plans.chooseTrims')}</p>;
  const payment: PaymentScenario =
    values?.kind === 'loan'
      ? {
          kind: 'loan',
          downPayment: Math.round((values.downPayment ?? 0) * 100),
          termMonths: values.termMonths ?? 36,
          annualRateBp: Math.round((values.annualRate ?? 0) * 100),
        }
      : { kind: 'full' };
  const quotes = trims.map((trim) =>
    quotePlanLine(
      {
        vehiclePrice: trim.displayPrice ?? 0,
        energy: trim.energy,
        options: trim.options.filter((o) => (options[trim.trimId] ?? []).includes(o.optionId)),
      },
      payment,
      recommendations.priceDate,
    ),
  );
  const submit = async () => {
    await form.validateFields();
    create.mutate(
      {
        leadId,
        needsAnalysisId: needsId,
        language: values?.language ?? 'zh-CN',
        items: trims.map((trim) => ({ trimId: trim.trimId, optionIds: options[trim.trimId] ?? [] })),
        payment,
        note: note.trim() || null,
      },
      {
        onSuccess: (plan) => {
          void message.success(t('plans.created', { number: plan.number }));
          void navigate(`/purchase-plans/${plan.id}`);
        },
        onError: (error) => void message.error(describeError(error)),
      },
    );
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="plan-builder">
      <Space align="start" wrap size={16}>
        {trims.map((trim, n) => (
          <Card
            key={trim.trimId}
            size="small"
            style={{ width: 320 }}
            title={`${t('plans.alternative', { letter: String.fromCharCode(65 + n) })} · ${localName({ name: trim.trimName, nameEn: trim.trimNameEn })}`}
          >
            <Select
              mode="multiple"
              style={{ width: '100%' }}
              aria-label={`${t('plans.options')} ${n + 1}`}
              placeholder={t('plans.options')}
              value={options[trim.trimId] ?? []}
              onChange={(ids: string[]) => setOptions((o) => ({ ...o, [trim.trimId]: ids }))}
              optionFilterProp="label"
              options={trim.options.map((o) => ({
                value: o.optionId,
                label: `${localName(o)} · ${formatMoney(o.price)}`,
              }))}
            />
          </Card>
        ))}
      </Space>
      <Form<PlanForm>
        form={form}
        layout="inline"
        initialValues={{
          language: i18n.language === 'en' ? 'en' : 'zh-CN',
          kind: 'loan',
          downPayment: 80000,
          termMonths: 36,
          annualRate: 3.5,
        }}
      >
        <Form.Item name="kind" label={t('plans.payment')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'full', label: t('needs.payments.full') },
              { value: 'loan', label: t('needs.payments.loan') },
            ]}
          />
        </Form.Item>
        {values?.kind === 'loan' && (
          <>
            <Form.Item name={['downPayment']} label={t('plans.downPayment')}>
              <InputNumber min={0} step={10000} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="termMonths" label={t('plans.termMonths')}>
              <Select
                style={{ width: 90 }}
                options={[12, 24, 36, 48, 60].map((m) => ({ value: m, label: String(m) }))}
              />
            </Form.Item>
            <Form.Item name="annualRate" label={t('plans.annualRate')}>
              <InputNumber min={0} max={36} step={0.1} style={{ width: 100 }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="language" label={t('plans.language')}>
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
      </Form>
      <PlanQuoteTable
        titles={trims.map(
          (trim, n) =>
            `${t('plans.alternative', { letter: String.fromCharCode(65 + n) })} · ${localName({ name: trim.modelName, nameEn: trim.modelNameEn })}`,
        )}
        quotes={quotes}
      />
      <Input.TextArea
        rows={2}
        maxLength={2000}
        aria-label={t('plans.note')}
        placeholder={t('plans.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <Button type="primary" loading={create.isPending} onClick={() => void submit()}>
        {t('plans.create')}
      </Button>
    </Space>
  );
}
