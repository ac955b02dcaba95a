/**
 * 三包 periods (SAMR Order No. 43, 家用汽车产品修理更换退货责任规定, in force
 * 2022-01-01), counted per Civil Code Arts. 201-202 (see ./civil-date).
 */
import { periodEndByDays, periodEndByYears } from './civil-date';

export interface ThreeGuaranteeWindow {
  /** Last day of the window (inclusive). */
  lastDay: string;
  /** Distance limit in km (inclusive), or null when the window is time-only. */
  km: number | null;
}

export interface ThreeGuaranteeWindows {
  /** Art. 22: 7 days. */
  sevenDay: ThreeGuaranteeWindow;
  /** Arts. 20, 23: 60 days or 3,000 km, whichever comes first. */
  sixtyDay: ThreeGuaranteeWindow;
  /** Art. 18: 三包有效期, 2 years or 50,000 km, whichever comes first. */
  validity: ThreeGuaranteeWindow;
  /** Art. 18: 包修期, 3 years or 60,000 km, whichever comes first. */
  warranty: ThreeGuaranteeWindow;
}

/**
 * 三包 Art. 18 ¶2: the periods start on the invoice date, or on the delivery date
 * where the two differ.
 */
export function threeGuaranteePeriodStart(invoiceDate: string, deliveryDate?: string): string {
  return deliveryDate ?? invoiceDate;
}

/**
 * The four windows from the period start, each ending at whichever of time or
 * distance comes first:
 *  - Art. 22: 7 days; Arts. 20/23: 60 days or 3,000 km (days per Civil Code Art. 201,
 *    start day not counted: start 2024-01-01 → last day 2024-01-08 / 2024-03-01);
 *  - Art. 18: validity 2 years or 50,000 km, warranty 3 years or 60,000 km — the
 *    minimums the rule imposes (a maker may promise more) — ending on the
 *    corresponding date or the month's last day (Civil Code Art. 202:
 *    2024-02-29 + 2 years → 2026-02-28).
 */
export function threeGuaranteeWindows(periodStart: string): ThreeGuaranteeWindows {
  return {
    sevenDay: { lastDay: periodEndByDays(periodStart, 7), km: null },
    sixtyDay: { lastDay: periodEndByDays(periodStart, 60), km: 3000 },
    validity: { lastDay: periodEndByYears(periodStart, 2), km: 50_000 },
    warranty: { lastDay: periodEndByYears(periodStart, 3), km: 60_000 },
  };
}

/**
 * Whether an event on `date` at `km` falls inside `window` ("以先到者为准":
 * both the day and the distance must still be within their limits). An unknown
 * distance (undefined) is judged on the date alone.
 */
export function withinWindow(window: ThreeGuaranteeWindow, date: string, km?: number): boolean {
  if (date > window.lastDay) return false;
  return window.km === null || km === undefined || km <= window.km;
}
