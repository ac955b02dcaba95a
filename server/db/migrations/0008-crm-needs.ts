import type { Kysely } from 'kysely';

/**
 * Needs analysis (H3.3.1: one immutable row per version of a lead's needs) and personalised purchase
 * plans (H3.3.2: numbered PP-YYYY-000001 per store, shared by a token link, with their alternatives).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('needs_analyses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('needs_analyses_lead_version_idx')
    .on('needs_analyses')
    .columns(['lead_id', 'version'])
    .unique()
    .execute();
  await db.schema
    .createIndex('needs_analyses_customer_idx')
    .on('needs_analyses')
    .column('customer_id')
    .execute();
  await db.schema
    .createIndex('needs_analyses_store_idx')
    .on('needs_analyses')
    .columns(['store_id', 'id'])
    .execute();

  await db.schema
    .createTable('purchase_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('needs_analysis_id', 'text', (c) => c.references('needs_analyses.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('price_date', 'text', (c) => c.notNull())
    .addColumn('price_list_id', 'text', (c) => c.notNull().references('price_lists.id'))
    .addColumn('payment_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('share_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('share_nonce', 'text', (c) => c.notNull())
    .addColumn('share_expires_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('purchase_plans_number_idx')
    .on('purchase_plans')
    .columns(['store_id', 'number'])
    .unique()
    .execute();
  await db.schema.createIndex('purchase_plans_lead_idx').on('purchase_plans').column('lead_id').execute();
  await db.schema
    .createIndex('purchase_plans_customer_idx')
    .on('purchase_plans')
    .column('customer_id')
    .execute();

  await db.schema
    .createTable('purchase_plan_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('purchase_plans.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('trim_id', 'text', (c) => c.notNull().references('trims.id'))
    .addColumn('trim_code', 'text', (c) => c.notNull())
    .addColumn('trim_name', 'text', (c) => c.notNull())
    .addColumn('trim_name_en', 'text', (c) => c.notNull())
    .addColumn('model_name', 'text', (c) => c.notNull())
    .addColumn('model_name_en', 'text', (c) => c.notNull())
    .addColumn('brand_name', 'text', (c) => c.notNull())
    .addColumn('brand_name_en', 'text', (c) => c.notNull())
    .addColumn('energy', 'text', (c) => c.notNull())
    .addColumn('guide_price', 'bigint')
    .addColumn('display_price', 'bigint', (c) => c.notNull())
    .addColumn('options_json', 'text', (c) => c.notNull())
    .addColumn('reasons_json', 'text', (c) => c.notNull()) // why it fits the need, as recommended that day
    .execute();
  await db.schema
    .createIndex('purchase_plan_items_plan_idx')
    .on('purchase_plan_items')
    .columns(['plan_id', 'position'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('purchase_plan_items').execute();
  await db.schema.dropTable('purchase_plans').execute();
  await db.schema.dropTable('needs_analyses').execute();
}
