import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Delivery } from '@common/sales/delivery.schemas';
import { formatMoney } from '../catalog/catalog-format';
import { pdiItemLabel, documentLabel } from './delivery-labels';

/** Why the car may not be handed over yet, in words (H5.1: refused while a check fails or money is owed). */
export function DeliveryBlockers({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  if (delivery.status !== 'scheduled') return null;
  if (delivery.blockers.length === 0)
    return (
      <Alert type="success" showIcon title={t('sales.delivery.ready')} data-testid="delivery-blockers" />
    );
  const items = (b: Delivery['blockers'][number]) => {
    switch (b.blocker) {
      case 'pdi_item_failed':
      case 'pdi_item_pending':
        return b.items.map((i) => pdiItemLabel(t, i)).join('、');
      case 'document_missing':
        return b.items.map((d) => documentLabel(t, d)).join('、');
      case 'money_outstanding':
        return formatMoney(Number(b.items[0] ?? 0));
      default:
        return b.items.join(', ');
    }
  };
  return (
    <Alert
      type="error"
      showIcon
      data-testid="delivery-blockers"
      title={t('sales.delivery.blocked')}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {delivery.blockers.map((b) => (
            <li key={b.blocker}>{t(`sales.blockers.${b.blocker}`, { items: items(b) })}</li>
          ))}
        </ul>
      }
    />
  );
}
