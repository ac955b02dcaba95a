import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Space,
  Spin,
  Table,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { PurchaseOrder } from '@common/parts/purchase-order.schemas';
import { receivableStatuses } from '@common/parts/purchase-order.status';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { formatMoney } from '../catalog/catalog-format';
import {
  useInspectReceipt,
  usePurchaseOrder,
  usePurchaseOrderStep,
  useReceipt,
  useReceipts,
  useReceiveGoods,
} from './purchasing-api';
import '../catalog/catalog.css';

type Line = PurchaseOrder['lines'][number];

/** Incoming inspection of one receipt: accepted and rejected per line, a reason for every reject. */
function InspectModal({ receiptId, onClose }: { receiptId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const receipt = useReceipt(receiptId ?? undefined);
  const inspect = useInspectReceipt(receiptId ?? '');
  const [form] = Form.useForm<Record<string, string | number>>();
  const r = receipt.data;
  return (
    <Modal
      title={`${t('parts.purchaseOrders.inspect')} ${r?.number ?? ''}`}
      open={!!receiptId}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={inspect.isPending}
      width={720}
      destroyOnHidden
    >
      {inspect.isError && (
        <Alert type="error" showIcon title={describeError(inspect.error)} style={{ marginBottom: 12 }} />
      )}
      {r && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            inspect.mutate(
              {
                version: r.version,
                lines: r.lines.map((l) => {
                  const rejected = Number(v[`rejected_${l.id}`] ?? 0);
                  return {
                    lineId: l.id,
                    acceptedQty: l.qty - rejected,
                    rejectedQty: rejected,
                    ...(rejected > 0 ? { rejectReason: String(v[`reason_${l.id}`] ?? '') } : {}),
                  };
                }),
              },
              {
                onSuccess: () => {
                  void message.success(t('parts.purchaseOrders.inspected'));
                  onClose();
                },
              },
            )
          }
        >
          {r.lines.map((l) => (
            <Space key={l.id} align="baseline" wrap>
              <span className="fc-mono">{l.partNo}</span>
              <span>
                {t('parts.purchaseOrders.received')} {l.qty}
              </span>
              <Form.Item
                name={`rejected_${l.id}`}
                label={t('parts.purchaseOrders.rejected')}
                initialValue={0}
              >
                <InputNumber
                  aria-label={`${t('parts.purchaseOrders.rejected')} ${l.partNo}`}
                  min={0}
                  max={l.qty}
                  precision={0}
                />
              </Form.Item>
              <Form.Item name={`reason_${l.id}`} label={t('parts.purchaseOrders.rejectReason')}>
                <Input
                  aria-label={`${t('parts.purchaseOrders.rejectReason')} ${l.partNo}`}
                  style={{ width: 240 }}
                />
              </Form.Item>
            </Space>
          ))}
        </Form>
      )}
    </Modal>
  );
}

