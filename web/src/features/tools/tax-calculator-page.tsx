import { Card, Col, DatePicker, Descriptions, Empty, Form, Input, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { amountInWords } from '@common/rules/amount-in-words';
import { formatFen, parseYuanToFen } from '@common/rules/money';
import type { VehicleEnergy } from '@common/rules/tax-policies';
import { computeVehicleTax } from '@common/rules/vehicle-tax';
import { PageHeader } from '../../app-shell/page-header';
import { TaxPoliciesTable } from './tax-policies-table';
import { useTaxPolicies } from './tools-api';
import './tools.css';

interface TaxForm {
  total?: string;
  purchaseDate?: Dayjs | null;
  energy: VehicleEnergy;
}

const energies: VehicleEnergy[] = ['ice', 'hev', 'phev', 'erev', 'bev', 'fcev'];

/**
 * Tools → Tax calculator. Computed in the browser with computeVehicleTax from common/rules
 * on every keystroke (the same pure function POST /rules/vehicle-tax runs), over the relief
 * policies the server serves, so the figures match the API without a round trip per key.
 */
export function TaxCalculatorPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<TaxForm>();
  const values = Form.useWatch([], form) as TaxForm | undefined;
  const policiesQuery = useTaxPolicies();
  const policies = policiesQuery.data ?? [];

  const fen = values?.total ? parseYuanToFen(values.total) : null;
  const date = values?.purchaseDate?.format('YYYY-MM-DD');
  const result =
    // no figures until the relief policies are in: a new-energy car would show the tax without its relief
    policiesQuery.isSuccess && fen !== null && fen >= 0 && date && values?.energy
      ? computeVehicleTax({ totalInclVat: fen, purchaseDate: date, energy: values.energy }, policies)
      : null;

  return (
    <>
      <PageHeader title={t('tools.tax.title')} />
      <div className="fc-tools-stack">
        <Row gutter={[16, 16]} align="stretch">
          <Col xs={24} xl={9}>
            <Card size="small" title={t('menu.taxCalculator')} style={{ height: '100%' }}>
              <Form<TaxForm>
                form={form}
                layout="vertical"
                initialValues={{ purchaseDate: dayjs(), energy: 'ice' }}
              >
                <Form.Item
                  name="total"
                  label={t('tools.tax.total')}
                  rules={[
                    { required: true, message: t('tools.tax.totalRequired') },
                    {
                      validator: (_, v?: string) =>
                        !v || (parseYuanToFen(v) ?? -1) >= 0
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('tools.tax.totalFormat'))),
                    },
                  ]}
                >
                  <Input prefix="¥" inputMode="decimal" className="fc-mono" autoComplete="off" />
                </Form.Item>
                <Form.Item name="purchaseDate" label={t('tools.tax.purchaseDate')}>
                  <DatePicker allowClear={false} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="energy" label={t('tools.tax.energy')} style={{ marginBottom: 8 }}>
                  <Select
                    options={energies.map((e) => ({ value: e, label: t(`tools.tax.energies.${e}`) }))}
                  />
                </Form.Item>
              </Form>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('tools.tax.computedLocally')}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} xl={15}>
            <Card size="small" title={t('tools.tax.result')} style={{ height: '100%' }}>
              {result ? (
                <Descriptions
                  size="small"
                  bordered
                  column={1}
                  data-testid="tax-result"
                  styles={{ label: { width: 250 }, content: { fontVariantNumeric: 'tabular-nums' } }}
                  items={[
                    {
                      key: 'total',
                      label: t('tools.tax.totalResult'),
                      children: formatFen(result.totalInclVat),
                    },
                    {
                      key: 'price',
                      label: t('tools.tax.priceExclVat'),
                      children: formatFen(result.priceExclVat),
                    },
                    {
                      key: 'vat',
                      label: t('tools.tax.vat', { rate: Math.round(result.vatRate * 100) }),
                      children: formatFen(result.vat),
                    },
                    {
                      key: 'before',
                      label: t('tools.tax.before'),
                      children: formatFen(result.purchaseTaxBeforeRelief),
                    },
                    {
                      key: 'relief',
                      label: t('tools.tax.relief'),
                      children: formatFen(-result.purchaseTaxRelief),
                    },
                    {
                      key: 'tax',
                      label: t('tools.tax.purchaseTax'),
                      children: <strong data-testid="purchase-tax">{formatFen(result.purchaseTax)}</strong>,
                    },
                    {
                      key: 'policy',
                      label: t('tools.tax.policy'),
                      children: result.policy ? (
                        <>
                          <div>{result.policy.reference}</div>
                          <Typography.Text type="secondary">
                            {t('tools.tax.policyPeriod', {
                              from: result.policy.effectiveFrom,
                              to: result.policy.effectiveTo,
                            })}
                            {' · '}
                            {t(`tools.tax.kinds.${result.policy.kind}`)}
                            {' · '}
                            {t('tools.tax.cap')}{' '}
                            {result.policy.capFen === null
                              ? t('tools.tax.noCap')
                              : formatFen(result.policy.capFen)}
                          </Typography.Text>
                        </>
                      ) : (
                        t('tools.tax.noPolicy')
                      ),
                    },
                    {
                      key: 'words',
                      label: t('tools.tax.inWords'),
                      children: <span className="fc-amount-words">{amountInWords(result.totalInclVat)}</span>,
                    },
                  ]}
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tools.tax.totalRequired')} />
              )}
            </Card>
          </Col>
        </Row>
        <TaxPoliciesTable policies={policies} appliedId={result?.policy?.id ?? null} />
      </div>
    </>
  );
}
