import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lead } from '@common/crm/lead.schemas';
import type { LeadStatus } from '@common/crm/lead.status';
import { formatInstant } from '../identity/format';

export const leadStatusColor: Record<LeadStatus, string> = {
  new: 'blue',
  contacted: 'cyan',
  appointment: 'geekblue',
  visited: 'purple',
  negotiating: 'orange',
  won: 'green',
  lost: 'default',
};

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return <Tag color={leadStatusColor[status]}>{t(`leads.statuses.${status}`)}</Tag>;
}

/** When the first contact is due; red once the store's SLA has run out. */
export function SlaCell({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  if (!lead.slaDueAt) return <>{t('common.none')}</>;
  const overdue = Date.parse(lead.slaDueAt) < Date.now();
  return overdue ? (
    <Tooltip title={formatInstant(lead.slaDueAt)}>
      <Tag color="red">{t('leads.overdue')}</Tag>
    </Tooltip>
  ) : (
    <span>{formatInstant(lead.slaDueAt)}</span>
  );
}
