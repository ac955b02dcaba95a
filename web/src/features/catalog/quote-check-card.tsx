import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { feeCodes, priceItemKinds } from '@common/catalog/catalog.enums';
import type { QuoteLineCheckResult } from '@common/catalog/price-list.schemas';
import { parseYuanToFen } from '@common/rules/money';
import { describeError } from '../../api/form-errors';
import { useCatalogOptions } from './catalog-api';
import { formatMoney, localName } from './catalog-format';
import { useCheckQuoteLine } from './price-lists-api';
import { TrimSelect } from './trim-select';

interface CheckValues {
  date: Dayjs;
  itemKind: (typeof priceItemKinds)[number];
  itemRef?: string;
  price: string;
}

function Verdict({ result }: { result: QuoteLineCheckResult }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert
        type={result.allowed ? 'success' : 'error'}
        showIcon
        role="status"
        title={result.allowed ? t('catalog.quoteCheck.allowed') : t('catalog.quoteCheck.refused')}
        description={result.message}
        style={{ marginBottom: 12 }}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('catalog.fields.displayPrice')}>
          {formatMoney(result.displayPrice)}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.fields.guidePrice')}>
          {formatMoney(result.guidePrice)}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.quoteCheck.article')}>{result.article}</Descriptions.Item>
      </Descriptions>
    </>
  );
}

/** Checks a quote line against the price on display that day (汽车销售管理办法 Art. 10). */
export function QuoteCheckCard({ storeId }: { storeId: string | null }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CheckValues>();
  const [refKey, setRefKey] = useState(0);
  const kind = Form.useWatch('itemKind', form) ?? 'trim';
  const options = useCatalogOptions();
  const check = useCheckQuoteLine();

  const submit = (v: CheckValues) => {
    if (!storeId || !v.itemRef) return;
    check.mutate({
      storeId,
      date: v.date.format('YYYY-MM-DD'),
      itemKind: v.itemKind,
      itemRef: v.itemRef,
      price: parseYuanToFen(v.price) ?? 0,
    });
  };

  const wanted = kind === 'option' ? 'factory_option' : 'accessory';
  return (
    <Card size="small" title={t('catalog.quoteCheck.title')}>
      {!storeId && (
        <Alert type="info" showIcon title={t('catalog.chooseStore')} style={{ marginBottom: 12 }} />
      )}
      <Form<CheckValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={!storeId}
        initialValues={{ date: dayjs(), itemKind: 'trim' }}
        onValuesChange={(changed: Partial<CheckValues>) => {
          if (changed.itemKind) {
            form.setFieldValue('itemRef', undefined);
            setRefKey((k) => k + 1);
          }
          check.reset();
        }}
      >
        <Form.Item name="date" label={t('catalog.quoteCheck.date')}>
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="itemKind" label={t('catalog.priceLists.kind')}>
          <Select options={priceItemKinds.map((k) => ({ value: k, label: t(`catalog.priceKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          key={refKey}
          name="itemRef"
          label={t('catalog.priceLists.item')}
          rules={[{ required: true, message: t('catalog.validation.required') }]}
        >
          {kind === 'trim' ? (
            <TrimSelect />
          ) : kind === 'fee' ? (
            <Select options={feeCodes.map((c) => ({ value: c, label: t(`catalog.fees.${c}`) }))} />
          ) : (
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(options.data ?? [])
                .filter((o) => o.kind === wanted)
                .map((o) => ({ value: o.id, label: localName(o) }))}
            />
          )}
        </Form.Item>
        <Form.Item
          name="price"
          label={t('catalog.quoteCheck.price')}
          rules={[
            { required: true, message: t('catalog.validation.required') },
            {
              validator: (_, v?: string) =>
                !v || parseYuanToFen(v) !== null
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('catalog.priceLists.moneyFormat'))),
            },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={check.isPending} block>
          {t('catalog.quoteCheck.check')}
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        {check.isError && <Alert type="error" showIcon title={describeError(check.error)} />}
        {check.data && <Verdict result={check.data} />}
      </div>
    </Card>
  );
}
