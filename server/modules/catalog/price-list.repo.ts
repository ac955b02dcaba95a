import type { DbOrTrx } from '../../db/database';
import type { PriceListItemsTable, PriceListsTable } from './catalog.tables';

export type PriceListRow = PriceListsTable;
export type PriceItemRow = PriceListItemsTable;

export async function insertPriceList(db: DbOrTrx, row: PriceListRow) {
  await db.insertInto('price_lists').values(row).execute();
}

export function findPriceListRow(db: DbOrTrx, id: string) {
  return db.selectFrom('price_lists').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPriceListByName(db: DbOrTrx, storeId: string, name: string) {
  return db
    .selectFrom('price_lists')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Writes the changed fields if the row is still at `version`; false when someone got there first. */
export async function updatePriceListRow(
  db: DbOrTrx,
  id: string,
  version: number,
  changes: Partial<PriceListRow>,
) {
  const res = await db
    .updateTable('price_lists')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function replaceItems(db: DbOrTrx, priceListId: string, items: PriceItemRow[]) {
  await db.deleteFrom('price_list_items').where('price_list_id', '=', priceListId).execute();
  for (let i = 0; i < items.length; i += 200) {
    await db
      .insertInto('price_list_items')
      .values(items.slice(i, i + 200))
      .execute();
  }
}

export function itemsOfList(db: DbOrTrx, priceListId: string) {
  return db
    .selectFrom('price_list_items')
    .selectAll()
    .where('price_list_id', '=', priceListId)
    .orderBy('item_kind')
    .orderBy('item_ref')
    .execute();
}

export async function itemCounts(db: DbOrTrx, listIds: string[]) {
  const map = new Map<string, number>();
  if (listIds.length === 0) return map;
  const rows = await db
    .selectFrom('price_list_items')
    .select(['price_list_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('price_list_id', 'in', listIds)
    .groupBy('price_list_id')
    .execute();
  for (const r of rows) map.set(r.price_list_id, Number(r.n));
  return map;
}

export function priceListsOfStores(db: DbOrTrx, storeIds: string[]) {
  return db.selectFrom('price_lists').selectAll().where('store_id', 'in', storeIds);
}

/**
 * The list in force in a store on a date: published, effectiveFrom ≤ date ≤ effectiveTo (open end when
 * null); of several, the one that took effect last (then the one published last).
 */
export function findListInForce(db: DbOrTrx, storeId: string, date: string) {
  return db
    .selectFrom('price_lists')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('status', '=', 'published')
    .where('effective_from', '<=', date)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)]))
    .orderBy('effective_from', 'desc')
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findItems(db: DbOrTrx, priceListId: string, kind: string, refs: string[]) {
  if (refs.length === 0) return Promise.resolve([] as PriceItemRow[]);
  return db
    .selectFrom('price_list_items')
    .selectAll()
    .where('price_list_id', '=', priceListId)
    .where('item_kind', '=', kind)
    .where('item_ref', 'in', refs)
    .execute();
}

/** Names of trims and options by id (a price list's lines show what they price). */
export async function labelsOf(db: DbOrTrx, groupId: string, trimIds: string[], optionIds: string[]) {
  const labels = new Map<string, string>();
  if (trimIds.length) {
    const rows = await db
      .selectFrom('trims')
      .innerJoin('models', 'models.id', 'trims.model_id')
      .select(['trims.id', 'trims.name', 'models.name as model_name'])
      .where('trims.group_id', '=', groupId)
      .where('trims.id', 'in', trimIds)
      .execute();
    for (const r of rows) labels.set(r.id, `${r.model_name} ${r.name}`);
  }
  if (optionIds.length) {
    const rows = await db
      .selectFrom('catalog_options')
      .select(['id', 'name', 'kind'])
      .where('group_id', '=', groupId)
      .where('id', 'in', optionIds)
      .execute();
    for (const r of rows) labels.set(r.id, r.name);
  }
  return labels;
}

/** Which of these refs exist in the group: trim ids, and option ids with their kind. */
export async function existingRefs(db: DbOrTrx, groupId: string, trimIds: string[], optionIds: string[]) {
  const trims = new Set<string>();
  const options = new Map<string, string>();
  for (let i = 0; i < trimIds.length; i += 500) {
    const rows = await db
      .selectFrom('trims')
      .select('id')
      .where('group_id', '=', groupId)
      .where('id', 'in', trimIds.slice(i, i + 500))
      .execute();
    for (const r of rows) trims.add(r.id);
  }
  for (let i = 0; i < optionIds.length; i += 500) {
    const rows = await db
      .selectFrom('catalog_options')
      .select(['id', 'kind'])
      .where('group_id', '=', groupId)
      .where('id', 'in', optionIds.slice(i, i + 500))
      .execute();
    for (const r of rows) options.set(r.id, r.kind);
  }
  return { trims, options };
}
