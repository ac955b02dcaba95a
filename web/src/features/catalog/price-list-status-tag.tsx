import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PriceListStatus } from '@common/catalog/price-list.status';

export const priceListStatusColor: Record<PriceListStatus, string> = {
  draft: 'blue',
  published: 'green',
  withdrawn: 'default',
};

export function PriceListStatusTag({ status }: { status: PriceListStatus }) {
  const { t } = useTranslation();
  return <Tag color={priceListStatusColor[status]}>{t(`catalog.priceListStatus.${status}`)}</Tag>;
}
