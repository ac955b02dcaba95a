import type { SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type {
  CreatePart,
  Part,
  PartStock,
  PatchPart,
  StockSettings,
  partListQuery,
} from '../../../common/parts/part.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { containsInsensitive, isUniqueViolation } from '../../db/dialect-sql';
import { changedFields, recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict, type FieldError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { applyPage, parseSort, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor, type Reach } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import {
  catalogueIds,
  findPartByNo,
  findPartRow,
  insertPart,
  partIdOfBarcode,
  partIdsFittingModel,
  partIdsFittingTrim,
  replaceBarcodes,
  replaceFitments,
  updatePartRow,
  type PartRow,
} from './part.repo';
import { reachStores, toPartStock, toParts } from './part.view';
import { lockStockRow } from './stock.repo';

type ListQuery = z.infer<typeof partListQuery>;

/** A store of the actor's group within reach, or 404 (another group's store is not told). */
export async function loadStoreInReach(db: DbOrTrx, reach: Reach, storeId: string) {
  const store = await findStoreRow(db, storeId);
  if (!store || !reaches(reach, { groupId: store.group_id, storeIds: [store.id] })) throw notFound('store');
  return store;
}

/**
 * A store-owned list narrowed to the actor's reach: one store asked for (404 outside reach), else the
 * stores in reach, else the whole group. Null when the reach holds no store (an empty page).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function inStoreScope<QB extends SelectQueryBuilder<any, any, any>>(
  query: QB,
  db: DbOrTrx,
  reach: Reach,
  storeId: string | undefined,
): Promise<QB | null> {
  const stores = reachStores(reach);
  if (stores && stores.length === 0) return null;
  if (storeId) {
    await loadStoreInReach(db, reach, storeId);
    return query.where('store_id', '=', storeId) as QB;
  }
  return (stores ? query.where('store_id', 'in', stores) : query.where('group_id', '=', reach.groupId)) as QB;
}

/** A part of the actor's group (the parts master is the group's: every store sells the same numbers). */
export async function loadPart(db: DbOrTrx, actor: Actor, id: string, action: 'parts.read' | 'parts.manage') {
  const reach = requirePermission(actor, action);
  const row = await findPartRow(db, id);
  if (!row || row.group_id !== reach.groupId) throw notFound('part');
  return { row, reach };
}

export async function getPart(db: DbOrTrx, actor: Actor, id: string): Promise<Part> {
  const { row, reach } = await loadPart(db, actor, id, 'parts.read');
  return (await toParts(db, [row], reach))[0]!;
}

/** Fitment references the catalogue's models and trims of the group; a trim names its model. */
async function checkFitments(
  db: DbOrTrx,
  groupId: string,
  fitments: { modelId: string; trimId?: string | null }[],
) {
  const known = await catalogueIds(
    db,
    groupId,
    fitments.map((f) => f.modelId),
    fitments.flatMap((f) => (f.trimId ? [f.trimId] : [])),
  );
  const errors: FieldError[] = [];
  fitments.forEach((f, i) => {
    if (!known.models.has(f.modelId))
      errors.push({ path: `fitments.${i}.modelId`, code: 'unknown_model', message: 'unknown model' });
    else if (f.trimId && known.trimModel.get(f.trimId) !== f.modelId)
      errors.push({
        path: `fitments.${i}.trimId`,
        code: 'unknown_trim',
        message: 'not a trim of this model',
      });
  });
  if (errors.length) throw new AppError('catalog.unknown_reference', { errors });
  return fitments.map((f) => ({ modelId: f.modelId, trimId: f.trimId ?? null }));
}

async function checkBarcodes(db: DbOrTrx, groupId: string, partId: string, barcodes: string[]) {
  for (const [i, code] of barcodes.entries()) {
    const owner = await partIdOfBarcode(db, groupId, code);
    if (owner && owner.part_id !== partId)
      throw new AppError('parts.barcode_taken', {
        errors: [{ path: `barcodes.${i}`, code: 'parts.barcode_taken', message: code }],
      });
  }
}

const partNoTaken = (partNo: string) =>
  new AppError('parts.part_no_taken', {
    errors: [{ path: 'partNo', code: 'parts.part_no_taken', message: partNo }],
  });

/** Adds a part to the group's parts master; part numbers are unique in the group (upper-cased). */
export async function createPart(trx: Trx, actor: Actor, input: CreatePart): Promise<Part> {
  const reach = requirePermission(actor, 'parts.manage');
  const partNo = input.partNo.toUpperCase();
  if (await findPartByNo(trx, reach.groupId, partNo)) throw partNoTaken(partNo);
  const fitments = await checkFitments(trx, reach.groupId, input.fitments);
  const now = nowIso();
  const row: PartRow = {
    id: newId(),
    group_id: reach.groupId,
    part_no: partNo,
    name: input.name,
    name_en: input.nameEn,
    brand: input.brand ?? null,
    category: input.category,
    class: input.class,
    origin: input.origin,
    unit: input.unit,
    list_price: input.listPrice,
    standard_cost: input.standardCost,
    superseded_by_id: null,
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await checkBarcodes(trx, reach.groupId, row.id, input.barcodes);
  try {
    await insertPart(trx, row);
    await replaceBarcodes(trx, reach.groupId, row.id, input.barcodes);
  } catch (err) {
    // a concurrent request took the number or a barcode between our check and the insert
    if (isUniqueViolation(err)) throw partNoTaken(partNo);
    throw err;
  }
  await replaceFitments(trx, row.id, fitments);
  const part = (await toParts(trx, [row], reach))[0]!;
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'part',
    entityId: row.id,
    action: 'create',
    after: { partNo, name: row.name, origin: row.origin, class: row.class },
  });
  await emitEvent(trx, 'parts.part.created', { part }, null);
  return part;
}

/** Changes a part's master data (carry the version); supersession points to another part of the group. */
export async function updatePart(trx: Trx, actor: Actor, id: string, patch: PatchPart): Promise<Part> {
  const { row, reach } = await loadPart(trx, actor, id, 'parts.manage');
  if (row.version !== patch.version) throw versionConflict(row.version);
  const before = (await toParts(trx, [row], reach))[0]!;
  const changes: Partial<PartRow> = { updated_at: nowIso() };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.nameEn !== undefined) changes.name_en = patch.nameEn;
  if (patch.brand !== undefined) changes.brand = patch.brand;
  if (patch.category !== undefined) changes.category = patch.category;
  if (patch.class !== undefined) changes.class = patch.class;
  if (patch.origin !== undefined) changes.origin = patch.origin;
  if (patch.unit !== undefined) changes.unit = patch.unit;
  if (patch.listPrice !== undefined) changes.list_price = patch.listPrice;
  if (patch.standardCost !== undefined) changes.standard_cost = patch.standardCost;
  if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
  if (patch.supersededById !== undefined) {
    if (patch.supersededById !== null) {
      const next = await findPartRow(trx, patch.supersededById);
      if (!next || next.group_id !== row.group_id || next.id === row.id)
        throw new AppError('request.invalid', {
          errors: [{ path: 'supersededById', code: 'unknown_part', message: 'another part of the group' }],
        });
    }
    changes.superseded_by_id = patch.supersededById;
  }
  if (!(await updatePartRow(trx, id, row.version, changes))) throw versionConflict(row.version + 1);
  if (patch.barcodes !== undefined) {
    await checkBarcodes(trx, row.group_id, id, patch.barcodes);
    await replaceBarcodes(trx, row.group_id, id, patch.barcodes);
  }
  if (patch.fitments !== undefined)
    await replaceFitments(trx, id, await checkFitments(trx, row.group_id, patch.fitments));
  const part = (await toParts(trx, [{ ...row, ...changes, version: row.version + 1 }], reach))[0]!;
  const diff = changedFields(
    { ...before, stock: [] } as unknown as Record<string, unknown>,
    { ...part, stock: [] } as unknown as Record<string, unknown>,
  );
  delete diff.before.updatedAt;
  delete diff.after.updatedAt;
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'part',
    entityId: id,
    action: 'update',
    ...diff,
  });
  await emitEvent(trx, 'parts.part.updated', { part }, null);
  return part;
}

