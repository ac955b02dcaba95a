import { Alert, Card, Col, Descriptions, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DealTotals, ScenarioTotals } from '@common/sales/deal.calc';
import { withinLimit } from '@common/sales/deal.calc';
import { formatMoney } from '../catalog/catalog-format';

function Scenario({ title, s, chosen }: { title: string; s: ScenarioTotals; chosen: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={title}
      extra={chosen ? <Tag color="blue">{t('sales.totals.chosen')}</Tag> : null}
      className={chosen ? 'fc-scenario fc-scenario-chosen' : 'fc-scenario'}
    >
      <Statistic title={t('sales.totals.outOfPocket')} value={formatMoney(s.outOfPocket)} />
      {s.loan && (
        <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('sales.totals.principal')}>
            {formatMoney(s.loan.principal)}
          </Descriptions.Item>
          <Descriptions.Item label={t('sales.totals.monthly')}>
            <strong>
              {t('sales.totals.monthlyValue', {
                amount: formatMoney(s.loan.monthly),
                count: s.loan.termMonths,
              })}
            </strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('sales.totals.totalInterest')}>
            {formatMoney(s.loan.totalInterest)}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Text type="secondary">
        {t('sales.totals.totalCost')}: {formatMoney(s.totalCost)}
      </Typography.Text>
    </Card>
  );
}

/**
 * The deal's live totals: discount against the consultant's limit, the invoice split into price excluding
 * VAT and VAT, the purchase-tax estimate with new-energy relief, and the two payment scenarios side by side.
 */
export function DealTotalsPanel({
  totals,
  discountLimit,
  problem,
  paymentKind,
}: {
  totals: DealTotals | null;
  paymentKind: 'full' | 'loan';
  /** undefined = not known yet; null = unlimited. */
  discountLimit: number | null | undefined;
  problem?: { path: string; code: string } | null;
}) {
  const { t } = useTranslation();
  if (!totals) return <Alert type="info" showIcon title={t('sales.totals.waiting')} />;
  const overLimit = discountLimit !== undefined && !withinLimit(totals.discount, discountLimit);
  return (
    <div data-testid="deal-totals" className="fc-deal-totals">
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(`sales.calcProblems.${problem.code}` as 'sales.calcProblems.required', {
            path: problem.path,
          })}
        />
      )}
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t('sales.totals.displayPrice')}>
          {formatMoney(totals.displayPrice)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.totals.vehiclePrice')}>
          {formatMoney(totals.vehiclePrice)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.totals.discount')}>
          <span data-testid="deal-discount">{formatMoney(totals.discount)}</span>{' '}
          {discountLimit === undefined && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('sales.totals.limitOnSave')}
            </Typography.Text>
          )}
          {discountLimit !== undefined && (
            <Tag color={overLimit ? 'orange' : 'green'}>
              {discountLimit === null
                ? t('sales.totals.noLimit')
                : overLimit
                  ? t('sales.totals.overLimit', { limit: formatMoney(discountLimit) })
                  : t('sales.totals.withinLimit', { limit: formatMoney(discountLimit) })}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.totals.factoryOptions')}>
          {formatMoney(totals.factoryOptions)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.totals.invoiceTotal')}>
          <strong>{formatMoney(totals.invoiceTotal)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.totals.priceExclVat')}>
          {formatMoney(totals.priceExclVat)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.totals.vat')}>{formatMoney(totals.vat)}</Descriptions.Item>
        <Descriptions.Item label={t('sales.totals.accessories')}>
          {formatMoney(totals.accessories)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.totals.services')}>
          {formatMoney(totals.services)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.totals.dueToDealer')}>
          <strong>{formatMoney(totals.dueToDealer)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.totals.purchaseTax')}>
          {formatMoney(totals.purchaseTax)}
          {totals.purchaseTaxRelief > 0 && (
            <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
              {t('sales.totals.relief', {
                before: formatMoney(totals.purchaseTaxBeforeRelief),
                relief: formatMoney(totals.purchaseTaxRelief),
              })}
            </Typography.Text>
          )}
        </Descriptions.Item>
        {totals.tradeInCredit > 0 && (
          <Descriptions.Item label={t('sales.totals.tradeInCredit')}>
            −{formatMoney(totals.tradeInCredit)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col span={totals.loanScenario ? 12 : 24}>
          <Scenario
            title={t('sales.desk.full')}
            s={totals.full}
            chosen={paymentKind === 'full' || !totals.loanScenario}
          />
        </Col>
        {totals.loanScenario && (
          <Col span={12}>
            <Scenario title={t('sales.desk.loan')} s={totals.loanScenario} chosen={paymentKind === 'loan'} />
          </Col>
        )}
      </Row>
    </div>
  );
}
