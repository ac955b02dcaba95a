import type { MileageInput, MileageReading } from '../../../common/crm/customer-vehicle.schemas';
import { mileageIssues } from '../../../common/rules/customer-fields';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, toPage } from '../../platform/pagination';
import type { Actor } from '../../platform/permissions';
import { assertCustomerAction } from './crm.access';
import { fieldErrors } from './customer.rules';
import {
  insertMileageRow,
  latestReading,
  readingBefore,
  type CustomerVehicleRow,
  type MileageRow,
} from './customer-vehicle.repo';
import { loadCustomerVehicle } from './customer-vehicle.service';
import { recordCustomerEvent } from './timeline.service';

const toReading = (r: MileageRow): MileageReading => ({
  id: r.id,
  km: r.km,
  readAt: r.read_at,
  reason: r.reason,
  recordedBy: r.recorded_by,
  createdAt: r.created_at,
});

/**
 * Records an odometer reading (service visits, test drives, trade-in checks). A reading below the one
 * before it needs a reason (422 naming `reason`); the vehicle shows its latest reading.
 */
export async function recordMileage(
  trx: Trx,
  actor: Actor,
  vehicleId: string,
  input: MileageInput,
  lang: Lang,
): Promise<MileageReading> {
  const loaded = await loadCustomerVehicle(trx, actor, vehicleId);
  return toReading((await recordMileageOf(trx, actor, loaded, input, lang)).reading);
}

/**
 * recordMileage for a vehicle the caller has loaded (loadCustomerVehicle): answers the reading and the
 * vehicle's row as written, so a check-in need not read the car again.
 */
export async function recordMileageOf(
  trx: Trx,
  actor: Actor,
  { row, customer }: Awaited<ReturnType<typeof loadCustomerVehicle>>,
  input: MileageInput,
  lang: Lang,
): Promise<{ reading: MileageRow; vehicle: CustomerVehicleRow }> {
  assertCustomerAction(actor, customer, 'customers.manage');
  const readAt = new Date(input.readAt).toISOString();
  const previous = await readingBefore(trx, row.id, readAt);
  const issues = mileageIssues(previous?.km ?? null, input.km, input.reason);
  if (issues.length) throw new AppError('crm.mileage_below_last', { errors: fieldErrors(issues, lang) });
  const reading: MileageRow = {
    id: newId(),
    customer_vehicle_id: row.id,
    km: input.km,
    read_at: readAt,
    reason: input.reason ?? null,
    recorded_by: actor.userId,
    created_at: nowIso(),
  };
  await insertMileageRow(trx, reading);
  const latest = (await latestReading(trx, row.id))!;
  const vehicle = await trx
    .updateTable('customer_vehicles')
    .set((eb) => ({
      last_mileage_km: latest.km,
      last_mileage_at: latest.read_at,
      version: eb('version', '+', 1),
      updated_at: reading.created_at,
    }))
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'customer_vehicle',
    entityId: row.id,
    action: 'mileage',
    after: { km: reading.km, readAt, reason: reading.reason },
  });
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    type: 'crm.vehicle.mileage_recorded',
    entity: 'customer_vehicle',
    entityId: row.id,
    actorId: actor.userId,
    data: { vin: row.vin, plate: row.plate, km: reading.km, readAt, reason: reading.reason },
  });
  return { reading, vehicle };
}

/** A vehicle's odometer history, newest reading first. */
export async function mileageHistory(
  db: DbOrTrx,
  actor: Actor,
  vehicleId: string,
  page: { limit: number; cursor?: string },
) {
  await loadCustomerVehicle(db, actor, vehicleId);
  const q = db
    .selectFrom('customer_mileage_readings')
    .selectAll()
    .where('customer_vehicle_id', '=', vehicleId);
  const sort = { column: 'read_at', direction: 'desc' as const, field: 'readAt' };
  const rows = await applyPage(q, sort, 'id', page.limit, page.cursor).execute();
  return toPage(
    rows,
    page.limit,
    (r) => r.read_at,
    (r) => r.id,
    toReading,
  );
}
