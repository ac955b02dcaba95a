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
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { PartsOrder } from '@common/parts/parts-order.schemas';
import {
  exceptionResolutions,
  exceptionStatuses,
  exceptionTypes,
  lineConditions,
  type PartsOrderAction,
} from '@common/parts/parts-order.status';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { formatMoney } from '../catalog/catalog-format';
import { formatInstant } from '../identity/format';
import { currentLanguage } from '../../i18n/i18n';
import { OriginTag } from './part-tags';
import { pickListUrl, usePartsOrder, usePartsOrderHistory, usePartsOrderStep } from './parts-api';
import '../catalog/catalog.css';

type Line = PartsOrder['lines'][number];
type Dialog = 'pack' | 'ship' | 'sign_off' | 'exception' | { resolve: string } | null;

function OrderView({ order }: { order: PartsOrder }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = usePartsOrderStep(order.id);
  const history = usePartsOrderHistory(order.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const run = (path: string, body: unknown) =>
    step.mutate(
      { path, body },
      {
        onSuccess: () => {
          setDialog(null);
          form.resetFields();
          void message.success(t('common.saved'));
        },
      },
    );
  const act = (a: PartsOrderAction) => {
    if (a === 'pack' || a === 'ship' || a === 'sign_off') {
      form.resetFields();
      setDialog(a);
    } else run(a, { version: order.version });
  };
  const lineColumns: TableColumnsType<Line> = [
    { title: '#', dataIndex: 'lineNo', width: 40 },
    {
      title: t('parts.fields.bin'),
      dataIndex: 'bin',
      render: (b: string | null) => <span className="fc-mono">{b ?? '—'}</span>,
    },
    {
      title: t('parts.fields.partNo'),
      dataIndex: 'partNo',
      render: (v: string) => <span className="fc-mono">{v}</span>,
    },
    {
      title: t('parts.fields.partName'),
      key: 'name',
      render: (_, l) => (currentLanguage() === 'en' ? l.nameEn || l.name : l.name),
    },
    {
      title: t('parts.fields.origin'),
      dataIndex: 'origin',
      render: (o: Line['origin']) => <OriginTag origin={o} />,
    },
    { title: t('parts.fields.qty'), dataIndex: 'qty', align: 'right' },
    {
      title: t('parts.fields.unitPrice'),
      dataIndex: 'unitPrice',
      align: 'right',
      render: (v: number) => formatMoney(v),
    },
    { title: t('parts.orders.pickedQty'), dataIndex: 'pickedQty', align: 'right' },
    {
      title: t('parts.orders.receivedQty'),
      dataIndex: 'receivedQty',
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('parts.orders.condition'),
      dataIndex: 'condition',
      render: (c: Line['condition']) =>
        c ? <Tag color={c === 'ok' ? 'green' : 'red'}>{t(`parts.orders.conditions.${c}`)}</Tag> : '—',
    },
  ];
  const exceptionColumns: TableColumnsType<PartsOrder['exceptions'][number]> = [
    {
      title: t('parts.fields.type'),
      dataIndex: 'type',
      render: (v: (typeof exceptionTypes)[number]) => t(`parts.orders.exceptionTypes.${v}`),
    },
    { title: t('parts.fields.qty'), dataIndex: 'qty' },
    { title: t('parts.fields.reason'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
    {
      title: t('parts.orders.status'),
      dataIndex: 'status',
      render: (v: 'open' | 'resolved') => (
        <Tag color={v === 'open' ? 'red' : 'green'}>{t(`parts.orders.exceptionStatus.${v}`)}</Tag>
      ),
    },
    {
      title: t('parts.orders.resolution'),
      key: 'resolution',
      render: (_, e) =>
        e.resolution ? (
          `${t(`parts.orders.resolutions.${e.resolution}`)} · ${e.followUp ?? ''}`
        ) : (
          <Button size="small" onClick={() => setDialog({ resolve: e.id })}>
            {t('parts.orders.resolve')}
          </Button>
        ),
    },
  ];
  const submitDialog = (v: Record<string, unknown>) => {
    if (dialog === 'pack')
      run('pack', {
        version: order.version,
        packages: [
          { weightG: Math.round(Number(v.weightKg ?? 1) * 1000), lineIds: order.lines.map((l) => l.id) },
        ],
      });
    else if (dialog === 'ship')
      run('ship', { version: order.version, carrier: v.carrier, trackingNo: v.trackingNo });
    else if (dialog === 'sign_off')
      run('sign-off', {
        version: order.version,
        signedBy: v.signedBy,
        lines: order.lines.map((l) => ({
          lineId: l.id,
          receivedQty: Number(v[`received_${l.id}`] ?? l.pickedQty),
          condition: (v[`condition_${l.id}`] as string) ?? 'ok',
        })),
      });
    else if (dialog === 'exception')
      run('exceptions', { type: v.type, lineId: v.lineId, qty: v.qty, note: v.note || undefined });
    else if (dialog && typeof dialog === 'object')
      run(`exceptions/${dialog.resolve}/resolve`, { resolution: v.resolution, followUp: v.followUp });
  };
  const dialogTitle =
    dialog === 'exception'
      ? t('parts.orders.raiseException')
      : dialog && typeof dialog === 'object'
        ? t('parts.orders.resolve')
        : dialog
          ? t(`parts.orders.actions.${dialog}`)
          : '';
  const required = [{ required: true, message: t('parts.required') }];

  return (
    <>
      <PageHeader
        title={
          <Space>
            <Link to="/parts-orders">
              <ArrowLeftOutlined />
            </Link>
            <span className="fc-mono">{order.number}</span>
            <Tag>{t(`parts.orders.statuses.${order.status}`)}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              icon={<FilePdfOutlined />}
              href={pickListUrl(order.id, currentLanguage())}
              target="_blank"
            >
              {t('parts.orders.pickList')}
            </Button>
            {order.actions.map((a) => (
              <Button
                key={a}
                type={a === 'cancel' ? 'default' : 'primary'}
                danger={a === 'cancel'}
                loading={step.isPending}
                onClick={() => act(a)}
              >
                {t(`parts.orders.actions.${a}`)}
              </Button>
            ))}
            {exceptionStatuses.includes(order.status) && (
              <Button danger onClick={() => setDialog('exception')}>
                {t('parts.orders.raiseException')}
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
          <Descriptions.Item label={t('parts.orders.channel')}>
            {t(`parts.orders.channels.${order.channel}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('parts.fields.customerName')}>
            {order.customerName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('parts.orders.shipTo')}>{order.shipTo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('parts.orders.total')}>{formatMoney(order.total)}</Descriptions.Item>
          <Descriptions.Item label={t('parts.orders.carrier')}>{order.carrier ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('parts.orders.trackingNo')}>
            {order.trackingNo ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('parts.orders.signedBy')}>{order.signedBy ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('parts.orders.packages')}>
            {order.packages.map((p) => `#${p.packageNo} ${(p.weightG / 1000).toFixed(2)} kg`).join(', ') ||
              '—'}
          </Descriptions.Item>
          {order.invoice && (
            <Descriptions.Item label={t('parts.orders.invoice')}>
              {formatMoney(order.invoice.total)} ·{' '}
              {t('parts.orders.tax', { rate: order.invoice.taxRatePercent })} {formatMoney(order.invoice.tax)}{' '}
              · {t('parts.orders.net')} {formatMoney(order.invoice.net)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table<Line>
          size="small"
          rowKey="id"
          columns={lineColumns}
          dataSource={order.lines}
          pagination={false}
          scroll={{ x: 900 }}
        />
      </Card>
      {order.exceptions.length > 0 && (
        <Card size="small" title={t('parts.orders.exceptions')} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="id"
            columns={exceptionColumns}
            dataSource={order.exceptions}
            pagination={false}
          />
        </Card>
      )}
      <Card size="small" title={t('parts.orders.history')}>
        <Timeline
          items={(history.data?.items ?? []).map((h) => ({
            content: `${formatInstant(h.at)} · ${h.actorName ?? ''} · ${t(`parts.orders.historyActions.${h.action as 'created'}`, { defaultValue: h.action })}${
              h.details && typeof h.details.type === 'string'
                ? ` (${t(`parts.orders.exceptionTypes.${h.details.type as 'short'}`)})`
                : ''
            }`,
          }))}
        />
      </Card>
      <Modal
        title={dialogTitle}
        open={dialog !== null}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        confirmLoading={step.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submitDialog}
          initialValues={{ weightKg: 1, type: 'damaged', qty: 1, resolution: 'reship' }}
        >
          {dialog === 'pack' && (
            <Form.Item name="weightKg" label={t('parts.orders.weightKg')} rules={required}>
              <InputNumber min={0.01} step={0.1} />
            </Form.Item>
          )}
          {dialog === 'ship' && (
            <>
              <Form.Item name="carrier" label={t('parts.orders.carrier')} rules={required}>
                <Input />
              </Form.Item>
              <Form.Item name="trackingNo" label={t('parts.orders.trackingNo')} rules={required}>
                <Input className="fc-mono" />
              </Form.Item>
            </>
          )}
          {dialog === 'sign_off' && (
            <>
              <Form.Item name="signedBy" label={t('parts.orders.signedBy')} rules={required}>
                <Input />
              </Form.Item>
              {order.lines.map((l) => (
                <Space key={l.id} align="baseline">
                  <span className="fc-mono">{l.partNo}</span>
                  <Form.Item
                    name={`received_${l.id}`}
                    label={t('parts.orders.receivedQty')}
                    initialValue={l.pickedQty}
                  >
                    <InputNumber min={0} max={l.pickedQty} precision={0} />
                  </Form.Item>
                  <Form.Item name={`condition_${l.id}`} label={t('parts.orders.condition')} initialValue="ok">
                    <Select
                      aria-label={`${t('parts.orders.condition')} ${l.partNo}`}
                      style={{ width: 120 }}
                      options={lineConditions.map((c) => ({
                        value: c,
                        label: t(`parts.orders.conditions.${c}`),
                      }))}
                    />
                  </Form.Item>
                </Space>
              ))}
            </>
          )}
          {dialog === 'exception' && (
            <>
              <Form.Item name="type" label={t('parts.fields.type')}>
                <Select
                  options={exceptionTypes.map((e) => ({
                    value: e,
                    label: t(`parts.orders.exceptionTypes.${e}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="lineId" label={t('parts.fields.part')}>
                <Select allowClear options={order.lines.map((l) => ({ value: l.id, label: l.partNo }))} />
              </Form.Item>
              <Form.Item name="qty" label={t('parts.fields.qty')}>
                <InputNumber min={1} precision={0} />
              </Form.Item>
              <Form.Item name="note" label={t('parts.fields.reason')}>
                <Input />
              </Form.Item>
            </>
          )}
          {dialog && typeof dialog === 'object' && (
            <>
              <Form.Item name="resolution" label={t('parts.orders.resolution')}>
                <Select
                  options={exceptionResolutions.map((r) => ({
                    value: r,
                    label: t(`parts.orders.resolutions.${r}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="followUp" label={t('parts.orders.followUp')} rules={required}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** One parts order: review, pick (with the PDF pick list), pack, ship, sign-off, exceptions and history. */
export function PartsOrderPage() {
  const { id } = useParams();
  const order = usePartsOrder(id);
  if (order.isError) return <Result status="warning" title={describeError(order.error)} />;
  if (!order.data) return <Spin />;
  return <OrderView order={order.data} />;
}
