import type { DbOrTrx } from '../../db/database';
import type { VehicleTransfersTable } from './vehicles.tables';

export type TransferRow = VehicleTransfersTable;

/** The store a vehicle is on its way to (an open transfer), or null. */
export async function incomingTransferStore(db: DbOrTrx, vehicleId: string): Promise<string | null> {
  const row = await db
    .selectFrom('vehicle_transfers')
    .select('to_store_id')
    .where('vehicle_id', '=', vehicleId)
    .where('status', '=', 'in_transit')
    .executeTakeFirst();
  return row?.to_store_id ?? null;
}

export async function insertTransfer(db: DbOrTrx, row: TransferRow) {
  await db.insertInto('vehicle_transfers').values(row).execute();
}

/** A transfer with its vehicle's VIN. */
export function transfersWithVin(db: DbOrTrx) {
  return db
    .selectFrom('vehicle_transfers')
    .innerJoin('vehicles', 'vehicles.id', 'vehicle_transfers.vehicle_id')
    .selectAll('vehicle_transfers')
    .select('vehicles.vin');
}

export function findTransfer(db: DbOrTrx, id: string) {
  return transfersWithVin(db).where('vehicle_transfers.id', '=', id).executeTakeFirst();
}

/** Closes an open transfer (received or cancelled) if nobody closed it first. */
export async function closeTransferRow(
  db: DbOrTrx,
  id: string,
  changes: Partial<TransferRow> & { status: string },
) {
  const res = await db
    .updateTable('vehicle_transfers')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'in_transit')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
