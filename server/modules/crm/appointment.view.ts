import type { Appointment } from '../../../common/crm/reception.schemas';
import type { AppointmentView } from './appointment.repo';

export const toAppointment = (r: AppointmentView): Appointment => ({
  id: r.id,
  number: r.number,
  storeId: r.store_id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  leadId: r.lead_id,
  consultantId: r.consultant_id,
  consultantName: r.consultant_name,
  channel: r.channel as Appointment['channel'],
  scheduledAt: r.scheduled_at,
  durationMinutes: r.duration_minutes,
  purpose: r.purpose,
  trimId: r.trim_id,
  status: r.status as Appointment['status'],
  rescheduleCount: r.reschedule_count,
  confirmationId: r.confirmation_id,
  note: r.note,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The confirmation text sent to the customer (zh-CN, the store's language): time, store, consultant. */
export function confirmationText(input: {
  storeName: string;
  customerName: string;
  scheduledAt: string;
  timezone: string;
  consultantName: string | null;
  rescheduled: boolean;
}) {
  const when = new Intl.DateTimeFormat('zh-CN', {
    timeZone: input.timezone,
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(input.scheduledAt));
  const who = input.consultantName ? `，销售顾问${input.consultantName}将为您服务` : '';
  const verb = input.rescheduled ? '已改期至' : '已确认';
  return `【${input.storeName}】${input.customerName}您好，您的到店预约${verb}${when}${who}。如需改期请致电门店。`;
}
