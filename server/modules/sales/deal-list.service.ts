import type { z } from 'zod';
import type { dealListQuery } from '../../../common/sales/deal.schemas';
import { type DealStatus } from '../../../common/sales/deal.status';
import { daysBetween, localDateOf, localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx } from '../../db/database';
import { notFound } from '../../platform/errors';
import { applyPage, parseSort, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { dealBalances } from './balance';
import { viewDeal } from './deal.view';
import { dealScope, findDealRow, reachFilter } from './sales.access';
export async function getDeal(db: DbOrTrx, actor: Actor, id: string) {
  const row = await findDealRow(db, id);
  if (!row) throw notFound('deal');
  const reach = requirePermission(actor, 'deals.read');
  if (!reaches(reach, dealScope(row))) throw notFound('deal');
  return viewDeal(db, row, actor);
}

/** Deals in reach, newest activity first, with status, amount, balance and aging (managers' list). */
export async function listDeals(db: DbOrTrx, actor: Actor, query: z.infer<typeof dealListQuery>) {
  const reach = reachFilter(requirePermission(actor, 'deals.read'));
  let q = db
    .selectFrom('deals')
    .innerJoin('customers', 'customers.id', 'deals.customer_id')
    .innerJoin('users', 'users.id', 'deals.consultant_id')
    .innerJoin('trims', 'trims.id', 'deals.trim_id')
    .innerJoin('models', 'models.id', 'trims.model_id')
    .innerJoin('stores', 'stores.id', 'deals.store_id')
    .leftJoin('vehicles', 'vehicles.id', 'deals.vehicle_id')
    .selectAll('deals')
    .select([
      'customers.name as customer_name',
      'users.display_name as consultant_name',
      'trims.name as trim_name',
      'models.name as model_name',
      'vehicles.vin as vin',
      'stores.timezone as timezone',
    ])
    .where('deals.group_id', '=', reach.groupId);
  if (reach.storeIds) q = q.where('deals.store_id', 'in', reach.storeIds);
  if (reach.consultantId) q = q.where('deals.consultant_id', '=', reach.consultantId);
  if (query.storeId) q = q.where('deals.store_id', '=', query.storeId);
  if (query.status) q = q.where('deals.status', '=', query.status);
  if (query.consultantId) q = q.where('deals.consultant_id', '=', query.consultantId);
  if (query.customerId) q = q.where('deals.customer_id', '=', query.customerId);
  const sort = parseSort(
    query.sort,
    { createdAt: 'deals.created_at', updatedAt: 'deals.updated_at' },
    '-updatedAt',
  );
  const rows = await applyPage(q, sort, 'deals.id', query.limit, query.cursor).execute();
  const balances = await dealBalances(db, rows.slice(0, query.limit));
  return toPage(
    rows,
    query.limit,
    (r) => (sort.field === 'createdAt' ? r.created_at : r.updated_at),
    (r) => r.id,
    (r) => ({
      id: r.id,
      number: r.number,
      storeId: r.store_id,
      status: r.status as DealStatus,
      customerId: r.customer_id,
      customerName: r.customer_name,
      consultantId: r.consultant_id,
      consultantName: r.consultant_name,
      vin: r.vin ?? null,
      vehicleName: `${r.model_name} ${r.trim_name}`,
      ageDays: Math.max(0, daysBetween(localDateOf(r.created_at, r.timezone), localToday(r.timezone))),
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      dueToDealer: r.due_to_dealer,
      discount: r.discount,
      balance: balances.get(r.id)?.balance ?? r.due_to_dealer,
    }),
  );
}
