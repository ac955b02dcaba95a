import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgingBucket, VehicleStatus } from '@common/vehicles/vehicle.status';

export const statusColor: Record<VehicleStatus, string> = {
  on_order: 'default',
  in_transit: 'cyan',
  in_stock: 'green',
  reserved: 'orange',
  sold: 'purple',
  delivered: 'default',
  demo: 'blue',
  transferred: 'geekblue',
};

export const agingColor: Record<AgingBucket, string> = {
  '0-30': 'green',
  '31-60': 'gold',
  '61-90': 'orange',
  '90+': 'red',
};

export function StatusTag({ status }: { status: VehicleStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`stock.statuses.${status}`)}</Tag>;
}

export function AgingTag({ bucket, days }: { bucket: AgingBucket | null; days: number | null }) {
  const { t } = useTranslation();
  if (bucket === null || days === null) return <>{t('common.none')}</>;
  return <Tag color={agingColor[bucket]}>{t('stock.days', { count: days })}</Tag>;
}
