import { Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTgOptions } from './three-guarantee-options';
import { ThreeGuaranteeRepairs } from './three-guarantee-repairs';

const full = { style: { width: '100%' } };

/** The current failure, shown only when the advisor says there is one. */
function FailureFields() {
  const { t } = useTranslation();
  const options = useTgOptions();
  const required = [{ required: true, message: t('tools.tg.required') }];
  return (
    <Row gutter={12}>
      <Col xs={12} md={4}>
        <Form.Item name={['failure', 'date']} label={t('tools.tg.failureDate')} rules={required}>
          <DatePicker {...full} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={['failure', 'odometerKm']} label={t('tools.tg.failureKm')} rules={required}>
          <InputNumber min={0} precision={0} {...full} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={['failure', 'system']} label={t('tools.tg.system')} rules={required}>
          <Select options={options.systems} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={['failure', 'component']} label={t('tools.tg.component')} rules={required}>
          <Select options={options.components} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={['failure', 'kind']} label={t('tools.tg.kind')} rules={required}>
          <Select options={options.kinds} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={['failure', 'seriousSafety']} valuePropName="checked" label=" ">
          <Checkbox>{t('tools.tg.seriousSafety')}</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The fields of the 三包 assessment: vehicle and sale, the current failure, the repair history. */
export function ThreeGuaranteeFields() {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('tools.tg.required') }];
  const form = Form.useFormInstance();
  const hasFailure = Form.useWatch('hasFailure', form) as boolean | undefined;

  return (
    <>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('tools.tg.vehicle')}
      </Divider>
      <Row gutter={12}>
        <Col xs={12} md={4}>
          <Form.Item name="invoiceDate" label={t('tools.tg.invoiceDate')} rules={required}>
            <DatePicker {...full} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="deliveryDate" label={t('tools.tg.deliveryDate')}>
            <DatePicker {...full} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="assessDate" label={t('tools.tg.assessDate')} rules={required}>
            <DatePicker {...full} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="odometerKm" label={t('tools.tg.odometerKm')} rules={required}>
            <InputNumber min={0} precision={0} {...full} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="priceInclVat" label={t('tools.tg.price')} tooltip={t('tools.tg.priceHint')}>
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="compensationRate" label={t('tools.tg.rate')} tooltip={t('tools.tg.rateHint')}>
            <InputNumber min={0} step={0.1} placeholder="0.5" {...full} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('tools.tg.failure')}
      </Divider>
      <Form.Item name="hasFailure" valuePropName="checked" style={{ marginBottom: hasFailure ? 8 : 16 }}>
        <Checkbox>{t('tools.tg.hasFailure')}</Checkbox>
      </Form.Item>
      {hasFailure && <FailureFields />}
      <Divider titlePlacement="start" plain>
        {t('tools.tg.repairs')}
      </Divider>
      <ThreeGuaranteeRepairs />
    </>
  );
}
