import type { CustomerListQuery } from '../../../common/crm/customer.schemas';
import type { DbOrTrx } from '../../db/database';
import type { AppContext } from '../../platform/context';
import { applyPage, pageInMemory, parseSort, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { lookupHash } from '../../platform/pii';
import { reachStores } from './crm.access';
import type { CustomerRow } from './customer.repo';
import { planSearch, prefixUpperBound, searchCandidateIds } from './customer-search.repo';
import { toCustomers } from './customer.view';

/**
 * The customer file of the stores in reach, searched as the consultant types: name prefix, mobile
 * (full or last 4), plate, VIN (full or last 6), identity number (exact, keyed hash), USCC. Contact
 * data is masked per customer for readers who do not own it.
 */
export async function listCustomers(ctx: AppContext, db: DbOrTrx, actor: Actor, query: CustomerListQuery) {
  const reach = requirePermission(actor, 'customers.read');
  const sort = parseSort(
    query.sort,
    { name: 'customers.name_search', createdAt: 'customers.created_at', updatedAt: 'customers.updated_at' },
    query.q ? 'name' : '-updatedAt',
  );
  let q = db
    .selectFrom('customers')
    .selectAll('customers')
    .where('customers.group_id', '=', reach.groupId)
    .where('customers.status', '=', query.status);
  const stores = reachStores(reach);
  if (reach.scope === 'own') q = q.where('customers.owner_id', '=', reach.userId);
  else if (stores) q = q.where('customers.store_id', 'in', stores.length ? stores : ['']);
  if (query.storeId) q = q.where('customers.store_id', '=', query.storeId);
  if (query.ownerId) q = q.where('customers.owner_id', '=', query.ownerId);
  if (query.type) q = q.where('customers.type', '=', query.type);
  if (query.tag) q = q.where('customers.tags', 'like', `%${JSON.stringify(query.tag).replace(/[%_]/g, '')}%`);
  /** The same filters as above, for candidates loaded by key (so no planner can pick a group-wide index). */
  const tag = query.tag ? JSON.stringify(query.tag).replace(/[%_]/g, '') : null;
  const matches = (r: CustomerRow) =>
    r.group_id === reach.groupId &&
    r.status === query.status &&
    (reach.scope !== 'own' || r.owner_id === reach.userId) &&
    (reach.scope === 'own' || !stores || stores.includes(r.store_id)) &&
    (!query.storeId || r.store_id === query.storeId) &&
    (!query.ownerId || r.owner_id === query.ownerId) &&
    (!query.type || r.type === query.type) &&
    (!tag || r.tags.includes(tag));
  const value = (r: CustomerRow) =>
    ({ name: r.name_search, createdAt: r.created_at, updatedAt: r.updated_at })[sort.field as 'name'];
  let rows: CustomerRow[];
  const plan = query.q?.trim() ? planSearch(query.q, (plain) => lookupHash(ctx.keys, plain)) : null;
  if (plan) {
    const ids = await searchCandidateIds(db, reach.groupId, plan);
    const name = plan.namePrefix;
    if (name)
      rows = await applyPage(
        q.where((eb) =>
          eb.or([
            eb.and([
              eb('customers.name_search', '>=', name),
              eb('customers.name_search', '<', prefixUpperBound(name)),
            ]),
            eb('customers.id', 'in', ids.length ? ids : ['']),
          ]),
        ),
        sort,
        'customers.id',
        query.limit,
        query.cursor,
      ).execute();
    // only exact keys (mobile, last 4, plate, VIN, id number): at most a few hundred candidates, by key
    else
      rows = pageInMemory(
        ids.length
          ? (await db.selectFrom('customers').selectAll().where('id', 'in', ids).execute()).filter(matches)
          : [],
        sort,
        value,
        (r) => r.id,
        query.limit,
        query.cursor,
      );
  } else rows = await applyPage(q, sort, 'customers.id', query.limit, query.cursor).execute();
  const page = toPage(
    rows,
    query.limit,
    value,
    (r) => r.id,
    (r) => r,
  );
  return { items: await toCustomers(db, ctx.keys, actor, page.items), nextCursor: page.nextCursor };
}
