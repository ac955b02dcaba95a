import type { DbOrTrx } from '../../db/database';
import type { AlertsTable } from './lead.tables';

export type AlertRow = AlertsTable;

/** Inserts an alert once per dedupe key: a job that runs twice raises one alert. */
export async function insertAlertOnce(db: DbOrTrx, row: AlertRow) {
  const res = await db
    .insertInto('alerts')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function findAlert(db: DbOrTrx, id: string) {
  return db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function resolveAlertRow(db: DbOrTrx, id: string, version: number, by: string, at: string) {
  const res = await db
    .updateTable('alerts')
    .set({ resolved_at: at, resolved_by: by, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Closes the open alerts of one kind about a record (the cause went away: e.g. the lead was contacted). */
export async function resolveAlertsAbout(
  db: DbOrTrx,
  about: { kind: string; entity: string; entityId: string },
  by: string,
  at: string,
) {
  await db
    .updateTable('alerts')
    .set((eb) => ({ resolved_at: at, resolved_by: by, version: eb('version', '+', 1) }))
    .where('kind', '=', about.kind)
    .where('entity', '=', about.entity)
    .where('entity_id', '=', about.entityId)
    .where('resolved_at', 'is', null)
    .execute();
}
