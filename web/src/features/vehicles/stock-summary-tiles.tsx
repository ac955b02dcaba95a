import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { agingBuckets } from '@common/vehicles/vehicle.status';
import type { AgingBucket, VehicleStatus } from '@common/vehicles/vehicle.status';
import { formatMoney } from '../catalog/catalog-format';
import type { StockSummary } from './vehicles-api';

const tileStatuses: VehicleStatus[] = ['on_order', 'in_transit', 'in_stock', 'reserved', 'demo'];

/** A figure on a tile; clickable tiles filter the list below. */
export function Tile({
  label,
  value,
  sub,
  active,
  onClick,
}: {
  label: string;
  value: string | number;
  sub?: string;
  active?: boolean;
  onClick?: () => void;
}) {
  const className = ['fc-tile', onClick ? 'fc-tile-clickable' : '', active ? 'fc-tile-active' : '']
    .filter(Boolean)
    .join(' ');
  const content = (
    <>
      <div className="fc-tile-label">{label}</div>
      <div className="fc-tile-value">{value}</div>
      {sub && <div className="fc-tile-sub">{sub}</div>}
    </>
  );
  return onClick ? (
    <button
      type="button"
      className={className}
      onClick={onClick}
      aria-pressed={active}
      style={{ textAlign: 'left', font: 'inherit' }}
    >
      {content}
    </button>
  ) : (
    <div className={className}>{content}</div>
  );
}

/** Stock at a glance: by status, by 库龄 bucket, and what holding it costs; a tile filters the list. */
export function StockSummaryTiles({
  summary,
  status,
  aging,
  onStatus,
  onAging,
}: {
  summary: StockSummary | undefined;
  status: string[];
  aging: string | undefined;
  onStatus: (status: VehicleStatus) => void;
  onAging: (bucket: AgingBucket) => void;
}) {
  const { t } = useTranslation();
  if (!summary) return <Skeleton active paragraph={{ rows: 2 }} />;
  return (
    <>
      <div className="fc-tiles" aria-label={t('stock.summary.byStatus')}>
        {tileStatuses.map((s) => (
          <Tile
            key={s}
            label={t(`stock.statuses.${s}`)}
            value={summary.byStatus[s] ?? 0}
            active={status.length === 1 && status[0] === s}
            onClick={() => onStatus(s)}
          />
        ))}
        <Tile
          label={t('stock.summary.holdingPerDay')}
          value={formatMoney(summary.holdingCostPerDay)}
          sub={t('stock.summary.holdingToDate', { amount: formatMoney(summary.holdingCostToDate) })}
        />
      </div>
      <div className="fc-tiles" aria-label={t('stock.summary.byAging')}>
        {agingBuckets.map((b) => (
          <Tile
            key={b}
            label={t('stock.summary.agingBucket', { bucket: t(`stock.aging.${b}`) })}
            value={summary.byAging[b] ?? 0}
            active={aging === b}
            onClick={() => onAging(b)}
          />
        ))}
      </div>
    </>
  );
}
