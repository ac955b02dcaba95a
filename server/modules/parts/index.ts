/** The parts module's public API: what other modules and the app may use. */
export {
  reservePartsForRepairOrder,
  issuePartsToRepairOrder,
  releasePartReservation,
  reservePartsOfApprovedLines,
  releasePartsOfRepairOrder,
  type RepairOrderParts,
  type RepairOrderLine,
  type RepairOrderOfStore,
} from './repair-order-stock.service';
export { findPartByNo } from './part.repo';

import type { FastifyPluginAsync } from 'fastify';
import { partRoutes } from './part.routes';
import { partsOrderRoutes } from './parts-order.routes';
import { purchasingRoutes } from './purchasing.routes';
import { stocktakeRoutes } from './stocktake.routes';
import { purchasePlanRoutes } from './purchase-plan.routes';

/** Every route of the module, for app.ts. */
export const partsModuleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(partRoutes);
  await app.register(partsOrderRoutes);
  await app.register(purchasingRoutes);
  await app.register(stocktakeRoutes);
  await app.register(purchasePlanRoutes);
};
