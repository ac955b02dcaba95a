import { sql, type Kysely } from 'kysely';
import { binaryTextType } from '../dialect-sql';

/**
 * CRM, first slice: the customer file (客户档案) with its mobile numbers, marketing consents per channel
 * (PIPL), customer vehicles with odometer readings, and the customer timeline later modules add to.
 * Search columns are normalised and byte-ordered so every search answers from an index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const searchText = binaryTextType(db);
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('number', 'text', (c) => c.notNull()) // CU-2026-000001 from the group's counter
    .addColumn('type', 'text', (c) => c.notNull()) // individual | company
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_search', searchText, (c) => c.notNull()) // lower-cased, spaces removed
    .addColumn('id_doc_type', 'text')
    .addColumn('id_number_enc', 'text') // AES-256-GCM (server/platform/pii.ts)
    .addColumn('id_number_hash', 'text') // keyed hash for exact lookup
    .addColumn('company_code', searchText) // USCC, normalised
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('employer', 'text')
    .addColumn('preferred_channel', 'text')
    .addColumn('preferred_time', 'text')
    .addColumn('tags', 'text', (c) => c.notNull()) // JSON array
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // active | merged
    // no foreign key: a restore inserts customers in id order and the target may be the newer row
    .addColumn('merged_into', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('customers_group_number_uq', ['group_id', 'number'])
    .execute();
  const index = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();
  await index('customers_group_name_idx', 'customers', ['group_id', 'name_search']);
  await index('customers_group_updated_idx', 'customers', ['group_id', 'updated_at']);
  await index('customers_store_updated_idx', 'customers', ['store_id', 'updated_at']);
  await index('customers_group_id_hash_idx', 'customers', ['group_id', 'id_number_hash']);
  await index('customers_group_company_idx', 'customers', ['group_id', 'company_code']);
  await index('customers_owner_idx', 'customers', ['owner_id']);

  await db.schema
    .createTable('customer_mobiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('mobile', searchText, (c) => c.notNull()) // 11 digits
    .addColumn('mobile_last4', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('customer_mobiles_uq', ['customer_id', 'mobile'])
    .execute();
  await index('customer_mobiles_group_mobile_idx', 'customer_mobiles', ['group_id', 'mobile']);
  await index('customer_mobiles_group_last4_idx', 'customer_mobiles', ['group_id', 'mobile_last4']);

  await db.schema
    .createTable('customer_consents')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('channel', 'text', (c) => c.notNull()) // phone | sms | wechat | email
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('customer_consents_pk', ['customer_id', 'channel'])
    .execute();

  await db.schema
    .createTable('customer_vehicles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('vin', searchText, (c) => c.notNull())
    .addColumn('vin_last6', 'text', (c) => c.notNull())
    .addColumn('plate', searchText) // normalised: 京A12345
    .addColumn('trim_id', 'text', (c) => c.references('trims.id'))
    .addColumn('brand_name', 'text')
    .addColumn('model_name', 'text')
    .addColumn('model_year', 'integer')
    .addColumn('purchase_date', 'text')
    .addColumn('last_mileage_km', 'integer')
    .addColumn('last_mileage_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // active | inactive
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // one VIN is active on one customer of the group: of two concurrent registrations one fails
  await db.schema
    .createIndex('customer_vehicles_active_vin_uq')
    .on('customer_vehicles')
    .columns(['group_id', 'vin'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
  await index('customer_vehicles_group_vin_idx', 'customer_vehicles', ['group_id', 'vin']);
  await index('customer_vehicles_group_last6_idx', 'customer_vehicles', ['group_id', 'vin_last6']);
  await index('customer_vehicles_group_plate_idx', 'customer_vehicles', ['group_id', 'plate']);
  await index('customer_vehicles_customer_idx', 'customer_vehicles', ['customer_id']);

  await db.schema
    .createTable('customer_mileage_readings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_vehicle_id', 'text', (c) => c.notNull().references('customer_vehicles.id'))
    .addColumn('km', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index('customer_mileage_vehicle_idx', 'customer_mileage_readings', [
    'customer_vehicle_id',
    'read_at',
  ]);

  await db.schema
    .createTable('customer_timeline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.references('stores.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull()) // crm.customer.created, crm.vehicle.added, sales.quote.sent ...
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('data_json', 'text', (c) => c.notNull())
    .execute();
  await index('customer_timeline_customer_idx', 'customer_timeline', ['customer_id', 'id']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'customer_timeline',
    'customer_mileage_readings',
    'customer_vehicles',
    'customer_consents',
    'customer_mobiles',
    'customers',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
