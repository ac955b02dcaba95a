import type { FeatureKey } from '../../../common/catalog/catalog.enums';
import type { DbOrTrx, Dialect } from '../../db/database';
import { containsInsensitive } from '../../db/dialect-sql';
import type { TrimsTable } from './catalog.tables';

export type TrimRow = TrimsTable;
/** A trim row with its model's brand (the API shows both). */
export type TrimWithBrand = TrimRow & { brand_id: string };

export async function insertTrim(db: DbOrTrx, row: TrimRow) {
  await db.insertInto('trims').values(row).execute();
}

export function findTrimRow(db: DbOrTrx, id: string): Promise<TrimWithBrand | undefined> {
  return db
    .selectFrom('trims')
    .innerJoin('models', 'models.id', 'trims.model_id')
    .selectAll('trims')
    .select('models.brand_id')
    .where('trims.id', '=', id)
    .executeTakeFirst();
}

export function findTrimRows(db: DbOrTrx, groupId: string, ids: string[]): Promise<TrimWithBrand[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('trims')
    .innerJoin('models', 'models.id', 'trims.model_id')
    .selectAll('trims')
    .select('models.brand_id')
    .where('trims.group_id', '=', groupId)
    .where('trims.id', 'in', ids)
    .execute();
}

/** Full trim rows by code within a group (the import upserts by code). */
export async function findTrimsByCode(db: DbOrTrx, groupId: string, codes: string[]) {
  const map = new Map<string, TrimRow>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('trims')
      .selectAll()
      .where('group_id', '=', groupId)
      .where('code', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) map.set(r.code, r);
  }
  return map;
}

/** Writes the changed fields if the row is still at `version`; false when someone got there first. */
export async function updateTrimRow(db: DbOrTrx, id: string, version: number, changes: Partial<TrimRow>) {
  const res = await db
    .updateTable('trims')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface TrimFilters {
  q?: string;
  brandId?: string;
  modelId?: string;
  energies?: string[];
  nev?: boolean;
  bodyTypes?: string[];
  drivetrains?: string[];
  seatsMin?: number;
  seatsMax?: number;
  powerKwMin?: number;
  rangeKmMin?: number;
  /** The trim has ALL of these. */
  features?: FeatureKey[];
  active?: boolean;
}

/** The group's trims matching every filter given (attributes as columns, features as rows). */
export function trimFilterQuery(db: DbOrTrx, dialect: Dialect, groupId: string, f: TrimFilters) {
  let q = db
    .selectFrom('trims')
    .innerJoin('models', 'models.id', 'trims.model_id')
    .selectAll('trims')
    .select('models.brand_id')
    .where('trims.group_id', '=', groupId);
  if (f.brandId) q = q.where('models.brand_id', '=', f.brandId);
  if (f.modelId) q = q.where('trims.model_id', '=', f.modelId);
  if (f.energies?.length) q = q.where('trims.energy', 'in', f.energies);
  if (f.nev !== undefined) q = q.where('trims.is_nev', '=', f.nev ? 1 : 0);
  if (f.bodyTypes?.length) q = q.where('trims.body_type', 'in', f.bodyTypes);
  if (f.drivetrains?.length) q = q.where('trims.drivetrain', 'in', f.drivetrains);
  if (f.seatsMin !== undefined) q = q.where('trims.seats', '>=', f.seatsMin);
  if (f.seatsMax !== undefined) q = q.where('trims.seats', '<=', f.seatsMax);
  if (f.powerKwMin !== undefined) q = q.where('trims.power_kw', '>=', f.powerKwMin);
  if (f.rangeKmMin !== undefined) q = q.where('trims.range_km', '>=', f.rangeKmMin);
  if (f.active !== undefined) q = q.where('trims.active', '=', f.active ? 1 : 0);
  const features = f.features;
  if (features?.length) {
    // ALL of the features: the trims that have as many of the listed keys as were asked for
    q = q.where('trims.id', 'in', (eb) =>
      eb
        .selectFrom('trim_features')
        .select('trim_features.trim_id')
        .where('trim_features.feature', 'in', features)
        .groupBy('trim_features.trim_id')
        .having((h) => h.fn.countAll(), '=', features.length),
    );
  }
  if (f.q) {
    const needle = f.q;
    q = q.where((eb) =>
      eb.or([
        containsInsensitive(dialect, 'trims.code', needle),
        containsInsensitive(dialect, 'trims.name', needle),
        containsInsensitive(dialect, 'trims.name_en', needle),
        containsInsensitive(dialect, 'models.name', needle),
        containsInsensitive(dialect, 'models.name_en', needle),
      ]),
    );
  }
  return q;
}
