import { sql, type Kysely } from 'kysely';

/**
 * VIN stock (整车库存): vehicles with their status machine and reservations, transfers between stores
 * of a group, and showroom display plans (H2.2.2).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vehicles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('vin', 'text', (c) => c.notNull().unique())
    .addColumn('trim_id', 'text', (c) => c.notNull().references('trims.id'))
    .addColumn('exterior_colour_id', 'text', (c) => c.references('trim_colours.id'))
    .addColumn('interior_colour_id', 'text', (c) => c.references('trim_colours.id'))
    .addColumn('engine_no', 'text')
    .addColumn('coc_no', 'text') // 合格证号
    .addColumn('production_date', 'text')
    .addColumn('model_year', 'integer') // decoded from the VIN when unambiguous
    .addColumn('purchase_cost', 'bigint') // 分
    .addColumn('holding_cost_per_day', 'bigint') // 分, estimate (interest + insurance + yard)
    .addColumn('supplier_ref', 'text') // OEM order / supplier reference
    .addColumn('location', 'text', (c) => c.notNull()) // yard | showroom | in_transit | workshop | other
    .addColumn('location_note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('arrived_on', 'text') // store-local date it entered stock: 库龄 counts from here
    .addColumn('reserved_deal_id', 'text')
    .addColumn('reserved_by', 'text', (c) => c.references('users.id'))
    .addColumn('reserved_until', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vehicles_store_status_idx')
    .on('vehicles')
    .columns(['store_id', 'status'])
    .execute();
  await db.schema.createIndex('vehicles_trim_idx').on('vehicles').column('trim_id').execute();

  await db.schema
    .createTable('vehicle_options')
    .addColumn('vehicle_id', 'text', (c) => c.notNull().references('vehicles.id'))
    .addColumn('option_id', 'text', (c) => c.notNull().references('catalog_options.id'))
    .addPrimaryKeyConstraint('vehicle_options_pk', ['vehicle_id', 'option_id'])
    .execute();

  await db.schema
    .createTable('vehicle_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('number', 'text', (c) => c.notNull()) // VT-2026-000001 from the sending store's counter
    .addColumn('vehicle_id', 'text', (c) => c.notNull().references('vehicles.id'))
    .addColumn('from_store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('to_store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // in_transit | received | cancelled
    .addColumn('note', 'text')
    .addColumn('sent_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.references('users.id'))
    .addColumn('received_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('showroom_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // draft | active | archived
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // one plan on the floor per store: of two concurrent activations one fails (partial index, both dialects)
  await db.schema
    .createIndex('showroom_plans_one_active_uq')
    .on('showroom_plans')
    .column('store_id')
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();

  await db.schema
    .createTable('showroom_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('showroom_plans.id'))
    .addColumn('slot', 'text', (c) => c.notNull()) // e.g. A1, window-left, stage
    .addColumn('vehicle_id', 'text', (c) => c.references('vehicles.id'))
    .addColumn('trim_id', 'text', (c) => c.notNull().references('trims.id'))
    .addColumn('tags', 'text', (c) => c.notNull()) // JSON array: hot | all_new | nev
    .addUniqueConstraint('showroom_slots_uq', ['plan_id', 'slot'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['showroom_slots', 'showroom_plans', 'vehicle_transfers', 'vehicle_options', 'vehicles']) {
    await db.schema.dropTable(t).execute();
  }
}
