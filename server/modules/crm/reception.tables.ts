/** The crm module's showroom-reception tables: appointments, receptions, test drives, notifications. */
export interface AppointmentsTable {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  customer_id: string;
  lead_id: string | null;
  consultant_id: string | null;
  channel: string;
  scheduled_at: string;
  duration_minutes: number;
  purpose: string | null;
  trim_id: string | null;
  status: string;
  reschedule_count: number;
  confirmation_id: string | null;
  note: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReceptionsTable {
  id: string;
  group_id: string;
  store_id: string;
  customer_id: string;
  appointment_id: string | null;
  lead_id: string | null;
  consultant_id: string | null;
  kind: string;
  arrived_at: string;
  departed_at: string | null;
  party_size: number;
  impressions: string | null;
  customer_said: string | null;
  status: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TestDrivesTable {
  id: string;
  group_id: string;
  store_id: string;
  customer_id: string;
  reception_id: string | null;
  lead_id: string | null;
  vehicle_id: string;
  consultant_id: string | null;
  licence_checked_by: string | null;
  licence_checked_at: string | null;
  licence_valid_until: string | null;
  route: string | null;
  status: string;
  started_at: string | null;
  ended_at: string | null;
  start_km: number | null;
  end_km: number | null;
  feedback: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface NotificationsTable {
  id: string;
  group_id: string;
  store_id: string;
  customer_id: string | null;
  channel: string;
  recipient: string;
  template: string;
  language: string;
  body: string;
  entity: string;
  entity_id: string;
  status: string;
  created_at: string;
  handed_off_at: string | null;
}

export interface ReceptionTables {
  appointments: AppointmentsTable;
  receptions: ReceptionsTable;
  test_drives: TestDrivesTable;
  notifications: NotificationsTable;
}
