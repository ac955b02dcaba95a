import type { z } from 'zod';
import type { commissionListQuery } from '../../../common/sales/delivery.schemas';
import type { DbOrTrx } from '../../db/database';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { reachFilter } from './sales.access';

/** The gross of delivered deals per consultant (the staff module pays commission from it). */
export async function listCommissions(db: DbOrTrx, actor: Actor, query: z.infer<typeof commissionListQuery>) {
  const reach = reachFilter(requirePermission(actor, 'deals.read'));
  let q = db
    .selectFrom('deal_commissions')
    .innerJoin('deals', 'deals.id', 'deal_commissions.deal_id')
    .innerJoin('users', 'users.id', 'deal_commissions.consultant_id')
    .selectAll('deal_commissions')
    .select(['deals.number as deal_number', 'users.display_name as consultant_name'])
    .where('deal_commissions.group_id', '=', reach.groupId);
  if (reach.storeIds) q = q.where('deal_commissions.store_id', 'in', reach.storeIds);
  if (reach.consultantId) q = q.where('deal_commissions.consultant_id', '=', reach.consultantId);
  if (query.storeId) q = q.where('deal_commissions.store_id', '=', query.storeId);
  if (query.consultantId) q = q.where('deal_commissions.consultant_id', '=', query.consultantId);
  if (query.from) q = q.where('deal_commissions.delivered_on', '>=', query.from);
  if (query.to) q = q.where('deal_commissions.delivered_on', '<=', query.to);
  const sort = { column: 'deal_commissions.delivered_on', direction: 'desc' as const, field: 'deliveredOn' };
  const rows = await applyPage(q, sort, 'deal_commissions.deal_id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.delivered_on,
    (r) => r.deal_id,
    (r) => ({
      dealId: r.deal_id,
      dealNumber: r.deal_number,
      storeId: r.store_id,
      consultantId: r.consultant_id,
      consultantName: r.consultant_name,
      deliveredOn: r.delivered_on,
      frontGross: r.front_gross,
      backGross: r.back_gross,
    }),
  );
}
