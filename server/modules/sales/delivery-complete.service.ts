import { deliveryBlockersOf, type PdiResult } from '../../../common/sales/delivery.checklist';
import type { Delivery } from '../../../common/sales/delivery.schemas';
import { addDays, addMonths, localToday, localToUtc } from '../../../common/rules/civil-date';
import { splitVat } from '../../../common/rules/vehicle-tax';
import type { Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import type { Actor } from '../../platform/permissions';
import { recordCustomerEvent, registerPurchasedVehicle, scheduleCustomerTasks } from '../crm';
import { findStoreRow } from '../identity';
import { markVehicleDelivered } from '../vehicles';
import { dealBalance } from './balance';
import { moveDeal } from './deal.service';
import { loadDelivery, updateDeliveryRow, viewDelivery } from './delivery.service';
import { findDealRow, type DealRow } from './sales.access';
import { salesSettingsOf } from './sales-settings.service';

const stateConflict = (state: string) => new AppError('resource.state_conflict', { params: { state } });

/** 09:30 in the store's zone on a local date, as an instant (care calls are due in the morning). */
const morningOf = (date: string, timezone: string) => localToUtc(date, '09:30', timezone);

/**
 * The handover (交车, H5.1): refused while a PDI item failed or is pending, a document or key is missing,
 * money is outstanding, the invoice is not issued or the customer has not signed. Then, in the same
 * transaction: the car is delivered, the deal closed, the car joins the customer's vehicles, the care
 * plan (calls on day 1, 7, 30) and the first-maintenance reminder land on the consultant's My day
 * (H4.2.2), and the deal's gross is recorded for commission.
 */
export async function completeDelivery(
  trx: Trx,
  actor: Actor,
  id: string,
  version: number,
): Promise<Delivery> {
  const { row, deal } = await loadDelivery(trx, actor, id, 'deliveries.manage');
  if (row.status !== 'scheduled') throw stateConflict(row.status);
  if (version !== row.version)
    throw new AppError('resource.version_conflict', { params: { current: row.version } });
  const { balance } = await dealBalance(trx, deal);
  const invoice = await trx
    .selectFrom('invoices')
    .select(['id', 'issue_date'])
    .where('deal_id', '=', deal.id)
    .where('kind', '=', 'blue')
    .where('status', '=', 'issued')
    .executeTakeFirst();
  const blockers = deliveryBlockersOf({
    pdi: JSON.parse(row.pdi_json) as { item: string; result: PdiResult }[],
    documents: JSON.parse(row.documents_json) as { document: string; present: boolean }[],
    keysExpected: row.keys_expected,
    keysHanded: row.keys_handed,
    compensationRate: row.compensation_rate_ppm === null ? null : row.compensation_rate_ppm / 1_000_000,
    balance,
    invoiceIssued: Boolean(invoice),
    customerSigned: row.customer_signed_at !== null,
  });
  if (blockers.length)
    throw new AppError('sales.delivery_blocked', {
      errors: blockers.map((b) => ({ path: b.blocker, code: b.blocker, message: b.items.join(', ') })),
    });
  const now = nowIso();
  const after = await updateDeliveryRow(trx, row, version, {
    status: 'completed',
    completed_at: now,
    completed_by: actor.userId,
  });
  await markVehicleDelivered(trx, actor, deal.vehicle_id!);
  const closed = await moveDeal(trx, deal, deal.version, 'delivered');
  const store = (await findStoreRow(trx, deal.store_id))!;
  const today = localToday(store.timezone);
  await handOverToCustomer(trx, closed, today);
  await planAftercare(trx, actor, closed, store.timezone, today);
  await recordCommission(trx, closed, today);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: deal.store_id,
    entity: 'delivery',
    entityId: row.id,
    action: 'complete',
  });
  await recordCustomerEvent(trx, {
    groupId: deal.group_id,
    storeId: deal.store_id,
    customerId: deal.customer_id,
    type: 'sales.delivery.completed',
    entity: 'delivery',
    entityId: row.id,
    actorId: actor.userId,
    data: { number: row.number, dealNumber: deal.number },
  });
  await emitEvent(
    trx,
    'sales.deal.delivered',
    { dealId: deal.id, deliveryId: row.id, customerId: deal.customer_id },
    deal.store_id,
  );
  return viewDelivery(trx, after);
}

