import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { AlertOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { permissionScope, useMe } from '../identity/auth-api';
import { ClosingCards } from './ro-closing';
import { EstimateCard } from './ro-estimate';
import { InspectionCard } from './ro-inspection';
import { WorkCard } from './ro-work';
import { formatFen, useOrderAction, useRepairOrder, type RepairOrder } from './service-api';
import { OrderStatusTag } from './service-tags';

function DiagnosisCard({ order, mayWork }: { order: RepairOrder; mayWork: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useOrderAction(order.id);
  const editable = mayWork && ['open', 'diagnosing'].includes(order.status);
  return (
    <Card size="small" title={t('service.order.diagnosis')} data-testid="diagnosis">
      {order.findings && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('service.order.findings')}>{order.findings}</Descriptions.Item>
          {order.faultCodes.length > 0 && (
            <Descriptions.Item label={t('service.order.faultCodes')}>
              {order.faultCodes.map((c) => (
                <Tag key={c}>{c}</Tag>
              ))}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {editable && (
        <Form
          layout="vertical"
          initialValues={{ findings: order.findings ?? '', faultCodes: order.faultCodes.join(' ') }}
          onFinish={(v: { findings: string; faultCodes?: string }) =>
            action.mutate(
              {
                path: '/diagnosis',
                body: {
                  version: order.version,
                  findings: v.findings,
                  faultCodes: (v.faultCodes ?? '').split(/[\s,]+/).filter(Boolean),
                },
              },
              { onError: (e) => void message.error(describeError(e)) },
            )
          }
        >
          <Form.Item
            name="findings"
            label={t('service.order.findings')}
            rules={[{ required: true, message: t('service.order.findingsRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="faultCodes" label={t('service.order.faultCodes')}>
            <Input placeholder="P0420 C1234" />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={action.isPending}>
            {t('service.order.saveDiagnosis')}
          </Button>
        </Form>
      )}
      {!order.findings && !editable && (
        <Typography.Text type="secondary">{t('service.order.noDiagnosis')}</Typography.Text>
      )}
    </Card>
  );
}

/** The repair order page: check-in, diagnosis, estimate and approvals, work, QC, settlement, handover. */
export function RepairOrderPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const order = useRepairOrder(id);
  const { message } = App.useApp();
  const action = useOrderAction(id ?? '');
  if (order.isPending) return <Spin />;
  if (order.isError) return <Result status="warning" title={describeError(order.error)} />;
  const o = order.data;
  const can = (a: Parameters<typeof permissionScope>[1]) =>
    me.data ? permissionScope(me.data, a) !== null : false;
  const cancellable =
    can('service.manage') && ['open', 'diagnosing', 'estimate_sent', 'approved'].includes(o.status);
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {o.number}
            <OrderStatusTag status={o.status} />
            {o.recall && (
              <Tag color="red" icon={<AlertOutlined />}>
                {t('service.recall')}
              </Tag>
            )}
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              icon={<FilePdfOutlined />}
              href={`/api/v1/repair-orders/${o.id}/pdf?lang=${i18n.language === 'en' ? 'en' : 'zh-CN'}`}
              target="_blank"
            >
              {o.invoiceNumber ? t('service.order.invoicePdf') : t('service.order.orderPdf')}
            </Button>
            {cancellable && (
              <Button
                danger
                onClick={() => {
                  const reason = window.prompt(t('service.order.cancelReason'));
                  if (reason)
                    action.mutate(
                      { path: '/move', body: { version: o.version, action: 'cancel', reason } },
                      { onError: (e) => void message.error(describeError(e)) },
                    );
                }}
              >
                {t('service.actions.cancel')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Card size="small" title={t('service.order.checkIn')}>
              {o.campaigns.map((c) => (
                <Alert
                  key={c.id}
                  type="error"
                  showIcon
                  style={{ marginBottom: 8 }}
                  title={t('service.checkIn.recallFlag', { code: c.code })}
                  description={c.title}
                />
              ))}
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('service.order.vehicle')}>
                  {o.plate ?? '—'} · {o.vehicleName ?? ''} · {o.vin}
                </Descriptions.Item>
                <Descriptions.Item label={t('service.order.customer')}>{o.customerName}</Descriptions.Item>
                <Descriptions.Item label={t('service.order.advisor')}>{o.advisorName}</Descriptions.Item>
                <Descriptions.Item label={t('service.checkIn.odometer')}>
                  {t('service.km', { km: o.odometerKm })}
                </Descriptions.Item>
                {o.fuelPercent !== null && (
                  <Descriptions.Item label={t('service.checkIn.fuel')}>{o.fuelPercent} %</Descriptions.Item>
                )}
                <Descriptions.Item label={t('service.checkIn.concern')}>
                  {o.customerConcern}
                </Descriptions.Item>
                {o.damageNotes && (
                  <Descriptions.Item label={t('service.checkIn.damage')}>{o.damageNotes}</Descriptions.Item>
                )}
                {o.valuables && (
                  <Descriptions.Item label={t('service.checkIn.valuables')}>{o.valuables}</Descriptions.Item>
                )}
              </Descriptions>
              {o.declinedBefore.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('service.checkIn.declinedBefore')}
                  description={o.declinedBefore
                    .map((d) => `${d.description} · ${formatFen(d.amount)}`)
                    .join('；')}
                />
              )}
            </Card>
            <DiagnosisCard order={o} mayWork={can('service.work') || can('service.manage')} />
            <InspectionCard order={o} editable={can('service.work') || can('service.manage')} />
          </Space>
        </Col>
        <Col xs={24} xl={14}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <EstimateCard order={o} mayManage={can('service.manage')} mayWork={can('service.work')} />
            <WorkCard
              order={o}
              mayWork={can('service.work')}
              mayManage={can('service.manage')}
              meId={me.data?.user.id ?? ''}
            />
            <ClosingCards order={o} can={can} />
          </Space>
        </Col>
      </Row>
    </>
  );
}
