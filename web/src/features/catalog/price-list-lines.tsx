import { Button, Form, Input, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { feeCodes, priceItemKinds } from '@common/catalog/catalog.enums';
import { parseYuanToFen } from '@common/rules/money';
import { useCatalogOptions } from './catalog-api';
import { localName } from './catalog-format';
import { TrimSelect } from './trim-select';

type FeeCode = (typeof feeCodes)[number];

export interface LineValues {
  itemKind: (typeof priceItemKinds)[number];
  itemRef?: string;
  name?: string | null;
  guidePrice?: string;
  displayPrice?: string;
}

const yuanRule = (message: string) => ({
  validator: (_: unknown, v?: string) =>
    !v || parseYuanToFen(v) !== null ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** The line's item, by kind: a trim, a factory option, an accessory or a fee code (value/onChange from Form.Item). */
function ItemPicker({
  form,
  index,
  labels,
  disabled,
  value: ref,
  onChange,
}: {
  form: FormInstance;
  index: number;
  labels: Map<string, string>;
  disabled: boolean;
  value?: string;
  onChange?: (ref: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const options = useCatalogOptions();
  const kind = Form.useWatch(['items', index, 'itemKind'], form) as LineValues['itemKind'] | undefined;
  const common = { 'aria-label': t('catalog.priceLists.item'), style: { width: '100%' }, disabled };
  if (kind === 'trim')
    return (
      <TrimSelect
        {...common}
        value={ref}
        knownLabel={ref ? labels.get(`trim:${ref}`) : null}
        onChange={(id) => onChange?.(id)}
      />
    );
  if (kind === 'fee')
    return (
      <Select<string>
        {...common}
        value={ref}
        options={feeCodes.map((code) => ({ value: code, label: t(`catalog.fees.${code}`) }))}
        onChange={(code) => {
          onChange?.(code);
          if (!form.getFieldValue(['items', index, 'name']))
            form.setFieldValue(['items', index, 'name'], t(`catalog.fees.${code as FeeCode}`));
        }}
      />
    );
  const wanted = kind === 'option' ? 'factory_option' : 'accessory';
  return (
    <Select
      {...common}
      showSearch={{ optionFilterProp: 'label' }}
      value={ref}
      options={(options.data ?? [])
        .filter((o) => o.kind === wanted)
        .map((o) => ({ value: o.id, label: `${localName(o)} (${o.code})` }))}
      onChange={(id: string) => onChange?.(id)}
    />
  );
}

/** The lines of a price list: trims (guide + display price), options, accessories and fees. */
export function PriceListLines({
  form,
  labels,
  disabled,
}: {
  form: FormInstance;
  labels: Map<string, string>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const moneyRule = yuanRule(t('catalog.priceLists.moneyFormat'));
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <div className="fc-price-lines">
          <div className="fc-price-line fc-price-line-head">
            <span>{t('catalog.priceLists.kind')}</span>
            <span>{t('catalog.priceLists.item')}</span>
            <span>{t('catalog.priceLists.nameOnDisplay')}</span>
            <span>{t('catalog.fields.guidePrice')}</span>
            <span>{t('catalog.fields.displayPrice')}</span>
            <span />
          </div>
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary">{t('catalog.priceLists.noLines')}</Typography.Paragraph>
          )}
          {fields.map((field) => (
            <div key={field.key} className="fc-price-line">
              <Form.Item name={[field.name, 'itemKind']} noStyle>
                <Select
                  aria-label={t('catalog.priceLists.kind')}
                  disabled={disabled}
                  options={priceItemKinds.map((k) => ({ value: k, label: t(`catalog.priceKinds.${k}`) }))}
                  onChange={() => form.setFieldValue(['items', field.name, 'itemRef'], undefined)}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'itemRef']}
                rules={[{ required: true, message: t('catalog.validation.required') }]}
              >
                <ItemPicker form={form} index={field.name} labels={labels} disabled={disabled} />
              </Form.Item>
              <Form.Item name={[field.name, 'name']}>
                <Input aria-label={t('catalog.priceLists.nameOnDisplay')} maxLength={100} />
              </Form.Item>
              <Form.Item name={[field.name, 'guidePrice']} rules={[moneyRule]}>
                <Input aria-label={t('catalog.fields.guidePrice')} prefix="¥" inputMode="decimal" />
              </Form.Item>
              <Form.Item
                name={[field.name, 'displayPrice']}
                rules={[{ required: true, message: t('catalog.validation.required') }, moneyRule]}
              >
                <Input aria-label={t('catalog.fields.displayPrice')} prefix="¥" inputMode="decimal" />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('catalog.priceLists.removeLine')}
                disabled={disabled}
                onClick={() => remove(field.name)}
              />
            </div>
          ))}
          {!disabled && (
            <Button icon={<PlusOutlined />} onClick={() => add({ itemKind: 'trim' })}>
              {t('catalog.priceLists.addLine')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
