export interface CustomersTable {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  type: string;
  name: string;
  name_search: string;
  id_doc_type: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  company_code: string | null;
  email: string | null;
  address: string | null;
  employer: string | null;
  preferred_channel: string | null;
  preferred_time: string | null;
  tags: string;
  owner_id: string | null;
  note: string | null;
  status: string;
  merged_into: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CustomerMobilesTable {
  id: string;
  group_id: string;
  customer_id: string;
  mobile: string;
  mobile_last4: string;
  is_primary: number;
  position: number;
  created_at: string;
}

export interface CustomerConsentsTable {
  customer_id: string;
  channel: string;
  granted: number;
  source: string;
  recorded_at: string;
  recorded_by: string | null;
}

export interface CustomerVehiclesTable {
  id: string;
  group_id: string;
  store_id: string;
  customer_id: string;
  vin: string;
  vin_last6: string;
  plate: string | null;
  trim_id: string | null;
  brand_name: string | null;
  model_name: string | null;
  model_year: number | null;
  purchase_date: string | null;
  last_mileage_km: number | null;
  last_mileage_at: string | null;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CustomerMileageReadingsTable {
  id: string;
  customer_vehicle_id: string;
  km: number;
  read_at: string;
  reason: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface CustomerTimelineTable {
  id: string;
  group_id: string;
  store_id: string | null;
  customer_id: string;
  at: string;
  type: string;
  entity: string;
  entity_id: string;
  actor_id: string | null;
  data_json: string;
}

export interface CrmTables {
  customers: CustomersTable;
  customer_mobiles: CustomerMobilesTable;
  customer_consents: CustomerConsentsTable;
  customer_vehicles: CustomerVehiclesTable;
  customer_mileage_readings: CustomerMileageReadingsTable;
  customer_timeline: CustomerTimelineTable;
}
