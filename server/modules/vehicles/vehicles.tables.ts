export interface VehiclesTable {
  id: string;
  group_id: string;
  store_id: string;
  vin: string;
  trim_id: string;
  exterior_colour_id: string | null;
  interior_colour_id: string | null;
  engine_no: string | null;
  coc_no: string | null;
  production_date: string | null;
  model_year: number | null;
  purchase_cost: number | null;
  holding_cost_per_day: number | null;
  supplier_ref: string | null;
  location: string;
  location_note: string | null;
  status: string;
  arrived_on: string | null;
  reserved_deal_id: string | null;
  reserved_by: string | null;
  reserved_until: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface VehicleOptionsTable {
  vehicle_id: string;
  option_id: string;
}

export interface VehicleTransfersTable {
  id: string;
  group_id: string;
  number: string;
  vehicle_id: string;
  from_store_id: string;
  to_store_id: string;
  status: string;
  note: string | null;
  sent_by: string;
  sent_at: string;
  received_by: string | null;
  received_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ShowroomPlansTable {
  id: string;
  group_id: string;
  store_id: string;
  name: string;
  effective_from: string;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ShowroomSlotsTable {
  id: string;
  plan_id: string;
  slot: string;
  vehicle_id: string | null;
  trim_id: string;
  tags: string;
}

export interface VehiclesTables {
  vehicles: VehiclesTable;
  vehicle_options: VehicleOptionsTable;
  vehicle_transfers: VehicleTransfersTable;
  showroom_plans: ShowroomPlansTable;
  showroom_slots: ShowroomSlotsTable;
}
