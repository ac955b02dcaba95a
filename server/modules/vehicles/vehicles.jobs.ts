import type { Db } from '../../db/database';
import { onJob, type HandlerRegistry } from '../../platform/worker';
import { expireReservation, reservationExpireJob } from './reservation.service';

/** The vehicles module's jobs: reservations that run out release their vehicle. */
export function registerVehicleJobs(registry: HandlerRegistry, db: Db) {
  onJob(registry, reservationExpireJob, async (payload) => {
    await expireReservation(db, payload as { vehicleId: string; reservedUntil: string });
  });
}
