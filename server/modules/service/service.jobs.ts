import type { Db } from '../../db/database';
import { onJob, type HandlerRegistry } from '../../platform/worker';
import { exportHealthRecord, healthRecordExportJob } from './health-record.service';
import { checkRequestSla, requestSlaCheckJob } from './service-request.service';

/**
 * The service module's jobs: a service request's first-response SLA is checked when it runs out; a
 * settled order's health record is exported through the adapter (retried by the outbox on failure).
 */
export function registerServiceJobs(registry: HandlerRegistry, db: Db) {
  onJob(registry, requestSlaCheckJob, async (payload) => {
    await checkRequestSla(db, payload as { requestId: string });
  });
  onJob(registry, healthRecordExportJob, async (payload) => {
    await exportHealthRecord(db, payload as { healthRecordId: string });
  });
}
