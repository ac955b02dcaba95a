import { sql, type Kysely } from 'kysely';

/**
 * The service lane (H6.1, H5.2): workshop setup (bays, technicians with skills, hours, labour rate, canned
 * jobs), recall campaigns, service requests, bookings with capacity, repair orders with estimate lines,
 * customer approvals, job clocks, payments, and the repair health-record exports (JT/T 1132).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'));

  await db.schema
    .createTable('workshop_settings')
    .addColumn('store_id', 'text', (c) => c.primaryKey().references('stores.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('labour_rate', 'integer', (c) => c.notNull()) // 分 per hour
    .addColumn('opens_at', 'text', (c) => c.notNull()) // HH:MM local
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('open_days', 'text', (c) => c.notNull()) // ISO weekdays, e.g. '123456'
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('first_response_minutes', 'integer', (c) => c.notNull())
    .addColumn('follow_up_days', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await base('workshop_bays')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('skills_json', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('workshop_bays_code_uq', ['store_id', 'code'])
    .execute();

  await base('workshop_technicians')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('skills_json', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('workshop_technicians_user_uq', ['store_id', 'user_id'])
    .execute();

  await base('labor_operations')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('hours_centi', 'integer', (c) => c.notNull())
    .addColumn('skill', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('labor_operations_code_uq', ['store_id', 'code'])
    .execute();
  await db.schema
    .createIndex('labor_operations_group_idx')
    .on('labor_operations')
    .columns(['group_id', 'code', 'id'])
    .execute();

  await db.schema
    .createTable('service_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // recall | service
    .addColumn('description', 'text')
    .addColumn('vin_from', 'text')
    .addColumn('vin_to', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // active | closed
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('service_campaigns_code_uq', ['group_id', 'code'])
    .execute();
  await db.schema
    .createTable('service_campaign_vins')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('service_campaigns.id'))
    .addColumn('vin', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_campaign_vins_pk', ['campaign_id', 'vin'])
    .execute();
  await db.schema
    .createIndex('service_campaign_vins_vin_idx')
    .on('service_campaign_vins')
    .column('vin')
    .execute();
  await db.schema
    .createIndex('service_campaigns_group_idx')
    .on('service_campaigns')
    .columns(['group_id', 'id'])
    .execute();

  await base('service_requests')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('customer_vehicle_id', 'text', (c) => c.references('customer_vehicles.id'))
    .addColumn('channel', 'text', (c) => c.notNull()) // phone | online | walk_in
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | responded | booked | closed
    .addColumn('response_due_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('responded_by', 'text', (c) => c.references('users.id'))
    .addColumn('response_note', 'text')
    .addColumn('sla_missed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_requests_store_idx')
    .on('service_requests')
    .columns(['store_id', 'id'])
    .execute();
  await db.schema
    .createIndex('service_requests_group_idx')
    .on('service_requests')
    .columns(['group_id', 'id'])
    .execute();

  await base('service_bookings')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('customer_vehicle_id', 'text', (c) => c.notNull().references('customer_vehicles.id'))
    .addColumn('service_request_id', 'text', (c) => c.references('service_requests.id'))
    .addColumn('labor_operation_id', 'text', (c) => c.references('labor_operations.id'))
    .addColumn('skill', 'text')
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('bay_id', 'text', (c) => c.notNull().references('workshop_bays.id'))
    .addColumn('technician_id', 'text', (c) => c.notNull().references('workshop_technicians.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // booked | checked_in | cancelled
    .addColumn('note', 'text')
    .addColumn('pickup_address', 'text')
    .addColumn('pickup_driver', 'text')
    .addColumn('pickup_at', 'text')
    .addColumn('pickup_status', 'text', (c) => c.notNull()) // none | planned | picked_up | returned
    .addColumn('loaner_car', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_bookings_store_idx')
    .on('service_bookings')
    .columns(['store_id', 'start_at', 'id'])
    .execute();
  await db.schema
    .createIndex('service_bookings_group_idx')
    .on('service_bookings')
    .columns(['group_id', 'start_at', 'id'])
    .execute();
  // One row per resource (bay or technician) and slot: the primary key makes double-booking impossible.
  await db.schema
    .createTable('service_booking_slots')
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('slot_at', 'text', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.notNull().references('service_bookings.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addPrimaryKeyConstraint('service_booking_slots_pk', ['resource_id', 'slot_at'])
    .execute();
  await db.schema
    .createIndex('service_booking_slots_booking_idx')
    .on('service_booking_slots')
    .column('booking_id')
    .execute();

  await base('repair_orders')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('customer_vehicle_id', 'text', (c) => c.notNull().references('customer_vehicles.id'))
    .addColumn('vin', 'text', (c) => c.notNull())
    .addColumn('plate', 'text')
    .addColumn('vehicle_name', 'text')
    .addColumn('booking_id', 'text', (c) => c.references('service_bookings.id'))
    .addColumn('service_request_id', 'text', (c) => c.references('service_requests.id'))
    .addColumn('advisor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('odometer_km', 'integer', (c) => c.notNull())
    .addColumn('fuel_percent', 'integer')
    .addColumn('damage_notes', 'text')
    .addColumn('photos_json', 'text', (c) => c.notNull())
    .addColumn('valuables', 'text')
    .addColumn('customer_concern', 'text', (c) => c.notNull())
    .addColumn('campaigns_json', 'text', (c) => c.notNull())
    .addColumn('findings', 'text')
    .addColumn('fault_codes_json', 'text', (c) => c.notNull())
    .addColumn('diagnosed_by', 'text', (c) => c.references('users.id'))
    .addColumn('diagnosed_at', 'text')
    .addColumn('qc_checklist_json', 'text')
    .addColumn('qc_by', 'text', (c) => c.references('users.id'))
    .addColumn('qc_at', 'text')
    .addColumn('handover_signer', 'text')
    .addColumn('handover_signature', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('settled_at', 'text')
    .addColumn('settled_by', 'text', (c) => c.references('users.id'))
    .addColumn('invoice_number', 'text')
    .addColumn('labour_total', 'integer', (c) => c.notNull())
    .addColumn('parts_total', 'integer', (c) => c.notNull())
    .addColumn('sublet_total', 'integer', (c) => c.notNull())
    .addColumn('customer_total', 'integer', (c) => c.notNull())
    .addColumn('warranty_total', 'integer', (c) => c.notNull())
    .addColumn('insurance_total', 'integer', (c) => c.notNull())
    .addColumn('insurer_name', 'text')
    .addColumn('next_service_date', 'text')
    .addColumn('next_service_km', 'integer')
    .addColumn('follow_up_task_id', 'text')
    .addColumn('satisfaction', 'integer')
    .addColumn('follow_up_note', 'text')
    .addColumn('retain_until', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('repair_orders_store_idx')
    .on('repair_orders')
    .columns(['store_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('repair_orders_store_id_idx')
    .on('repair_orders')
    .columns(['store_id', 'id'])
    .execute();
  await db.schema
    .createIndex('repair_orders_group_idx')
    .on('repair_orders')
    .columns(['group_id', 'id'])
    .execute();
  await db.schema
    .createIndex('repair_orders_vehicle_idx')
    .on('repair_orders')
    .column('customer_vehicle_id')
    .execute();
  await db.schema
    .createIndex('repair_orders_number_uq')
    .on('repair_orders')
    .columns(['store_id', 'number'])
    .unique()
    .execute();

  await db.schema
    .createTable('repair_order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('repair_order_id', 'text', (c) => c.notNull().references('repair_orders.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // labor | part | sublet
    .addColumn('labor_operation_id', 'text', (c) => c.references('labor_operations.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('part_number', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'integer', (c) => c.notNull())
    .addColumn('hours_centi', 'integer', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('payer', 'text', (c) => c.notNull()) // customer | warranty | insurance
    .addColumn('approval', 'text', (c) => c.notNull()) // pending | approved | declined
    .addColumn('decided_at', 'text')
    .addColumn('decided_via', 'text') // link | in_store
    .addColumn('origin', 'text', (c) => c.notNull()) // estimate | additional
    .addColumn('work_status', 'text', (c) => c.notNull()) // not_started | in_progress | done
    .addColumn('issued_qty', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('repair_order_lines_order_idx')
    .on('repair_order_lines')
    .column('repair_order_id')
    .execute();

  await db.schema
    .createTable('repair_order_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('repair_order_id', 'text', (c) => c.notNull().references('repair_orders.id'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull()) // green | yellow | red
    .addColumn('note', 'text')
    .addColumn('photos_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('repair_order_inspections_order_idx')
    .on('repair_order_inspections')
    .column('repair_order_id')
    .execute();

  await db.schema
    .createTable('repair_order_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('repair_order_id', 'text', (c) => c.notNull().references('repair_orders.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('line_ids_json', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('signer_name', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('repair_order_approvals_order_idx')
    .on('repair_order_approvals')
    .column('repair_order_id')
    .execute();

  await db.schema
    .createTable('repair_order_clocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('repair_order_id', 'text', (c) => c.notNull().references('repair_orders.id'))
    .addColumn('line_id', 'text', (c) => c.notNull().references('repair_order_lines.id'))
    .addColumn('technician_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema
    .createIndex('repair_order_clocks_order_idx')
    .on('repair_order_clocks')
    .column('repair_order_id')
    .execute();
  // a technician has at most one running clock per line
  await db.schema
    .createIndex('repair_order_clocks_running_uq')
    .on('repair_order_clocks')
    .columns(['line_id', 'technician_id'])
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('repair_order_clocks_tech_idx')
    .on('repair_order_clocks')
    .columns(['technician_id', 'ended_at'])
    .execute();

  await db.schema
    .createTable('repair_order_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('repair_order_id', 'text', (c) => c.notNull().references('repair_orders.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('repair_order_payments_order_idx')
    .on('repair_order_payments')
    .column('repair_order_id')
    .execute();

  await base('health_records')
    .addColumn('repair_order_id', 'text', (c) => c.notNull().unique().references('repair_orders.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // pending | exported | failed
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('exported_at', 'text')
    .addColumn('export_ref', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('health_records_store_idx')
    .on('health_records')
    .columns(['store_id', 'id'])
    .execute();
  await db.schema
    .createIndex('health_records_group_idx')
    .on('health_records')
    .columns(['group_id', 'id'])
    .execute();
  // lists filtered by state (failed exports, a board column, open requests) walk these in id order
  for (const [table, scope] of [
    ['health_records', 'group_id'],
    ['health_records', 'store_id'],
    ['repair_orders', 'group_id'],
    ['service_requests', 'group_id'],
    ['service_requests', 'store_id'],
  ] as const)
    await db.schema
      .createIndex(`${table}_${scope}_status_idx`)
      .on(table)
      .columns([scope, 'status', 'id'])
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'health_records',
    'repair_order_payments',
    'repair_order_clocks',
    'repair_order_approvals',
    'repair_order_inspections',
    'repair_order_lines',
    'repair_orders',
    'service_booking_slots',
    'service_bookings',
    'service_requests',
    'service_campaign_vins',
    'service_campaigns',
    'labor_operations',
    'workshop_technicians',
    'workshop_bays',
    'workshop_settings',
  ])
    await db.schema.dropTable(t).execute();
}
