import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { leadStatuses, type LeadStatus } from '@common/crm/lead.status';
import { Tile } from '../vehicles/stock-summary-tiles';
import type { LeadFunnel } from './leads-api';

/** The manager's funnel (销售漏斗): leads by status, overdue and unassigned; a tile filters the list. */
export function LeadFunnelTiles({
  funnel,
  status,
  overdue,
  unassigned,
  onStatus,
  onOverdue,
  onUnassigned,
}: {
  funnel: LeadFunnel | undefined;
  status: string[];
  overdue: boolean;
  unassigned: boolean;
  onStatus: (status: LeadStatus) => void;
  onOverdue: () => void;
  onUnassigned: () => void;
}) {
  const { t } = useTranslation();
  if (!funnel) return <Skeleton active paragraph={{ rows: 1 }} />;
  return (
    <div className="fc-tiles" aria-label={t('leads.funnelTitle')}>
      {leadStatuses.map((s) => (
        <Tile
          key={s}
          label={t(`leads.statuses.${s}`)}
          value={funnel.byStatus[s] ?? 0}
          active={status.length === 1 && status[0] === s}
          onClick={() => onStatus(s)}
        />
      ))}
      <Tile label={t('leads.overdue')} value={funnel.overdue} active={overdue} onClick={onOverdue} />
      <Tile
        label={t('leads.unassigned')}
        value={funnel.unassigned}
        active={unassigned}
        onClick={onUnassigned}
      />
    </div>
  );
}
