import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairOrderStatus } from '@common/service/repair-order.status';
import type { serviceEn } from '../../i18n/service.en';

/** Colours of the repair order states, the line approvals and the health-record exports. */
export const statusColor: Record<RepairOrderStatus, string> = {
  open: 'default',
  diagnosing: 'purple',
  estimate_sent: 'gold',
  approved: 'cyan',
  in_progress: 'blue',
  waiting_parts: 'orange',
  quality_check: 'geekblue',
  ready: 'green',
  delivered: 'lime',
  closed: 'default',
  cancelled: 'red',
};

export function OrderStatusTag({ status }: { status: RepairOrderStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`service.statuses.${status}`)}</Tag>;
}

const approvalColor: Record<string, string> = { pending: 'gold', approved: 'green', declined: 'red' };
export function ApprovalTag({ approval }: { approval: string }) {
  const { t } = useTranslation();
  return <Tag color={approvalColor[approval]}>{t(keys.approval(approval))}</Tag>;
}

/** Hours from hundredths (150 → 1.50) and milliseconds (5 400 000 → 1.50). */
export const centiHours = (c: number) => (c / 100).toFixed(2);
export const msHours = (ms: number) => (ms / 3_600_000).toFixed(2);
/** Efficiency from basis points (7692 → 76.9 %). */
export const efficiency = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(1)} %`);

type S = (typeof serviceEn)['service'];
/** i18n keys of server values (typed: the compiler checks every one exists in both languages). */
export const keys = {
  skill: (s: string) => `service.skills.${s as keyof S['skills']}` as const,
  healthStatus: (s: string) => `service.health.statuses.${s as keyof S['health']['statuses']}` as const,
  method: (s: string) => `service.settle.methods.${s as keyof S['settle']['methods']}` as const,
  lineKind: (s: string) => `service.lineKinds.${s as keyof S['lineKinds']}` as const,
  payer: (s: string) => `service.payers.${s as keyof S['payers']}` as const,
  rating: (s: string) => `service.ratings.${s as keyof S['ratings']}` as const,
  workStatus: (s: string) => `service.workStatus.${s as keyof S['workStatus']}` as const,
  bookingStatus: (s: string) => `service.bookings.statuses.${s as keyof S['bookings']['statuses']}` as const,
  category: (s: string) => `service.requests.categories.${s as keyof S['requests']['categories']}` as const,
  channel: (s: string) => `service.requests.channels.${s as keyof S['requests']['channels']}` as const,
  urgency: (s: string) => `service.requests.urgencies.${s as keyof S['requests']['urgencies']}` as const,
  requestStatus: (s: string) => `service.requests.statuses.${s as keyof S['requests']['statuses']}` as const,
  approval: (s: string) => `service.approval.${s as keyof S['approval']}` as const,
  pickupStatus: (s: string) =>
    `service.bookings.pickupStatuses.${s as keyof S['bookings']['pickupStatuses']}` as const,
};
