import { feeCodes } from '../../../common/catalog/catalog.enums';
import type {
  CreatePriceList,
  PatchPriceList,
  PriceList,
  PriceListItemInput,
  PriceListListQuery,
} from '../../../common/catalog/price-list.schemas';
import {
  canTransitionPriceList,
  priceListTransitions,
  type PriceListAction,
  type PriceListStatus,
} from '../../../common/catalog/price-list.status';
import type { DbOrTrx, Trx } from '../../db/database';
import { changedFields, recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict, type FieldError } from '../../platform/errors';
import { emitEvent } from '../../platform/jobs';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, parseSort, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { requireStoreReach, storeIdsOfGroup, storeInReach } from './catalog.access';
import {
  existingRefs,
  findPriceListRow,
  insertPriceList,
  itemCounts,
  itemsOfList,
  labelsOf,
  priceListsOfStores,
  replaceItems,
  updatePriceListRow,
  type PriceItemRow,
  type PriceListRow,
} from './price-list.repo';

/** A price list of a store within the actor's reach for `action`, or 404 (another store's list does not exist for them). */
async function loadPriceList(db: DbOrTrx, actor: Actor, id: string, action: 'prices.read' | 'prices.manage') {
  requirePermission(actor, 'prices.read');
  const row = await findPriceListRow(db, id);
  if (!row || !(await storeInReach(db, actor, 'prices.read', row.store_id))) throw notFound('price_list');
  if (action === 'prices.manage' && !(await storeInReach(db, actor, 'prices.manage', row.store_id)))
    throw new AppError('auth.forbidden');
  return row;
}

async function present(
  db: DbOrTrx,
  groupId: string,
  row: PriceListRow,
  items?: PriceItemRow[],
): Promise<PriceList> {
  const lines = items ?? (await itemsOfList(db, row.id));
  const labels = await labelsOf(
    db,
    groupId,
    lines.filter((i) => i.item_kind === 'trim').map((i) => i.item_ref),
    lines.filter((i) => i.item_kind === 'option' || i.item_kind === 'accessory').map((i) => i.item_ref),
  );
  return {
    id: row.id,
    storeId: row.store_id,
    name: row.name,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    status: row.status as PriceListStatus,
    items: lines.map((i) => ({
      id: i.id,
      itemKind: i.item_kind as PriceList['items'][number]['itemKind'],
      itemRef: i.item_ref,
      name: i.name,
      guidePrice: i.guide_price,
      displayPrice: i.display_price,
      itemLabel: i.item_kind === 'fee' ? i.name : (labels.get(i.item_ref) ?? null),
    })),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function assertDates(from: string, to: string | null) {
  if (to !== null && to < from) {
    throw new AppError('request.invalid', {
      errors: [{ path: 'effectiveTo', code: 'too_small', message: 'effectiveTo is before effectiveFrom' }],
    });
  }
}

/**
 * The lines of a list: a trim carries its guide price (指导价) and display price (标价); an option its
 * display price (guide price optional); an accessory its display price; a fee a known fee code and the
 * name on display. Every trim or option exists in the group (422 naming `items.N.itemRef`).
 */
async function validateItems(db: DbOrTrx, groupId: string, items: PriceListItemInput[]) {
  const invalid: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = `${item.itemKind}:${item.itemRef}`;
    if (seen.has(key))
      invalid.push({ path: `items.${i}.itemRef`, code: 'duplicate', message: `${key} is listed twice` });
    seen.add(key);
    if (item.itemKind === 'trim' && (item.guidePrice === undefined || item.guidePrice === null))
      invalid.push({
        path: `items.${i}.guidePrice`,
        code: 'required',
        message: 'a trim carries its guide price',
      });
    if (item.itemKind === 'fee') {
      if (!(feeCodes as readonly string[]).includes(item.itemRef))
        invalid.push({
          path: `items.${i}.itemRef`,
          code: 'invalid_value',
          message: `fee code: one of ${feeCodes.join(', ')}`,
        });
      if (!item.name)
        invalid.push({
          path: `items.${i}.name`,
          code: 'required',
          message: 'a fee carries the name on display',
        });
    }
  });
  if (invalid.length) throw new AppError('request.invalid', { errors: invalid });
  const refs = await existingRefs(
    db,
    groupId,
    items.filter((i) => i.itemKind === 'trim').map((i) => i.itemRef),
    items.filter((i) => i.itemKind === 'option' || i.itemKind === 'accessory').map((i) => i.itemRef),
  );
  const unknown: FieldError[] = items.flatMap((item, i) => {
    const ok =
      item.itemKind === 'fee' ||
      (item.itemKind === 'trim' && refs.trims.has(item.itemRef)) ||
      (item.itemKind === 'option' && refs.options.get(item.itemRef) === 'factory_option') ||
      (item.itemKind === 'accessory' && refs.options.get(item.itemRef) === 'accessory');
    return ok
      ? []
      : [
          {
            path: `items.${i}.itemRef`,
            code: 'unknown_reference',
            message: `no ${item.itemKind} ${item.itemRef} in the catalogue`,
          },
        ];
  });
  if (unknown.length) throw new AppError('catalog.unknown_reference', { errors: unknown });
}

const itemRows = (listId: string, items: PriceListItemInput[]): PriceItemRow[] =>
  items.map((i) => ({
    id: newId(),
    price_list_id: listId,
    item_kind: i.itemKind,
    item_ref: i.itemRef,
    name: i.name ?? null,
    guide_price: i.guidePrice ?? null,
    display_price: i.displayPrice,
  }));

