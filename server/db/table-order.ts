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
  'brands',
  'models',
  'trims',
  'trim_features',
  'trim_colours',
  'catalog_options',
  'trim_media',
  'price_lists',
  'price_list_items',
  'vehicles',
  'vehicle_options',
  'vehicle_transfers',
  'showroom_plans',
  'showroom_slots',
  'counters',
  'audit_log',
  'jobs',
  'idempotency_keys',
  'login_failures',
] as const;
