import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  InputNumber,
  Progress,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Supplier } from '@common/parts/supplier.schemas';
import { supplierStatuses } from '@common/parts/purchase-order.status';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { formatMoney } from '../catalog/catalog-format';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import {
  usePatchSupplier,
  usePurchaseOrders,
  useQualityIssues,
  useScorecard,
  useSupplier,
} from './purchasing-api';
import { supplierStatusColour } from './suppliers-page';
import '../catalog/catalog.css';

const percent = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(2)} %`);

function SupplierView({ me, supplier }: { me: Me; supplier: Supplier }) {
  const { t } = useTranslation();
  const card = useScorecard(supplier.id);
  const patch = usePatchSupplier(supplier.id);
  const issues = useQualityIssues(supplier.id);
  const orders = usePurchaseOrders(null, supplier.id);
  const s = card.data;
  const [quality, setQuality] = useState<number | null>(supplier.manualQuality);
  const [service, setService] = useState<number | null>(supplier.manualService);
  return (
    <>
      <PageHeader
        title={
          <Space>
            <Link to="/suppliers">
              <ArrowLeftOutlined />
            </Link>
            <span>{supplier.name}</span>
            <Tag color={supplierStatusColour[supplier.status]}>
              {t(`parts.suppliers.statuses.${supplier.status}`)}
            </Tag>
          </Space>
        }
        extra={
          permissionScope(me, 'suppliers.manage') && (
            <Select
              aria-label={t('parts.suppliers.status')}
              value={supplier.status}
              loading={patch.isPending}
              onChange={(status) => patch.mutate({ version: supplier.version, status })}
              options={supplierStatuses.map((v) => ({ value: v, label: t(`parts.suppliers.statuses.${v}`) }))}
              style={{ width: 140 }}
            />
          )
        }
      />
      {patch.isError && (
        <Alert type="error" showIcon title={describeError(patch.error)} style={{ marginBottom: 12 }} />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('parts.suppliers.code')}>{supplier.code}</Descriptions.Item>
          <Descriptions.Item label={t('parts.suppliers.orderable')}>
            {supplier.orderable ? t('common.yes') : t('common.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('parts.suppliers.leadTimeDays')}>
            {supplier.leadTimeDays}
          </Descriptions.Item>
          <Descriptions.Item label={t('parts.suppliers.contact')}>
            {[supplier.contactName, supplier.contactPhone].filter(Boolean).join(' · ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('parts.suppliers.contract')}>
            {supplier.contractNo ? `${supplier.contractNo} (${supplier.contractUntil ?? '—'})` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('parts.suppliers.certificates')}>
            <Space wrap>
              {supplier.certificates.map((c) => (
                <Tag key={`${c.kind}-${c.number}`} color={c.expired ? 'red' : 'blue'}>
                  {t(`parts.suppliers.kinds.${c.kind}`)} {c.number} · {c.validUntil}
                  {c.expired ? ` · ${t('parts.suppliers.expired')}` : ''}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('parts.suppliers.scorecard')}
        style={{ marginBottom: 16 }}
        extra={
          permissionScope(me, 'suppliers.manage') && (
            <Space wrap>
              <span>{t('parts.suppliers.manualQuality')}</span>
              <InputNumber
                aria-label={t('parts.suppliers.manualQuality')}
                min={0}
                max={100}
                precision={0}
                value={quality}
                onChange={setQuality}
                style={{ width: 70 }}
              />
              <span>{t('parts.suppliers.manualService')}</span>
              <InputNumber
                aria-label={t('parts.suppliers.manualService')}
                min={0}
                max={100}
                precision={0}
                value={service}
                onChange={setService}
                style={{ width: 70 }}
              />
              <Button
                loading={patch.isPending}
                onClick={() =>
                  patch.mutate({ version: supplier.version, manualQuality: quality, manualService: service })
                }
              >
                {t('common.save')}
              </Button>
            </Space>
          )
        }
      >
        {s && (
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Progress type="dashboard" percent={s.score} format={(p) => `${p}`} />
              <div>{t('parts.suppliers.score')}</div>
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('parts.suppliers.rejectionRate')} value={percent(s.rejectionRateBp)} />
              <div>
                {s.rejectedQty} / {s.receivedQty}
              </div>
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('parts.suppliers.onTimeRate')} value={percent(s.onTimeRateBp)} />
              <div>
                {t('parts.suppliers.receipts')} {s.receipts}
                {s.timedReceipts > 0 ? ` · ${s.onTimeReceipts} / ${s.timedReceipts}` : ''}
              </div>
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('parts.suppliers.priceVariance')} value={percent(s.priceVarianceBp)} />
              <div>
                {t('parts.suppliers.qualityIssues')} {s.qualityIssues} · {t('parts.suppliers.openIssues')}{' '}
                {s.openQualityIssues}
              </div>
            </Col>
          </Row>
        )}
      </Card>
      <Card size="small" title={t('parts.suppliers.qualityIssues')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          dataSource={issues.data?.items ?? []}
          pagination={false}
          columns={[
            { title: '#', dataIndex: 'number', render: (v: string) => <span className="fc-mono">{v}</span> },
            { title: t('parts.fields.partNo'), dataIndex: 'partNo' },
            { title: t('parts.fields.qty'), dataIndex: 'qty' },
            { title: t('parts.fields.reason'), dataIndex: 'reason' },
            {
              title: t('parts.orders.status'),
              dataIndex: 'status',
              render: (v: 'open' | 'resolved') => t(`parts.orders.exceptionStatus.${v}`),
            },
            { title: t('parts.fields.at'), dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
          ]}
        />
      </Card>
      <Card size="small" title={t('parts.purchaseOrders.title')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={orders.data?.pages.flatMap((p) => p.items) ?? []}
          pagination={false}
          columns={[
            {
              title: t('parts.purchaseOrders.number'),
              dataIndex: 'number',
              render: (v: string, po: { id: string }) => (
                <Link className="fc-mono" to={`/purchase-orders/${po.id}`}>
                  {v}
                </Link>
              ),
            },
            {
              title: t('parts.purchaseOrders.status'),
              dataIndex: 'status',
              render: (v: 'draft') => t(`parts.purchaseOrders.statuses.${v}`),
            },
            {
              title: t('parts.purchaseOrders.total'),
              dataIndex: 'total',
              align: 'right',
              render: (v: number) => formatMoney(v),
            },
          ]}
        />
      </Card>
    </>
  );
}

/** A supplier: qualification, certificates, the scorecard from its history, quality issues and orders. */
export function SupplierPage() {
  const { id } = useParams();
  const me = useMe();
  const supplier = useSupplier(id);
  if (supplier.isError) return <Result status="warning" title={describeError(supplier.error)} />;
  if (!me.data || !supplier.data) return <Spin />;
  return <SupplierView me={me.data} supplier={supplier.data} />;
}