/** Sets where a part lives in a store (bin) and its min/max and lead time for the stock alerts. */
export async function setStockSettings(
  trx: Trx,
  actor: Actor,
  id: string,
  input: StockSettings,
): Promise<PartStock> {
  const { row, reach } = await loadPart(trx, actor, id, 'parts.manage');
  const store = await loadStoreInReach(trx, reach, input.storeId);
  if (input.minQty != null && input.maxQty != null && input.minQty > input.maxQty)
    throw new AppError('request.invalid', {
      errors: [{ path: 'maxQty', code: 'too_small', message: 'max below min' }],
    });
  const stock = await lockStockRow(trx, store.group_id, store.id, row.id);
  const changes = {
    ...(input.bin !== undefined ? { bin: input.bin } : {}),
    ...(input.minQty !== undefined ? { min_qty: input.minQty } : {}),
    ...(input.maxQty !== undefined ? { max_qty: input.maxQty } : {}),
    ...(input.leadTimeDays !== undefined ? { lead_time_days: input.leadTimeDays } : {}),
  };
  if (Object.keys(changes).length)
    await trx
      .updateTable('part_stock')
      .set({ ...changes, updated_at: nowIso() })
      .where('id', '=', stock.id)
      .execute();
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'part',
    entityId: id,
    action: 'stock_settings',
    after: input,
  });
  return toPartStock({ ...stock, ...changes }, Number(row.standard_cost));
}

