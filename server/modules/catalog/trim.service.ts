import { bodyTypes, drivetrains, energies, featureKeys } from '../../../common/catalog/catalog.enums';
import type {
  ColourInput,
  CreateTrim,
  PatchTrim,
  Trim,
  TrimListQuery,
} from '../../../common/catalog/trim.schemas';
import type { DbOrTrx, Dialect, Trx } from '../../db/database';
import { changedFields, recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { emitEvent } from '../../platform/jobs';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, parseSort, toPage } from '../../platform/pagination';
import type { Actor } from '../../platform/permissions';
import {
  boolParam,
  codeTaken,
  parseList,
  requireCatalogManage,
  requireCatalogRead,
  requireStoreReach,
  unknownReference,
} from './catalog.access';
import { findModelRow } from './model.repo';
import { trimPricesInForce } from './price-check.service';
import {
  coloursOfTrim,
  coloursUsedByVehicles,
  deleteColours,
  insertColours,
  loadTrimParts,
  replaceFeatures,
  updateColour,
  type ColourRow,
} from './trim-parts.repo';
import {
  findTrimRow,
  findTrimRows,
  insertTrim,
  trimFilterQuery,
  updateTrimRow,
  type TrimFilters,
  type TrimRow,
  type TrimWithBrand,
} from './trim.repo';
import { attributeColumns, colourListProblems, fullAttributeColumns, powertrainProblems } from './trim.rules';
import { trimIdsByCode } from './trim-summary.repo';
import { toTrim } from './trim.view';

/** A trim of the actor's group, or 404. */
export async function loadTrim(db: DbOrTrx, actor: Actor, id: string) {
  const reach = requireCatalogRead(actor);
  const row = await findTrimRow(db, id);
  if (!row || row.group_id !== reach.groupId) throw notFound('trim');
  return row;
}

/** Trims in the API shape, with their prices in force when a store and date are given. */
export async function presentTrims(
  db: DbOrTrx,
  actor: Actor,
  rows: TrimWithBrand[],
  price?: { storeId?: string; date?: string },
) {
  const parts = await loadTrimParts(
    db,
    rows.map((r) => r.id),
  );
  let prices = new Map<string, { guidePrice: number | null; displayPrice: number }>();
  if (price?.storeId || price?.date) {
    if (!price.storeId || !price.date) {
      throw new AppError('request.invalid', {
        errors: [
          {
            path: price.storeId ? 'query.priceDate' : 'query.priceStoreId',
            code: 'required',
            message: 'prices need both priceStoreId and priceDate',
          },
        ],
      });
    }
    await requireStoreReach(db, actor, 'prices.read', price.storeId, 'query.priceStoreId');
    prices = await trimPricesInForce(
      db,
      price.storeId,
      price.date,
      rows.map((r) => r.id),
    );
  }
  return rows.map((r) => toTrim(r, parts, prices.get(r.id)));
}

function assertTrimRules(row: TrimRow, colours?: readonly ColourInput[]) {
  const errors = [...powertrainProblems(row), ...(colours ? colourListProblems(colours) : [])];
  if (errors.length) throw new AppError('request.invalid', { errors });
}

const colourRow = (trimId: string, c: ColourInput): ColourRow => ({
  id: newId(),
  trim_id: trimId,
  kind: c.kind,
  code: c.code,
  name: c.name,
  name_en: c.nameEn,
  hex: c.hex ?? null,
});

/**
 * Adds a trim (配置/车型) to a model of the group: attributes as columns, features as searchable rows,
 * colours by kind + code. Its code is unique in the group; 新能源 follows from the energy.
 */
export async function createTrim(trx: Trx, actor: Actor, input: CreateTrim): Promise<Trim> {
  const reach = requireCatalogManage(actor);
  const model = await findModelRow(trx, input.modelId);
  if (!model || model.group_id !== reach.groupId) throw unknownReference('modelId');
  const now = nowIso();
  const row: TrimRow = {
    id: newId(),
    group_id: reach.groupId,
    model_id: model.id,
    code: input.code,
    name: input.name,
    name_en: input.nameEn,
    ...fullAttributeColumns(input),
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  assertTrimRules(row, input.colours);
  if ((await trimIdsByCode(trx, reach.groupId, [input.code])).size) throw codeTaken();
  await insertTrim(trx, row);
  await replaceFeatures(trx, row.id, input.features);
  await insertColours(
    trx,
    input.colours.map((c) => colourRow(row.id, c)),
  );
  const [trim] = await presentTrims(trx, actor, [{ ...row, brand_id: model.brand_id }]);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'trim',
    entityId: row.id,
    action: 'create',
    after: trim,
  });
  await emitEvent(trx, 'catalog.trim.created', { trim });
  return trim!;
}

/** A trim with its features, colours and media. */
export async function getTrim(db: DbOrTrx, actor: Actor, id: string) {
  const [trim] = await presentTrims(db, actor, [await loadTrim(db, actor, id)]);
  return trim!;
}

/**
 * Replaces a trim's colour list, matched by kind + code (a kept colour keeps its id, so the vehicles
 * painted in it stay so); a colour a stock vehicle uses cannot be removed (422).
 */
