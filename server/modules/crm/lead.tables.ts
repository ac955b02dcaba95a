/** The crm module's lead tables: leads, each store's lead rules, and the alerts inbox. */
export interface LeadsTable {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  customer_id: string;
  source: string;
  campaign_ref: string | null;
  referred_by: string | null;
  model_id: string | null;
  trim_id: string | null;
  interest: string | null;
  status: string;
  lost_reason: string | null;
  lost_note: string | null;
  owner_id: string | null;
  assigned_at: string | null;
  sla_due_at: string | null;
  first_contacted_at: string | null;
  sla_breached_at: string | null;
  status_changed_at: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LeadSettingsTable {
  store_id: string;
  group_id: string;
  sla_minutes: number;
  assignment: string;
  round_robin_counter: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AlertsTable {
  id: string;
  group_id: string;
  store_id: string;
  kind: string;
  recipient_id: string | null;
  recipient_role: string | null;
  entity: string;
  entity_id: string;
  params_json: string;
  dedupe_key: string;
  resolved_at: string | null;
  resolved_by: string | null;
  version: number;
  created_at: string;
}

export interface LeadTables {
  leads: LeadsTable;
  lead_settings: LeadSettingsTable;
  alerts: AlertsTable;
}
