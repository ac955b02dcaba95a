import { useState } from 'react';
import {
  Alert,
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
import { ArrowLeftOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Part, PartStock, StockMovement } from '@common/parts/part.schemas';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { ListFooter } from '../../app-shell/list-footer';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { useModels } from '../catalog/catalog-api';
import { formatMoney, localName } from '../catalog/catalog-format';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { storeLabel, useStoreNames } from '../identity/store-options';
import { writeStore } from './money-input';
import { MovementModal } from './movement-modal';
import { PartEditModal } from './part-edit-modal';
import { ClassTag, OriginTag } from './part-tags';
import { useMovements, usePart, useStockSettings } from './parts-api';
import '../catalog/catalog.css';

function SettingsModal({
  part,
  stock,
  onClose,
}: {
  part: Part;
  stock: PartStock | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useStockSettings(part.id);
  const [form] = Form.useForm<{ bin?: string; minQty?: number; maxQty?: number; leadTimeDays?: number }>();
  return (
    <Modal
      title={t('parts.stockSettings')}
      open={!!stock}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {save.isError && <Alert type="error" showIcon title={describeError(save.error)} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          bin: stock?.bin ?? undefined,
          minQty: stock?.minQty ?? undefined,
          maxQty: stock?.maxQty ?? undefined,
          leadTimeDays: stock?.leadTimeDays ?? undefined,
        }}
        onFinish={(v) =>
          save.mutate(
            {
              storeId: stock!.storeId,
              bin: v.bin || null,
              minQty: v.minQty ?? null,
              maxQty: v.maxQty ?? null,
              leadTimeDays: v.leadTimeDays ?? null,
            },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item name="bin" label={t('parts.fields.bin')}>
          <Input className="fc-mono" />
        </Form.Item>
        <Space>
          <Form.Item name="minQty" label={t('parts.fields.minQty')}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="maxQty" label={t('parts.fields.maxQty')}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="leadTimeDays" label={t('parts.fields.leadTimeDays')}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function PartView({ me, part }: { me: Me; part: Part }) {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const storeNames = useStoreNames(me);
  const models = useModels();
  const ledger = useMovements({ partId: part.id, storeId });
  const [moving, setMoving] = useState(false);
  const [editingPart, setEditingPart] = useState(false);
  const [editing, setEditing] = useState<PartStock | null>(null);
  const canManage = permissionScope(me, 'parts.manage') !== null;
  const movements = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  const modelName = (id: string) => localName((models.data ?? []).find((m) => m.id === id));

  const stockColumns: TableColumnsType<PartStock> = [
    {
      title: t('parts.fields.store'),
      dataIndex: 'storeId',
      render: (id: string) => storeLabel(storeNames, id),
    },
    {
      title: t('parts.fields.bin'),
      dataIndex: 'bin',
      render: (b: string | null) => <span className="fc-mono">{b ?? '—'}</span>,
    },
    { title: t('parts.fields.onHand'), dataIndex: 'onHand', align: 'right' },
    { title: t('parts.fields.reserved'), dataIndex: 'reserved', align: 'right' },
    {
      title: t('parts.fields.available'),
      dataIndex: 'available',
      align: 'right',
      render: (v: number) => <strong>{v}</strong>,
    },
    {
      title: t('parts.fields.averageCost'),
      dataIndex: 'averageCost',
      align: 'right',
      render: (v: number) => formatMoney(v),
    },
    {
      title: t('parts.fields.stockValue'),
      dataIndex: 'stockValue',
      align: 'right',
      render: (v: number) => formatMoney(v),
    },
    {
      title: `${t('parts.fields.minQty')} / ${t('parts.fields.maxQty')}`,
      key: 'minmax',
      render: (_, s) => `${s.minQty ?? '—'} / ${s.maxQty ?? '—'}`,
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'edit',
            render: (_: unknown, s: PartStock) => (
              <Button size="small" onClick={() => setEditing(s)}>
                {t('parts.stockSettings')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const ledgerColumns: TableColumnsType<StockMovement> = [
    { title: t('parts.fields.at'), dataIndex: 'at', width: 150, render: (v: string) => formatInstant(v) },
    {
      title: t('parts.fields.store'),
      dataIndex: 'storeId',
      render: (id: string) => storeLabel(storeNames, id),
    },
    {
      title: t('parts.fields.type'),
      dataIndex: 'type',
      render: (v: StockMovement['type']) => <Tag>{t(`parts.movementTypes.${v}`)}</Tag>,
    },
    {
      title: t('parts.fields.qty'),
      dataIndex: 'qty',
      align: 'right',
      render: (v: number) => (
        <span style={{ color: v < 0 ? '#cf1322' : '#389e0d' }}>{v > 0 ? `+${v}` : v}</span>
      ),
    },
    {
      title: t('parts.fields.unitCost'),
      dataIndex: 'unitCost',
      align: 'right',
      render: (v: number) => formatMoney(v),
    },
    {
      title: t('parts.fields.totalCost'),
      dataIndex: 'totalCost',
      align: 'right',
      render: (v: number) => formatMoney(v),
    },
    { title: t('parts.fields.onHandAfter'), dataIndex: 'onHandAfter', align: 'right' },
    { title: t('parts.fields.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={
          <Space>
            <Link to="/parts">
              <ArrowLeftOutlined />
            </Link>
            <span className="fc-mono">{part.partNo}</span>
            <span>{localName(part)}</span>
            <OriginTag origin={part.origin} />
          </Space>
        }
        extra={
          canManage && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditingPart(true)}>
                {t('common.edit')}
              </Button>
              <Button type="primary" icon={<SwapOutlined />} onClick={() => setMoving(true)}>
                {t('parts.postMovement')}
              </Button>
            </Space>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('parts.fields.category')}>{part.category}</Descriptions.Item>
          <Descriptions.Item label={t('parts.fields.class')}>
            <ClassTag value={part.class} />
          </Descriptions.Item>
          <Descriptions.Item label={t('parts.fields.unit')}>{part.unit}</Descriptions.Item>
          <Descriptions.Item label={t('parts.fields.listPrice')}>
            {formatMoney(part.listPrice)}
          </Descriptions.Item>
          <Descriptions.Item label={t('parts.fields.barcodes')}>
            <span className="fc-mono">{part.barcodes.join(', ') || '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('parts.fields.fitment')}>
            {part.fitments.map((f) => modelName(f.modelId)).join(', ') || '—'}
          </Descriptions.Item>
          {part.supersededByNo && (
            <Descriptions.Item label={t('parts.supersededBy')}>{part.supersededByNo}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={t('parts.stockByStore')} style={{ marginBottom: 16 }}>
        <Table<PartStock>
          size="small"
          rowKey="storeId"
          columns={stockColumns}
          dataSource={part.stock}
          pagination={false}
        />
      </Card>
      <Card size="small" title={t('parts.ledger')}>
        {ledger.isError && <Alert type="error" showIcon title={describeError(ledger.error)} />}
        <Table<StockMovement>
          size="small"
          rowKey="id"
          columns={ledgerColumns}
          dataSource={movements}
          loading={ledger.isPending}
          pagination={false}
          scroll={{ x: 900 }}
        />
        <ListFooter shown={movements.length} list={ledger} />
      </Card>
      <MovementModal
        open={moving}
        partId={part.id}
        storeId={writeStore(storeId, me.stores)}
        stores={[...storeNames.values()]}
        onClose={() => setMoving(false)}
      />
      <SettingsModal part={part} stock={editing} onClose={() => setEditing(null)} />
      <PartEditModal part={part} open={editingPart} onClose={() => setEditingPart(false)} />
    </>
  );
}

/** One part: master data with its origin label, stock per store and bin, and the stock ledger. */
export function PartPage() {
  const { id } = useParams();
  const me = useMe();
  const part = usePart(id);
  if (part.isError) return <Result status="warning" title={describeError(part.error)} />;
  if (!me.data || !part.data) return <Spin />;
  return <PartView me={me.data} part={part.data} />;
}
