/**
 * Repair-time counting of the 三包 rules (SAMR Order No. 43, 家用汽车产品修理更换
 * 退货责任规定, in force 2022-01-01), Art. 40.
 */
import { parseInstant } from './civil-date';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Why time is excluded from repair time (三包 Art. 40). */
export type RepairExclusionReason =
  'anti_theft_custom_part' | 'main_harness' | 'traction_battery_shipping' | 'rescue_travel';

/**
 * Repair days of one repair, 三包 Art. 40: repair time runs from when consumer
 * and repairer settle the repair until it is completed; every full 24 h is one
 * day and a remainder under 24 h counts as one more day. Time waiting for parts
 * customised to the VIN for the anti-theft system, for main wiring harnesses,
 * for shipping a traction battery, and rescue travel time, is excluded
 * (`excludedHours`, the caller's sum of those periods).
 * A repair whose effective time is zero counts 0 days.
 * Throws RangeError on malformed instants, completion before start or a negative exclusion.
 */
export function repairDays(startedAt: string, completedAt: string, excludedHours = 0): number {
  const start = parseInstant(startedAt);
  const end = parseInstant(completedAt);
  if (start === null || end === null)
    throw new RangeError('startedAt/completedAt must be ISO-8601 instants with offset');
  if (end < start) throw new RangeError('completedAt is before startedAt');
  if (!(excludedHours >= 0)) throw new RangeError('excludedHours must not be negative');
  const effective = Math.max(0, end - start - Math.round(excludedHours * HOUR_MS));
  return Math.ceil(effective / DAY_MS);
}
