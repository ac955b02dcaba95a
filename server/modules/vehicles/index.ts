/** The vehicles module's public API: what other modules and the app may use. */
export { vehicleRoutes } from './vehicle.routes';
export { vehicleStatusRoutes } from './vehicle-status.routes';
export { vehicleImportRoutes } from './vehicle-import.routes';
export { transferRoutes } from './transfer.routes';
export { showroomRoutes } from './showroom.routes';
export { registerVehicleJobs } from './vehicles.jobs';
export { markVehicleSold, markVehicleDelivered, returnVehicleFromDeal } from './vehicle-status.service';
export { reserveVehicle, releaseVehicle } from './reservation.service';
export { seedYard } from './vehicles.seed';
export { seedLargeYard, type LargeYardOptions } from './vehicles.seed-large';
export { findVehicleRow, type VehicleRow } from './vehicle.repo';

import type { FastifyPluginAsync } from 'fastify';
import { vehicleRoutes } from './vehicle.routes';
import { vehicleStatusRoutes } from './vehicle-status.routes';
import { vehicleImportRoutes } from './vehicle-import.routes';
import { transferRoutes } from './transfer.routes';
import { showroomRoutes } from './showroom.routes';

/** Every route of the module, for app.ts. */
export const vehiclesModuleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(vehicleImportRoutes);
  await app.register(vehicleRoutes);
  await app.register(vehicleStatusRoutes);
  await app.register(transferRoutes);
  await app.register(showroomRoutes);
};
