import type { DbOrTrx } from '../../db/database';
import { nowIso } from '../../platform/ids';
import type { ReceptionsTable, TestDrivesTable } from './reception.tables';

export type ReceptionRow = ReceptionsTable;
export type ReceptionView = ReceptionRow & { customer_name: string; consultant_name: string | null };
export type TestDriveRow = TestDrivesTable;
export type TestDriveView = TestDriveRow & { customer_name: string; vin: string };

export function receptionsWithNames(db: DbOrTrx) {
  return db
    .selectFrom('receptions')
    .innerJoin('customers', 'customers.id', 'receptions.customer_id')
    .leftJoin('users as consultant', 'consultant.id', 'receptions.consultant_id')
    .selectAll('receptions')
    .select(['customers.name as customer_name', 'consultant.display_name as consultant_name']);
}

export function findReception(db: DbOrTrx, id: string) {
  return receptionsWithNames(db).where('receptions.id', '=', id).executeTakeFirst();
}

export function testDrivesWithNames(db: DbOrTrx) {
  return db
    .selectFrom('test_drives')
    .innerJoin('customers', 'customers.id', 'test_drives.customer_id')
    .innerJoin('vehicles', 'vehicles.id', 'test_drives.vehicle_id')
    .selectAll('test_drives')
    .select(['customers.name as customer_name', 'vehicles.vin']);
}

export function findTestDrive(db: DbOrTrx, id: string) {
  return testDrivesWithNames(db).where('test_drives.id', '=', id).executeTakeFirst();
}

/** Optimistic update of a reception or test drive: false when the version moved on. */
export async function updateVersioned(
  db: DbOrTrx,
  table: 'receptions' | 'test_drives',
  id: string,
  version: number,
  changes: Partial<ReceptionRow> | Partial<TestDriveRow>,
) {
  const res = await db
    .updateTable(table)
    .set({ ...(changes as Record<string, unknown>), version: version + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
