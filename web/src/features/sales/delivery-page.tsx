import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Space,
  Spin,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Me } from '@common/identity/user.schemas';
import type { Delivery } from '@common/sales/delivery.schemas';
import { deliveryBlockers, registrationStatuses } from '@common/sales/delivery.checklist';
import { isApiError } from '../../api/api-client';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { permissionScope, useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { useCompleteDelivery, useDelivery, useSignDelivery, useUpdateDelivery } from './deliveries-api';
import { DeliveryBlockers } from './delivery-blockers';
import { percentOfRate, rateOfPercent } from './delivery-labels';
import { DocumentsChecklist, PdiChecklist, type ChecklistValues } from './delivery-checklists';
import { RecordStatusTag } from './sales-tags';
import { SignaturePad } from './signature-pad';
import '../catalog/catalog.css';
import './sales.css';

interface Values extends ChecklistValues {
  keysHanded: number;
  /** 使用补偿系数 in per cent as printed (0.5 = 0.5 %). */
  compensationPercent?: number | null;
  ceremonyNotes?: string;
  registrationStatus: Delivery['registrationStatus'];
  plateNo?: string;
  place: string;
}

const valuesOf = (d: Delivery): Values => ({
  pdi: d.pdi.map((p) => ({ item: p.item, result: p.result, note: p.note ?? undefined })),
  documents: d.documents.map((x) => ({ document: x.document, present: x.present })),
  keysHanded: d.keysHanded,
  compensationPercent: d.compensationRate === null ? null : percentOfRate(d.compensationRate),
  ceremonyNotes: d.ceremonyNotes ?? undefined,
  registrationStatus: d.registrationStatus,
  plateNo: d.plateNo ?? undefined,
  place: d.place,
});

function DeliveryForm({ me, delivery }: { me: Me; delivery: Delivery }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  // the values as loaded, once: a refetch (after a photo upload) must not put back what the user changed
  const [initial] = useState(() => valuesOf(delivery));
  const update = useUpdateDelivery(delivery.id);
  const sign = useSignDelivery();
  const complete = useCompleteDelivery();
  const open = delivery.status === 'scheduled';
  const canManage = permissionScope(me, 'deliveries.manage') !== null;
  const disabled = !open || !canManage;
  // the registration agency's progress and the plate are recorded also after the handover
  const registrationOpen = canManage && delivery.status !== 'cancelled';
  const onError = (e: unknown) => {
    // the blockers a refused completion names are shown in words above; other field problems here
    const extra = isApiError(e)
      ? (e.problem?.errors ?? [])
          .filter((x) => !(deliveryBlockers as readonly string[]).includes(x.path))
          .map((x) => `${x.path}: ${x.message}`)
      : [];
    setFailure([describeError(e), ...extra].join(' · '));
  };
  const save = () => {
    setFailure(null);
    // every value, also the unregistered ones (each PDI line's item, each document's key)
    const v = form.getFieldsValue(true) as Values;
    update.mutate(
      {
        version: delivery.version,
        place: v.place,
        pdi: v.pdi.map((p) => ({ item: p.item, result: p.result, note: p.note?.trim() || undefined })),
        documents: v.documents,
        keysHanded: v.keysHanded,
        compensationRate:
          v.compensationPercent === null || v.compensationPercent === undefined
            ? undefined
            : rateOfPercent(v.compensationPercent),
        ceremonyNotes: v.ceremonyNotes?.trim() || undefined,
        registrationStatus: v.registrationStatus,
        plateNo: v.plateNo?.trim() || undefined,
      },
      {
        onSuccess: () => {
          void message.success(t('sales.delivery.saved'));
        },
        onError,
      },
    );
  };
  const g = delivery.threeGuarantee;
  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={save} disabled={disabled}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <DeliveryBlockers delivery={delivery} />
        <Card size="small" title={t('sales.delivery.pdi')}>
          <PdiChecklist delivery={delivery} form={form} disabled={disabled} />
        </Card>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Card size="small" title={t('sales.delivery.documentsTitle')}>
              <DocumentsChecklist form={form} disabled={disabled} />
              <Form.Item
                name="keysHanded"
                label={t('sales.delivery.keys', { expected: delivery.keysExpected })}
                style={{ marginTop: 12 }}
              >
                <InputNumber min={0} max={6} aria-label={t('sales.delivery.keysHanded')} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t('sales.delivery.voucher')}>
              <Form.Item
                name="compensationPercent"
                label={t('sales.delivery.compensationRate')}
                extra={t('sales.delivery.compensationHint')}
              >
                <InputNumber
                  min={0}
                  max={0.5}
                  step={0.1}
                  addonAfter="%"
                  aria-label={t('sales.delivery.compensationRate')}
                />
              </Form.Item>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('sales.delivery.validity')}>
                  {g
                    ? t('sales.delivery.period', { day: g.validityLastDay, km: g.validityKm })
                    : t('sales.delivery.periodsOnDelivery')}
                </Descriptions.Item>
                <Descriptions.Item label={t('sales.delivery.warranty')}>
                  {g
                    ? t('sales.delivery.period', { day: g.warrantyLastDay, km: g.warrantyKm })
                    : t('sales.delivery.periodsOnDelivery')}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
        </Row>
        <Card size="small" title={t('sales.delivery.ceremony')}>
          <Form.Item name="place" label={t('sales.delivery.place')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="ceremonyNotes" label={t('sales.delivery.ceremonyNotes')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="registrationStatus" label={t('sales.delivery.registration')}>
                <Select
                  disabled={!registrationOpen}
                  aria-label={t('sales.delivery.registration')}
                  options={registrationStatuses.map((s) => ({
                    value: s,
                    label: t(`sales.registrationStatuses.${s}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="plateNo" label={t('sales.delivery.plateNo')}>
                <Input
                  maxLength={10}
                  className="fc-mono"
                  disabled={!registrationOpen}
                  aria-label={t('sales.delivery.plateNo')}
                />
              </Form.Item>
            </Col>
          </Row>
          {!open && registrationOpen && (
            <Button
              disabled={false}
              loading={update.isPending}
              onClick={() =>
                update.mutate(
                  {
                    version: delivery.version,
                    registrationStatus: form.getFieldValue(
                      'registrationStatus',
                    ) as Values['registrationStatus'],
                    plateNo: (form.getFieldValue('plateNo') as string | undefined)?.trim() || undefined,
                  },
                  { onSuccess: () => void message.success(t('sales.delivery.saved')), onError },
                )
              }
            >
              {t('sales.delivery.saveRegistration')}
            </Button>
          )}
        </Card>
        {failure && <Alert type="error" showIcon title={failure} />}
        {open && !disabled && (
          <Button type="primary" htmlType="submit" loading={update.isPending} size="large">
            {t('sales.delivery.save')}
          </Button>
        )}
        <Card size="small" title={t('sales.delivery.customerSignature')} data-testid="delivery-signature">
          {delivery.customerSignedAt ? (
            <span>{t('sales.contract.signedAt', { at: formatInstant(delivery.customerSignedAt) })}</span>
          ) : (
            <SignaturePad
              label={t('sales.delivery.customerSignature')}
              disabled={disabled}
              submitting={sign.isPending}
              onSubmit={(signature) =>
                sign.mutate({ id: delivery.id, body: { version: delivery.version, signature } }, { onError })
              }
            />
          )}
        </Card>
        {open && !disabled && (
          <Button
            type="primary"
            size="large"
            block
            disabled={false}
            loading={complete.isPending}
            onClick={() =>
              complete.mutate(
                { id: delivery.id, body: { version: delivery.version } },
                { onSuccess: () => void message.success(t('sales.delivery.completed')), onError },
              )
            }
          >
            {t('sales.delivery.complete')}
          </Button>
        )}
      </Space>
    </Form>
  );
}

function DeliveryView({ me, id }: { me: Me; id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useDelivery(id);
  if (query.isPending) return <Spin />;
  if (query.isError)
    return isApiError(query.error, 404) ? (
      <Result
        status="404"
        title={t('sales.delivery.notFound')}
        extra={<Link to="/deliveries">{t('sales.delivery.back')}</Link>}
      />
    ) : (
      <Alert type="error" showIcon title={describeError(query.error)} />
    );
  const d = query.data;
  return (
    <div className="fc-tablet">
      <PageHeader
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('sales.delivery.back')}
              title={t('sales.delivery.back')}
              onClick={() => void navigate('/deliveries')}
            />
            <span>{t('sales.delivery.title', { number: d.number })}</span>
            <RecordStatusTag status={d.status} label={t(`sales.deliveryStatuses.${d.status}`)} />
          </Space>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('sales.fields.customer')}>{d.customerName}</Descriptions.Item>
        <Descriptions.Item label={t('sales.fields.deal')}>
          <Link to={`/deals/${d.dealId}?tab=delivery`}>{d.dealNumber}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.fields.vehicle')}>{d.vehicleName}</Descriptions.Item>
        <Descriptions.Item label={t('sales.fields.vin')}>
          <span className="fc-mono">{d.vin ?? t('common.none')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.delivery.scheduledAt')}>
          {formatInstant(d.scheduledAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.delivery.completedAt')}>
          {formatInstant(d.completedAt)}
        </Descriptions.Item>
      </Descriptions>
      <DeliveryForm key={d.id} me={me} delivery={d} />
    </div>
  );
}

/** One delivery on a tablet (H5.1): PDI, documents and keys, 三包凭证, ceremony, sign-off and completion. */
export function DeliveryPage() {
  const me = useMe();
  const { id } = useParams();
  return me.data && id ? <DeliveryView me={me.data} id={id} /> : null;
}
