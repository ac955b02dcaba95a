import type { CatalogOption } from '../../../common/catalog/trim.schemas';
import type { DbOrTrx } from '../../db/database';
import type { CatalogOptionsTable } from './catalog.tables';

export type OptionRow = CatalogOptionsTable;

export const toOption = (r: OptionRow): CatalogOption => ({
  id: r.id,
  modelId: r.model_id,
  kind: r.kind as CatalogOption['kind'],
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  active: r.active === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function insertOption(db: DbOrTrx, row: OptionRow) {
  await db.insertInto('catalog_options').values(row).execute();
}

export function findOptionRow(db: DbOrTrx, id: string) {
  return db.selectFrom('catalog_options').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOptionByCode(db: DbOrTrx, groupId: string, code: string) {
  return db
    .selectFrom('catalog_options')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function optionsOfGroup(db: DbOrTrx, groupId: string) {
  return db.selectFrom('catalog_options').selectAll().where('group_id', '=', groupId);
}

/** Writes the changed fields if the row is still at `version`; false when someone got there first. */
export async function updateOptionRow(db: DbOrTrx, id: string, version: number, changes: Partial<OptionRow>) {
  const res = await db
    .updateTable('catalog_options')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
