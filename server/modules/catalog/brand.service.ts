import type { Brand, BrandListQuery, CreateBrand, PatchBrand } from '../../../common/catalog/brand.schemas';
import type { DbOrTrx, Dialect, Trx } from '../../db/database';
import { containsInsensitive } from '../../db/dialect-sql';
import { changedFields, recordAudit } from '../../platform/audit';
import { notFound, versionConflict } from '../../platform/errors';
import { emitEvent } from '../../platform/jobs';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, parseSort, toPage } from '../../platform/pagination';
import type { Actor } from '../../platform/permissions';
import { boolParam, codeTaken, requireCatalogManage, requireCatalogRead } from './catalog.access';
import {
  brandsOfGroup,
  findBrandByCode,
  findBrandRow,
  insertBrand,
  toBrand,
  updateBrandRow,
  type BrandRow,
} from './brand.repo';

/** A brand of the actor's group, or 404 (another group's catalogue does not exist for them). */
export async function loadBrand(db: DbOrTrx, actor: Actor, id: string) {
  const reach = requireCatalogRead(actor);
  const row = await findBrandRow(db, id);
  if (!row || row.group_id !== reach.groupId) throw notFound('brand');
  return row;
}

/** Adds a brand to the group's catalogue; its code is unique in the group. */
export async function createBrand(trx: Trx, actor: Actor, input: CreateBrand): Promise<Brand> {
  const reach = requireCatalogManage(actor);
  if (await findBrandByCode(trx, reach.groupId, input.code)) throw codeTaken();
  const now = nowIso();
  const row: BrandRow = {
    id: newId(),
    group_id: reach.groupId,
    code: input.code,
    name: input.name,
    name_en: input.nameEn,
    country: input.country ?? null,
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertBrand(trx, row);
  const brand = toBrand(row);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'brand',
    entityId: row.id,
    action: 'create',
    after: brand,
  });
  await emitEvent(trx, 'catalog.brand.created', { brand });
  return brand;
}

/** A brand of the group catalogue (every role reads the whole catalogue). */
export async function getBrand(db: DbOrTrx, actor: Actor, id: string) {
  return toBrand(await loadBrand(db, actor, id));
}

/** Renames or (de)activates a brand; carries the version read (stale → 409). */
export async function updateBrand(trx: Trx, actor: Actor, id: string, patch: PatchBrand): Promise<Brand> {
  const row = await loadBrand(trx, actor, id);
  requireCatalogManage(actor);
  if (row.version !== patch.version) throw versionConflict(row.version);
  const changes: Partial<BrandRow> = { updated_at: nowIso() };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.nameEn !== undefined) changes.name_en = patch.nameEn;
  if (patch.country !== undefined) changes.country = patch.country;
  if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
  if (!(await updateBrandRow(trx, id, row.version, changes))) throw versionConflict(row.version + 1);
  const brand = toBrand({ ...row, ...changes, version: row.version + 1 });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'brand',
    entityId: id,
    action: 'update',
    ...changedFields(toBrand(row), brand),
  });
  await emitEvent(trx, 'catalog.brand.updated', { brand });
  return brand;
}

/** The group's brands, filtered by name/code text and active flag. */
export async function listBrands(db: DbOrTrx, dialect: Dialect, actor: Actor, query: BrandListQuery) {
  const reach = requireCatalogRead(actor);
  const sort = parseSort(query.sort, { code: 'code', name: 'name', createdAt: 'created_at' }, 'code');
  let q = brandsOfGroup(db, reach.groupId);
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
  const value = (r: BrandRow) =>
    ({ code: r.code, name: r.name, createdAt: r.created_at })[sort.field as 'code'];
  return toPage(rows, query.limit, value, (r) => r.id, toBrand);
}
