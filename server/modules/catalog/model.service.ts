import type { CreateModel, Model, ModelListQuery, PatchModel } from '../../../common/catalog/brand.schemas';
import type { DbOrTrx, Dialect, Trx } from '../../db/database';
import { containsInsensitive } from '../../db/dialect-sql';
import { changedFields, recordAudit } from '../../platform/audit';
import { notFound, versionConflict } from '../../platform/errors';
import { emitEvent } from '../../platform/jobs';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, parseSort, toPage } from '../../platform/pagination';
import type { Actor } from '../../platform/permissions';
import { findBrandRow } from './brand.repo';
import {
  boolParam,
  codeTaken,
  requireCatalogManage,
  requireCatalogRead,
  unknownReference,
} from './catalog.access';
import {
  findModelByCode,
  findModelRow,
  insertModel,
  modelsOfGroup,
  toModel,
  updateModelRow,
  type ModelRow,
} from './model.repo';

/** A model (车系) of the actor's group, or 404. */
export async function loadModel(db: DbOrTrx, actor: Actor, id: string) {
  const reach = requireCatalogRead(actor);
  const row = await findModelRow(db, id);
  if (!row || row.group_id !== reach.groupId) throw notFound('model');
  return row;
}

const warrantyColumns = (w: Model['warranty']) => ({
  three_guarantee_months: w.threeGuaranteeMonths,
  three_guarantee_km: w.threeGuaranteeKm,
  warranty_months: w.warrantyMonths,
  warranty_km: w.warrantyKm,
  // SAMR Order 43 Art. 27: n ≤ 0.5 % — the schema refuses more; kept here too for callers other than the API
  compensation_rate_ppm: Math.min(w.compensationRatePpm, 5000),
});

/**
 * Adds a series (车系) under a brand of the group, with its 三包 terms: validity ≥ 2 years / 50,000 km,
 * repair warranty ≥ 3 years / 60,000 km, usage compensation rate n ≤ 0.5 % (SAMR Order 43).
 */
export async function createModel(trx: Trx, actor: Actor, input: CreateModel): Promise<Model> {
  const reach = requireCatalogManage(actor);
  const brand = await findBrandRow(trx, input.brandId);
  if (!brand || brand.group_id !== reach.groupId) throw unknownReference('brandId');
  if (await findModelByCode(trx, reach.groupId, input.code)) throw codeTaken();
  const now = nowIso();
  const row: ModelRow = {
    id: newId(),
    group_id: reach.groupId,
    brand_id: brand.id,
    code: input.code,
    name: input.name,
    name_en: input.nameEn,
    segment: input.segment ?? null,
    ...warrantyColumns(input.warranty),
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertModel(trx, row);
  const model = toModel(row);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'model',
    entityId: row.id,
    action: 'create',
    after: model,
  });
  await emitEvent(trx, 'catalog.model.created', { model });
  return model;
}

/** A series with its 三包 and warranty terms. */
export async function getModel(db: DbOrTrx, actor: Actor, id: string) {
  return toModel(await loadModel(db, actor, id));
}

/** Changes a model's names, segment or 三包 terms (new terms apply to vehicles sold from now on); stale → 409. */
export async function updateModel(trx: Trx, actor: Actor, id: string, patch: PatchModel): Promise<Model> {
  const row = await loadModel(trx, actor, id);
  requireCatalogManage(actor);
  if (row.version !== patch.version) throw versionConflict(row.version);
  const changes: Partial<ModelRow> = { updated_at: nowIso() };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.nameEn !== undefined) changes.name_en = patch.nameEn;
  if (patch.segment !== undefined) changes.segment = patch.segment;
  if (patch.warranty !== undefined) Object.assign(changes, warrantyColumns(patch.warranty));
  if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
  if (!(await updateModelRow(trx, id, row.version, changes))) throw versionConflict(row.version + 1);
  const model = toModel({ ...row, ...changes, version: row.version + 1 });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'model',
    entityId: id,
    action: 'update',
    ...changedFields(toModel(row), model),
  });
  await emitEvent(trx, 'catalog.model.updated', { model });
  return model;
}

/** The group's models, by brand, text and active flag. */
export async function listModels(db: DbOrTrx, dialect: Dialect, actor: Actor, query: ModelListQuery) {
  const reach = requireCatalogRead(actor);
  const sort = parseSort(query.sort, { code: 'code', name: 'name', createdAt: 'created_at' }, 'code');
  let q = modelsOfGroup(db, reach.groupId);
  if (query.brandId) q = q.where('brand_id', '=', query.brandId);
  const active = boolParam(query.active);
  if (active !== undefined) q = q.where('active', '=', active ? 1 : 0);
  if (query.q) {
    const needle = query.q;
    q = q.where((eb) =>
      eb.or([
        containsInsensitive(dialect, 'code', needle),
        containsInsensitive(dialect, 'name', needle),
        containsInsensitive(dialect, 'name_en', needle),
      ]),
    );
  }
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  const value = (r: ModelRow) =>
    ({ code: r.code, name: r.name, createdAt: r.created_at })[sort.field as 'code'];
  return toPage(rows, query.limit, value, (r) => r.id, toModel);
}
