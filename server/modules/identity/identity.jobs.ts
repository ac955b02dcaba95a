import type { Db } from '../../db/database';
import { enqueueJob } from '../../platform/jobs';
import { purgeOldLoginFailures } from '../../platform/login-throttle';
import { onJob, type HandlerRegistry } from '../../platform/worker';
import { deleteExpiredSessions } from './session.repo';

export const purgeJobType = 'identity.purge_expired_sessions';
const everyMs = 60 * 60 * 1000;

/**
 * Scheduled clean-up, hourly: expired sessions and spent login-throttle windows. The job re-schedules
 * itself; `scheduleIdentityJobs` starts the chain once per database.
 */
export function registerIdentityJobs(registry: HandlerRegistry, db: Db) {
  onJob(registry, purgeJobType, async () => {
    await deleteExpiredSessions(db, new Date().toISOString());
    await purgeOldLoginFailures(db);
    await enqueueJob(db, purgeJobType, {}, { runAt: new Date(Date.now() + everyMs) });
  });
}

export async function scheduleIdentityJobs(db: Db) {
  const pending = await db
    .selectFrom('jobs')
    .select('id')
    .where('type', '=', purgeJobType)
    .where('status', 'in', ['pending', 'running'])
    .executeTakeFirst();
  if (!pending) await enqueueJob(db, purgeJobType, {}, { runAt: new Date(Date.now() + everyMs) });
}
