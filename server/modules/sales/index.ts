/** The sales module's public API: what other modules and the app may use. */
export { registerSalesJobs } from './sales.jobs';
export { useEInvoiceAdapter, type EInvoiceAdapter } from './einvoice.adapter';
export { cancellationFaults } from './contract-change.service';
export { seedDeals } from './sales.seed';

import type { FastifyPluginAsync } from 'fastify';
import { contractRoutes } from './contract.routes';
import { dealRoutes } from './deal.routes';
import { deliveryRoutes } from './delivery.routes';
import { moneyRoutes } from './money.routes';

/** Every route of the module, for app.ts. */
export const salesModuleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(dealRoutes);
  await app.register(contractRoutes);
  await app.register(moneyRoutes);
  await app.register(deliveryRoutes);
};
