import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { StockAlertItem } from '@common/parts/stock-alert.schemas';
import { stockAlertKinds } from '@common/parts/stock-alert.schemas';
import { formatFen } from '@common/rules/money';
import type { Me } from '@common/identity/user.schemas';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { formatMoney, localName } from '../catalog/catalog-format';
import { permissionScope, useMe } from '../identity/auth-api';
import { Chart } from './abc-charts';
import { writeStore } from './money-input';
import { useStockAlerts } from './parts-api';
import { PurchasePlanModal } from './purchase-plan-modal';
import '../catalog/catalog.css';

const abcColours = { A: '#cf1322', B: '#fa8c16', C: '#8c8c8c' } as const;

function Alerts({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const [level, setLevel] = useState(95);
  const [planning, setPlanning] = useState(false);
  const canBuy = permissionScope(me, 'purchasing.manage') !== null;
  const report = useStockAlerts(writeStore(storeId, me.stores) || null, level);
  const data = report.data;
  const pie = useMemo(
    () =>
      data && {
        tooltip: { trigger: 'item', valueFormatter: (v: number) => formatFen(v) },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            data: (['A', 'B', 'C'] as const).map((c) => ({
              name: `${c} (${data.abc[c].parts})`,
              value: data.abc[c].consumptionValue,
              itemStyle: { color: abcColours[c] },
            })),
          },
        ],
      },
    [data],
  );
  const bars = useMemo(
    () =>
      data && {
        tooltip: {},
        grid: { left: 110, right: 20, top: 10, bottom: 20 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: stockAlertKinds.map((k) => t(`parts.alerts.kinds.${k}`)) },
        series: [
          {
            type: 'bar',
            data: stockAlertKinds.map((k) => data.alertCounts[k] ?? 0),
            itemStyle: { color: '#1677ff' },
          },
        ],
      },
    [data, t],
  );
  const alerting = (data?.items ?? []).filter((i) => i.alerts.length > 0);
  const columns: TableColumnsType<StockAlertItem> = [
    {
      title: t('parts.fields.partNo'),
      dataIndex: 'partNo',
      render: (no: string, i) => (
        <Link className="fc-mono" to={`/parts/${i.partId}`}>
          {no}
        </Link>
      ),
    },
    { title: t('parts.fields.partName'), key: 'name', render: (_, i) => localName(i) },
    {
      title: t('parts.alerts.abc'),
      dataIndex: 'abc',
      render: (c: 'A' | 'B' | 'C') => <Tag color={abcColours[c]}>{c}</Tag>,
    },
    { title: t('parts.fields.available'), dataIndex: 'available', align: 'right' },
    { title: t('parts.alerts.onOrder'), dataIndex: 'onOrder', align: 'right' },
    { title: t('parts.alerts.meanDaily'), dataIndex: 'meanDaily', align: 'right' },
    { title: t('parts.alerts.safetyStock'), dataIndex: 'safetyStock', align: 'right' },
    { title: t('parts.alerts.reorderPoint'), dataIndex: 'reorderPoint', align: 'right' },
    {
      title: t('parts.alerts.daysOfSupply'),
      dataIndex: 'daysOfSupply',
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('parts.alerts.alertsTitle'),
      dataIndex: 'alerts',
      render: (a: StockAlertItem['alerts']) =>
        a.map((k) => (
          <Tag key={k} color={k === 'excess' || k === 'slow_moving' ? 'gold' : 'red'}>
            {t(`parts.alerts.kinds.${k}`)}
          </Tag>
        )),
    },
    {
      title: t('parts.alerts.proposed'),
      dataIndex: 'proposedQty',
      align: 'right',
      render: (v: number) => (v ? <strong>{v}</strong> : '—'),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('parts.alerts.title')}
        extra={
          <Space>
            <span>{t('parts.alerts.serviceLevel')}</span>
            <Select
              aria-label={t('parts.alerts.serviceLevel')}
              value={level}
              onChange={setLevel}
              options={[90, 95, 97.5, 99].map((v) => ({ value: v, label: `${v} %` }))}
              style={{ width: 100 }}
            />
            {canBuy && (data?.items ?? []).some((i) => i.proposedQty > 0) && (
              <Button type="primary" onClick={() => setPlanning(true)}>
                {t('parts.alerts.makePlan')}
              </Button>
            )}
          </Space>
        }
      />
      {report.isError && <Alert type="error" showIcon title={describeError(report.error)} />}
      {data && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('parts.alerts.stockValue')} value={formatMoney(data.stockValue)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('parts.alerts.consumption')} value={formatMoney(data.consumptionValue)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('parts.alerts.turnover')} value={data.annualTurnover ?? '—'} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={`z (${data.serviceLevel} %)`} value={data.z} />
              </Card>
            </Col>
          </Row>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={24} md={12}>
              <Card size="small" title={t('parts.alerts.abcTitle')}>
                {pie && <Chart option={pie} label={t('parts.alerts.abcTitle')} />}
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={t('parts.alerts.alertsTitle')}>
                {bars && <Chart option={bars} label={t('parts.alerts.alertsTitle')} />}
              </Card>
            </Col>
          </Row>
        </>
      )}
      <div className="fc-panel">
        <Table<StockAlertItem>
          size="small"
          rowKey="partId"
          columns={columns}
          dataSource={alerting}
          loading={report.isPending}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('parts.alerts.none')} />,
          }}
        />
      </div>
      {planning && (
        <PurchasePlanModal
          storeId={writeStore(storeId, me.stores)}
          serviceLevel={level}
          onClose={() => setPlanning(false)}
        />
      )}
    </>
  );
}

/** Parts → Stock alerts: reorder points, excess and slow movers, ABC and turnover, with what to buy. */
export function StockAlertsPage() {
  const me = useMe();
  return me.data ? <Alerts me={me.data} /> : null;
}
