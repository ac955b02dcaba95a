import type { Db } from './db/database';
import type { PiiKeys } from './platform/pii';
import type { HandlerRegistry } from './platform/worker';
import { registerIdentityJobs } from './modules/identity';
import { registerWebhookDelivery } from './modules/integrations';
import { registerVehicleJobs } from './modules/vehicles';
import { registerLeadJobs } from './modules/crm';
import { registerSalesJobs } from './modules/sales';
import { registerServiceJobs } from './modules/service';

/**
 * Every module's job and event handlers: one list for the worker inside `forecourt serve` and for a
 * standalone `forecourt worker`, so both run the same jobs.
 */
export function registerAllJobs(handlers: HandlerRegistry, db: Db, keys: PiiKeys) {
  registerIdentityJobs(handlers, db);
  registerWebhookDelivery(handlers, db, keys);
  registerVehicleJobs(handlers, db);
  registerLeadJobs(handlers, db);
  registerSalesJobs(handlers, db, keys);
  registerServiceJobs(handlers, db);
}
