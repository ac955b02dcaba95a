import type { DbOrTrx } from '../../db/database';
import { nowIso } from '../../platform/ids';
import type { AppointmentsTable } from './reception.tables';

export type AppointmentRow = AppointmentsTable;
export type AppointmentView = AppointmentRow & { customer_name: string; consultant_name: string | null };

export async function insertAppointment(db: DbOrTrx, row: AppointmentRow) {
  await db.insertInto('appointments').values(row).execute();
}

/** Appointments with the customer's and the consultant's names. */
export function appointmentsWithNames(db: DbOrTrx) {
  return db
    .selectFrom('appointments')
    .innerJoin('customers', 'customers.id', 'appointments.customer_id')
    .leftJoin('users as consultant', 'consultant.id', 'appointments.consultant_id')
    .selectAll('appointments')
    .select(['customers.name as customer_name', 'consultant.display_name as consultant_name']);
}

export function findAppointment(db: DbOrTrx, id: string) {
  return appointmentsWithNames(db).where('appointments.id', '=', id).executeTakeFirst();
}

/** Changes an appointment if nobody changed it first: false when the version moved on. */
export async function updateAppointmentRow(
  db: DbOrTrx,
  id: string,
  version: number,
  changes: Partial<AppointmentRow>,
) {
  const res = await db
    .updateTable('appointments')
    .set({ ...changes, version: version + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
