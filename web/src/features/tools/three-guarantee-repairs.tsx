import { Button, Checkbox, Col, DatePicker, Empty, Form, Input, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useTgOptions } from './three-guarantee-options';

/** Typed or picked date-times take effect at once (no OK click), so advisors can key in a history fast. */
const dateTime = {
  showTime: { format: 'HH:mm' },
  format: 'YYYY-MM-DD HH:mm',
  needConfirm: false,
  style: { width: '100%' },
};

/** The repair history: one block per repair, added and removed freely. */
export function ThreeGuaranteeRepairs() {
  const { t } = useTranslation();
  const options = useTgOptions();
  const required = [{ required: true, message: t('tools.tg.required') }];

  return (
    <Form.List name="repairs">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tools.tg.noRepairs')} />
          )}
          {fields.map((field, index) => (
            <div key={field.key} className="fc-tg-repair" data-testid={`repair-${index}`}>
              <div className="fc-tg-repair-title">
                <span>{t('tools.tg.repairNo', { n: index + 1 })}</span>
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('tools.tg.removeRepair')}
                  onClick={() => remove(field.name)}
                />
              </div>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={[field.name, 'problem']}
                    label={t('tools.tg.problem')}
                    tooltip={t('tools.tg.problemHint')}
                    rules={[{ ...required[0], whitespace: true }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[field.name, 'system']} label={t('tools.tg.system')} rules={required}>
                    <Select options={options.systems} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[field.name, 'component']}
                    label={t('tools.tg.component')}
                    rules={required}
                  >
                    <Select options={options.components} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[field.name, 'replaced']} label={t('tools.tg.replaced')}>
                    <Select options={options.replaced} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[field.name, 'seriousSafety']} valuePropName="checked" label=" ">
                    <Checkbox>{t('tools.tg.seriousSafety')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item
                    name={[field.name, 'startedAt']}
                    label={t('tools.tg.startedAt')}
                    rules={required}
                  >
                    <DatePicker {...dateTime} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item
                    name={[field.name, 'completedAt']}
                    label={t('tools.tg.completedAt')}
                    rules={required}
                  >
                    <DatePicker {...dateTime} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[field.name, 'excludedHours']}
                    label={t('tools.tg.excludedHours')}
                    tooltip={t('tools.tg.excludedHint')}
                  >
                    <InputNumber min={0} step={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[field.name, 'fixed']} valuePropName="checked" label=" ">
                    <Checkbox>{t('tools.tg.fixed')}</Checkbox>
                  </Form.Item>
                </Col>
              </Row>
            </div>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ component: 'other', replaced: 'none', fixed: true, seriousSafety: false })}
          >
            {t('tools.tg.addRepair')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
