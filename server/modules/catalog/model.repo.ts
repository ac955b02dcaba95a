import type { Model } from '../../../common/catalog/brand.schemas';
import type { DbOrTrx } from '../../db/database';
import type { ModelsTable } from './catalog.tables';

export type ModelRow = ModelsTable;

export const toModel = (r: ModelRow): Model => ({
  id: r.id,
  brandId: r.brand_id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  segment: r.segment,
  warranty: {
    threeGuaranteeMonths: r.three_guarantee_months,
    threeGuaranteeKm: r.three_guarantee_km,
    warrantyMonths: r.warranty_months,
    warrantyKm: r.warranty_km,
    compensationRatePpm: r.compensation_rate_ppm,
  },
  active: r.active === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function insertModel(db: DbOrTrx, row: ModelRow) {
  await db.insertInto('models').values(row).execute();
}

export function findModelRow(db: DbOrTrx, id: string) {
  return db.selectFrom('models').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findModelByCode(db: DbOrTrx, groupId: string, code: string) {
  return db
    .selectFrom('models')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Models of a group with their brand code (imports name a model by brand code + model code). */
export function modelsWithBrandCode(db: DbOrTrx, groupId: string) {
  return db
    .selectFrom('models')
    .innerJoin('brands', 'brands.id', 'models.brand_id')
    .select(['models.id', 'models.code', 'brands.code as brand_code'])
    .where('models.group_id', '=', groupId)
    .execute();
}

export function modelsOfGroup(db: DbOrTrx, groupId: string) {
  return db.selectFrom('models').selectAll().where('group_id', '=', groupId);
}

/** Writes the changed fields if the row is still at `version`; false when someone got there first. */
export async function updateModelRow(db: DbOrTrx, id: string, version: number, changes: Partial<ModelRow>) {
  const res = await db
    .updateTable('models')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
