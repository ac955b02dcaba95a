import type { Db } from '../../db/database';
import { onJob, type HandlerRegistry } from '../../platform/worker';
import { checkLeadSla } from './lead-sla.service';
import { leadSlaCheckJob } from './lead.service';
import { appointmentReminderJob, remindConsultant } from './appointment.service';
import { markNotificationHandedOff, notificationRequested } from './notification.service';

/**
 * The crm module's jobs: a new lead's first-contact SLA is checked when it runs out; the consultant is
 * reminded 10 minutes before an appointment; a queued customer message is marked handed off once the
 * worker has passed its event to the gateway's webhook.
 */
export function registerLeadJobs(registry: HandlerRegistry, db: Db) {
  onJob(registry, leadSlaCheckJob, async (payload) => {
    await checkLeadSla(db, payload as { leadId: string });
  });
  onJob(registry, appointmentReminderJob, async (payload) => {
    await remindConsultant(db, payload as { appointmentId: string; scheduledAt: string });
  });
  onJob(registry, notificationRequested, async (payload) => {
    await markNotificationHandedOff(db, (payload as { notification: { id: string } }).notification.id);
  });
}
