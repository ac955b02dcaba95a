import type { Kysely } from 'kysely';

/**
 * Indexes the list-query plan test (server/test/list-query-plans.test.ts) found missing: the stock list
 * pages by creation within the group, "staff with role X" looks roles up by role, and "NEV stock only"
 * finds the group's NEV trims.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('vehicles_group_created_idx')
    .on('vehicles')
    .columns(['group_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('user_store_roles_role_idx')
    .on('user_store_roles')
    .columns(['role', 'user_id'])
    .execute();
  await db.schema.createIndex('trims_group_nev_idx').on('trims').columns(['group_id', 'is_nev']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['trims_group_nev_idx', 'user_store_roles_role_idx', 'vehicles_group_created_idx'])
    await db.schema.dropIndex(index).execute();
}