function OrderView({ po }: { po: PurchaseOrder }) {
  const { t } = useTranslation();
  const step = usePurchaseOrderStep(po.id);
  const receive = useReceiveGoods();
  const receipts = useReceipts(po.id);
  const [receiving, setReceiving] = useState(false);
  const [inspecting, setInspecting] = useState<string | null>(null);
  const [form] = Form.useForm<Record<string, number | string>>();
  const columns: TableColumnsType<Line> = [
    { title: '#', dataIndex: 'lineNo', width: 40 },
    {
      title: t('parts.fields.partNo'),
      dataIndex: 'partNo',
      render: (v: string) => <span className="fc-mono">{v}</span>,
    },
    { title: t('parts.fields.partName'), dataIndex: 'name' },
    { title: t('parts.purchaseOrders.ordered'), dataIndex: 'qty', align: 'right' },
    {
      title: t('parts.fields.unitPrice'),
      dataIndex: 'unitPrice',
      align: 'right',
      render: (v: number) => formatMoney(v),
    },
    { title: t('parts.purchaseOrders.received'), dataIndex: 'receivedQty', align: 'right' },
    { title: t('parts.purchaseOrders.accepted'), dataIndex: 'acceptedQty', align: 'right' },
    {
      title: t('parts.purchaseOrders.rejected'),
      dataIndex: 'rejectedQty',
      align: 'right',
      render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0),
    },
    { title: t('parts.purchaseOrders.open'), dataIndex: 'openQty', align: 'right' },
  ];
  const open = po.lines.filter((l) => l.openQty > 0);
  return (
    <>
      <PageHeader
        title={
          <Space>
            <Link to="/purchase-orders">
              <ArrowLeftOutlined />
            </Link>
            <span className="fc-mono">{po.number}</span>
            <Tag>{t(`parts.purchaseOrders.statuses.${po.status}`)}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {po.actions.map((a) => (
              <Button
                key={a}
                type={a === 'cancel' ? 'default' : 'primary'}
                danger={a === 'cancel'}
                loading={step.isPending}
                onClick={() => step.mutate({ action: a, body: { version: po.version } })}
              >
                {t(`parts.purchaseOrders.actions.${a}`)}
              </Button>
            ))}
            {receivableStatuses.includes(po.status) && open.length > 0 && (
              <Button icon={<InboxOutlined />} onClick={() => setReceiving(true)}>
                {t('parts.purchaseOrders.receive')}
              </Button>
            )}
          </Space>
        }
      />
      {step.isError && (
        <Alert type="error" showIcon title={describeError(step.error)} style={{ marginBottom: 12 }} />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('parts.purchaseOrders.supplier')}>
            <Link to={`/suppliers/${po.supplierId}`}>{po.supplierName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('parts.purchaseOrders.total')}>
            {formatMoney(po.total)}
          </Descriptions.Item>
          <Descriptions.Item label={t('parts.purchaseOrders.expectedOn')}>
            {po.expectedOn ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table<Line> size="small" rowKey="id" columns={columns} dataSource={po.lines} pagination={false} />
      </Card>
      <Card size="small" title={t('parts.purchaseOrders.receipts')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={receipts.data?.items ?? []}
          pagination={false}
          columns={[
            { title: '#', dataIndex: 'number', render: (v: string) => <span className="fc-mono">{v}</span> },
            { title: t('parts.fields.at'), dataIndex: 'receivedOn' },
            {
              title: t('parts.purchaseOrders.status'),
              key: 'status',
              render: (_: unknown, r: { id: string; status: string }) =>
                r.status === 'pending_inspection' ? (
                  <Button size="small" type="primary" onClick={() => setInspecting(r.id)}>
                    {t('parts.purchaseOrders.inspect')}
                  </Button>
                ) : (
                  <Tag color="green">{t('parts.purchaseOrders.posted')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        title={t('parts.purchaseOrders.receive')}
        open={receiving}
        onCancel={() => setReceiving(false)}
        onOk={() => form.submit()}
        confirmLoading={receive.isPending}
        destroyOnHidden
      >
        {receive.isError && (
          <Alert type="error" showIcon title={describeError(receive.error)} style={{ marginBottom: 12 }} />
        )}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            receive.mutate(
              {
                purchaseOrderId: po.id,
                deliveryNote: (v.deliveryNote as string) || undefined,
                lines: open
                  .map((l) => ({ poLineId: l.id, qty: Number(v[`qty_${l.id}`] ?? l.openQty) }))
                  .filter((l) => l.qty > 0),
              },
              {
                onSuccess: (r) => {
                  setReceiving(false);
                  setInspecting(r.id);
                },
              },
            )
          }
        >
          <Form.Item name="deliveryNote" label={t('parts.purchaseOrders.deliveryNote')}>
            <Input />
          </Form.Item>
          {open.map((l) => (
            <Form.Item
              key={l.id}
              name={`qty_${l.id}`}
              label={`${l.partNo} · ${l.name}`}
              initialValue={l.openQty}
            >
              <InputNumber min={0} max={l.openQty} precision={0} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
      <InspectModal receiptId={inspecting} onClose={() => setInspecting(null)} />
    </>
  );
}

/** A purchase order: steps, lines with what is received, accepted, rejected and still open; receiving with inspection. */
export function PurchaseOrderPage() {
  const { id } = useParams();
  const po = usePurchaseOrder(id);
  if (po.isError) return <Result status="warning" title={describeError(po.error)} />;
  if (!po.data) return <Spin />;
  return <OrderView po={po.data} />;
}
