import type { DbOrTrx } from '../../db/database';

/**
 * Read-only looks at the catalogue and the stock that a recommendation needs (like the catalogue's own
 * look at the vehicles table): the group's trims with model, brand and features, and a store's stock.
 */
export async function knownBrandIds(db: DbOrTrx, groupId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('brands')
    .select('id')
    .where('group_id', '=', groupId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Vehicles a customer could drive away or test: in stock or demo cars, counted per trim. */
export async function stockByTrim(db: DbOrTrx, storeId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('vehicles')
    .select(['trim_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('store_id', '=', storeId)
    .where('status', 'in', ['in_stock', 'demo'])
    .groupBy('trim_id')
    .execute();
  return new Map(rows.map((r) => [r.trim_id, Number(r.n)]));
}

export interface TrimFacts {
  id: string;
  code: string;
  name: string;
  name_en: string;
  model_id: string;
  model_name: string;
  model_name_en: string;
  brand_id: string;
  brand_name: string;
  brand_name_en: string;
  body_type: string;
  seats: number;
  energy: string;
  range_km: number | null;
  active: number;
  features: string[];
}

/** Trims of the group by id with their model, brand and feature keys. */
export async function trimFacts(db: DbOrTrx, groupId: string, ids: string[]): Promise<TrimFacts[]> {
  const unique = [...new Set(ids)];
  const out: TrimFacts[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = await db
      .selectFrom('trims')
      .innerJoin('models', 'models.id', 'trims.model_id')
      .innerJoin('brands', 'brands.id', 'models.brand_id')
      .select([
        'trims.id',
        'trims.code',
        'trims.name',
        'trims.name_en',
        'trims.model_id',
        'models.name as model_name',
        'models.name_en as model_name_en',
        'brands.id as brand_id',
        'brands.name as brand_name',
        'brands.name_en as brand_name_en',
        'trims.body_type',
        'trims.seats',
        'trims.energy',
        'trims.range_km',
        'trims.active',
      ])
      .where('trims.group_id', '=', groupId)
      .where('trims.id', 'in', chunk)
      .orderBy('trims.id')
      .execute();
    const features = await db
      .selectFrom('trim_features')
      .select(['trim_id', 'feature'])
      .where('trim_id', 'in', chunk)
      .orderBy('feature')
      .execute();
    for (const r of rows)
      out.push({ ...r, features: features.filter((f) => f.trim_id === r.id).map((f) => f.feature) });
  }
  return out;
}

/** Catalogue options of the group by id (kind, model, names) for a purchase plan's lines. */
export function optionFacts(db: DbOrTrx, groupId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('catalog_options')
    .select(['id', 'kind', 'code', 'name', 'name_en', 'model_id', 'active'])
    .where('group_id', '=', groupId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
