import type { DbOrTrx } from '../../db/database';
import type { WebhooksTable } from './integrations.tables';

export async function insertWebhook(db: DbOrTrx, row: WebhooksTable) {
  await db.insertInto('webhooks').values(row).execute();
}

export function findWebhook(db: DbOrTrx, id: string) {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function webhooksOfGroup(db: DbOrTrx, groupId: string) {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('created_at')
    .execute();
}

export function activeWebhooksOfGroup(db: DbOrTrx, groupId: string) {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('active', '=', 1)
    .execute();
}

export async function updateWebhookRow(
  db: DbOrTrx,
  id: string,
  version: number,
  changes: Partial<WebhooksTable>,
) {
  const res = await db
    .updateTable('webhooks')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The dealer group a store belongs to (events carry the store; subscriptions belong to the group). */
export async function groupOfStore(db: DbOrTrx, storeId: string) {
  const row = await db.selectFrom('stores').select('group_id').where('id', '=', storeId).executeTakeFirst();
  return row?.group_id ?? null;
}
