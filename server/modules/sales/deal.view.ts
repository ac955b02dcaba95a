import type { Deal } from '../../../common/sales/deal.schemas';
import { calculateDeal, discountLimitOf } from '../../../common/sales/deal.calc';
import { dealActionsFrom, type DealStatus } from '../../../common/sales/deal.status';
import type { Energy } from '../../../common/catalog/catalog.enums';
import { daysBetween, localDateOf, localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx } from '../../db/database';
import type { Actor } from '../../platform/permissions';
import { dealBalance } from './balance';
import type { DealRow } from './sales.access';
import { salesSettingsOf } from './sales-settings.service';

const bool = (v: number) => v === 1;

async function userName(db: DbOrTrx, id: string | null) {
  if (!id) return null;
  const u = await db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst();
  return u?.display_name ?? id;
}

/** The roles the actor holds in a store: the discount limit is theirs there. */
export const rolesIn = (actor: Actor, storeId: string) =>
  actor.storeRoles.filter((r) => r.storeId === storeId || r.role === 'group_admin').map((r) => r.role);

export async function viewDeal(db: DbOrTrx, row: DealRow, actor: Actor): Promise<Deal> {
  const [lines, names, settings, balance, contract, delivery] = await Promise.all([
    db.selectFrom('deal_lines').selectAll().where('deal_id', '=', row.id).orderBy('position').execute(),
    db
      .selectFrom('deals')
      .innerJoin('customers', 'customers.id', 'deals.customer_id')
      .innerJoin('users', 'users.id', 'deals.consultant_id')
      .innerJoin('trims', 'trims.id', 'deals.trim_id')
      .innerJoin('models', 'models.id', 'trims.model_id')
      .innerJoin('brands', 'brands.id', 'models.brand_id')
      .innerJoin('stores', 'stores.id', 'deals.store_id')
      .leftJoin('vehicles', 'vehicles.id', 'deals.vehicle_id')
      .leftJoin('trim_colours', 'trim_colours.id', 'deals.exterior_colour_id')
      .select([
        'customers.name as customer_name',
        'users.display_name as consultant_name',
        'trims.name as trim_name',
        'models.name as model_name',
        'brands.name as brand_name',
        'vehicles.vin as vin',
        'trim_colours.name as colour_name',
        'stores.timezone as timezone',
      ])
      .where('deals.id', '=', row.id)
      .executeTakeFirstOrThrow(),
    salesSettingsOf(db, row.store_id),
    dealBalance(db, row),
    db
      .selectFrom('contracts')
      .select('id')
      .where('deal_id', '=', row.id)
      .orderBy('version_no', 'desc')
      .executeTakeFirst(),
    db
      .selectFrom('deliveries')
      .select('id')
      .where('deal_id', '=', row.id)
      .orderBy('created_at', 'desc')
      .executeTakeFirst(),
  ]);
  const tradeIn = row.trade_in_json ? (JSON.parse(row.trade_in_json) as Deal['tradeIn']) : null;
  const loan = row.loan_json ? (JSON.parse(row.loan_json) as Deal['loan']) : null;
  const totals = calculateDeal({
    displayPrice: row.display_price,
    vehiclePrice: row.vehicle_price,
    energy: row.energy as Energy,
    lines: lines.map((l) => ({ kind: l.kind as 'service', price: l.price, accepted: bool(l.accepted) })),
    tradeInCredit: tradeIn?.credit ?? 0,
    paymentKind: row.payment_kind as 'full' | 'loan',
    loan,
    purchaseDate: row.expected_purchase_date,
  });
  const today = localToday(names.timezone);
  const approval =
    row.approval_requested_at || row.approval_decided_at
      ? {
          requestedBy: await userName(db, row.approval_requested_by),
          requestedAt: row.approval_requested_at,
          decidedBy: await userName(db, row.approval_decided_by),
          decidedAt: row.approval_decided_at,
          decision: row.approval_decision as 'approved' | 'rejected' | null,
          note: row.approval_note,
        }
      : null;
  return {
    id: row.id,
    number: row.number,
    storeId: row.store_id,
    status: row.status as DealStatus,
    customerId: row.customer_id,
    customerName: names.customer_name,
    leadId: row.lead_id,
    consultantId: row.consultant_id,
    consultantName: names.consultant_name,
    vehicleId: row.vehicle_id,
    vin: names.vin ?? null,
    trimId: row.trim_id,
    vehicleName: `${names.brand_name} ${names.model_name} ${names.trim_name}`,
    energy: row.energy as Energy,
    exteriorColourId: row.exterior_colour_id,
    colourName: names.colour_name ?? null,
    lines: lines.map((l) => ({
      id: l.id,
      kind: l.kind as 'service',
      ref: l.ref,
      name: l.name,
      displayPrice: l.display_price,
      price: l.price,
      accepted: bool(l.accepted),
    })),
    tradeIn,
    paymentKind: row.payment_kind as 'full' | 'loan',
    loan,
    expectedPurchaseDate: row.expected_purchase_date,
    notes: row.notes,
    totals,
    discountLimit: discountLimitOf(rolesIn(actor, row.store_id), settings.discountLimits),
    approval,
    balance,
    contractId: contract?.id ?? null,
    deliveryId: delivery?.id ?? null,
    actions: dealActionsFrom(row.status as DealStatus),
    ageDays: Math.max(0, daysBetween(localDateOf(row.created_at, names.timezone), today)),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