/** Drafts a store's price list with its effective dates; it shows nowhere until published. */
export async function createPriceList(trx: Trx, actor: Actor, input: CreatePriceList): Promise<PriceList> {
  const store = await requireStoreReach(trx, actor, 'prices.manage', input.storeId);
  assertDates(input.effectiveFrom, input.effectiveTo ?? null);
  await validateItems(trx, store.group_id, input.items);
  const now = nowIso();
  const row: PriceListRow = {
    id: newId(),
    store_id: store.id,
    name: input.name,
    effective_from: input.effectiveFrom,
    effective_to: input.effectiveTo ?? null,
    status: 'draft',
    version: 1,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await insertPriceList(trx, row);
  const items = itemRows(row.id, input.items);
  await replaceItems(trx, row.id, items);
  const list = await present(trx, store.group_id, row, items);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'price_list',
    entityId: row.id,
    action: 'create',
    after: list,
  });
  await emitEvent(trx, 'catalog.price_list.created', { priceList: list }, store.id);
  return list;
}

/** A price list with its lines, each labelled with what it prices; another store's list is 404. */
export async function getPriceList(db: DbOrTrx, actor: Actor, id: string) {
  const row = await loadPriceList(db, actor, id, 'prices.read');
  return present(db, actor.groupId, row);
}

/** Changes a draft (name, dates, lines); a published or withdrawn list is history (409). Stale → 409. */
export async function updatePriceList(
  trx: Trx,
  actor: Actor,
  id: string,
  patch: PatchPriceList,
): Promise<PriceList> {
  const row = await loadPriceList(trx, actor, id, 'prices.manage');
  if (row.status !== 'draft')
    throw new AppError('catalog.price_list_not_draft', { params: { status: row.status } });
  if (row.version !== patch.version) throw versionConflict(row.version);
  const changes: Partial<PriceListRow> = { updated_at: nowIso() };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.effectiveFrom !== undefined) changes.effective_from = patch.effectiveFrom;
  if (patch.effectiveTo !== undefined) changes.effective_to = patch.effectiveTo;
  const next = { ...row, ...changes, version: row.version + 1 };
  assertDates(next.effective_from, next.effective_to);
  if (patch.items) await validateItems(trx, actor.groupId, patch.items);
  const before = await present(trx, actor.groupId, row);
  if (!(await updatePriceListRow(trx, id, row.version, changes))) throw versionConflict(row.version + 1);
  if (patch.items) await replaceItems(trx, id, itemRows(id, patch.items));
  const list = await present(trx, actor.groupId, next);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'price_list',
    entityId: id,
    action: 'update',
    ...changedFields(before, list),
  });
  await emitEvent(trx, 'catalog.price_list.updated', { priceList: list }, row.store_id);
  return list;
}

/**
 * Publishes a draft: from its effective date it is the price on display (标价) that quotes are checked
 * against; withdraws a draft or a published list (it stops being in force; its prices stay as history).
 */
export async function transitionPriceList(
  trx: Trx,
  actor: Actor,
  id: string,
  action: PriceListAction,
): Promise<PriceList> {
  const row = await loadPriceList(trx, actor, id, 'prices.manage');
  if (!canTransitionPriceList(row.status as PriceListStatus, action))
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  const changes: Partial<PriceListRow> = { status: priceListTransitions[action].to, updated_at: nowIso() };
  if (!(await updatePriceListRow(trx, id, row.version, changes))) throw versionConflict(row.version + 1);
  const list = await present(trx, actor.groupId, { ...row, ...changes, version: row.version + 1 });
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'price_list',
    entityId: id,
    action,
    before: { status: row.status },
    after: { status: list.status },
  });
  const event = action === 'publish' ? 'catalog.price_list.published' : 'catalog.price_list.withdrawn';
  await emitEvent(trx, event, { priceList: list }, row.store_id);
  return list;
}

/** Price lists of the stores within reach, by store and status, latest effective date first. */
export async function listPriceLists(db: DbOrTrx, actor: Actor, query: PriceListListQuery) {
  const reach = requirePermission(actor, 'prices.read');
  const sort = parseSort(
    query.sort,
    { effectiveFrom: 'effective_from', name: 'name', createdAt: 'created_at' },
    '-effectiveFrom',
  );
  let storeIds =
    reach.scope === 'group'
      ? await storeIdsOfGroup(db, reach.groupId)
      : reach.scope === 'store'
        ? reach.storeIds
        : [];
  if (query.storeId) storeIds = storeIds.filter((s) => s === query.storeId);
  if (storeIds.length === 0) return { items: [], nextCursor: null };
  let q = priceListsOfStores(db, storeIds);
  if (query.status) q = q.where('status', '=', query.status);
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  const page = toPage(
    rows,
    query.limit,
    (r) => ({ effectiveFrom: r.effective_from, name: r.name, createdAt: r.created_at })[sort.field as 'name'],
    (r) => r.id,
    (r) => r,
  );
  const counts = await itemCounts(
    db,
    page.items.map((r) => r.id),
  );
  return {
    items: page.items.map((r) => ({
      id: r.id,
      storeId: r.store_id,
      name: r.name,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
      status: r.status as PriceListStatus,
      itemCount: counts.get(r.id) ?? 0,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
    nextCursor: page.nextCursor,
  };
}
