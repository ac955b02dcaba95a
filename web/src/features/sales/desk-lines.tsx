import { Button, Form, Input, Select, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CatalogOption, Trim } from '@common/catalog/trim.schemas';
import { formatMoney, localName } from '../catalog/catalog-format';
import { useCatalogOptions } from '../catalog/catalog-api';
import type { DeskValues } from './deal-desk-values';
import { yuan } from './deal-desk-values';
import { yuanRule } from './desk-vehicle-fields';
import { feeKey } from './prices-in-force';

/**
 * Options and accessories at their quoted price, and the value-added services each with its own
 * accept/decline switch (汽车销售管理办法 Art. 14: no service may be bundled with the car).
 */
export function DeskLines({
  form,
  trim,
  prices,
  disabled,
}: {
  form: FormInstance<DeskValues>;
  trim: Trim | undefined;
  prices: Map<string, number>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const catalog = useCatalogOptions();
  const chosen = (Form.useWatch('options', { form, preserve: true }) ?? []) as DeskValues['options'];
  const byId = new Map((catalog.data ?? []).map((o) => [o.id, o]));
  const fits = (o: CatalogOption) => !o.modelId || o.modelId === trim?.modelId;
  const choices = (catalog.data ?? []).filter(
    (o) => fits(o) && prices.has(o.id) && !chosen.some((c) => c.optionId === o.id),
  );
  const moneyRule = yuanRule(t('sales.moneyFormat'));
  return (
    <>
      <Typography.Title level={5}>{t('sales.desk.options')}</Typography.Title>
      <Form.List name="options">
        {(fields, { add, remove }) => (
          <div className="fc-desk-lines">
            {fields.map((field) => {
              const line = chosen[field.name];
              const option = line ? byId.get(line.optionId) : undefined;
              return (
                <div key={field.key} className="fc-desk-line" data-testid="desk-option">
                  <span className="fc-desk-line-name">
                    {option ? localName(option) : line?.optionId}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                      {line ? t(`sales.lineKinds.${line.kind}`) : ''}
                      {line && prices.has(line.optionId)
                        ? ` · ${t('sales.desk.displayPriceShort', { price: formatMoney(prices.get(line.optionId)) })}`
                        : ''}
                    </Typography.Text>
                  </span>
                  <Form.Item name={[field.name, 'price']} rules={[moneyRule]} noStyle>
                    <Input prefix="¥" style={{ width: 140 }} aria-label={t('sales.desk.linePrice')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'accepted']} valuePropName="checked" noStyle>
                    <Switch
                      checkedChildren={t('sales.desk.accepted')}
                      unCheckedChildren={t('sales.desk.declined')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('sales.desk.removeLine')}
                    disabled={disabled}
                    onClick={() => remove(field.name)}
                  />
                </div>
              );
            })}
            <Select<string>
              aria-label={t('sales.desk.addOption')}
              placeholder={trim ? t('sales.desk.addOption') : t('sales.desk.chooseVehicleFirst')}
              disabled={disabled || !trim}
              value={null}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 360 }}
              options={choices.map((o) => ({
                value: o.id,
                label: `${localName(o)} · ${t(`sales.lineKinds.${o.kind}`)} · ${formatMoney(prices.get(o.id))}`,
              }))}
              onChange={(id) => {
                const o = byId.get(id);
                if (o) add({ optionId: o.id, kind: o.kind, price: yuan(prices.get(o.id)), accepted: true });
              }}
            />
          </div>
        )}
      </Form.List>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('sales.desk.services')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('sales.desk.servicesNote')}
      </Typography.Paragraph>
      <Form.List name="services">
        {(fields) => (
          <div className="fc-desk-lines">
            {fields.map((field) => {
              const code = form.getFieldValue(['services', field.name, 'code']) as string;
              return (
                <div key={field.key} className="fc-desk-line" data-testid={`desk-service-${code}`}>
                  <span className="fc-desk-line-name">
                    {t(`sales.services.${code}` as 'sales.services.insurance_agency')}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                      {prices.has(feeKey(code))
                        ? t('sales.desk.publishedFee', { price: formatMoney(prices.get(feeKey(code))) })
                        : t('sales.desk.noPublishedFee')}
                    </Typography.Text>
                  </span>
                  <Form.Item name={[field.name, 'price']} rules={[moneyRule]} noStyle>
                    <Input
                      prefix="¥"
                      style={{ width: 140 }}
                      aria-label={`${t(`sales.services.${code}` as 'sales.services.insurance_agency')} ${t('sales.desk.linePrice')}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'accepted']} valuePropName="checked" noStyle>
                    <Switch
                      aria-label={t(`sales.services.${code}` as 'sales.services.insurance_agency')}
                      checkedChildren={t('sales.desk.accepted')}
                      unCheckedChildren={t('sales.desk.declined')}
                    />
                  </Form.Item>
                </div>
              );
            })}
          </div>
        )}
      </Form.List>
    </>
  );
}
