import type { DbOrTrx } from '../../db/database';

/** What other modules need to know of a trim: its names, model and brand, energy and colours. */
export interface TrimSummary {
  id: string;
  groupId: string;
  modelId: string;
  code: string;
  name: string;
  nameEn: string;
  modelName: string;
  brandName: string;
  isNev: boolean;
  active: boolean;
  colours: { id: string; kind: string }[];
}

export async function findTrimSummaries(db: DbOrTrx, ids: string[]): Promise<Map<string, TrimSummary>> {
  const map = new Map<string, TrimSummary>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return map;
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = await db
      .selectFrom('trims')
      .innerJoin('models', 'models.id', 'trims.model_id')
      .innerJoin('brands', 'brands.id', 'models.brand_id')
      .select([
        'trims.id',
        'trims.group_id',
        'trims.model_id',
        'trims.code',
        'trims.name',
        'trims.name_en',
        'trims.is_nev',
        'trims.active',
        'models.name as model_name',
        'brands.name as brand_name',
      ])
      .where('trims.id', 'in', chunk)
      .execute();
    const colours = await db
      .selectFrom('trim_colours')
      .select(['id', 'trim_id', 'kind'])
      .where('trim_id', 'in', chunk)
      .execute();
    for (const r of rows) {
      map.set(r.id, {
        id: r.id,
        groupId: r.group_id,
        modelId: r.model_id,
        code: r.code,
        name: r.name,
        nameEn: r.name_en,
        modelName: r.model_name,
        brandName: r.brand_name,
        isNev: r.is_nev === 1,
        active: r.active === 1,
        colours: colours.filter((c) => c.trim_id === r.id).map((c) => ({ id: c.id, kind: c.kind })),
      });
    }
  }
  return map;
}

/** Trim ids by code within a group (imports name trims by code). */
export async function trimIdsByCode(
  db: DbOrTrx,
  groupId: string,
  codes: string[],
): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('trims')
      .select(['id', 'code'])
      .where('group_id', '=', groupId)
      .where('code', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) map.set(r.code, r.id);
  }
  return map;
}
