import type { Generated } from 'kysely';

export interface CountersTable {
  scope: string;
  prefix: string;
  year: number;
  value: number;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  store_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export interface JobsTable {
  id: string;
  type: string;
  payload_json: string;
  store_id: string | null;
  status: 'pending' | 'running' | 'done' | 'dead';
  attempts: Generated<number>;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface IdempotencyKeysTable {
  actor_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number;
  response_json: string;
  location: string | null;
  created_at: string;
}

export interface LoginFailuresTable {
  key: string;
  window_start: string;
  count: number;
}

export interface PlatformTables {
  counters: CountersTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  idempotency_keys: IdempotencyKeysTable;
  login_failures: LoginFailuresTable;
}
