import type { Kysely } from 'kysely';

/**
 * Catalogue (H2.2.1): brands → models (车系) → trims (配置/车型) with structured attributes, colours,
 * factory options and dealer accessories (精品), media per trim; price lists with effective dates per
 * store (指导价, 标价, option/accessory prices and the published fee schedule).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('brands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('brands_group_code_uq', ['group_id', 'code'])
    .execute();

  await db.schema
    .createTable('models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('segment', 'text')
    // 三包 and warranty terms (SAMR Order 43): validity ≥ 2 y / 50,000 km, warranty ≥ 3 y / 60,000 km,
    // usage compensation rate n in parts per million (5000 = 0.5 %, the legal maximum)
    .addColumn('three_guarantee_months', 'integer', (c) => c.notNull())
    .addColumn('three_guarantee_km', 'integer', (c) => c.notNull())
    .addColumn('warranty_months', 'integer', (c) => c.notNull())
    .addColumn('warranty_km', 'integer', (c) => c.notNull())
    .addColumn('compensation_rate_ppm', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('models_group_code_uq', ['group_id', 'code'])
    .execute();

  await db.schema
    .createTable('trims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('model_id', 'text', (c) => c.notNull().references('models.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('model_year', 'integer', (c) => c.notNull())
    .addColumn('body_type', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('energy', 'text', (c) => c.notNull())
    .addColumn('is_nev', 'integer', (c) => c.notNull())
    .addColumn('drivetrain', 'text', (c) => c.notNull())
    .addColumn('transmission', 'text', (c) => c.notNull())
    .addColumn('power_kw', 'integer', (c) => c.notNull())
    .addColumn('torque_nm', 'integer')
    .addColumn('displacement_ml', 'integer')
    .addColumn('battery_wh', 'integer') // watt-hours, integer (75.0 kWh = 75000)
    .addColumn('range_km', 'integer') // CLTC electric range
    .addColumn('fuel_l_per_100km_x10', 'integer') // WLTC, tenths of a litre
    .addColumn('length_mm', 'integer')
    .addColumn('wheelbase_mm', 'integer')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('trims_group_code_uq', ['group_id', 'code'])
    .execute();
  await db.schema.createIndex('trims_model_idx').on('trims').column('model_id').execute();

  // safety and comfort features as searchable rows (one per trim and feature key), not free text
  await db.schema
    .createTable('trim_features')
    .addColumn('trim_id', 'text', (c) => c.notNull().references('trims.id'))
    .addColumn('feature', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('trim_features_pk', ['trim_id', 'feature'])
    .execute();
  await db.schema
    .createIndex('trim_features_feature_idx')
    .on('trim_features')
    .columns(['feature', 'trim_id'])
    .execute();

  await db.schema
    .createTable('trim_colours')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trim_id', 'text', (c) => c.notNull().references('trims.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // exterior | interior
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('hex', 'text')
    .addUniqueConstraint('trim_colours_uq', ['trim_id', 'kind', 'code'])
    .execute();

  // factory options (选装) fitted at the factory and dealer accessories (精品) sold by the store
  await db.schema
    .createTable('catalog_options')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('model_id', 'text', (c) => c.references('models.id')) // null: fits every model
    .addColumn('kind', 'text', (c) => c.notNull()) // factory_option | accessory
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('catalog_options_group_code_uq', ['group_id', 'code'])
    .execute();

  await db.schema
    .createTable('trim_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trim_id', 'text', (c) => c.notNull().references('trims.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // photo | video | vr | ar
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('price_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull()) // store-local date YYYY-MM-DD
    .addColumn('effective_to', 'text') // inclusive; null = until replaced
    .addColumn('status', 'text', (c) => c.notNull()) // draft | published | withdrawn
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('price_lists_store_idx')
    .on('price_lists')
    .columns(['store_id', 'status', 'effective_from'])
    .execute();

  await db.schema
    .createTable('price_list_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('price_list_id', 'text', (c) => c.notNull().references('price_lists.id'))
    .addColumn('item_kind', 'text', (c) => c.notNull()) // trim | option | accessory | fee
    .addColumn('item_ref', 'text', (c) => c.notNull()) // trim id, option id, or fee code
    .addColumn('name', 'text') // fees: the name on display (上牌代办费)
    .addColumn('guide_price', 'bigint') // 厂商指导价 (分), trims and factory options
    .addColumn('display_price', 'bigint', (c) => c.notNull()) // 标价 (分)
    .addUniqueConstraint('price_list_items_uq', ['price_list_id', 'item_kind', 'item_ref'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'price_list_items',
    'price_lists',
    'trim_media',
    'catalog_options',
    'trim_colours',
    'trim_features',
    'trims',
    'models',
    'brands',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
