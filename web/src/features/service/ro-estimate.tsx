import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { LinkOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { estimateOpenStatuses } from '@common/service/repair-order.status';
import { describeError } from '../../api/form-errors';
import { useSelectedStore } from '../../app-shell/store-context';
import {
  formatFen,
  useLaborOperations,
  useOrderAction,
  useSendEstimate,
  type RepairOrder,
  type RepairOrderLine,
} from './service-api';
import { ApprovalTag, centiHours, keys } from './service-tags';

interface LineValues {
  kind: 'labor' | 'part' | 'sublet';
  laborOperationId?: string;
  description?: string;
  hours?: number;
  partNumber?: string;
  quantity?: number;
  price?: number;
  payer: 'customer' | 'warranty' | 'insurance';
}

function AddLineForm({ order }: { order: RepairOrder }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { storeId } = useSelectedStore();
  const ops = useLaborOperations(storeId ?? order.storeId);
  const [form] = Form.useForm<LineValues>();
  const kind = Form.useWatch('kind', form) ?? 'labor';
  const opId = Form.useWatch('laborOperationId', form);
  const action = useOrderAction(order.id);
  const submit = (v: LineValues) => {
    const body =
      v.kind === 'labor'
        ? v.laborOperationId
          ? { kind: 'labor', laborOperationId: v.laborOperationId }
          : { kind: 'labor', description: v.description, hoursCenti: Math.round((v.hours ?? 0) * 100) }
        : {
            kind: v.kind,
            description: v.description,
            ...(v.kind === 'part' ? { partNumber: v.partNumber, quantity: v.quantity ?? 1 } : {}),
            unitPrice: Math.round((v.price ?? 0) * 100),
          };
    action.mutate(
      { path: '/lines', body: { version: order.version, payer: v.payer, ...body } },
      {
        onSuccess: () =>
          form.resetFields(['laborOperationId', 'description', 'hours', 'partNumber', 'quantity', 'price']),
        onError: (e) => void message.error(describeError(e)),
      },
    );
  };
  return (
    <Form<LineValues>
      form={form}
      layout="inline"
      onFinish={submit}
      initialValues={{ kind: 'labor', payer: 'customer', quantity: 1 }}
      style={{ rowGap: 8 }}
      data-testid="add-line"
    >
      <Form.Item name="kind">
        <Select
          style={{ width: 110 }}
          options={(['labor', 'part', 'sublet'] as const).map((k) => ({
            value: k,
            label: t(keys.lineKind(k)),
          }))}
          aria-label={t('service.lines.kind')}
        />
      </Form.Item>
      {kind === 'labor' && (
        <Form.Item name="laborOperationId">
          <Select
            allowClear
            style={{ width: 240 }}
            placeholder={t('service.lines.cannedJob')}
            aria-label={t('service.lines.cannedJob')}
            options={(ops.data ?? []).map((op) => ({
              value: op.id,
              label: `${op.name} · ${centiHours(op.hoursCenti)} h · ${formatFen(op.price)}`,
            }))}
          />
        </Form.Item>
      )}
      {(kind !== 'labor' || !opId) && (
        <Form.Item
          name="description"
          rules={[{ required: true, message: t('service.lines.descriptionRequired') }]}
        >
          <Input
            placeholder={kind === 'part' ? t('service.lines.partName') : t('service.lines.description')}
            style={{ width: 180 }}
          />
        </Form.Item>
      )}
      {kind === 'labor' && !opId && (
        <Form.Item name="hours" rules={[{ required: true, message: t('service.lines.hoursRequired') }]}>
          <InputNumber min={0.01} step={0.1} placeholder={t('service.lines.hours')} style={{ width: 100 }} />
        </Form.Item>
      )}
      {kind === 'part' && (
        <>
          <Form.Item
            name="partNumber"
            rules={[{ required: true, message: t('service.lines.partNumberRequired') }]}
          >
            <Input placeholder={t('service.lines.partNumber')} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="quantity">
            <InputNumber min={1} placeholder={t('service.lines.qty')} style={{ width: 80 }} />
          </Form.Item>
        </>
      )}
      {kind !== 'labor' && (
        <Form.Item name="price" rules={[{ required: true, message: t('service.lines.priceRequired') }]}>
          <InputNumber
            min={0}
            precision={2}
            prefix="¥"
            placeholder={t('service.lines.unitPrice')}
            style={{ width: 130 }}
          />
        </Form.Item>
      )}
      <Form.Item name="payer">
        <Select
          style={{ width: 140 }}
          options={(['customer', 'warranty', 'insurance'] as const).map((p) => ({
            value: p,
            label: t(keys.payer(p)),
          }))}
          aria-label={t('service.lines.payer')}
        />
      </Form.Item>
      <Button htmlType="submit" icon={<PlusOutlined />} loading={action.isPending}>
        {t('service.lines.add')}
      </Button>
    </Form>
  );
}

function InStoreModal({ order, onClose }: { order: RepairOrder; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pending = order.lines.filter((l) => l.approval === 'pending');
  const [decisions, setDecisions] = useState<Record<string, 'approved' | 'declined'>>({});
  const [name, setName] = useState(order.customerName);
  const action = useOrderAction(order.id);
  const ready = pending.every((l) => decisions[l.id]) && name.trim();
  return (
    <Modal
      open
      title={t('service.estimate.inStore')}
      onCancel={onClose}
      okText={t('service.estimate.confirmDecisions')}
      okButtonProps={{ disabled: !ready, loading: action.isPending }}
      onOk={() =>
        action.mutate(
          {
            path: '/approvals',
            body: {
              version: order.version,
              signerName: name,
              decisions: pending.map((l) => ({ lineId: l.id, decision: decisions[l.id] })),
            },
          },
          { onSuccess: onClose, onError: (e) => void message.error(describeError(e)) },
        )
      }
    >
      <List
        dataSource={pending}
        renderItem={(l) => (
          <List.Item
            extra={
              <Radio.Group
                value={decisions[l.id]}
                onChange={(e) =>
                  setDecisions({ ...decisions, [l.id]: e.target.value as 'approved' | 'declined' })
                }
                options={[
                  { value: 'approved', label: t('service.approval.approved') },
                  { value: 'declined', label: t('service.approval.declined') },
                ]}
              />
            }
          >
            {l.description} · {formatFen(l.amount)}
          </List.Item>
        )}
      />
      <Input
        value={name}
        onChange={(e) => setName(e.target.value)}
        addonBefore={t('service.estimate.signer')}
      />
    </Modal>
  );
}

/** The estimate (维修报价): lines with their approval, adding lines, the customer's link or signing in the store. */
export function EstimateCard({
  order,
  mayManage,
  mayWork,
}: {
  order: RepairOrder;
  mayManage: boolean;
  mayWork: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const send = useSendEstimate(order.id);
  const [link, setLink] = useState<string | null>(null);
  const [inStore, setInStore] = useState(false);
  const open = estimateOpenStatuses.includes(order.status);
  const pending = order.lines.some((l) => l.approval === 'pending');
  const columns = [
    {
      title: t('service.lines.kind'),
      dataIndex: 'kind',
      render: (k: string) => <Tag>{t(keys.lineKind(k))}</Tag>,
    },
    {
      title: t('service.lines.description'),
      render: (_: unknown, l: RepairOrderLine) => (
        <span>
          {l.description}
          {l.partNumber && <Typography.Text type="secondary"> · {l.partNumber}</Typography.Text>}
          {l.origin === 'additional' && (
            <Tag color="orange" style={{ marginLeft: 6 }}>
              {t('service.lines.additional')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('service.lines.qtyHours'),
      render: (_: unknown, l: RepairOrderLine) =>
        l.kind === 'labor' ? `${centiHours(l.hoursCenti)} h` : l.quantity,
    },
    {
      title: t('service.lines.amount'),
      align: 'right' as const,
      render: (_: unknown, l: RepairOrderLine) => formatFen(l.amount),
    },
    { title: t('service.lines.payer'), dataIndex: 'payer', render: (p: string) => t(keys.payer(p)) },
    {
      title: t('service.lines.approval'),
      dataIndex: 'approval',
      render: (a: string) => <ApprovalTag approval={a} />,
    },
  ];
  return (
    <Card
      size="small"
      title={t('service.order.estimate')}
      data-testid="estimate"
      extra={
        mayManage &&
        pending &&
        (open || order.status === 'estimate_sent') && (
          <Space>
            {open && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={send.isPending}
                onClick={() =>
                  send.mutate(
                    { version: order.version, language: 'zh-CN' },
                    {
                      onSuccess: (s) => setLink(`${window.location.origin}${s.approvalPath}`),
                      onError: (e) => void message.error(describeError(e)),
                    },
                  )
                }
              >
                {t('service.estimate.send')}
              </Button>
            )}
            <Button onClick={() => setInStore(true)}>{t('service.estimate.inStore')}</Button>
          </Space>
        )
      }
    >
      {link && (
        <Alert
          type="success"
          showIcon
          icon={<LinkOutlined />}
          style={{ marginBottom: 12 }}
          title={t('service.estimate.linkReady')}
          description={
            <Typography.Paragraph copyable={{ text: link }} style={{ margin: 0 }} data-testid="approval-link">
              {link}
            </Typography.Paragraph>
          }
        />
      )}
      {order.approvalLink && !link && (
        <Typography.Paragraph type="secondary">
          {order.approvalLink.usedAt
            ? t('service.estimate.answered', { name: order.approvalLink.signerName ?? '' })
            : t('service.estimate.waiting', {
                until: new Date(order.approvalLink.expiresAt).toLocaleString(),
              })}
        </Typography.Paragraph>
      )}
      <Table<RepairOrderLine>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={order.lines}
        columns={columns}
      />
      <Space style={{ marginTop: 8 }} wrap>
        <Typography.Text>
          {t('service.totals.estimate')}:{' '}
          {formatFen(order.lines.filter((l) => l.approval !== 'declined').reduce((a, l) => a + l.amount, 0))}
        </Typography.Text>
        <Typography.Text>
          {t('service.totals.customer')}: <strong>{formatFen(order.totals.customer)}</strong>
        </Typography.Text>
        {order.totals.warranty > 0 && (
          <Typography.Text>
            {t('service.totals.warranty')}: {formatFen(order.totals.warranty)}
          </Typography.Text>
        )}
        {order.totals.insurance > 0 && (
          <Typography.Text>
            {t('service.totals.insurance')}: {formatFen(order.totals.insurance)}
          </Typography.Text>
        )}
      </Space>
      {open && (mayManage || mayWork) && (
        <div style={{ marginTop: 12 }}>
          <AddLineForm order={order} />
        </div>
      )}
      {inStore && <InStoreModal order={order} onClose={() => setInStore(false)} />}
    </Card>
  );
}
