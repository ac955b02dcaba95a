/**
 * Every table in foreign-key order (parents first). Backup writes and restore inserts in this order;
 * a test checks it names every table the migrations create.
 */
export const tablesInOrder = [
  'dealer_groups',
  'stores',
  'users',
  'user_store_roles',
  'sessions',
  'api_tokens',
  'webhooks',
  'counters',
  'audit_log',
  'jobs',
  'idempotency_keys',
  'login_failures',
] as const;
