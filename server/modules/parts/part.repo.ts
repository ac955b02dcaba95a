import type { DbOrTrx } from '../../db/database';
import type { PartsTable } from './parts.tables';

export type PartRow = PartsTable;

export function findPartRow(db: DbOrTrx, id: string) {
  return db.selectFrom('parts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPartRows(db: DbOrTrx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, PartRow>();
  const rows = await db.selectFrom('parts').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export function findPartByNo(db: DbOrTrx, groupId: string, partNo: string) {
  return db
    .selectFrom('parts')
    .select(['id'])
    .where('group_id', '=', groupId)
    .where('part_no', '=', partNo)
    .executeTakeFirst();
}

/** The ids of the group's parts among these numbers, by number (one look-up of the number index). */
export async function findPartIdsByNo(db: DbOrTrx, groupId: string, partNos: string[]) {
  const unique = [...new Set(partNos)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('parts')
    .select(['id', 'part_no'])
    .where('group_id', '=', groupId)
    .where('part_no', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.part_no, r.id]));
}

export async function insertPart(db: DbOrTrx, row: PartRow) {
  await db.insertInto('parts').values(row).execute();
}

/** Writes the changed fields if the part is still at `version`; false when someone got there first. */
export async function updatePartRow(db: DbOrTrx, id: string, version: number, changes: Partial<PartRow>) {
  const res = await db
    .updateTable('parts')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function barcodesOf(db: DbOrTrx, partIds: string[]) {
  const map = new Map<string, string[]>();
  if (partIds.length === 0) return map;
  const rows = await db
    .selectFrom('part_barcodes')
    .select(['part_id', 'barcode'])
    .where('part_id', 'in', partIds)
    .orderBy('barcode')
    .execute();
  for (const r of rows) map.set(r.part_id, [...(map.get(r.part_id) ?? []), r.barcode]);
  return map;
}

export async function fitmentsOf(db: DbOrTrx, partIds: string[]) {
  const map = new Map<string, { modelId: string; trimId: string | null }[]>();
  if (partIds.length === 0) return map;
  const rows = await db
    .selectFrom('part_fitments')
    .select(['part_id', 'model_id', 'trim_id'])
    .where('part_id', 'in', partIds)
    .orderBy('model_id')
    .orderBy('trim_id')
    .execute();
  for (const r of rows)
    map.set(r.part_id, [...(map.get(r.part_id) ?? []), { modelId: r.model_id, trimId: r.trim_id }]);
  return map;
}

/** The parts fitting a model (a fitment of the whole model or of one of its trims): their ids. */
export function partIdsFittingModel(db: DbOrTrx, modelId: string) {
  return db.selectFrom('part_fitments').select('part_id').where('model_id', '=', modelId);
}

/** The parts fitting a trim: fitted to it, or to its whole model (each half found through its index). */
export function partIdsFittingTrim(db: DbOrTrx, trimId: string) {
  return db
    .selectFrom('part_fitments')
    .select('part_id')
    .where('trim_id', '=', trimId)
    .union(
      db
        .selectFrom('part_fitments')
        .select('part_id')
        .where('trim_id', 'is', null)
        .where('model_id', 'in', db.selectFrom('trims').select('model_id').where('id', '=', trimId)),
    );
}

export function partIdOfBarcode(db: DbOrTrx, groupId: string, barcode: string) {
  return db
    .selectFrom('part_barcodes')
    .select('part_id')
    .where('group_id', '=', groupId)
    .where('barcode', '=', barcode)
    .executeTakeFirst();
}

export async function replaceBarcodes(db: DbOrTrx, groupId: string, partId: string, barcodes: string[]) {
  await db.deleteFrom('part_barcodes').where('part_id', '=', partId).execute();
  const unique = [...new Set(barcodes)];
  if (unique.length === 0) return;
  await db
    .insertInto('part_barcodes')
    .values(unique.map((barcode) => ({ group_id: groupId, barcode, part_id: partId })))
    .execute();
}

export async function replaceFitments(
  db: DbOrTrx,
  partId: string,
  fitments: { modelId: string; trimId: string | null }[],
) {
  await db.deleteFrom('part_fitments').where('part_id', '=', partId).execute();
  if (fitments.length === 0) return;
  await db
    .insertInto('part_fitments')
    .values(fitments.map((f) => ({ part_id: partId, model_id: f.modelId, trim_id: f.trimId })))
    .execute();
}

/** Models and trims of the group among these ids (read-only look into the catalogue, for fitment). */
export async function catalogueIds(db: DbOrTrx, groupId: string, modelIds: string[], trimIds: string[]) {
  const models = modelIds.length
    ? await db
        .selectFrom('models')
        .select('id')
        .where('group_id', '=', groupId)
        .where('id', 'in', modelIds)
        .execute()
    : [];
  const trims = trimIds.length
    ? await db
        .selectFrom('trims')
        .select(['id', 'model_id'])
        .where('group_id', '=', groupId)
        .where('id', 'in', trimIds)
        .execute()
    : [];
  return {
    models: new Set(models.map((m) => m.id)),
    trimModel: new Map(trims.map((t) => [t.id, t.model_id])),
  };
}
