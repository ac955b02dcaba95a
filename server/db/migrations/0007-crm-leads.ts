import type { Kysely } from 'kysely';

/**
 * Leads (H3.1: one purchase interest from first contact to won or lost), each store's lead rules
 * (first-contact SLA, assignment mode, the round-robin counter) and the alerts inbox that "my day" shows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('leads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('number', 'text', (c) => c.notNull()) // LD-2026-000001 from the store's counter
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('campaign_ref', 'text')
    .addColumn('referred_by', 'text')
    .addColumn('model_id', 'text', (c) => c.references('models.id'))
    .addColumn('trim_id', 'text', (c) => c.references('trims.id'))
    .addColumn('interest', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lost_reason', 'text')
    .addColumn('lost_note', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('assigned_at', 'text')
    .addColumn('sla_due_at', 'text')
    .addColumn('first_contacted_at', 'text')
    .addColumn('sla_breached_at', 'text')
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('leads_number_idx')
    .on('leads')
    .columns(['store_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('leads_store_status_idx')
    .on('leads')
    .columns(['store_id', 'status', 'id'])
    .execute();
  await db.schema.createIndex('leads_owner_idx').on('leads').columns(['owner_id', 'status']).execute();
  await db.schema.createIndex('leads_customer_idx').on('leads').column('customer_id').execute();
  await db.schema.createIndex('leads_group_idx').on('leads').columns(['group_id', 'id']).execute();
  // the funnel by source (汽车之家, 懂车帝, walk-ins…) across the group
  await db.schema
    .createIndex('leads_group_source_idx')
    .on('leads')
    .columns(['group_id', 'source', 'id'])
    .execute();

  await db.schema
    .createTable('lead_settings')
    .addColumn('store_id', 'text', (c) => c.primaryKey().references('stores.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('sla_minutes', 'integer', (c) => c.notNull())
    .addColumn('assignment', 'text', (c) => c.notNull()) // round_robin | manager
    .addColumn('round_robin_counter', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // e.g. lead_sla_missed
    .addColumn('recipient_id', 'text', (c) => c.references('users.id'))
    .addColumn('recipient_role', 'text') // or every holder of this role in the store
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique()) // one alert per cause, however often a job runs
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_group_idx').on('alerts').columns(['group_id', 'id']).execute();
  await db.schema.createIndex('alerts_entity_idx').on('alerts').columns(['entity_id', 'kind']).execute();
  await db.schema
    .createIndex('alerts_store_open_idx')
    .on('alerts')
    .columns(['store_id', 'resolved_at', 'id'])
    .execute();
  await db.schema
    .createIndex('alerts_recipient_idx')
    .on('alerts')
    .columns(['recipient_id', 'resolved_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alerts').execute();
  await db.schema.dropTable('lead_settings').execute();
  await db.schema.dropTable('leads').execute();
}
