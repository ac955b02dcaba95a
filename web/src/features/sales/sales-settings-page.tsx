import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Switch,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { roles } from '@common/identity/roles';
import type { Me } from '@common/identity/user.schemas';
import type { SalesSettings } from '@common/sales/deal.schemas';
import { defaultPdiItems } from '@common/sales/delivery.checklist';
import { parseYuanToFen } from '@common/rules/money';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useSelectedStore } from '../../app-shell/store-context';
import { useMe } from '../identity/auth-api';
import { yuan } from './deal-desk-values';
import { usePatchSalesSettings, useSalesSettings } from './deals-api';
import { pdiItemLabel } from './delivery-labels';
import { yuanRule } from './desk-vehicle-fields';

/** Discount limits as typed: yuan text per role, or unlimited. */
type Limits = Record<string, { unlimited: boolean; amount?: string }>;
type Values = Omit<SalesSettings, 'storeId' | 'version' | 'discountLimits'> & { limits: Limits };

const selling = roles.filter((r) => r !== 'technician' && r !== 'parts_clerk');

const valuesOf = (s: SalesSettings): Values => {
  const { storeId: _s, version: _v, discountLimits, ...rest } = s;
  const limits: Limits = {};
  for (const role of selling)
    limits[role] =
      role in discountLimits
        ? { unlimited: discountLimits[role] === null, amount: yuan(discountLimits[role] ?? undefined) }
        : { unlimited: false };
  return { ...rest, limits };
};

function SettingsForm({ storeId, settings }: { storeId: string; settings: SalesSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const patch = usePatchSalesSettings(storeId);
  const [initial] = useState(() => valuesOf(settings));
  const save = async () => {
    await form.validateFields();
    const { limits, ...v } = form.getFieldsValue(true) as Values;
    const discountLimits: Record<string, number | null> = {};
    for (const [role, l] of Object.entries(limits)) {
      if (l.unlimited) discountLimits[role] = null;
      else if (l.amount) discountLimits[role] = parseYuanToFen(l.amount) ?? 0;
    }
    setFailure(null);
    patch.mutate(
      { ...v, discountLimits, version: settings.version },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (e) => {
          const leftover = applyFieldErrors(form, e, Object.keys(v));
          setFailure([describeError(e), ...leftover].join(' · '));
        },
      },
    );
  };
  const money = yuanRule(t('sales.moneyFormat'));
  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} data-testid="sales-settings">
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('sales.settings.discountLimits')}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('sales.settings.discountLimitsHint')}
            </Typography.Paragraph>
            {selling.map((role) => (
              <Space key={role} style={{ display: 'flex', marginBottom: 8 }} align="center">
                <span style={{ width: 140, display: 'inline-block' }}>{t(`roles.${role}`)}</span>
                <Form.Item name={['limits', role, 'amount']} rules={[money]} noStyle>
                  <Input
                    prefix="¥"
                    style={{ width: 150 }}
                    aria-label={`${t(`roles.${role}`)} ${t('sales.settings.limit')}`}
                  />
                </Form.Item>
                <Form.Item name={['limits', role, 'unlimited']} valuePropName="checked" noStyle>
                  <Switch
                    checkedChildren={t('sales.totals.noLimit')}
                    unCheckedChildren={t('sales.settings.limited')}
                  />
                </Form.Item>
              </Space>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('sales.settings.aftercare')}>
            <Form.Item name="careCallDays" label={t('sales.settings.careCallDays')}>
              <Select
                mode="tags"
                aria-label={t('sales.settings.careCallDays')}
                tokenSeparators={[',', ' ']}
                options={[0, 1, 3, 7, 14, 30, 90].map((d) => ({ value: d, label: String(d) }))}
                onChange={(days: (string | number)[]) =>
                  form.setFieldValue(
                    'careCallDays',
                    [
                      ...new Set(days.map(Number).filter((d) => Number.isInteger(d) && d >= 0 && d <= 365)),
                    ].sort((a, b) => a - b),
                  )
                }
              />
            </Form.Item>
            <Space>
              <Form.Item name="firstMaintenanceMonths" label={t('sales.settings.firstMaintenanceMonths')}>
                <InputNumber min={1} max={24} />
              </Form.Item>
              <Form.Item name="firstMaintenanceKm" label={t('sales.settings.firstMaintenanceKm')}>
                <InputNumber min={500} max={50_000} step={500} />
              </Form.Item>
              <Form.Item name="keysExpected" label={t('sales.settings.keysExpected')}>
                <InputNumber min={1} max={6} />
              </Form.Item>
            </Space>
            <Form.Item
              name="depositRefundableOnWithdrawal"
              valuePropName="checked"
              label={t('sales.settings.depositRefundable')}
            >
              <Switch />
            </Form.Item>
          </Card>
        </Col>
        <Col span={24} style={{ marginTop: 16 }}>
          <Card size="small" title={t('sales.settings.pdiItems')}>
            <Form.Item name="pdiItems" extra={t('sales.settings.pdiItemsHint')}>
              <Select
                mode="tags"
                aria-label={t('sales.settings.pdiItems')}
                options={defaultPdiItems.map((i) => ({ value: i, label: pdiItemLabel(t, i) }))}
                labelRender={(p) => pdiItemLabel(t, String(p.value))}
              />
            </Form.Item>
          </Card>
        </Col>
        <Col span={24} style={{ marginTop: 16 }}>
          <Card size="small" title={t('sales.settings.seller')}>
            <Row gutter={12}>
              {(['sellerName', 'sellerTaxId', 'sellerAddress', 'sellerPhone', 'sellerBank'] as const).map(
                (f) => (
                  <Col xs={24} md={12} key={f}>
                    <Form.Item name={f} label={t(`sales.settings.${f}`)}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                ),
              )}
            </Row>
          </Card>
        </Col>
        <Col span={24} style={{ marginTop: 16 }}>
          <Card size="small" title={t('sales.settings.clauses')}>
            <Form.Item name={['contractClauses', 'zh-CN']} label="简体中文">
              <Input.TextArea rows={5} />
            </Form.Item>
            <Form.Item name={['contractClauses', 'en']} label="English">
              <Input.TextArea rows={5} />
            </Form.Item>
          </Card>
        </Col>
      </Row>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} />}
      <Button type="primary" style={{ marginTop: 16 }} loading={patch.isPending} onClick={() => void save()}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

function Settings({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { storeId } = useSelectedStore();
  const store = storeId ?? (me.stores.length === 1 ? (me.stores[0]?.id ?? null) : null);
  const settings = useSalesSettings(store);
  return (
    <>
      <PageHeader title={t('sales.settings.title')} />
      <div className="fc-panel">
        {!store && <Alert type="info" showIcon title={t('sales.settings.chooseStore')} />}
        {settings.isPending && store && <Spin />}
        {settings.isError && <Alert type="error" showIcon title={describeError(settings.error)} />}
        {settings.data && store && (
          <SettingsForm key={`${store}-${settings.data.version}`} storeId={store} settings={settings.data} />
        )}
      </div>
    </>
  );
}

/** Administration → Sales settings: the store's discount limits, care plan, PDI items, seller data and clauses. */
export function SalesSettingsPage() {
  const me = useMe();
  return me.data ? <Settings me={me.data} /> : null;
}
