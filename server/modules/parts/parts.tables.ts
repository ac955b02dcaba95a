interface Stamps {
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PartsTable extends Stamps {
  id: string;
  group_id: string;
  part_no: string;
  name: string;
  name_en: string;
  brand: string | null;
  category: string;
  class: string;
  origin: string;
  unit: string;
  list_price: number;
  standard_cost: number;
  superseded_by_id: string | null;
  active: number;
}

export interface PartBarcodesTable {
  group_id: string;
  barcode: string;
  part_id: string;
}

export interface PartFitmentsTable {
  part_id: string;
  model_id: string;
  trim_id: string | null;
}

export interface PartStockTable extends Stamps {
  id: string;
  group_id: string;
  store_id: string;
  part_id: string;
  on_hand: number;
  reserved: number;
  stock_value: number;
  bin: string | null;
  min_qty: number | null;
  max_qty: number | null;
  lead_time_days: number | null;
}

export interface StockMovementsTable {
  id: string;
  group_id: string;
  store_id: string;
  part_id: string;
  type: string;
  qty: number;
  unit_cost: number;
  total_cost: number;
  on_hand_after: number;
  value_after: number;
  reason: string | null;
  ref_type: string | null;
  ref_id: string | null;
  actor_id: string | null;
  at: string;
}

export interface PartReservationsTable extends Stamps {
  id: string;
  group_id: string;
  store_id: string;
  part_id: string;
  qty: number;
  ref_type: string;
  ref_id: string;
  status: string;
}

export interface SuppliersTable extends Stamps {
  id: string;
  group_id: string;
  store_id: string;
  code: string;
  name: string;
  uscc: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  status: string;
  lead_time_days: number;
  manual_quality: number | null;
  manual_service: number | null;
  contract_no: string | null;
  contract_until: string | null;
  note: string | null;
}

export interface SupplierCertificatesTable {
  id: string;
  supplier_id: string;
  kind: string;
  number: string;
  valid_until: string;
}

export interface PurchaseOrdersTable extends Stamps {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  supplier_id: string;
  status: string;
  total: number;
  expected_on: string | null;
  note: string | null;
  created_by: string | null;
  approved_by: string | null;
  approved_at: string | null;
  sent_at: string | null;
  confirmed_at: string | null;
}

export interface PurchaseOrderLinesTable {
  id: string;
  purchase_order_id: string;
  line_no: number;
  part_id: string;
  qty: number;
  unit_price: number;
  received_qty: number;
  accepted_qty: number;
  rejected_qty: number;
}

export interface GoodsReceiptsTable extends Stamps {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  purchase_order_id: string;
  supplier_id: string;
  status: string;
  received_on: string;
  on_time: number | null;
  delivery_note: string | null;
  received_by: string | null;
  inspected_by: string | null;
  inspected_at: string | null;
}

export interface GoodsReceiptLinesTable {
  id: string;
  goods_receipt_id: string;
  po_line_id: string;
  part_id: string;
  qty: number;
  unit_price: number;
  accepted_qty: number | null;
  rejected_qty: number | null;
  reject_reason: string | null;
  photos: string;
}

export interface SupplierQualityIssuesTable extends Stamps {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  supplier_id: string;
  goods_receipt_id: string;
  part_id: string;
  qty: number;
  reason: string;
  photos: string;
  status: string;
  resolution: string | null;
  claim_amount: number | null;
  resolution_note: string | null;
  resolved_at: string | null;
}

export interface SupplierQualityActionsTable {
  id: string;
  issue_id: string;
  description: string;
  owner_id: string;
  due_on: string;
  created_at: string;
}

export interface StocktakesTable extends Stamps {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  scope: string;
  scope_value: string | null;
  blind: number;
  status: string;
  created_by: string | null;
  approved_by: string | null;
  posted_at: string | null;
}

export interface StocktakeLinesTable {
  id: string;
  stocktake_id: string;
  part_id: string;
  bin: string | null;
  expected_qty: number;
  counted_qty: number | null;
  counted_by: string | null;
  counted_at: string | null;
}

export interface PartsOrdersTable extends Stamps {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  channel: string;
  status: string;
  customer_id: string | null;
  customer_name: string | null;
  to_store_id: string | null;
  ship_to: string | null;
  total: number;
  carrier: string | null;
  tracking_no: string | null;
  signed_by: string | null;
  signed_at: string | null;
  note: string | null;
  created_by: string | null;
}

export interface PartsOrderLinesTable {
  id: string;
  order_id: string;
  line_no: number;
  part_id: string;
  qty: number;
  unit_price: number;
  picked_qty: number;
  picked_cost: number | null;
  received_qty: number | null;
  condition: string | null;
}

export interface PartsOrderPackagesTable {
  id: string;
  order_id: string;
  package_no: number;
  weight_g: number;
  line_ids: string;
}

export interface PartsOrderExceptionsTable {
  id: string;
  order_id: string;
  line_id: string | null;
  type: string;
  qty: number;
  note: string | null;
  status: string;
  resolution: string | null;
  follow_up: string | null;
  raised_by: string | null;
  raised_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

export interface PartsPurchasePlansTable extends Stamps {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  status: string;
  note: string | null;
  purchase_order_id: string | null;
  created_by: string | null;
}

export interface PartsPurchasePlanLinesTable {
  id: string;
  plan_id: string;
  line_no: number;
  part_id: string;
  qty: number;
  unit_price: number;
  reason: string | null;
}

export interface PartsTables {
  parts: PartsTable;
  part_barcodes: PartBarcodesTable;
  part_fitments: PartFitmentsTable;
  part_stock: PartStockTable;
  stock_movements: StockMovementsTable;
  part_reservations: PartReservationsTable;
  suppliers: SuppliersTable;
  supplier_certificates: SupplierCertificatesTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  goods_receipts: GoodsReceiptsTable;
  goods_receipt_lines: GoodsReceiptLinesTable;
  supplier_quality_issues: SupplierQualityIssuesTable;
  supplier_quality_actions: SupplierQualityActionsTable;
  stocktakes: StocktakesTable;
  stocktake_lines: StocktakeLinesTable;
  parts_orders: PartsOrdersTable;
  parts_order_lines: PartsOrderLinesTable;
  parts_order_packages: PartsOrderPackagesTable;
  parts_order_exceptions: PartsOrderExceptionsTable;
  parts_purchase_plans: PartsPurchasePlansTable;
  parts_purchase_plan_lines: PartsPurchasePlanLinesTable;
}
