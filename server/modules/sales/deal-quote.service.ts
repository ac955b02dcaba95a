import { calculateDeal, dealCalcProblem, type DealTotals } from '../../../common/sales/deal.calc';
import type { Energy } from '../../../common/catalog/catalog.enums';
import type { UpdateQuote } from '../../../common/sales/deal.schemas';
import type { DbOrTrx } from '../../db/database';
import { AppError, type FieldError } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { newId } from '../../platform/ids';
import { assertQuoteLineAllowed, priceInForce } from '../catalog';
import { findVehicleRow, type VehicleRow } from '../vehicles';
import { serviceLabels } from './contract.texts';
import type { DealLinesTable } from './sales.tables';

export type QuoteInput = Omit<UpdateQuote, 'version'>;

export interface BuiltQuote {
  trimId: string;
  energy: Energy;
  vehicle: VehicleRow | null;
  exteriorColourId: string | null;
  displayPrice: number;
  lines: Omit<DealLinesTable, 'deal_id'>[];
  totals: DealTotals;
  purchaseDate: string;
}

const invalid = (errors: FieldError[]) => new AppError('request.invalid', { errors });
const unknownRef = (path: string, code: string) =>
  new AppError('catalog.unknown_reference', { errors: [{ path, code, message: code.replace(/_/g, ' ') }] });

/**
 * Prices a quote against the store's price list in force today (汽车销售管理办法 Art. 10): the vehicle,
 * every option, accessory and service line at most at its displayed price and only if on display; the
 * trade-in credit within its appraisal; the payment scenario consistent. Refuses naming the field.
 */
export async function buildQuote(
  db: DbOrTrx,
  store: { id: string; group_id: string },
  input: QuoteInput,
  today: string,
  lang: Lang,
  dealId: string | null,
): Promise<BuiltQuote> {
  let vehicle: VehicleRow | null = null;
  if (input.vehicleId) {
    vehicle = (await findVehicleRow(db, input.vehicleId)) ?? null;
    if (!vehicle || vehicle.store_id !== store.id) throw unknownRef('vehicleId', 'unknown_vehicle');
    const heldHere = vehicle.reserved_deal_id !== null && vehicle.reserved_deal_id === dealId;
    const available = ['in_stock', 'demo', 'on_order', 'in_transit'].includes(vehicle.status);
    if (!heldHere && !available)
      throw new AppError('sales.vehicle_not_available', {
        params: { status: vehicle.status },
        errors: [{ path: 'vehicleId', code: 'vehicle_not_available', message: vehicle.status }],
      });
  }
  const trimId = vehicle?.trim_id ?? input.trimId;
  if (!trimId)
    throw invalid([{ path: 'trimId', code: 'required', message: 'a vehicle from stock or a trim' }]);
  if (vehicle && input.trimId && input.trimId !== vehicle.trim_id)
    throw invalid([
      { path: 'trimId', code: 'not_the_vehicles_trim', message: 'the vehicle is of another trim' },
    ]);
  const trim = await db
    .selectFrom('trims')
    .select(['id', 'model_id', 'energy'])
    .where('id', '=', trimId)
    .where('group_id', '=', store.group_id)
    .executeTakeFirst();
  if (!trim) throw unknownRef('trimId', 'unknown_trim');
  const colourId = vehicle?.exterior_colour_id ?? input.exteriorColourId ?? null;
  if (colourId) {
    const colour = await db
      .selectFrom('trim_colours')
      .select('id')
      .where('id', '=', colourId)
      .where('trim_id', '=', trim.id)
      .executeTakeFirst();
    if (!colour) throw unknownRef('exteriorColourId', 'unknown_colour');
  }

  const priced = await priceInForce(db, store.id, today);
  const displayOf = (kind: string, ref: string) =>
    priced?.items.find((i) => i.item_kind === kind && i.item_ref === ref)?.display_price ?? null;
  const line = (
    itemKind: 'trim' | 'option' | 'accessory' | 'fee',
    itemRef: string,
    price: number,
    path: string,
  ) => assertQuoteLineAllowed(db, { storeId: store.id, date: today, itemKind, itemRef, price }, lang, path);

  await line('trim', trim.id, input.vehiclePrice, 'vehiclePrice');
  const displayPrice = displayOf('trim', trim.id)!;

  const optionIds = [...new Set((input.options ?? []).map((o) => o.optionId))];
  const options = optionIds.length
    ? await db
        .selectFrom('catalog_options')
        .select(['id', 'kind', 'name', 'model_id'])
        .where('group_id', '=', store.group_id)
        .where('id', 'in', optionIds)
        .execute()
    : [];
  const lines: BuiltQuote['lines'] = [];
  let position = 0;
  for (const [i, o] of (input.options ?? []).entries()) {
    const path = `options.${i}`;
    const option = options.find((x) => x.id === o.optionId);
    if (!option) throw unknownRef(`${path}.optionId`, 'unknown_option');
    if (option.model_id !== null && option.model_id !== trim.model_id)
      throw invalid([
        { path: `${path}.optionId`, code: 'option_not_for_model', message: 'does not fit the model' },
      ]);
    if (lines.some((l) => l.ref === option.id))
      throw invalid([{ path: `${path}.optionId`, code: 'repeated', message: 'listed twice' }]);
    const itemKind = option.kind === 'factory_option' ? 'option' : 'accessory';
    if (o.accepted) await line(itemKind, option.id, o.price, `${path}.price`);
    lines.push({
      id: newId(),
      kind: option.kind,
      ref: option.id,
      name: option.name,
      display_price: displayOf(itemKind, option.id),
      price: o.price,
      accepted: o.accepted ? 1 : 0,
      position: ++position,
    });
  }
  for (const [i, s] of (input.services ?? []).entries()) {
    const path = `services.${i}`;
    if (lines.some((l) => l.kind === 'service' && l.ref === s.code))
      throw invalid([{ path: `${path}.code`, code: 'repeated', message: 'listed twice' }]);
    // Art. 10: a service fee only as published; Art. 14: declining it is always possible
    if (s.accepted) await line('fee', s.code, s.price, `${path}.price`);
    lines.push({
      id: newId(),
      kind: 'service',
      ref: s.code,
      name: serviceLabels[s.code]?.['zh-CN'] ?? s.code,
      display_price: displayOf('fee', s.code),
      price: s.price,
      accepted: s.accepted ? 1 : 0,
      position: ++position,
    });
  }
  if (input.tradeIn && input.tradeIn.credit > input.tradeIn.appraisedValue)
    throw invalid([
      { path: 'tradeIn.credit', code: 'above_appraisal', message: 'at most the appraised value' },
    ]);

  const purchaseDate = input.expectedPurchaseDate ?? today;
  const calcInput = {
    displayPrice,
    vehiclePrice: input.vehiclePrice,
    energy: trim.energy as Energy,
    lines: lines.map((l) => ({
      kind: l.kind as 'factory_option',
      price: l.price,
      accepted: Boolean(l.accepted),
    })),
    tradeInCredit: input.tradeIn?.credit ?? 0,
    paymentKind: input.paymentKind ?? 'full',
    loan: input.loan ?? null,
    purchaseDate,
  };
  const problem = dealCalcProblem(calcInput);
  if (problem) throw invalid([{ ...problem, message: problem.code.replace(/_/g, ' ') }]);
  return {
    trimId: trim.id,
    energy: trim.energy as Energy,
    vehicle,
    exteriorColourId: colourId,
    displayPrice,
    lines,
    totals: calculateDeal(calcInput),
    purchaseDate,
  };
}
