/**
 * The crm module's needs tables (H3.2, H3.3): the lead's needs analysis, one immutable row per version,
 * and the personalised purchase plans with their 1–3 alternatives (prices as quoted, kept).
 */
export interface NeedsAnalysesTable {
  id: string;
  group_id: string;
  store_id: string;
  lead_id: string;
  customer_id: string;
  /** 1, 2, 3 … per lead; unique with lead_id (two saves of the same version: one wins, one 409). */
  version: number;
  answers_json: string;
  created_by: string | null;
  created_at: string;
}

export interface PurchasePlansTable {
  id: string;
  group_id: string;
  store_id: string;
  number: string;
  lead_id: string;
  customer_id: string;
  needs_analysis_id: string | null;
  language: string;
  price_date: string;
  price_list_id: string;
  payment_json: string;
  note: string | null;
  /** SHA-256 of the share token (the token is derived from the secret key and share_nonce). */
  share_token_hash: string;
  share_nonce: string;
  share_expires_at: string;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PurchasePlanItemsTable {
  id: string;
  plan_id: string;
  position: number;
  trim_id: string;
  trim_code: string;
  trim_name: string;
  trim_name_en: string;
  model_name: string;
  model_name_en: string;
  brand_name: string;
  brand_name_en: string;
  energy: string;
  guide_price: number | null;
  display_price: number;
  /** The options and accessories as priced that day: [{optionId, kind, code, name, nameEn, price}]. */
  options_json: string;
  /** The recommendation's reasons for this trim against the plan's needs analysis ([] without one). */
  reasons_json: string;
}

export interface NeedsTables {
  needs_analyses: NeedsAnalysesTable;
  purchase_plans: PurchasePlansTable;
  purchase_plan_items: PurchasePlanItemsTable;
}