async function upsertColours(trx: Trx, trimId: string, colours: readonly ColourInput[]) {
  const existing = await coloursOfTrim(trx, trimId);
  const key = (c: { kind: string; code: string }) => `${c.kind}:${c.code}`;
  const wanted = new Map(colours.map((c) => [key(c), c]));
  const removed = existing.filter((c) => !wanted.has(key(c)));
  const used = await coloursUsedByVehicles(
    trx,
    removed.map((c) => c.id),
  );
  if (used.size) {
    throw new AppError('catalog.colour_in_use', {
      errors: removed
        .filter((c) => used.has(c.id))
        .map((c) => ({
          path: 'colours',
          code: 'colour_in_use',
          message: `${c.kind} colour ${c.code} (${c.name}) is used by stock vehicles`,
        })),
    });
  }
  await deleteColours(
    trx,
    removed.map((c) => c.id),
  );
  for (const c of existing) {
    const next = wanted.get(key(c));
    if (next) await updateColour(trx, c.id, { name: next.name, name_en: next.nameEn, hex: next.hex ?? null });
  }
  const known = new Set(existing.map(key));
  await insertColours(
    trx,
    colours.filter((c) => !known.has(key(c))).map((c) => colourRow(trimId, c)),
  );
}

/** Changes a trim's attributes, features and colours; carries the version read (stale → 409). */
export async function updateTrim(trx: Trx, actor: Actor, id: string, patch: PatchTrim): Promise<Trim> {
  const row = await loadTrim(trx, actor, id);
  requireCatalogManage(actor);
  if (row.version !== patch.version) throw versionConflict(row.version);
  const changes: Partial<TrimRow> = { ...attributeColumns(patch), updated_at: nowIso() };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.nameEn !== undefined) changes.name_en = patch.nameEn;
  if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
  const next = { ...row, ...changes, version: row.version + 1 };
  assertTrimRules(next, patch.colours);
  const [before] = await presentTrims(trx, actor, [row]);
  if (!(await updateTrimRow(trx, id, row.version, changes))) throw versionConflict(row.version + 1);
  if (patch.features !== undefined) await replaceFeatures(trx, id, patch.features);
  if (patch.colours !== undefined) await upsertColours(trx, id, patch.colours);
  const [trim] = await presentTrims(trx, actor, [next]);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'trim',
    entityId: id,
    action: 'update',
    ...changedFields(before!, trim!),
  });
  await emitEvent(trx, 'catalog.trim.updated', { trim });
  return trim!;
}

/** The list filters as the repo takes them; unknown vocabulary values are refused naming the parameter. */
export function trimFilters(query: Omit<TrimListQuery, 'limit'>): TrimFilters {
  return {
    q: query.q || undefined,
    brandId: query.brandId,
    modelId: query.modelId,
    energies: parseList(query.energy, energies, 'query.energy'),
    nev: boolParam(query.nev),
    bodyTypes: parseList(query.bodyType, bodyTypes, 'query.bodyType'),
    drivetrains: parseList(query.drivetrain, drivetrains, 'query.drivetrain'),
    seatsMin: query.seatsMin,
    seatsMax: query.seatsMax,
    powerKwMin: query.powerKwMin,
    rangeKmMin: query.rangeKmMin,
    features: parseList(query.features, featureKeys, 'query.features'),
    active: boolParam(query.active),
  };
}

const sortable = {
  code: 'trims.code',
  name: 'trims.name',
  modelYear: 'trims.model_year',
  powerKw: 'trims.power_kw',
  seats: 'trims.seats',
  createdAt: 'trims.created_at',
} as const;

/** The catalogue browser: trims by any attribute, ALL of the asked features, optionally with prices in force. */
export async function listTrims(db: DbOrTrx, dialect: Dialect, actor: Actor, query: TrimListQuery) {
  const reach = requireCatalogRead(actor);
  const sort = parseSort(query.sort, sortable, 'code');
  const q = trimFilterQuery(db, dialect, reach.groupId, trimFilters(query));
  const rows = await applyPage(q, sort, 'trims.id', query.limit, query.cursor).execute();
  const column = sortable[sort.field as keyof typeof sortable].slice('trims.'.length) as keyof TrimRow;
  const page = toPage(
    rows,
    query.limit,
    (r) => r[column] as string | number,
    (r) => r.id,
    (r) => r,
  );
  const items = await presentTrims(db, actor, page.items, {
    storeId: query.priceStoreId,
    date: query.priceDate,
  });
  return { items, nextCursor: page.nextCursor };
}

/** Two to four trims side by side, in the order asked (the comparison screen). */
export async function compareTrims(
  db: DbOrTrx,
  actor: Actor,
  query: { ids: string[]; priceStoreId?: string; priceDate?: string },
) {
  const reach = requireCatalogRead(actor);
  const rows = await findTrimRows(db, reach.groupId, query.ids);
  const missing = query.ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw unknownReference('query.ids', `unknown trim(s): ${missing.join(', ')}`);
  const ordered = query.ids.map((id) => rows.find((r) => r.id === id)!);
  return {
    items: await presentTrims(db, actor, ordered, { storeId: query.priceStoreId, date: query.priceDate }),
  };
}
