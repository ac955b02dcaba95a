import { describe, expect, it } from 'vitest';
import { registerAllJobs } from './jobs';
import { createHandlerRegistry } from './platform/worker';
import { openDb } from './db/database';
import { testKeys } from './test/harness';
import { reservationExpireJob } from './modules/vehicles/reservation.service';
import { leadSlaCheckJob } from './modules/crm/lead.service';
import { appointmentReminderJob } from './modules/crm/appointment.service';
import { notificationRequested } from './modules/crm/notification.service';

describe('the job handlers', () => {
  it('a standalone worker and the one inside serve handle every scheduled job and event of the modules', async () => {
    const handle = openDb({ sqlitePath: ':memory:' });
    const handlers = createHandlerRegistry();
    registerAllJobs(handlers, handle.db, testKeys);
    for (const type of [reservationExpireJob, leadSlaCheckJob, appointmentReminderJob, notificationRequested])
      expect(handlers.get(type)?.length ?? 0, type).toBeGreaterThan(0);
    await handle.close();
  });
});
