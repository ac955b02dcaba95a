import { useState } from 'react';
import { Alert, App, Button, Col, ConfigProvider, Form, Input, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Me } from '@common/identity/user.schemas';
import type { Deal } from '@common/sales/deal.schemas';
import { discountLimitOf } from '@common/sales/deal.calc';
import { isApiError } from '../../api/api-client';
import { applyFieldErrors, describeError } from '../../api/form-errors';
import { useTrim } from '../catalog/catalog-api';
import { todayLocal } from '../catalog/catalog-format';
import { CustomerSelect } from '../crm/customer-select';
import { DealTotalsPanel } from './deal-totals-panel';
import { deskOfDeal, emptyDesk, liveTotals, quoteOfDesk, yuan, type DeskValues } from './deal-desk-values';
import { useCreateDeal, useSalesSettings, useUpdateQuote } from './deals-api';
import { DeskLines } from './desk-lines';
import { DeskPaymentFields } from './desk-payment-fields';
import { DeskVehicleFields } from './desk-vehicle-fields';
import { feeKey, usePricesInForce } from './prices-in-force';

const fieldNames = [
  'customerId',
  'vehicleId',
  'trimId',
  'vehiclePrice',
  'options',
  'services',
  'tradeIn',
  'loan',
];

/** The consultant's roles in the store, for the discount limit of the store's sales settings. */
function rolesIn(me: Me, storeId: string) {
  return me.user.storeRoles.filter((r) => r.storeId === storeId).map((r) => r.role);
}

/**
 * The deal desk (报价, H4): customer, vehicle from stock or to order, price against the 标价 in force,
 * options and declinable services, trade-in and payment scenarios, with the totals computed live by
 * the same pure rule the server stores. A new deal is created here; a quote is edited while it is one.
 */
export function DealDesk({ me, storeId, deal }: { me: Me; storeId: string | null; deal?: Deal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<DeskValues>();
  const [failure, setFailure] = useState<string | null>(null);
  // the values as loaded, once: a refetch must not put back what the user is changing
  const [initial] = useState(() => (deal ? deskOfDeal(deal) : emptyDesk()));
  const store = deal?.storeId ?? storeId ?? me.stores[0]?.id ?? null;
  const editable = !deal || deal.status === 'quote';
  const values = Form.useWatch([], { form, preserve: true }) as DeskValues | undefined;
  const trimId = Form.useWatch('trimId', { form, preserve: true }) as string | undefined;
  const trim = useTrim(trimId);
  const { prices } = usePricesInForce(store);
  const settings = useSalesSettings(deal ? null : store);
  const displayPrice =
    (trimId ? prices.get(trimId) : undefined) ??
    (deal && deal.trimId === trimId ? deal.totals.displayPrice : null);
  const energy = trim.data?.energy ?? (deal?.trimId === trimId ? deal?.energy : undefined);
  const live = liveTotals(values, displayPrice, energy, deal?.expectedPurchaseDate ?? todayLocal());
  const totals = editable ? live.totals : (deal?.totals ?? null);
  const discountLimit = deal
    ? deal.discountLimit
    : settings.data && store
      ? discountLimitOf(rolesIn(me, store), settings.data.discountLimits)
      : undefined;
  const create = useCreateDeal();
  const update = useUpdateQuote(deal?.id ?? '');

  const onError = (error: unknown) => {
    const leftover = applyFieldErrors(form, error, fieldNames);
    setFailure([describeError(error), ...leftover].join(' · '));
    if (isApiError(error, 409)) void message.warning(t('common.conflictDetail'));
  };
  const save = async () => {
    await form.validateFields();
    setFailure(null);
    // every value, the unregistered ones too (a line's option id and kind, the stock vehicle's trim)
    const v = form.getFieldsValue(true) as DeskValues;
    const quote = quoteOfDesk(v);
    if (!deal) {
      create.mutate(
        { ...quote, customerId: v.customerId ?? '', storeId: store ?? undefined },
        {
          onSuccess: (created) => {
            void message.success(t('sales.desk.created', { number: created.number }));
            void navigate(`/deals/${created.id}`);
          },
          onError,
        },
      );
    } else {
      update.mutate(
        { ...quote, version: deal.version },
        { onSuccess: () => void message.success(t('sales.desk.saved')), onError },
      );
    }
  };

  return (
    <Form<DeskValues>
      form={form}
      layout="vertical"
      disabled={!editable}
      initialValues={initial}
      onValuesChange={(changed: Partial<DeskValues>) =>
        // a service the customer accepts is prefilled with its published fee (Art. 10)
        changed.services?.forEach((line, i) => {
          const current = form.getFieldValue(['services', i]) as DeskValues['services'][number];
          if (line?.accepted && !current.price && prices.has(feeKey(current.code)))
            form.setFieldValue(['services', i, 'price'], yuan(prices.get(feeKey(current.code))));
        })
      }
      data-testid="deal-desk"
    >
      <Row gutter={24}>
        <Col xs={24} xl={14}>
          {!deal && (
            <Form.Item
              name="customerId"
              label={t('sales.fields.customer')}
              rules={[{ required: true, message: t('sales.desk.customerRequired') }]}
            >
              <CustomerSelect storeId={store} aria-label={t('sales.fields.customer')} />
            </Form.Item>
          )}
          <DeskVehicleFields
            form={form}
            storeId={store}
            trim={trim.data}
            displayPrice={displayPrice}
            prices={prices}
            knownVehicle={deal?.vin ? `${deal.vin} · ${deal.vehicleName}` : null}
            knownTrim={deal?.vehicleName}
            disabled={!editable}
          />
          <DeskLines form={form} trim={trim.data} prices={prices} disabled={!editable} />
          <DeskPaymentFields form={form} readOnly={!editable} />
          <Form.Item name="notes" label={t('sales.desk.notes')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Col>
        <Col xs={24} xl={10}>
          {/* the totals read normally also when the quote is locked */}
          <ConfigProvider componentDisabled={false}>
            <div className="fc-desk-sticky">
              <DealTotalsPanel
                totals={totals}
                discountLimit={discountLimit}
                problem={editable ? live.problem : null}
                paymentKind={(editable ? values?.paymentKind : deal?.paymentKind) ?? 'full'}
              />
              {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} />}
              {editable && (
                <Space style={{ marginTop: 12 }}>
                  <Button
                    type="primary"
                    disabled={false}
                    loading={create.isPending || update.isPending}
                    onClick={() => void save()}
                  >
                    {deal ? t('sales.desk.save') : t('sales.desk.create')}
                  </Button>
                </Space>
              )}
            </div>
          </ConfigProvider>
        </Col>
      </Row>
    </Form>
  );
}
