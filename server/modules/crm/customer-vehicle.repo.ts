import type { DbOrTrx } from '../../db/database';
import type { CustomerMileageReadingsTable, CustomerVehiclesTable } from './crm.tables';

export type CustomerVehicleRow = CustomerVehiclesTable;
export type MileageRow = CustomerMileageReadingsTable;

export async function insertCustomerVehicleRow(db: DbOrTrx, row: CustomerVehicleRow) {
  await db.insertInto('customer_vehicles').values(row).execute();
}

export function findCustomerVehicleRow(db: DbOrTrx, id: string) {
  return db.selectFrom('customer_vehicles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The customer vehicle this VIN is active on in the group, if any. */
export function findActiveVin(db: DbOrTrx, groupId: string, vin: string) {
  return db
    .selectFrom('customer_vehicles')
    .select(['id', 'customer_id'])
    .where('group_id', '=', groupId)
    .where('vin', '=', vin)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function updateCustomerVehicleRow(
  db: DbOrTrx,
  id: string,
  version: number,
  changes: Partial<CustomerVehicleRow>,
) {
  const res = await db
    .updateTable('customer_vehicles')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertMileageRow(db: DbOrTrx, row: MileageRow) {
  await db.insertInto('customer_mileage_readings').values(row).execute();
}

/** The latest reading at or before an instant (the one a new reading is compared with). */
export function readingBefore(db: DbOrTrx, vehicleId: string, at: string) {
  return db
    .selectFrom('customer_mileage_readings')
    .selectAll()
    .where('customer_vehicle_id', '=', vehicleId)
    .where('read_at', '<=', at)
    .orderBy('read_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function latestReading(db: DbOrTrx, vehicleId: string) {
  return db
    .selectFrom('customer_mileage_readings')
    .selectAll()
    .where('customer_vehicle_id', '=', vehicleId)
    .orderBy('read_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
