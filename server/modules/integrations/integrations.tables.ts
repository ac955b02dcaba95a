export interface WebhooksTable {
  id: string;
  group_id: string;
  url: string;
  events: string;
  secret_enc: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface IntegrationsTables {
  webhooks: WebhooksTable;
}
