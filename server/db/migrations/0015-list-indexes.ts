import type { Kysely } from 'kysely';

/**
 * Indexes the list-plan test asked for once it could fill `storeId`-style filters: the stock list finds
 * the cars on their way into a store by the transfer's destination.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('vehicle_transfers_to_store_idx')
    .on('vehicle_transfers')
    .columns(['to_store_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('vehicle_transfers_to_store_idx').execute();
}
