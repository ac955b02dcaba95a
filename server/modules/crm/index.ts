/** The crm module's public API: what other modules and the app may use. */
export { customerRoutes } from './customer.routes';
export { customerVehicleRoutes } from './customer-vehicle.routes';
export { recordCustomerEvent, type CustomerEvent } from './timeline.service';
export { registerCustomerMergeStep, type CustomerMergeStep } from './customer-merge.service';
export { loadCustomer } from './crm.access';
export { seedCustomers } from './crm.seed';
export { seedLeads } from './lead.seed';
export { seedLargeCustomers, type LargeCrmOptions, type LargeCrmResult } from './crm.seed-large';
export { raiseAlert, type NewAlert } from './alert.service';
export { scheduleCustomerTasks } from './task.service';
export { registerPurchasedVehicle, recordIssuedPlate } from './customer-vehicle.service';
export { queueCustomerMessage } from './notification.service';
export { registerLeadJobs } from './lead.jobs';
export { recordMileage, recordMileageOf } from './mileage.service';
export {
  loadCustomerVehicle,
  listCustomerVehicles,
  getCustomerVehicle,
  viewCustomerVehicle,
} from './customer-vehicle.service';
export { createTask, completeTask } from './task.service';

import type { FastifyPluginAsync } from 'fastify';
import { customerRoutes } from './customer.routes';
import { customerVehicleRoutes } from './customer-vehicle.routes';
import { leadRoutes } from './lead.routes';
import { alertRoutes } from './alert.routes';
import { receptionRoutes } from './reception.routes';
import { taskRoutes } from './task.routes';
import './lead-merge';
import { needsAnalysisRoutes } from './needs-analysis.routes';
import { purchasePlanRoutes } from './purchase-plan.routes';
import './needs-merge';

/** Every route of the module, for app.ts. */
export const crmModuleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(customerRoutes);
  await app.register(customerVehicleRoutes);
  await app.register(leadRoutes);
  await app.register(alertRoutes);
  await app.register(receptionRoutes);
  await app.register(taskRoutes);
  await app.register(needsAnalysisRoutes);
  await app.register(purchasePlanRoutes);
};
