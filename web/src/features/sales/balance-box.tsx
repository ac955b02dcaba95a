import { Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Deal } from '@common/sales/deal.schemas';
import { formatMoney } from '../catalog/catalog-format';

/** The deal's money (H4.3.1), derived from the payment and refund records: what is due, confirmed, awaiting, refunded, owed. */
export function BalanceBox({ balance }: { balance: Deal['balance'] }) {
  const { t } = useTranslation();
  const owed = balance.balance;
  return (
    <Row gutter={16} className="fc-balance-box" data-testid="balance-box">
      <Col xs={12} md={4}>
        <Statistic title={t('sales.balance.due')} value={formatMoney(balance.due)} />
      </Col>
      <Col xs={12} md={5}>
        <Statistic title={t('sales.balance.confirmed')} value={formatMoney(balance.confirmed)} />
      </Col>
      <Col xs={12} md={5}>
        <Statistic title={t('sales.balance.awaiting')} value={formatMoney(balance.awaitingConfirmation)} />
      </Col>
      <Col xs={12} md={5}>
        <Statistic title={t('sales.balance.refunded')} value={formatMoney(balance.refunded)} />
      </Col>
      <Col xs={24} md={5}>
        <Statistic
          title={owed < 0 ? t('sales.balance.overpaid') : t('sales.balance.balance')}
          value={formatMoney(owed < 0 ? balance.overpaid : owed)}
          valueStyle={{ color: owed > 0 ? '#d46b08' : owed < 0 ? '#cf1322' : '#389e0d' }}
        />
      </Col>
    </Row>
  );
}
