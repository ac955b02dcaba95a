import { Col, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeskValues } from './deal-desk-values';
import { yuanRule } from './desk-vehicle-fields';

const terms = [12, 24, 36, 48, 60];

/** The trade-in credit with its appraisal, and the payment scenario: full, or a loan with down payment, term and rate. */
export function DeskPaymentFields({
  form,
  readOnly,
}: {
  form: FormInstance<DeskValues>;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const hasTradeIn = Form.useWatch('hasTradeIn', form);
  const paymentKind = Form.useWatch('paymentKind', form);
  const money = yuanRule(t('sales.moneyFormat'));
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('sales.desk.tradeIn')}
      </Typography.Title>
      <Form.Item name="hasTradeIn" valuePropName="checked" label={t('sales.desk.hasTradeIn')}>
        <Switch aria-label={t('sales.desk.hasTradeIn')} />
      </Form.Item>
      {hasTradeIn && (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name={['tradeIn', 'description']}
              label={t('sales.desk.tradeInDescription')}
              rules={[{ required: true, message: t('sales.required') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['tradeIn', 'plate']} label={t('sales.desk.tradeInPlate')}>
              <Input maxLength={10} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['tradeIn', 'mileageKm']} label={t('sales.desk.tradeInMileage')}>
              <InputNumber min={0} max={2_000_000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name={['tradeIn', 'appraisedValue']}
              label={t('sales.desk.appraisedValue')}
              rules={[money]}
            >
              <Input prefix="¥" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['tradeIn', 'credit']} label={t('sales.desk.tradeInCredit')} rules={[money]}>
              <Input prefix="¥" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['tradeIn', 'appraisedBy']} label={t('sales.desk.appraisedBy')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('sales.desk.payment')}
      </Typography.Title>
      <Form.Item name="paymentKind">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'full', label: t('sales.desk.full') },
            { value: 'loan', label: t('sales.desk.loan') },
          ]}
        />
      </Form.Item>
      {(!readOnly || paymentKind === 'loan') && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('sales.desk.loanNote')}
          </Typography.Paragraph>
          <Row gutter={12}>
            <Col span={7}>
              <Form.Item
                name={['loan', 'downPayment']}
                label={t('sales.desk.downPayment')}
                rules={[{ required: paymentKind === 'loan', message: t('sales.required') }, money]}
              >
                <Input prefix="¥" aria-label={t('sales.desk.downPayment')} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={['loan', 'termMonths']} label={t('sales.desk.termMonths')}>
                <Select
                  aria-label={t('sales.desk.termMonths')}
                  options={terms.map((m) => ({ value: m, label: t('sales.desk.months', { count: m }) }))}
                />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={['loan', 'annualRate']} label={t('sales.desk.annualRate')} rules={[money]}>
                <Input suffix="%" aria-label={t('sales.desk.annualRate')} />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item name={['loan', 'lender']} label={t('sales.desk.lender')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
