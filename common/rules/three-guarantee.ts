/**
 * 三包 assessment over a vehicle's history: SAMR Order No. 43, 家用汽车产品修理
 * 更换退货责任规定 (in force 2022-01-01). Pure: the assessment date is an input.
 *
 * Validate requests with `threeGuaranteeRequestSchema` (./rules.schemas) first;
 * this function assumes well-formed input and throws RangeError otherwise.
 */
import { chinaDateOfEpochMs, parseInstant } from './civil-date';
import { divRoundHalfUp } from './money';
import { repairDays } from './repair-days';
import {
  article19,
  article20,
  article21,
  article22,
  article23,
  article24Item1,
  article24Item2,
  article24Item3,
  article24Item4,
  type PreparedRepair,
  type TgContext,
} from './three-guarantee-remedies';
import type {
  TgCheck,
  TgRemedy,
  TgUsageCompensation,
  ThreeGuaranteeRequest,
  ThreeGuaranteeResult,
} from './three-guarantee-types';
import { threeGuaranteePeriodStart, threeGuaranteeWindows, withinWindow } from './three-guarantee-windows';

/** 三包 Art. 27: the usage compensation factor n may not exceed 0.5 %. */
export const MAX_USAGE_COMPENSATION_RATE = 0.005;

/**
 * Usage compensation, 三包 Art. 27: price (元) × km / 1000 × n, with n ≤ 0.5 %;
 * here in fen, rounded 四舍五入. `rate` is taken to six decimal places.
 * Throws RangeError for a rate above 0.005 or negative inputs.
 * Example: ¥226,000 × 5,000 km / 1000 × 0.5 % = ¥5,650.00.
 */
export function usageCompensation(priceFen: number, km: number, rate: number): number {
  if (!Number.isSafeInteger(priceFen) || priceFen < 0)
    throw new RangeError('price must be a non-negative integer of fen');
  if (!Number.isSafeInteger(km) || km < 0) throw new RangeError('km must be a non-negative integer');
  if (!(rate >= 0) || rate > MAX_USAGE_COMPENSATION_RATE)
    throw new RangeError('rate n must be between 0 and 0.005 (三包 Art. 27)');
  const ppm = Math.round(rate * 1_000_000);
  return divRoundHalfUp(BigInt(priceFen) * BigInt(km) * BigInt(ppm), 1000n * 1_000_000n);
}

function prepare(request: ThreeGuaranteeRequest, ctxWindows: TgContext['windows']): PreparedRepair[] {
  return request.repairs.map((r, i) => {
    const startMs = parseInstant(r.startedAt);
    const endMs = parseInstant(r.completedAt);
    if (startMs === null || endMs === null) throw new RangeError(`repairs[${i}]: malformed instant`);
    const startDate = chinaDateOfEpochMs(startMs);
    return {
      ...r,
      number: i + 1,
      startMs,
      endMs,
      startDate,
      endDate: chinaDateOfEpochMs(endMs),
      days: repairDays(r.startedAt, r.completedAt, r.excludedHours ?? 0),
      inValidity: withinWindow(ctxWindows.validity, startDate, r.odometerKm),
      inWarranty: withinWindow(ctxWindows.warranty, startDate, r.odometerKm),
    };
  });
}

/**
 * Assesses the 三包 position of a vehicle on `assessDate`:
 *  - Art. 18: period start (invoice date, or delivery date where different) and
 *    the 7-day, 60-day/3,000 km, validity 2 y/50,000 km and warranty 3 y/60,000 km
 *    windows, whichever of time or distance comes first (Civil Code Arts. 201-202);
 *  - remedies of Arts. 19 (free repair), 20 (replace the assembly), 21 (spare car),
 *    22 and 23 (return or replace within 7 / 60 days), 24(1)-(4) (return or
 *    replace within the validity), with repair days per Art. 40;
 *  - Art. 27 usage compensation when a return or replacement under Art. 24 is
 *    available and a price is given (rate n defaults to the 0.5 % maximum).
 *    Arts. 22 and 23 oblige the seller to replace or refund 免费 (free of charge),
 *    so no compensation is computed for them.
 * Each remedy and check carries its article and a reason code with params.
 */
export function assessThreeGuarantee(request: ThreeGuaranteeRequest): ThreeGuaranteeResult {
  const periodStart = threeGuaranteePeriodStart(request.invoiceDate, request.deliveryDate);
  const windows = threeGuaranteeWindows(periodStart);
  const ctx: TgContext = { windows, repairs: [] };
  if (request.failure) ctx.failure = request.failure;
  ctx.repairs = prepare(request, windows);

  const remedies: TgRemedy[] = [];
  const checks: TgCheck[] = [];
  for (const rule of [
    article22,
    article23,
    article20,
    article24Item1,
    article24Item2,
    article24Item3,
    article24Item4,
    article21,
    article19,
  ]) {
    const out = rule(ctx);
    remedies.push(...out.remedies);
    checks.push(...out.checks);
  }

  const sameProblemRepairs: Record<string, number> = {};
  let cumulative = 0;
  for (const r of ctx.repairs) {
    if (!r.inValidity) continue;
    cumulative += r.days;
    sameProblemRepairs[r.problem] = (sameProblemRepairs[r.problem] ?? 0) + 1;
  }

  const state = (w: (typeof windows)[keyof typeof windows]) => ({
    ...w,
    open: withinWindow(w, request.assessDate, request.odometerKm),
  });
  const result: ThreeGuaranteeResult = {
    periodStart,
    windows: {
      sevenDay: state(windows.sevenDay),
      sixtyDay: state(windows.sixtyDay),
      validity: state(windows.validity),
      warranty: state(windows.warranty),
    },
    remedies,
    checks,
    repairDays: { perRepair: ctx.repairs.map((r) => r.days), cumulative },
    sameProblemRepairs,
  };

  const art24 = remedies.some((r) => r.remedy === 'return_or_replace' && r.article.startsWith('24'));
  if (art24 && request.priceInclVat !== undefined) {
    const rate = request.compensationRate ?? MAX_USAGE_COMPENSATION_RATE;
    const comp: TgUsageCompensation = {
      priceInclVat: request.priceInclVat,
      km: request.odometerKm,
      rate,
      rateIsMaximum: request.compensationRate === undefined,
      amount: usageCompensation(request.priceInclVat, request.odometerKm, rate),
      article: '27',
    };
    result.usageCompensation = comp;
  }
  return result;
}
