import type {
  CatalogOption,
  CatalogOptionListQuery,
  CreateCatalogOption,
  PatchCatalogOption,
} from '../../../common/catalog/trim.schemas';
import type { DbOrTrx, Dialect, Trx } from '../../db/database';
import { containsInsensitive } from '../../db/dialect-sql';
import { changedFields, recordAudit } from '../../platform/audit';
import { notFound, versionConflict } from '../../platform/errors';
import { emitEvent } from '../../platform/jobs';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, parseSort, toPage } from '../../platform/pagination';
import type { Actor } from '../../platform/permissions';
import {
  boolParam,
  codeTaken,
  requireCatalogManage,
  requireCatalogRead,
  unknownReference,
} from './catalog.access';
import { findModelRow } from './model.repo';
import {
  findOptionByCode,
  findOptionRow,
  insertOption,
  optionsOfGroup,
  toOption,
  updateOptionRow,
  type OptionRow,
} from './option.repo';

/** A factory option or accessory of the actor's group, or 404. */
export async function loadOption(db: DbOrTrx, actor: Actor, id: string) {
  const reach = requireCatalogRead(actor);
  const row = await findOptionRow(db, id);
  if (!row || row.group_id !== reach.groupId) throw notFound('catalog_option');
  return row;
}

/**
 * Adds a factory option (选装, fitted by the OEM) or a dealer accessory (精品, fitted by the store),
 * for one model or (without a model) for every model. Prices live in the store's price lists.
 */
export async function createOption(
  trx: Trx,
  actor: Actor,
  input: CreateCatalogOption,
): Promise<CatalogOption> {
  const reach = requireCatalogManage(actor);
  if (input.modelId) {
    const model = await findModelRow(trx, input.modelId);
    if (!model || model.group_id !== reach.groupId) throw unknownReference('modelId');
  }
  if (await findOptionByCode(trx, reach.groupId, input.code)) throw codeTaken();
  const now = nowIso();
  const row: OptionRow = {
    id: newId(),
    group_id: reach.groupId,
    model_id: input.modelId ?? null,
    kind: input.kind,
    code: input.code,
    name: input.name,
    name_en: input.nameEn,
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertOption(trx, row);
  const option = toOption(row);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'catalog_option',
    entityId: row.id,
    action: 'create',
    after: option,
  });
  await emitEvent(trx, 'catalog.option.created', { option });
  return option;
}

/** A factory option or accessory of the group catalogue. */
export async function getOption(db: DbOrTrx, actor: Actor, id: string) {
  return toOption(await loadOption(db, actor, id));
}

/** Renames or (de)activates an option; stale version → 409. */
export async function updateOption(
  trx: Trx,
  actor: Actor,
  id: string,
  patch: PatchCatalogOption,
): Promise<CatalogOption> {
  const row = await loadOption(trx, actor, id);
  requireCatalogManage(actor);
  if (row.version !== patch.version) throw versionConflict(row.version);
  const changes: Partial<OptionRow> = { updated_at: nowIso() };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.nameEn !== undefined) changes.name_en = patch.nameEn;
  if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
  if (!(await updateOptionRow(trx, id, row.version, changes))) throw versionConflict(row.version + 1);
  const option = toOption({ ...row, ...changes, version: row.version + 1 });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'catalog_option',
    entityId: id,
    action: 'update',
    ...changedFields(toOption(row), option),
  });
  await emitEvent(trx, 'catalog.option.updated', { option });
  return option;
}

/** Options and accessories; `modelId` gives those that fit the model (its own and the universal ones). */
export async function listOptions(
  db: DbOrTrx,
  dialect: Dialect,
  actor: Actor,
  query: CatalogOptionListQuery,
) {
  const reach = requireCatalogRead(actor);
  const sort = parseSort(query.sort, { code: 'code', name: 'name', createdAt: 'created_at' }, 'code');
  let q = optionsOfGroup(db, reach.groupId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  const modelId = query.modelId;
  if (modelId) q = q.where((eb) => eb.or([eb('model_id', '=', modelId), eb('model_id', 'is', null)]));
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
  const value = (r: OptionRow) =>
    ({ code: r.code, name: r.name, createdAt: r.created_at })[sort.field as 'code'];
  return toPage(rows, query.limit, value, (r) => r.id, toOption);
}
