/** The service module's public API: what other modules and the app may use. */
export { registerServiceJobs } from './service.jobs';
export { openCampaignsForVin } from './campaign.service';
export { buildHealthRecord } from './health-record.service';

import type { FastifyPluginAsync } from 'fastify';
import { bookingRoutes } from './booking.routes';
import { healthRecordRoutes } from './health-record.routes';
import { publicEstimateRoutes } from './public-estimate.routes';
import { repairOrderRoutes } from './repair-order.routes';
import { workshopRoutes } from './workshop.routes';

/** Every route of the module, for app.ts. */
export const serviceModuleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(workshopRoutes);
  await app.register(bookingRoutes);
  await app.register(repairOrderRoutes);
  await app.register(publicEstimateRoutes);
  await app.register(healthRecordRoutes);
};
