import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DealStatus } from '@common/sales/deal.status';

const dealColours: Record<DealStatus, string> = {
  quote: 'default',
  awaiting_approval: 'orange',
  agreed: 'blue',
  contracted: 'geekblue',
  delivered: 'green',
  cancelled: 'red',
};

export function DealStatusTag({ status }: { status: DealStatus }) {
  const { t } = useTranslation();
  return <Tag color={dealColours[status]}>{t(`sales.dealStatuses.${status}`)}</Tag>;
}

/** 成交周期: days since the deal was opened, amber after two weeks and red after a month. */
export function AgeTag({ days }: { days: number }) {
  const { t } = useTranslation();
  const color = days > 30 ? 'red' : days > 14 ? 'orange' : 'default';
  return <Tag color={color}>{t('sales.ageDays', { count: days })}</Tag>;
}

const statusColours: Record<string, string> = {
  recorded: 'orange',
  confirmed: 'green',
  rejected: 'red',
  pending: 'orange',
  paid: 'green',
  draft: 'default',
  issued: 'green',
  voided: 'red',
  reversed: 'magenta',
  signed: 'green',
  superseded: 'default',
  cancelled: 'red',
  scheduled: 'blue',
  completed: 'green',
};

/** A payment, refund, invoice, contract or delivery status with its colour. */
export function RecordStatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={statusColours[status] ?? 'default'}>{label}</Tag>;
}
