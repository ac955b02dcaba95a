/** The service module's tables (migration 0014-service). */
interface Stamped {
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WorkshopSettingsTable extends Stamped {
  store_id: string;
  group_id: string;
  labour_rate: number;
  opens_at: string;
  closes_at: string;
  open_days: string;
  slot_minutes: number;
  first_response_minutes: number;
  follow_up_days: number;
}

export interface WorkshopBaysTable extends Stamped {
  id: string;
  group_id: string;
  store_id: string;
  code: string;
  name: string;
  skills_json: string;
  active: number;
}

export interface WorkshopTechniciansTable extends Stamped {
  id: string;
  group_id: string;
  store_id: string;
  user_id: string;
  skills_json: string;
  active: number;
}

export interface LaborOperationsTable extends Stamped {
  id: string;
  group_id: string;
  store_id: string;
  code: string;
  name: string;
  hours_centi: number;
  skill: string | null;
  active: number;
}

export interface ServiceCampaignsTable extends Stamped {
  id: string;
  group_id: string;
  code: string;
  title: string;
  kind: string;
  description: string | null;
  vin_from: string | null;
  vin_to: string | null;
  starts_on: string;
  ends_on: string | null;
  status: string;
}

export interface ServiceCampaignVinsTable {
  campaign_id: string;
  vin: string;
}

export interface ServiceRequestsTable extends Stamped {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  customer_id: string;
  customer_vehicle_id: string | null;
  channel: string;
  category: string;
  urgency: string;
  description: string;
  status: string;
  response_due_at: string;
  responded_at: string | null;
  responded_by: string | null;
  response_note: string | null;
  sla_missed_at: string | null;
  created_by: string | null;
}

export interface ServiceBookingsTable extends Stamped {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  customer_id: string;
  customer_vehicle_id: string;
  service_request_id: string | null;
  labor_operation_id: string | null;
  skill: string | null;
  start_at: string;
  end_at: string;
  bay_id: string;
  technician_id: string;
  status: string;
  note: string | null;
  pickup_address: string | null;
  pickup_driver: string | null;
  pickup_at: string | null;
  pickup_status: string;
  loaner_car: string | null;
  created_by: string | null;
}

export interface ServiceBookingSlotsTable {
  resource_id: string;
  slot_at: string;
  booking_id: string;
  store_id: string;
}

export interface RepairOrdersTable extends Stamped {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  customer_id: string;
  customer_vehicle_id: string;
  vin: string;
  plate: string | null;
  vehicle_name: string | null;
  booking_id: string | null;
  service_request_id: string | null;
  advisor_id: string;
  status: string;
  odometer_km: number;
  fuel_percent: number | null;
  damage_notes: string | null;
  photos_json: string;
  valuables: string | null;
  customer_concern: string;
  campaigns_json: string;
  findings: string | null;
  fault_codes_json: string;
  diagnosed_by: string | null;
  diagnosed_at: string | null;
  qc_checklist_json: string | null;
  qc_by: string | null;
  qc_at: string | null;
  handover_signer: string | null;
  handover_signature: string | null;
  delivered_at: string | null;
  settled_at: string | null;
  settled_by: string | null;
  invoice_number: string | null;
  labour_total: number;
  parts_total: number;
  sublet_total: number;
  customer_total: number;
  warranty_total: number;
  insurance_total: number;
  insurer_name: string | null;
  next_service_date: string | null;
  next_service_km: number | null;
  follow_up_task_id: string | null;
  satisfaction: number | null;
  follow_up_note: string | null;
  retain_until: string | null;
  cancel_reason: string | null;
  checked_in_at: string;
  closed_at: string | null;
  created_by: string | null;
}

export interface RepairOrderLinesTable extends Stamped {
  id: string;
  repair_order_id: string;
  store_id: string;
  kind: string;
  labor_operation_id: string | null;
  description: string;
  part_number: string | null;
  quantity: number;
  unit_price: number;
  hours_centi: number;
  amount: number;
  payer: string;
  approval: string;
  decided_at: string | null;
  decided_via: string | null;
  origin: string;
  work_status: string;
  issued_qty: number;
  created_by: string | null;
}

export interface RepairOrderInspectionsTable {
  id: string;
  repair_order_id: string;
  item: string;
  rating: string;
  note: string | null;
  photos_json: string;
  created_by: string | null;
  created_at: string;
}

export interface RepairOrderApprovalsTable {
  id: string;
  repair_order_id: string;
  token_hash: string;
  line_ids_json: string;
  language: string;
  expires_at: string;
  used_at: string | null;
  signer_name: string | null;
  created_by: string | null;
  created_at: string;
}

export interface RepairOrderClocksTable {
  id: string;
  repair_order_id: string;
  line_id: string;
  technician_id: string;
  store_id: string;
  started_at: string;
  ended_at: string | null;
}

export interface RepairOrderPaymentsTable {
  id: string;
  repair_order_id: string;
  method: string;
  amount: number;
  reference: string | null;
  created_by: string | null;
  created_at: string;
}

export interface HealthRecordsTable extends Stamped {
  id: string;
  group_id: string;
  store_id: string;
  repair_order_id: string;
  status: string;
  payload_json: string;
  attempts: number;
  last_error: string | null;
  exported_at: string | null;
  export_ref: string | null;
}

export interface ServiceTables {
  workshop_settings: WorkshopSettingsTable;
  workshop_bays: WorkshopBaysTable;
  workshop_technicians: WorkshopTechniciansTable;
  labor_operations: LaborOperationsTable;
  service_campaigns: ServiceCampaignsTable;
  service_campaign_vins: ServiceCampaignVinsTable;
  service_requests: ServiceRequestsTable;
  service_bookings: ServiceBookingsTable;
  service_booking_slots: ServiceBookingSlotsTable;
  repair_orders: RepairOrdersTable;
  repair_order_lines: RepairOrderLinesTable;
  repair_order_inspections: RepairOrderInspectionsTable;
  repair_order_approvals: RepairOrderApprovalsTable;
  repair_order_clocks: RepairOrderClocksTable;
  repair_order_payments: RepairOrderPaymentsTable;
  health_records: HealthRecordsTable;
}