/** More fitting parts than this are read through the fitment sub-selects, not passed as values. */
const maxFittingIds = 10_000;

/**
 * The ids of the parts fitting a model and/or a trim (both: those fitting each), found first through the
 * fitment indexes; undefined without either filter.
 */
async function fittingPartIds(db: DbOrTrx, query: ListQuery) {
  let ids: Set<string> | undefined;
  for (const fits of [
    query.modelId ? partIdsFittingModel(db, query.modelId) : null,
    query.trimId ? partIdsFittingTrim(db, query.trimId) : null,
  ]) {
    if (!fits) continue;
    const found = new Set((await fits.execute()).map((r) => r.part_id));
    ids = ids ? new Set([...ids].filter((id) => found.has(id))) : found;
  }
  return ids && [...ids];
}

/** Parts search (number prefix, name, barcode, fitment, class), with stock in the stores in reach. */
export async function listParts(db: DbOrTrx, actor: Actor, query: ListQuery, dialect: 'sqlite' | 'postgres') {
  const reach = requirePermission(actor, 'parts.read');
  const sort = parseSort(query.sort, { partNo: 'parts.part_no' }, 'partNo');
  let q = db.selectFrom('parts').selectAll('parts').where('parts.group_id', '=', reach.groupId);
  if (query.q) {
    const needle = query.q;
    q = q.where((eb) =>
      eb.or([
        eb('parts.part_no', 'like', `${needle.toUpperCase().replace(/[\\%_]/g, '')}%`),
        containsInsensitive(dialect, 'parts.name', needle),
        containsInsensitive(dialect, 'parts.name_en', needle),
      ]),
    );
  }
  if (query.barcode)
    q = q.where(
      'parts.id',
      'in',
      db
        .selectFrom('part_barcodes')
        .select('part_id')
        .where('group_id', '=', reach.groupId)
        .where('barcode', '=', query.barcode),
    );
  // A model's parts are a few of the master: their ids come first from the fitment indexes, then the
  // parts by id — as a sub-select PostgreSQL read the whole master for them. Past maxFittingIds (a
  // model fitting most of the master) the sub-selects again, the ids being too many to pass as values.
  const fitting = await fittingPartIds(db, query);
  const byIds = fitting !== undefined && fitting.length <= maxFittingIds;
  if (byIds && fitting.length > 0) q = q.where('parts.id', 'in', fitting);
  if (fitting && !byIds) {
    if (query.modelId) q = q.where('parts.id', 'in', partIdsFittingModel(db, query.modelId));
    if (query.trimId) q = q.where('parts.id', 'in', partIdsFittingTrim(db, query.trimId));
  }
  if (query.class) q = q.where('parts.class', '=', query.class);
  if (query.storeId) {
    await loadStoreInReach(db, reach, query.storeId);
    q = q.where(
      'parts.id',
      'in',
      db.selectFrom('part_stock').select('part_id').where('store_id', '=', query.storeId),
    );
  }
  const paged = applyPage(q, sort, 'parts.id', query.limit, query.cursor);
  if (fitting?.length === 0) return { items: [], nextCursor: null };
  // by id, the page is cut here, not by LIMIT (as users by store: PostgreSQL would walk the number index)
  const rows = byIds ? (await paged.clearLimit().execute()).slice(0, query.limit + 1) : await paged.execute();
  const page = toPage(
    rows,
    query.limit,
    (r) => r.part_no,
    (r) => r.id,
    (r) => r,
  );
  return { items: await toParts(db, page.items, reach), nextCursor: page.nextCursor };
}
