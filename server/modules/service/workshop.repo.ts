import type { DbOrTrx } from '../../db/database';
import type {
  LaborOperationsTable,
  WorkshopBaysTable,
  WorkshopSettingsTable,
  WorkshopTechniciansTable,
} from './service.tables';

export type SettingsRow = WorkshopSettingsTable;
export type BayRow = WorkshopBaysTable;
export type TechnicianRow = WorkshopTechniciansTable & { name: string };
export type LaborOperationRow = LaborOperationsTable;

export function findSettingsRow(db: DbOrTrx, storeId: string) {
  return db.selectFrom('workshop_settings').selectAll().where('store_id', '=', storeId).executeTakeFirst();
}

export async function upsertSettingsRow(db: DbOrTrx, row: SettingsRow, expectedVersion: number | null) {
  if (expectedVersion === null) {
    await db.insertInto('workshop_settings').values(row).execute();
    return true;
  }
  const { store_id, group_id, created_at, ...changes } = row;
  void group_id;
  void created_at;
  const res = await db
    .updateTable('workshop_settings')
    .set(changes)
    .where('store_id', '=', store_id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function baysOf(db: DbOrTrx, storeId: string) {
  return db.selectFrom('workshop_bays').selectAll().where('store_id', '=', storeId).orderBy('code').execute();
}

export function techniciansOf(db: DbOrTrx, storeId: string): Promise<TechnicianRow[]> {
  return db
    .selectFrom('workshop_technicians')
    .innerJoin('users', 'users.id', 'workshop_technicians.user_id')
    .selectAll('workshop_technicians')
    .select('users.display_name as name')
    .where('workshop_technicians.store_id', '=', storeId)
    .orderBy('users.display_name')
    .orderBy('workshop_technicians.id')
    .execute();
}

export async function insertBayRow(db: DbOrTrx, row: BayRow) {
  await db.insertInto('workshop_bays').values(row).execute();
}

export async function insertTechnicianRow(db: DbOrTrx, row: WorkshopTechniciansTable) {
  await db.insertInto('workshop_technicians').values(row).execute();
}

export async function insertLaborOperationRow(db: DbOrTrx, row: LaborOperationRow) {
  await db.insertInto('labor_operations').values(row).execute();
}

export function findLaborOperationRow(db: DbOrTrx, id: string) {
  return db.selectFrom('labor_operations').selectAll().where('id', '=', id).executeTakeFirst();
}
