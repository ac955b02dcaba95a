import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

const stamps = (t: ReturnType<Db['schema']['createTable']>) =>
  t
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());

/**
 * Parts and purchasing (H7): the parts master of the group, stock per store with its ledger and
 * reservations, parts orders with logistics, suppliers, purchase orders, goods receipts with incoming
 * inspection, supplier quality issues and stocktakes. Quantities are whole units of the part's unit;
 * money is 分.
 */
export async function up(db: Db): Promise<void> {
  await stamps(
    db.schema
      .createTable('parts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
      .addColumn('part_no', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('brand', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('class', 'text', (c) => c.notNull()) // common | seasonal | special | obsolete (H7.1.1)
      .addColumn('origin', 'text', (c) => c.notNull()) // original | equivalent | remanufactured | reused (Art. 17)
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('list_price', 'bigint', (c) => c.notNull()) // 分
      .addColumn('standard_cost', 'bigint', (c) => c.notNull()) // 分, until the first receipt sets a moving average
      .addColumn('superseded_by_id', 'text', (c) => c.references('parts.id'))
      .addColumn('active', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('parts_group_no_uq')
    .on('parts')
    .columns(['group_id', 'part_no'])
    .unique()
    .execute();
  await db.schema.createIndex('parts_group_name_idx').on('parts').columns(['group_id', 'name']).execute();

  await db.schema
    .createTable('part_barcodes')
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('barcode', 'text', (c) => c.notNull())
    .addColumn('part_id', 'text', (c) => c.notNull().references('parts.id'))
    .addPrimaryKeyConstraint('part_barcodes_pk', ['group_id', 'barcode'])
    .execute();
  await db.schema.createIndex('part_barcodes_part_idx').on('part_barcodes').column('part_id').execute();

  await db.schema
    .createTable('part_fitments')
    .addColumn('part_id', 'text', (c) => c.notNull().references('parts.id'))
    .addColumn('model_id', 'text', (c) => c.notNull().references('models.id'))
    .addColumn('trim_id', 'text', (c) => c.references('trims.id')) // null: every trim of the model
    .execute();
  await db.schema.createIndex('part_fitments_part_idx').on('part_fitments').column('part_id').execute();
  await db.schema.createIndex('part_fitments_model_idx').on('part_fitments').column('model_id').execute();
  await db.schema.createIndex('part_fitments_trim_idx').on('part_fitments').column('trim_id').execute();

  // the balance of a part in a store: a running total of its ledger, locked while a movement posts
  await stamps(
    db.schema
      .createTable('part_stock')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('part_id', 'text', (c) => c.notNull().references('parts.id'))
      .addColumn('on_hand', 'integer', (c) => c.notNull())
      .addColumn('reserved', 'integer', (c) => c.notNull())
      .addColumn('stock_value', 'bigint', (c) => c.notNull()) // 分: on_hand × moving-average cost
      .addColumn('bin', 'text')
      .addColumn('min_qty', 'integer')
      .addColumn('max_qty', 'integer')
      .addColumn('lead_time_days', 'integer')
      .addCheckConstraint(
        'part_stock_never_negative',
        sql`on_hand >= 0 and reserved >= 0 and reserved <= on_hand`,
      ),
  ).execute();
  await db.schema
    .createIndex('part_stock_store_part_uq')
    .on('part_stock')
    .columns(['store_id', 'part_id'])
    .unique()
    .execute();
  await db.schema.createIndex('part_stock_part_idx').on('part_stock').column('part_id').execute();

  await db.schema
    .createTable('stock_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('part_id', 'text', (c) => c.notNull().references('parts.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull()) // signed: + in, − out
    .addColumn('unit_cost', 'bigint', (c) => c.notNull())
    .addColumn('total_cost', 'bigint', (c) => c.notNull()) // signed 分
    .addColumn('on_hand_after', 'integer', (c) => c.notNull())
    .addColumn('value_after', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('ref_type', 'text')
    .addColumn('ref_id', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stock_movements_store_part_idx')
    .on('stock_movements')
    .columns(['store_id', 'part_id', 'id'])
    .execute();
  await db.schema
    .createIndex('stock_movements_group_idx')
    .on('stock_movements')
    .columns(['group_id', 'id'])
    .execute();
  await db.schema
    .createIndex('stock_movements_part_idx')
    .on('stock_movements')
    .columns(['part_id', 'id'])
    .execute();
  await db.schema
    .createIndex('stock_movements_store_idx')
    .on('stock_movements')
    .columns(['store_id', 'id'])
    .execute();

  await stamps(
    db.schema
      .createTable('part_reservations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('part_id', 'text', (c) => c.notNull().references('parts.id'))
      .addColumn('qty', 'integer', (c) => c.notNull()) // still held (issues and releases reduce it)
      .addColumn('ref_type', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()), // active | closed
  ).execute();
  await db.schema
    .createIndex('part_reservations_ref_idx')
    .on('part_reservations')
    .columns(['ref_type', 'ref_id', 'part_id'])
    .execute();
  await db.schema
    .createIndex('part_reservations_stock_idx')
    .on('part_reservations')
    .columns(['store_id', 'part_id', 'status'])
    .execute();

  await stamps(
    db.schema
      .createTable('suppliers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('uscc', 'text')
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone', 'text')
      .addColumn('status', 'text', (c) => c.notNull()) // approved | probation | blocked
      .addColumn('lead_time_days', 'integer', (c) => c.notNull())
      .addColumn('manual_quality', 'integer') // 0-100 manual scores of the buyer
      .addColumn('manual_service', 'integer')
      .addColumn('contract_no', 'text') // purchase contract (H7.3.2)
      .addColumn('contract_until', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema
    .createIndex('suppliers_store_code_uq')
    .on('suppliers')
    .columns(['store_id', 'code'])
    .unique()
    .execute();
  await db.schema.createIndex('suppliers_group_idx').on('suppliers').columns(['group_id', 'name']).execute();

  await db.schema
    .createTable('supplier_certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // business_licence | iso9001 | iatf16949 | other
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supplier_certificates_supplier_idx')
    .on('supplier_certificates')
    .column('supplier_id')
    .execute();

  await stamps(
    db.schema
      .createTable('purchase_orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('total', 'bigint', (c) => c.notNull())
      .addColumn('expected_on', 'text')
      .addColumn('note', 'text')
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('approved_by', 'text', (c) => c.references('users.id'))
      .addColumn('approved_at', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('confirmed_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('purchase_orders_store_idx')
    .on('purchase_orders')
    .columns(['store_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('purchase_orders_group_idx')
    .on('purchase_orders')
    .columns(['group_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('purchase_orders_supplier_idx')
    .on('purchase_orders')
    .column('supplier_id')
    .execute();

  await db.schema
    .createTable('purchase_order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purchase_order_id', 'text', (c) => c.notNull().references('purchase_orders.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('part_id', 'text', (c) => c.notNull().references('parts.id'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addColumn('received_qty', 'integer', (c) => c.notNull()) // accepted + rejected
    .addColumn('accepted_qty', 'integer', (c) => c.notNull())
    .addColumn('rejected_qty', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('purchase_order_lines_po_idx')
    .on('purchase_order_lines')
    .columns(['purchase_order_id', 'line_no'])
    .execute();

  await stamps(
    db.schema
      .createTable('goods_receipts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('purchase_order_id', 'text', (c) => c.notNull().references('purchase_orders.id'))
      .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
      .addColumn('status', 'text', (c) => c.notNull()) // pending_inspection | posted
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('on_time', 'integer') // set at receipt against the PO's expected date
      .addColumn('delivery_note', 'text')
      .addColumn('received_by', 'text', (c) => c.references('users.id'))
      .addColumn('inspected_by', 'text', (c) => c.references('users.id'))
      .addColumn('inspected_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('goods_receipts_store_idx')
    .on('goods_receipts')
    .columns(['store_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('goods_receipts_group_idx')
    .on('goods_receipts')
    .columns(['group_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('goods_receipts_po_idx')
    .on('goods_receipts')
    .column('purchase_order_id')
    .execute();
  await db.schema
    .createIndex('goods_receipts_supplier_idx')
    .on('goods_receipts')
    .column('supplier_id')
    .execute();

  await db.schema
    .createTable('goods_receipt_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goods_receipt_id', 'text', (c) => c.notNull().references('goods_receipts.id'))
    .addColumn('po_line_id', 'text', (c) => c.notNull().references('purchase_order_lines.id'))
    .addColumn('part_id', 'text', (c) => c.notNull().references('parts.id'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'bigint', (c) => c.notNull()) // price on the delivery note (price variance)
    .addColumn('accepted_qty', 'integer')
    .addColumn('rejected_qty', 'integer')
    .addColumn('reject_reason', 'text')
    .addColumn('photos', 'text', (c) => c.notNull()) // JSON array of photo references
    .execute();
  await db.schema
    .createIndex('goods_receipt_lines_receipt_idx')
    .on('goods_receipt_lines')
    .column('goods_receipt_id')
    .execute();

  await stamps(
    db.schema
      .createTable('supplier_quality_issues')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
      .addColumn('goods_receipt_id', 'text', (c) => c.notNull().references('goods_receipts.id'))
      .addColumn('part_id', 'text', (c) => c.notNull().references('parts.id'))
      .addColumn('qty', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('photos', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // open | resolved
      .addColumn('resolution', 'text') // return | claim
      .addColumn('claim_amount', 'bigint')
      .addColumn('resolution_note', 'text')
      .addColumn('resolved_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('supplier_quality_issues_store_idx')
    .on('supplier_quality_issues')
    .columns(['store_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('supplier_quality_issues_group_idx')
    .on('supplier_quality_issues')
    .columns(['group_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('supplier_quality_issues_supplier_idx')
    .on('supplier_quality_issues')
    .column('supplier_id')
    .execute();

  await db.schema
    .createTable('supplier_quality_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issue_id', 'text', (c) => c.notNull().references('supplier_quality_issues.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supplier_quality_actions_issue_idx')
    .on('supplier_quality_actions')
    .column('issue_id')
    .execute();

  await stamps(
    db.schema
      .createTable('stocktakes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('scope', 'text', (c) => c.notNull()) // full | bin | class
      .addColumn('scope_value', 'text') // the bin prefix or the class counted
      .addColumn('blind', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // counting | submitted | posted | cancelled
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('approved_by', 'text', (c) => c.references('users.id'))
      .addColumn('posted_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('stocktakes_store_idx')
    .on('stocktakes')
    .columns(['store_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('stocktakes_group_idx')
    .on('stocktakes')
    .columns(['group_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('stocktake_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stocktake_id', 'text', (c) => c.notNull().references('stocktakes.id'))
    .addColumn('part_id', 'text', (c) => c.notNull().references('parts.id'))
    .addColumn('bin', 'text')
    .addColumn('expected_qty', 'integer', (c) => c.notNull()) // the book quantity when the sheet was made
    .addColumn('counted_qty', 'integer')
    .addColumn('counted_by', 'text', (c) => c.references('users.id'))
    .addColumn('counted_at', 'text')
    .execute();
  await db.schema
    .createIndex('stocktake_lines_sheet_idx')
    .on('stocktake_lines')
    .columns(['stocktake_id', 'part_id'])
    .unique()
    .execute();

  // purchase plans (H7.3.2): what the stock plan proposes to buy, turned into purchase orders
  await stamps(
    db.schema
      .createTable('parts_purchase_plans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull()) // draft | converted | cancelled
      .addColumn('note', 'text')
      .addColumn('purchase_order_id', 'text', (c) => c.references('purchase_orders.id'))
      .addColumn('created_by', 'text', (c) => c.references('users.id')),
  ).execute();
  await db.schema
    .createIndex('parts_purchase_plans_store_idx')
    .on('parts_purchase_plans')
    .columns(['store_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('parts_purchase_plans_group_idx')
    .on('parts_purchase_plans')
    .columns(['group_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createTable('parts_purchase_plan_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('parts_purchase_plans.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('part_id', 'text', (c) => c.notNull().references('parts.id'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'bigint', (c) => c.notNull()) // expected price (分): the moving average or standard cost
    .addColumn('reason', 'text') // the alert that proposed it
    .execute();
  await db.schema
    .createIndex('parts_purchase_plan_lines_plan_idx')
    .on('parts_purchase_plan_lines')
    .columns(['plan_id', 'line_no'])
    .execute();

  await stamps(
    db.schema
      .createTable('parts_orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('channel', 'text', (c) => c.notNull()) // counter | customer | workshop | store
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
      .addColumn('customer_name', 'text')
      .addColumn('to_store_id', 'text', (c) => c.references('stores.id'))
      .addColumn('ship_to', 'text')
      .addColumn('total', 'bigint', (c) => c.notNull())
      .addColumn('carrier', 'text')
      .addColumn('tracking_no', 'text')
      .addColumn('signed_by', 'text')
      .addColumn('signed_at', 'text')
      .addColumn('note', 'text')
      .addColumn('created_by', 'text', (c) => c.references('users.id')),
  ).execute();
  await db.schema
    .createIndex('parts_orders_store_idx')
    .on('parts_orders')
    .columns(['store_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('parts_orders_group_idx')
    .on('parts_orders')
    .columns(['group_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('parts_order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('parts_orders.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('part_id', 'text', (c) => c.notNull().references('parts.id'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addColumn('picked_qty', 'integer', (c) => c.notNull())
    .addColumn('picked_cost', 'bigint') // what the picked units cost at the moving average (分)
    .addColumn('received_qty', 'integer') // at sign-off
    .addColumn('condition', 'text') // ok | damaged | wrong_part at sign-off
    .execute();
  await db.schema
    .createIndex('parts_order_lines_order_idx')
    .on('parts_order_lines')
    .columns(['order_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('parts_order_packages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('parts_orders.id'))
    .addColumn('package_no', 'integer', (c) => c.notNull())
    .addColumn('weight_g', 'integer', (c) => c.notNull())
    .addColumn('line_ids', 'text', (c) => c.notNull()) // JSON array of the lines packed in it
    .execute();
  await db.schema
    .createIndex('parts_order_packages_order_idx')
    .on('parts_order_packages')
    .column('order_id')
    .execute();

  await db.schema
    .createTable('parts_order_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('parts_orders.id'))
    .addColumn('line_id', 'text', (c) => c.references('parts_order_lines.id'))
    .addColumn('type', 'text', (c) => c.notNull()) // short | damaged | wrong_part | lost
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // open | resolved
    .addColumn('resolution', 'text') // reship | credit | return
    .addColumn('follow_up', 'text')
    .addColumn('raised_by', 'text', (c) => c.references('users.id'))
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema
    .createIndex('parts_order_exceptions_order_idx')
    .on('parts_order_exceptions')
    .column('order_id')
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'parts_order_exceptions',
    'parts_order_packages',
    'parts_order_lines',
    'parts_orders',
    'parts_purchase_plan_lines',
    'parts_purchase_plans',
    'stocktake_lines',
    'stocktakes',
    'supplier_quality_actions',
    'supplier_quality_issues',
    'goods_receipt_lines',
    'goods_receipts',
    'purchase_order_lines',
    'purchase_orders',
    'supplier_certificates',
    'suppliers',
    'part_reservations',
    'stock_movements',
    'part_stock',
    'part_fitments',
    'part_barcodes',
    'parts',
  ])
    await db.schema.dropTable(table).execute();
}
