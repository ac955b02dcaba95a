import { useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatFen } from '@common/rules/money';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { localName } from '../catalog/catalog-format';
import { toFen, yuanRule } from './money-input';
import { useCounterSale, useCreatePartsOrder, usePartList } from './parts-api';

interface Line {
  partId?: string;
  qty?: number;
  unitPrice?: string;
}
interface Values {
  channel?: 'customer' | 'workshop' | 'store';
  customerName?: string;
  shipTo?: string;
  toStoreId?: string;
  lines: Line[];
}

/** Picks a part by number or name. */
function PartPicker({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const list = usePartList({ q: q || undefined });
  const parts = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      style={{ width: 280 }}
      options={parts.map((p) => ({ value: p.id, label: `${p.partNo} · ${localName(p)}` }))}
    />
  );
}

/**
 * A counter sale (reserve, issue, invoice data in one step) or, with `order`, a parts order for a
 * customer, a workshop or another store that goes through review, pick, pack and ship.
 */
export function CounterSaleDrawer({
  open,
  storeId,
  order = false,
  stores = [],
  onClose,
}: {
  open: boolean;
  storeId: string;
  order?: boolean;
  stores?: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const sale = useCounterSale();
  const create = useCreatePartsOrder();
  const channel = Form.useWatch('channel', form);

  const submit = (v: Values) => {
    setFailure(null);
    const lines = v.lines.map((l) => ({
      partId: l.partId ?? '',
      qty: l.qty ?? 1,
      ...(l.unitPrice ? { unitPrice: toFen(l.unitPrice) } : {}),
    }));
    const done = {
      onSuccess: (o: { id: string; number: string; total: number; invoice: { tax: number } | null }) => {
        void message.success(
          order
            ? o.number
            : t('parts.sold', {
                number: o.number,
                total: formatFen(o.total),
                tax: formatFen(o.invoice?.tax ?? 0),
              }),
        );
        form.resetFields();
        onClose();
        void navigate(`/parts-orders/${o.id}`);
      },
      onError: (error: unknown) => {
        applyFieldErrors(form, error, ['customerName', 'shipTo', 'toStoreId', 'lines']);
        setFailure(describeError(error));
      },
    };
    if (order)
      create.mutate(
        {
          storeId,
          channel: v.channel ?? 'customer',
          customerName: v.customerName || undefined,
          shipTo: v.shipTo || undefined,
          toStoreId: v.toStoreId,
          lines,
        },
        done,
      );
    else sale.mutate({ storeId, customerName: v.customerName || undefined, lines }, done);
  };

  return (
    <Drawer
      title={order ? t('parts.orders.new') : t('parts.counterSale')}
      open={open}
      onClose={onClose}
      size={640}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={sale.isPending || create.isPending} onClick={() => form.submit()}>
            {t('common.create')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: 'customer', lines: [{ qty: 1 }] }}
      >
        {order && (
          <Form.Item name="channel" label={t('parts.orders.channel')}>
            <Select
              options={(['customer', 'workshop', 'store'] as const).map((c) => ({
                value: c,
                label: t(`parts.orders.channels.${c}`),
              }))}
            />
          </Form.Item>
        )}
        {order && channel === 'store' ? (
          <Form.Item
            name="toStoreId"
            label={t('parts.orders.toStore')}
            rules={[{ required: true, message: t('parts.required') }]}
          >
            <Select
              options={stores.filter((s) => s.id !== storeId).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="customerName" label={t('parts.fields.customerName')}>
            <Input />
          </Form.Item>
        )}
        {order && (
          <Form.Item name="shipTo" label={t('parts.orders.shipTo')}>
            <Input />
          </Form.Item>
        )}
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'partId']}
                    label={t('parts.fields.part')}
                    rules={[{ required: true, message: t('parts.required') }]}
                  >
                    <PartPicker />
                  </Form.Item>
                  <Form.Item name={[field.name, 'qty']} label={t('parts.fields.qty')}>
                    <InputNumber min={1} precision={0} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'unitPrice']}
                    label={t('parts.fields.unitPrice')}
                    rules={[yuanRule(t('parts.moneyFormat'))]}
                  >
                    <Input inputMode="decimal" style={{ width: 110 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ qty: 1 })}>
                {t('parts.addLine')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
