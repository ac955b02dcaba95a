export interface DealerGroupsTable {
  id: string;
  name: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StoresTable {
  id: string;
  group_id: string;
  code: string;
  name: string;
  timezone: string;
  currency: string;
  address: string | null;
  tax_id: string | null;
  active: number; // 0/1: portable boolean
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  group_id: string;
  username: string;
  display_name: string;
  staff_no: string;
  phone: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  password_hash: string;
  language: string;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UserStoreRolesTable {
  user_id: string;
  store_id: string;
  role: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface IdentityTables {
  dealer_groups: DealerGroupsTable;
  stores: StoresTable;
  users: UsersTable;
  user_store_roles: UserStoreRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}
