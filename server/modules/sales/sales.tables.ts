/** The sales module's tables (migration 0012-sales). Money in 分. */
export interface SalesSettingsTable {
  store_id: string;
  group_id: string;
  settings_json: string;
  version: number;
  updated_at: string;
}

export interface DealsTable {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  customer_id: string;
  lead_id: string | null;
  consultant_id: string;
  vehicle_id: string | null;
  trim_id: string;
  exterior_colour_id: string | null;
  energy: string;
  display_price: number;
  vehicle_price: number;
  discount: number;
  due_to_dealer: number;
  trade_in_json: string | null;
  payment_kind: string;
  loan_json: string | null;
  expected_purchase_date: string;
  notes: string | null;
  status: string;
  approval_requested_by: string | null;
  approval_requested_at: string | null;
  approval_decided_by: string | null;
  approval_decided_at: string | null;
  approval_decision: string | null;
  approval_note: string | null;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DealLinesTable {
  id: string;
  deal_id: string;
  kind: string;
  ref: string;
  name: string;
  display_price: number | null;
  price: number;
  accepted: number;
  position: number;
}

export interface SalesAttachmentsTable {
  id: string;
  group_id: string;
  store_id: string;
  deal_id: string;
  purpose: string;
  mime: string;
  file_name: string | null;
  size: number;
  data_base64: string;
  uploaded_by: string;
  created_at: string;
}

export interface ContractsTable {
  id: string;
  group_id: string;
  store_id: string;
  deal_id: string;
  number: string;
  version_no: number;
  previous_contract_id: string | null;
  status: string;
  language: string;
  vin: string;
  active_vin: string | null;
  terms_json: string;
  buyer_kind: string;
  buyer_name: string;
  buyer_document_type: string;
  buyer_document_enc: string;
  buyer_mobile_enc: string;
  buyer_address: string;
  buyer_employer: string;
  id_copy_attachment_id: string | null;
  identity_verified_by: string | null;
  identity_verified_at: string | null;
  customer_signature: string | null;
  customer_signed_at: string | null;
  consultant_signature: string | null;
  consultant_signed_by: string | null;
  consultant_signed_at: string | null;
  signed_at: string | null;
  share_token_hash: string | null;
  amend_reason: string | null;
  cancel_reason: string | null;
  cancel_note: string | null;
  cancelled_by: string | null;
  cancelled_at: string | null;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PaymentsTable {
  id: string;
  group_id: string;
  store_id: string;
  deal_id: string;
  number: string;
  kind: string;
  method: string;
  amount: number;
  reference: string | null;
  status: string;
  received_at: string;
  recorded_by: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
  rejection_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RefundsTable {
  id: string;
  group_id: string;
  store_id: string;
  deal_id: string;
  number: string;
  amount: number;
  reason: string;
  source: string;
  status: string;
  method: string | null;
  reference: string | null;
  created_by: string;
  paid_by: string | null;
  paid_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InvoicesTable {
  id: string;
  group_id: string;
  store_id: string;
  deal_id: string;
  live_deal_id: string | null;
  number: string;
  kind: string;
  status: string;
  original_invoice_id: string | null;
  data_json: string;
  buyer_tax_id_enc: string;
  total_incl_vat: number;
  vat: number;
  price_excl_vat: number;
  vat_rate_percent: number;
  invoice_code: string | null;
  invoice_no: string | null;
  issue_date: string | null;
  issued_by: string | null;
  void_reason: string | null;
  voided_at: string | null;
  submission_status: string;
  submission_ref: string | null;
  submission_error: string | null;
  submission_attempts: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DeliveriesTable {
  id: string;
  group_id: string;
  store_id: string;
  deal_id: string;
  live_deal_id: string | null;
  number: string;
  status: string;
  scheduled_at: string;
  place: string;
  pdi_json: string;
  documents_json: string;
  keys_expected: number;
  keys_handed: number;
  compensation_rate_ppm: number | null;
  ceremony_notes: string | null;
  customer_signature: string | null;
  customer_signed_at: string | null;
  registration_status: string;
  plate_no: string | null;
  completed_at: string | null;
  completed_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DealCommissionsTable {
  deal_id: string;
  group_id: string;
  store_id: string;
  consultant_id: string;
  delivered_on: string;
  front_gross: number | null;
  back_gross: number;
  created_at: string;
}

export interface SalesTables {
  sales_settings: SalesSettingsTable;
  deals: DealsTable;
  deal_lines: DealLinesTable;
  sales_attachments: SalesAttachmentsTable;
  contracts: ContractsTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  invoices: InvoicesTable;
  deliveries: DeliveriesTable;
  deal_commissions: DealCommissionsTable;
}