async function handOverToCustomer(trx: Trx, deal: DealRow, today: string) {
  const v = await trx
    .selectFrom('vehicles')
    .innerJoin('trims', 'trims.id', 'vehicles.trim_id')
    .innerJoin('models', 'models.id', 'trims.model_id')
    .innerJoin('brands', 'brands.id', 'models.brand_id')
    .select([
      'vehicles.vin',
      'vehicles.model_year',
      'trims.id as trim_id',
      'models.name as model',
      'brands.name as brand',
    ])
    .where('vehicles.id', '=', deal.vehicle_id!)
    .executeTakeFirstOrThrow();
  await registerPurchasedVehicle(trx, {
    groupId: deal.group_id,
    storeId: deal.store_id,
    customerId: deal.customer_id,
    vin: v.vin,
    trimId: v.trim_id,
    brandName: v.brand,
    modelName: v.model,
    modelYear: v.model_year,
    purchaseDate: today,
    plate: null,
  });
}

/** H4.2.2: care calls on the configured days and the first maintenance by date and mileage, as tasks. */
async function planAftercare(trx: Trx, actor: Actor, deal: DealRow, timezone: string, today: string) {
  const settings = await salesSettingsOf(trx, deal.store_id);
  const customer = await trx
    .selectFrom('customers')
    .select('name')
    .where('id', '=', deal.customer_id)
    .executeTakeFirstOrThrow();
  const base = {
    groupId: deal.group_id,
    storeId: deal.store_id,
    customerId: deal.customer_id,
    leadId: deal.lead_id,
    assigneeId: deal.consultant_id,
    createdBy: actor.userId,
  };
  const calls = settings.careCallDays.map((day) => ({
    ...base,
    type: 'call',
    title: `交车后第 ${day} 天回访 ${customer.name}`,
    dueAt: morningOf(addDays(today, day), timezone),
    source: `care_plan_day_${day}`,
  }));
  const firstService = addMonths(today, settings.firstMaintenanceMonths);
  const reminder = {
    ...base,
    type: 'message',
    title: `首保提醒 ${customer.name}：${firstService} 前或行驶 ${settings.firstMaintenanceKm} km`,
    // a fortnight before the date, so the booking can be made
    dueAt: morningOf(addDays(firstService, -14), timezone),
    source: 'first_maintenance',
  };
  await scheduleCustomerTasks(trx, [...calls, reminder]);
}

/** The gross of the deal for the staff module's commission (front: vehicle; back: services and accessories). */
async function recordCommission(trx: Trx, deal: DealRow, today: string) {
  const lines = await trx
    .selectFrom('deal_lines')
    .select(['kind', 'price', 'accepted'])
    .where('deal_id', '=', deal.id)
    .execute();
  const accepted = lines.filter((l) => l.accepted === 1);
  const back = accepted.filter((l) => l.kind !== 'factory_option').reduce((s, l) => s + l.price, 0);
  const options = accepted.filter((l) => l.kind === 'factory_option').reduce((s, l) => s + l.price, 0);
  const vehicle = await trx
    .selectFrom('vehicles')
    .select('purchase_cost')
    .where('id', '=', deal.vehicle_id!)
    .executeTakeFirstOrThrow();
  const front =
    vehicle.purchase_cost === null
      ? null
      : splitVat(deal.vehicle_price + options).priceExclVat - splitVat(vehicle.purchase_cost).priceExclVat;
  await trx
    .insertInto('deal_commissions')
    .values({
      deal_id: deal.id,
      group_id: deal.group_id,
      store_id: deal.store_id,
      consultant_id: deal.consultant_id,
      delivered_on: today,
      front_gross: front,
      back_gross: back,
      created_at: nowIso(),
    })
    .execute();
  return findDealRow(trx, deal.id);
}
