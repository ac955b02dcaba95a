import { useState } from 'react';
import { Form, Input, Radio, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Trim } from '@common/catalog/trim.schemas';
import type { Vehicle } from '@common/vehicles/vehicle.schemas';
import { parseYuanToFen } from '@common/rules/money';
import { formatMoney, localName } from '../catalog/catalog-format';
import { TrimSelect } from '../catalog/trim-select';
import { useVehicleList } from '../vehicles/vehicles-api';
import { useDebounced } from '../crm/use-debounced';
import type { DeskValues } from './deal-desk-values';
import { yuan } from './deal-desk-values';

export const yuanRule = (message: string) => ({
  validator: (_: unknown, v?: string) =>
    !v || parseYuanToFen(v) !== null ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** A VIN from the store's stock (searched as typed); choosing it sets the trim and colour. */
function StockVehicleSelect({
  storeId,
  value,
  knownLabel,
  onChoose,
  disabled,
}: {
  storeId: string | null;
  value?: string | null;
  knownLabel?: string | null;
  onChoose: (vehicle: Vehicle | undefined) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useDebounced(q, 250);
  const list = useVehicleList({ q: search.toUpperCase() || undefined, status: ['in_stock'] }, storeId);
  const vehicles = list.data?.pages.flatMap((p) => p.items) ?? [];
  const options = vehicles.map((v) => ({
    value: v.id,
    label: `${v.vin} · ${v.brandName} ${v.modelName} ${v.trimName}`,
  }));
  if (value && knownLabel && !options.some((o) => o.value === value))
    options.unshift({ value, label: knownLabel });
  return (
    <Select<string>
      aria-label={t('sales.desk.stockVehicle')}
      placeholder={t('sales.desk.stockVehiclePlaceholder')}
      value={value ?? undefined}
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={list.isFetching}
      options={options}
      onChange={(id) => onChoose(vehicles.find((v) => v.id === id))}
      style={{ width: '100%' }}
    />
  );
}

/** The vehicle of the deal (a VIN from stock or a trim to order) and its agreed price against the 标价. */
export function DeskVehicleFields({
  form,
  storeId,
  trim,
  displayPrice,
  prices,
  knownVehicle,
  knownTrim,
  disabled,
}: {
  form: FormInstance<DeskValues>;
  storeId: string | null;
  trim: Trim | undefined;
  displayPrice: number | null;
  /** The 标价 in force by trim: the price is prefilled with it when the vehicle is chosen. */
  prices: Map<string, number>;
  knownVehicle?: string | null;
  knownTrim?: string | null;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const source = Form.useWatch('source', form) ?? 'stock';
  const vehicleId = Form.useWatch('vehicleId', form);
  const price = parseYuanToFen(Form.useWatch('vehiclePrice', form) ?? '');
  const prefill = (fen: number | null) => {
    if (fen !== null) form.setFieldValue('vehiclePrice', yuan(fen));
  };
  return (
    <>
      <Form.Item name="source" label={t('sales.desk.vehicleSource')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'stock', label: t('sales.desk.fromStock') },
            { value: 'order', label: t('sales.desk.toOrder') },
          ]}
          onChange={() => form.setFieldsValue({ vehicleId: null })}
        />
      </Form.Item>
      {source === 'stock' ? (
        <Form.Item
          name="vehicleId"
          label={t('sales.desk.stockVehicle')}
          rules={[{ required: true, message: t('sales.desk.vehicleRequired') }]}
        >
          <StockVehicleSelect
            storeId={storeId}
            value={vehicleId}
            knownLabel={knownVehicle}
            disabled={disabled}
            onChoose={(v) =>
              form.setFieldsValue({
                vehicleId: v?.id ?? null,
                trimId: v?.trimId,
                exteriorColourId: v?.exteriorColourId ?? null,
                vehiclePrice: v ? yuan(prices.get(v.trimId)) : undefined,
              })
            }
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="trimId"
          label={t('sales.desk.trim')}
          rules={[{ required: true, message: t('sales.desk.vehicleRequired') }]}
        >
          <TrimSelect
            aria-label={t('sales.desk.trim')}
            knownLabel={knownTrim}
            disabled={disabled}
            onChange={(id) =>
              form.setFieldsValue({ trimId: id, exteriorColourId: null, vehiclePrice: undefined })
            }
          />
        </Form.Item>
      )}
      {source === 'order' && trim && trim.colours.length > 0 && (
        <Form.Item name="exteriorColourId" label={t('sales.desk.colour')}>
          <Select
            aria-label={t('sales.desk.colour')}
            allowClear
            options={trim.colours
              .filter((c) => c.kind === 'exterior')
              .map((c) => ({ value: c.id, label: `${localName(c)} (${c.code})` }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="vehiclePrice"
        label={t('sales.desk.vehiclePrice')}
        rules={[{ required: true, message: t('sales.desk.priceRequired') }, yuanRule(t('sales.moneyFormat'))]}
        extra={
          <Typography.Text
            type={price !== null && displayPrice !== null && price > displayPrice ? 'danger' : 'secondary'}
          >
            {displayPrice === null
              ? t('sales.desk.noDisplayPrice')
              : price !== null && price > displayPrice
                ? t('sales.desk.aboveDisplayPrice', { price: formatMoney(displayPrice) })
                : t('sales.desk.displayPrice', { price: formatMoney(displayPrice) })}
            {displayPrice !== null && !disabled && (
              <Typography.Link style={{ marginLeft: 8 }} onClick={() => prefill(displayPrice)}>
                {t('sales.desk.useDisplayPrice')}
              </Typography.Link>
            )}
          </Typography.Text>
        }
      >
        <Input prefix="¥" aria-label={t('sales.desk.vehiclePrice')} inputMode="decimal" />
      </Form.Item>
    </>
  );
}
