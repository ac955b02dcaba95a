export interface BrandsTable {
  id: string;
  group_id: string;
  code: string;
  name: string;
  name_en: string;
  country: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ModelsTable {
  id: string;
  group_id: string;
  brand_id: string;
  code: string;
  name: string;
  name_en: string;
  segment: string | null;
  three_guarantee_months: number;
  three_guarantee_km: number;
  warranty_months: number;
  warranty_km: number;
  compensation_rate_ppm: number;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TrimsTable {
  id: string;
  group_id: string;
  model_id: string;
  code: string;
  name: string;
  name_en: string;
  model_year: number;
  body_type: string;
  seats: number;
  energy: string;
  is_nev: number;
  drivetrain: string;
  transmission: string;
  power_kw: number;
  torque_nm: number | null;
  displacement_ml: number | null;
  battery_wh: number | null;
  range_km: number | null;
  fuel_l_per_100km_x10: number | null;
  length_mm: number | null;
  wheelbase_mm: number | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TrimFeaturesTable {
  trim_id: string;
  feature: string;
}

export interface TrimColoursTable {
  id: string;
  trim_id: string;
  kind: string;
  code: string;
  name: string;
  name_en: string;
  hex: string | null;
}

export interface CatalogOptionsTable {
  id: string;
  group_id: string;
  model_id: string | null;
  kind: string;
  code: string;
  name: string;
  name_en: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TrimMediaTable {
  id: string;
  trim_id: string;
  kind: string;
  url: string;
  title: string;
  sort: number;
  created_at: string;
}

export interface PriceListsTable {
  id: string;
  store_id: string;
  name: string;
  effective_from: string;
  effective_to: string | null;
  status: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PriceListItemsTable {
  id: string;
  price_list_id: string;
  item_kind: string;
  item_ref: string;
  name: string | null;
  guide_price: number | null;
  display_price: number;
}

export interface CatalogTables {
  brands: BrandsTable;
  models: ModelsTable;
  trims: TrimsTable;
  trim_features: TrimFeaturesTable;
  trim_colours: TrimColoursTable;
  catalog_options: CatalogOptionsTable;
  trim_media: TrimMediaTable;
  price_lists: PriceListsTable;
  price_list_items: PriceListItemsTable;
}
