import { useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Me } from '@common/identity/user.schemas';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { ListFooter } from '../../app-shell/list-footer';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { formatMoney, localName } from '../catalog/catalog-format';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { toFen, writeStore, yuanRule } from './money-input';
import { usePartList } from './parts-api';
import type { PurchaseOrderSummary } from './purchasing-api';
import { useCreatePurchaseOrder, usePurchaseOrders, useSuppliers } from './purchasing-api';
import '../catalog/catalog.css';

function PartField({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const list = usePartList({ q: q || undefined });
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      style={{ width: 260 }}
      options={(list.data?.pages.flatMap((p) => p.items) ?? []).map((p) => ({
        value: p.id,
        label: `${p.partNo} · ${localName(p)}`,
      }))}
    />
  );
}

interface Values {
  supplierId?: string;
  expectedOn?: Dayjs;
  lines: { partId?: string; qty?: number; unitPrice?: string }[];
}

function NewPurchaseOrder({
  open,
  storeId,
  onClose,
}: {
  open: boolean;
  storeId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const suppliers = useSuppliers(storeId);
  const create = useCreatePurchaseOrder();
  const required = [{ required: true, message: t('parts.required') }];
  return (
    <Drawer
      title={t('parts.purchaseOrders.new')}
      open={open}
      onClose={onClose}
      size={680}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('common.create')}
          </Button>
        </Space>
      }
    >
      {create.isError && (
        <Alert type="error" showIcon title={describeError(create.error)} style={{ marginBottom: 12 }} />
      )}
      <Typography.Paragraph type="secondary">{t('parts.purchaseOrders.approvalHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ lines: [{ qty: 1 }] }}
        onFinish={(v) =>
          create.mutate(
            {
              storeId,
              supplierId: v.supplierId ?? '',
              expectedOn: v.expectedOn?.format('YYYY-MM-DD'),
              lines: v.lines.map((l) => ({
                partId: l.partId ?? '',
                qty: l.qty ?? 1,
                unitPrice: toFen(l.unitPrice),
              })),
            },
            {
              onSuccess: (po) => {
                form.resetFields();
                onClose();
                void navigate(`/purchase-orders/${po.id}`);
              },
              onError: (error) => applyFieldErrors(form, error, ['supplierId', 'expectedOn']),
            },
          )
        }
      >
        <Form.Item name="supplierId" label={t('parts.purchaseOrders.supplier')} rules={required}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(suppliers.data?.pages.flatMap((p) => p.items) ?? []).map((s) => ({
              value: s.id,
              label: `${s.name} · ${t(`parts.suppliers.statuses.${s.status}`)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="expectedOn" label={t('parts.purchaseOrders.expectedOn')}>
          <DatePicker />
        </Form.Item>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'partId']} label={t('parts.fields.part')} rules={required}>
                    <PartField />
                  </Form.Item>
                  <Form.Item name={[field.name, 'qty']} label={t('parts.fields.qty')}>
                    <InputNumber min={1} precision={0} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'unitPrice']}
                    label={t('parts.fields.unitPrice')}
                    rules={[...required, yuanRule(t('parts.moneyFormat'))]}
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

function PurchaseOrders({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const list = usePurchaseOrders(storeId);
  const [open, setOpen] = useState(false);
  const orders = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<PurchaseOrderSummary> = [
    {
      title: t('parts.purchaseOrders.number'),
      dataIndex: 'number',
      render: (n: string, po) => (
        <Link className="fc-mono" to={`/purchase-orders/${po.id}`}>
          {n}
        </Link>
      ),
    },
    { title: t('parts.purchaseOrders.supplier'), dataIndex: 'supplierName' },
    {
      title: t('parts.purchaseOrders.status'),
      dataIndex: 'status',
      render: (s: PurchaseOrderSummary['status']) => <Tag>{t(`parts.purchaseOrders.statuses.${s}`)}</Tag>,
    },
    {
      title: t('parts.purchaseOrders.total'),
      dataIndex: 'total',
      align: 'right',
      render: (v: number) => formatMoney(v),
    },
    {
      title: t('parts.purchaseOrders.expectedOn'),
      dataIndex: 'expectedOn',
      render: (v: string | null) => v ?? '—',
    },
    { title: t('parts.fields.at'), dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
  ];
  return (
    <>
      <PageHeader
        title={t('parts.purchaseOrders.title')}
        extra={
          permissionScope(me, 'purchasing.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('parts.purchaseOrders.new')}
            </Button>
          )
        }
      />
      <div className="fc-panel">
        <Table<PurchaseOrderSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={orders}
          loading={list.isPending}
          pagination={false}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('parts.purchaseOrders.empty')} />
            ),
          }}
        />
        <ListFooter shown={orders.length} list={list} />
      </div>
      <NewPurchaseOrder open={open} storeId={writeStore(storeId, me.stores)} onClose={() => setOpen(false)} />
    </>
  );
}

/** Purchasing → Purchase orders: drafts to approved suppliers, approval by amount, tracking. */
export function PurchaseOrdersPage() {
  const me = useMe();
  return me.data ? <PurchaseOrders me={me.data} /> : null;
}
