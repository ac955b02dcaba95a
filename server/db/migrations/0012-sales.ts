import type { Kysely } from 'kysely';

/**
 * Sales (H4, H5.1): deals with their quote lines, contracts (versions, signatures), payments, refunds,
 * invoices (机动车销售统一发票), deliveries with PDI and documents, commissions, the store's sales settings
 * and uploaded documents. Money in 分 (bigint). Race rules live in unique columns:
 *  - `contracts.active_vin`: a VIN is on at most one active (draft or signed) contract;
 *  - `contracts (deal_id, version_no)`: one contract version per number;
 *  - `invoices.live_deal_id` / `deliveries.live_deal_id`: one live blue invoice and delivery per deal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sales_settings')
    .addColumn('store_id', 'text', (c) => c.primaryKey().references('stores.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('lead_id', 'text', (c) => c.references('leads.id'))
    .addColumn('consultant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('vehicle_id', 'text', (c) => c.references('vehicles.id'))
    .addColumn('trim_id', 'text', (c) => c.notNull().references('trims.id'))
    .addColumn('exterior_colour_id', 'text')
    .addColumn('energy', 'text', (c) => c.notNull())
    .addColumn('display_price', 'bigint', (c) => c.notNull())
    .addColumn('vehicle_price', 'bigint', (c) => c.notNull())
    .addColumn('discount', 'bigint', (c) => c.notNull())
    .addColumn('due_to_dealer', 'bigint', (c) => c.notNull())
    .addColumn('trade_in_json', 'text')
    .addColumn('payment_kind', 'text', (c) => c.notNull())
    .addColumn('loan_json', 'text')
    .addColumn('expected_purchase_date', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('approval_requested_by', 'text', (c) => c.references('users.id'))
    .addColumn('approval_requested_at', 'text')
    .addColumn('approval_decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('approval_decided_at', 'text')
    .addColumn('approval_decision', 'text')
    .addColumn('approval_note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('deals_number_idx')
    .unique()
    .on('deals')
    .columns(['store_id', 'number'])
    .execute();
  await db.schema
    .createIndex('deals_store_updated_idx')
    .on('deals')
    .columns(['store_id', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('deals_group_updated_idx')
    .on('deals')
    .columns(['group_id', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('deals_store_status_idx')
    .on('deals')
    .columns(['store_id', 'status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('deals_group_status_idx')
    .on('deals')
    .columns(['group_id', 'status', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('deals_consultant_idx')
    .on('deals')
    .columns(['consultant_id', 'updated_at', 'id'])
    .execute();
  await db.schema.createIndex('deals_customer_idx').on('deals').column('customer_id').execute();
  await db.schema.createIndex('deals_vehicle_idx').on('deals').column('vehicle_id').execute();

  await db.schema
    .createTable('deal_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // factory_option | accessory | service
    .addColumn('ref', 'text', (c) => c.notNull()) // option id or service code
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('display_price', 'bigint')
    .addColumn('price', 'bigint', (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull()) // 1 accepted, 0 declined
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('deal_lines_deal_idx')
    .on('deal_lines')
    .columns(['deal_id', 'position'])
    .execute();

  await db.schema
    .createTable('sales_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('purpose', 'text', (c) => c.notNull()) // id_copy | pdi_photo
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data_base64', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sales_attachments_deal_idx')
    .on('sales_attachments')
    .column('deal_id')
    .execute();

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('previous_contract_id', 'text', (c) => c.references('contracts.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // draft | signed | superseded | cancelled
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('vin', 'text', (c) => c.notNull())
    .addColumn('active_vin', 'text', (c) => c.unique())
    .addColumn('terms_json', 'text', (c) => c.notNull())
    .addColumn('buyer_kind', 'text', (c) => c.notNull())
    .addColumn('buyer_name', 'text', (c) => c.notNull())
    .addColumn('buyer_document_type', 'text', (c) => c.notNull())
    .addColumn('buyer_document_enc', 'text', (c) => c.notNull())
    .addColumn('buyer_mobile_enc', 'text', (c) => c.notNull())
    .addColumn('buyer_address', 'text', (c) => c.notNull())
    .addColumn('buyer_employer', 'text', (c) => c.notNull())
    .addColumn('id_copy_attachment_id', 'text', (c) => c.references('sales_attachments.id'))
    .addColumn('identity_verified_by', 'text', (c) => c.references('users.id'))
    .addColumn('identity_verified_at', 'text')
    .addColumn('customer_signature', 'text')
    .addColumn('customer_signed_at', 'text')
    .addColumn('consultant_signature', 'text')
    .addColumn('consultant_signed_by', 'text', (c) => c.references('users.id'))
    .addColumn('consultant_signed_at', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('share_token_hash', 'text')
    .addColumn('amend_reason', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('cancel_note', 'text')
    .addColumn('cancelled_by', 'text', (c) => c.references('users.id'))
    .addColumn('cancelled_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contracts_deal_version_idx')
    .unique()
    .on('contracts')
    .columns(['deal_id', 'version_no'])
    .execute();
  await db.schema.createIndex('contracts_share_idx').on('contracts').column('share_token_hash').execute();
  await db.schema
    .createIndex('contracts_store_created_idx')
    .on('contracts')
    .columns(['store_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('contracts_group_created_idx')
    .on('contracts')
    .columns(['group_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // recorded | confirmed | rejected
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('confirmed_by', 'text', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'text')
    .addColumn('rejection_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('payments_deal_idx')
    .on('payments')
    .columns(['deal_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('payments_store_status_idx')
    .on('payments')
    .columns(['store_id', 'status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('payments_store_created_idx')
    .on('payments')
    .columns(['store_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('payments_group_created_idx')
    .on('payments')
    .columns(['group_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('payments_group_status_idx')
    .on('payments')
    .columns(['group_id', 'status', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // cancellation | overpayment
    .addColumn('status', 'text', (c) => c.notNull()) // pending | paid
    .addColumn('method', 'text')
    .addColumn('reference', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('paid_by', 'text', (c) => c.references('users.id'))
    .addColumn('paid_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('refunds_deal_idx').on('refunds').column('deal_id').execute();
  await db.schema
    .createIndex('refunds_store_created_idx')
    .on('refunds')
    .columns(['store_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('refunds_group_created_idx')
    .on('refunds')
    .columns(['group_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('refunds_status_idx')
    .on('refunds')
    .columns(['group_id', 'status', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('live_deal_id', 'text', (c) => c.unique())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // blue | red
    .addColumn('status', 'text', (c) => c.notNull()) // draft | issued | voided | reversed
    .addColumn('original_invoice_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('buyer_tax_id_enc', 'text', (c) => c.notNull())
    .addColumn('total_incl_vat', 'bigint', (c) => c.notNull())
    .addColumn('vat', 'bigint', (c) => c.notNull())
    .addColumn('price_excl_vat', 'bigint', (c) => c.notNull())
    .addColumn('vat_rate_percent', 'integer', (c) => c.notNull())
    .addColumn('invoice_code', 'text')
    .addColumn('invoice_no', 'text')
    .addColumn('issue_date', 'text')
    .addColumn('issued_by', 'text', (c) => c.references('users.id'))
    .addColumn('void_reason', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('submission_status', 'text', (c) => c.notNull()) // none | pending | sent | failed
    .addColumn('submission_ref', 'text')
    .addColumn('submission_error', 'text')
    .addColumn('submission_attempts', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invoices_deal_idx').on('invoices').column('deal_id').execute();
  await db.schema
    .createIndex('invoices_store_created_idx')
    .on('invoices')
    .columns(['store_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('invoices_group_created_idx')
    .on('invoices')
    .columns(['group_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('invoices_status_idx')
    .on('invoices')
    .columns(['group_id', 'status', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('live_deal_id', 'text', (c) => c.unique())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // scheduled | completed | cancelled
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('pdi_json', 'text', (c) => c.notNull())
    .addColumn('documents_json', 'text', (c) => c.notNull())
    .addColumn('keys_expected', 'integer', (c) => c.notNull())
    .addColumn('keys_handed', 'integer', (c) => c.notNull())
    .addColumn('compensation_rate_ppm', 'integer')
    .addColumn('ceremony_notes', 'text')
    .addColumn('customer_signature', 'text')
    .addColumn('customer_signed_at', 'text')
    .addColumn('registration_status', 'text', (c) => c.notNull())
    .addColumn('plate_no', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deliveries_deal_idx').on('deliveries').column('deal_id').execute();
  await db.schema
    .createIndex('deliveries_store_scheduled_idx')
    .on('deliveries')
    .columns(['store_id', 'scheduled_at', 'id'])
    .execute();
  await db.schema
    .createIndex('deliveries_group_scheduled_idx')
    .on('deliveries')
    .columns(['group_id', 'scheduled_at', 'id'])
    .execute();
  await db.schema
    .createIndex('deliveries_status_idx')
    .on('deliveries')
    .columns(['group_id', 'status', 'scheduled_at', 'id'])
    .execute();

  await db.schema
    .createTable('deal_commissions')
    .addColumn('deal_id', 'text', (c) => c.primaryKey().references('deals.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('consultant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('delivered_on', 'text', (c) => c.notNull())
    .addColumn('front_gross', 'bigint')
    .addColumn('back_gross', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('deal_commissions_store_idx')
    .on('deal_commissions')
    .columns(['store_id', 'delivered_on', 'deal_id'])
    .execute();
  await db.schema
    .createIndex('deal_commissions_group_idx')
    .on('deal_commissions')
    .columns(['group_id', 'delivered_on', 'deal_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'deal_commissions',
    'deliveries',
    'invoices',
    'refunds',
    'payments',
    'contracts',
    'sales_attachments',
    'deal_lines',
    'deals',
    'sales_settings',
  ])
    await db.schema.dropTable(t).execute();
}
