import { sql, type Kysely } from 'kysely';

/**
 * Showroom reception (H3.1): appointments with their confirmation and reminder, walk-in and appointment
 * receptions (到店接待) with what the customer said, test drives with the licence check, and the
 * notification outbox (messages to customers handed to the store's SMS / WeChat gateway).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('number', 'text', (c) => c.notNull()) // AP-2026-000001
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('lead_id', 'text', (c) => c.references('leads.id'))
    .addColumn('consultant_id', 'text', (c) => c.references('users.id'))
    .addColumn('channel', 'text', (c) => c.notNull()) // phone | online | wechat | walk_in | other
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text') // what the customer wants to see or do
    .addColumn('trim_id', 'text', (c) => c.references('trims.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // booked | arrived | no_show | cancelled
    .addColumn('reschedule_count', 'integer', (c) => c.notNull())
    .addColumn('confirmation_id', 'text') // the last confirmation message in the outbox
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appointments_number_idx')
    .on('appointments')
    .columns(['store_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('appointments_store_time_idx')
    .on('appointments')
    .columns(['store_id', 'scheduled_at'])
    .execute();
  // group-wide lists (group administrators) page by time within the group
  await db.schema
    .createIndex('appointments_group_time_idx')
    .on('appointments')
    .columns(['group_id', 'scheduled_at', 'id'])
    .execute();
  await db.schema.createIndex('appointments_customer_idx').on('appointments').column('customer_id').execute();
  await db.schema
    .createIndex('appointments_consultant_idx')
    .on('appointments')
    .columns(['consultant_id', 'scheduled_at'])
    .execute();

  await db.schema
    .createTable('receptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
    .addColumn('lead_id', 'text', (c) => c.references('leads.id'))
    .addColumn('consultant_id', 'text', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // walk_in | appointment
    .addColumn('arrived_at', 'text', (c) => c.notNull())
    .addColumn('departed_at', 'text')
    .addColumn('party_size', 'integer', (c) => c.notNull())
    .addColumn('impressions', 'text') // the consultant's first impressions
    .addColumn('customer_said', 'text') // what the customer said, in their words
    .addColumn('status', 'text', (c) => c.notNull()) // in_showroom | departed
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('receptions_store_arrived_idx')
    .on('receptions')
    .columns(['store_id', 'arrived_at'])
    .execute();
  await db.schema
    .createIndex('receptions_group_arrived_idx')
    .on('receptions')
    .columns(['group_id', 'arrived_at', 'id'])
    .execute();
  // who is in the showroom now, across the group
  await db.schema
    .createIndex('receptions_group_status_idx')
    .on('receptions')
    .columns(['group_id', 'status', 'arrived_at', 'id'])
    .execute();
  await db.schema.createIndex('receptions_customer_idx').on('receptions').column('customer_id').execute();

  await db.schema
    .createTable('test_drives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('reception_id', 'text', (c) => c.references('receptions.id'))
    .addColumn('lead_id', 'text', (c) => c.references('leads.id'))
    .addColumn('vehicle_id', 'text', (c) => c.notNull().references('vehicles.id'))
    .addColumn('consultant_id', 'text', (c) => c.references('users.id'))
    .addColumn('licence_checked_by', 'text', (c) => c.references('users.id'))
    .addColumn('licence_checked_at', 'text')
    .addColumn('licence_valid_until', 'text') // the driving licence's expiry date, as seen
    .addColumn('route', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // planned | in_progress | completed | cancelled
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('start_km', 'integer')
    .addColumn('end_km', 'integer')
    .addColumn('feedback', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('test_drives_store_idx')
    .on('test_drives')
    .columns(['store_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('test_drives_group_idx')
    .on('test_drives')
    .columns(['group_id', 'id'])
    .execute();
  await db.schema
    .createIndex('test_drives_vehicle_idx')
    .on('test_drives')
    .columns(['vehicle_id', 'status'])
    .execute();
  // one car, one drive at a time: a second start of the same vehicle fails on both databases
  await db.schema
    .createIndex('test_drives_one_running_idx')
    .on('test_drives')
    .column('vehicle_id')
    .unique()
    .where(sql<boolean>`status = 'in_progress'`)
    .execute();
  await db.schema.createIndex('test_drives_customer_idx').on('test_drives').column('customer_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('channel', 'text', (c) => c.notNull()) // sms | wechat | email
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull()) // appointment_confirmation, …
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // queued | handed_off
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('handed_off_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_entity_idx')
    .on('notifications')
    .columns(['entity', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('notifications_customer_idx')
    .on('notifications')
    .column('customer_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['notifications', 'test_drives', 'receptions', 'appointments'])
    await db.schema.dropTable(table).execute();
}
