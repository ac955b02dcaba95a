import { App, Button, Dropdown } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Lead } from '@common/crm/lead.schemas';
import { leadActionsFrom, type LeadAction } from '@common/crm/lead.status';
import { describeError } from '../../api/form-errors';
import { useMoveLead } from './leads-api';

/**
 * The moves legal from the lead's state (the same status machine the server enforces); "lost" and
 * "assign" open their dialogs.
 */
export function LeadActions({
  lead,
  mayAssign,
  onLose,
  onAssign,
}: {
  lead: Lead;
  mayAssign: boolean;
  onLose: (lead: Lead) => void;
  onAssign: (lead: Lead) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveLead();
  const navigate = useNavigate();
  const actions = leadActionsFrom(lead.status);
  const open = lead.status !== 'won' && lead.status !== 'lost';
  const items = [
    ...actions.map((a: LeadAction) => ({ key: a, label: t(`leads.actions.${a}`), danger: a === 'lose' })),
    ...(mayAssign && open ? [{ key: 'assign', label: t('leads.actions.assign'), danger: false }] : []),
    { key: 'needs', label: t('needs.open'), danger: false },
  ];
  if (items.length === 0) return null;
  const run = (key: string) => {
    if (key === 'lose') return onLose(lead);
    if (key === 'assign') return onAssign(lead);
    if (key === 'needs') return void navigate(`/leads/${lead.id}/needs`);
    move.mutate(
      { lead, action: key as Exclude<LeadAction, 'lose'> },
      {
        onSuccess: (moved) =>
          void message.success(
            t('leads.moved', { number: moved.number, status: t(`leads.statuses.${moved.status}`) }),
          ),
        onError: (error) => void message.error(describeError(error)),
      },
    );
  };
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => run(key) }} trigger={['click']}>
      <Button size="small" loading={move.isPending} aria-label={`${t('common.actions')} ${lead.number}`}>
        {t('common.actions')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
