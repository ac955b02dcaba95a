import { useState } from 'react';
import { Alert, Button, Card, Form, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ThreeGuaranteeResult } from '@common/rules/three-guarantee-types';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useRuleText } from './rule-text';
import { ThreeGuaranteeFields } from './three-guarantee-form';
import { localRefusals, tgFieldNames, toThreeGuaranteeRequest } from './three-guarantee-request';
import type { TgFormValues } from './three-guarantee-request';
import { ThreeGuaranteeResultView } from './three-guarantee-result';
import { useThreeGuaranteeAssessment } from './tools-api';
import './tools.css';

/**
 * Tools → 三包 assessment. The form is checked in the browser with the API's own schema (so
 * impossible input is refused on its field at once); the assessment itself is asked of the
 * server (POST /rules/three-guarantee) so the answer an advisor gives a customer is the one
 * integrators and the audit see, and any refusal the browser missed comes back on its field.
 */
export function ThreeGuaranteePage() {
  const { t, lang } = useRuleText();
  const [form] = Form.useForm<TgFormValues>();
  const [failure, setFailure] = useState<{ title: string; details: string[] } | null>(null);
  const [result, setResult] = useState<ThreeGuaranteeResult | null>(null);
  const assess = useThreeGuaranteeAssessment();

  const submit = (values: TgFormValues) => {
    setFailure(null);
    const request = toThreeGuaranteeRequest(values);
    const refusals = localRefusals(request, lang);
    if (refusals.length > 0) {
      form.setFields(refusals as Parameters<typeof form.setFields>[0]);
      setResult(null);
      return;
    }
    assess.mutate(request, {
      onSuccess: setResult,
      onError: (error) => {
        setResult(null);
        setFailure({ title: describeError(error), details: applyFieldErrors(form, error, tgFieldNames) });
      },
    });
  };

  const reset = () => {
    form.resetFields();
    setResult(null);
    setFailure(null);
  };

  return (
    <>
      <PageHeader title={t('tools.tg.title')} />
      <div className="fc-tools-stack">
        <Card
          size="small"
          title={
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {t('tools.tg.subtitle')}
            </Typography.Text>
          }
        >
          {failure && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={failure.title}
              description={failure.details.length ? failure.details.join('; ') : undefined}
              style={{ marginBottom: 12 }}
            />
          )}
          <Form<TgFormValues>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ assessDate: dayjs(), hasFailure: false, repairs: [] }}
          >
            <ThreeGuaranteeFields />
            <Space style={{ marginTop: 16 }}>
              <Button type="primary" htmlType="submit" loading={assess.isPending}>
                {t('tools.tg.assess')}
              </Button>
              <Button onClick={reset}>{t('tools.tg.reset')}</Button>
            </Space>
          </Form>
        </Card>
        {result ? (
          <ThreeGuaranteeResultView result={result} />
        ) : (
          <Typography.Text type="secondary">{t('tools.tg.empty')}</Typography.Text>
        )}
      </div>
    </>
  );
}
