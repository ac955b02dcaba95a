/**
 * Stock planning rules (库存预警 and stock plans, H7.1.2-3), pure so that the server and the tests
 * share them. Quantities are whole units; the textbook formulas are applied as stated and rounded up
 * to whole units only at the end (a shelf holds whole parts).
 */

export interface DemandStats {
  days: number;
  total: number;
  mean: number;
  /** Sample standard deviation of daily demand (n − 1), 0 for fewer than two days. */
  sd: number;
}

/** Mean and standard deviation of daily demand over a history of `dailyDemand.length` days. */
export function demandStats(dailyDemand: readonly number[]): DemandStats {
  const days = dailyDemand.length;
  const total = dailyDemand.reduce((a, b) => a + b, 0);
  const mean = days ? total / days : 0;
  const sd = days > 1 ? Math.sqrt(dailyDemand.reduce((s, d) => s + (d - mean) ** 2, 0) / (days - 1)) : 0;
  return { days, total, mean, sd };
}

/**
 * z for a cycle service level: the standard normal quantile (Acklam's rational approximation,
 * |error| < 1.2e-9). 95 % → 1.645, 97.5 % → 1.960, 99 % → 2.326.
 */
export function serviceLevelZ(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError('service level must be between 0 and 1');
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (level < low) {
    const q = Math.sqrt(-2 * Math.log(level));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (level > 1 - low) return -serviceLevelZ(1 - level);
  const q = level - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** Safety stock = z · σ(daily demand) · √(lead time in days). */
export function safetyStock(z: number, sdDaily: number, leadTimeDays: number): number {
  return z * sdDaily * Math.sqrt(leadTimeDays);
}

/** Reorder point = mean daily demand × lead time + safety stock, in whole units (rounded up). */
export function reorderPoint(meanDaily: number, leadTimeDays: number, safety: number): number {
  return Math.ceil(meanDaily * leadTimeDays + safety - 1e-9);
}

export type AbcClass = 'A' | 'B' | 'C';

/**
 * ABC classification by consumption value (default 80 / 15 / 5 %): items sorted by value, highest first;
 * an item is A while the cumulative share including it stays within `a` %, B within `a + b` %, else C.
 * The first item is always A (one part can be most of the spend); items with no consumption are C.
 */
export function classifyAbc<T>(
  items: readonly T[],
  value: (item: T) => number,
  thresholds: { a: number; b: number } = { a: 80, b: 15 },
): Map<T, AbcClass> {
  const sorted = [...items].sort((x, y) => value(y) - value(x));
  const total = sorted.reduce((s, i) => s + value(i), 0);
  const out = new Map<T, AbcClass>();
  let cumulative = 0;
  sorted.forEach((item, index) => {
    const v = value(item);
    cumulative += v;
    // compare in integers: share × total against the thresholds × 100
    const share100 = cumulative * 100;
    if (v <= 0 || total <= 0) out.set(item, 'C');
    else if (index === 0 || share100 <= thresholds.a * total) out.set(item, 'A');
    else if (share100 <= (thresholds.a + thresholds.b) * total) out.set(item, 'B');
    else out.set(item, 'C');
  });
  return out;
}

/** Inventory turnover (周转率): cost of what was consumed in a period ÷ average stock value. */
export function turnover(consumptionCost: number, averageStockValue: number): number | null {
  return averageStockValue > 0 ? consumptionCost / averageStockValue : null;
}

/** Days of supply: how long the stock on hand lasts at the mean daily demand (null with no demand). */
export function daysOfSupply(onHand: number, meanDaily: number): number | null {
  return meanDaily > 0 ? onHand / meanDaily : null;
}

export type StockAlertKind = 'out_of_stock' | 'below_min' | 'below_reorder_point' | 'excess' | 'slow_moving';

export interface PartPlanInput {
  onHand: number;
  reserved: number;
  /** Still to come on open purchase orders. */
  onOrder: number;
  minQty: number | null;
  maxQty: number | null;
  leadTimeDays: number;
  stats: DemandStats;
  /** Days since the last issue (null: never issued in the history). */
  daysSinceLastIssue: number | null;
}

export interface PartPlan {
  safetyStock: number;
  reorderPoint: number;
  orderUpTo: number;
  daysOfSupply: number | null;
  alerts: StockAlertKind[];
  /** What the stock plan proposes to buy now (0: nothing). */
  proposedQty: number;
}

/**
 * One part's plan: the reorder point from demand history (or the configured min when higher); alerts
 * for out of stock, below min, below the reorder point (available + on order), excess (above max or
 * more than 180 days of supply) and slow moving (stock but no issue for 90 days); and a proposal to buy
 * up to the max (or the reorder point plus 30 days of demand) when the position falls to the reorder point.
 */
export function planPart(input: PartPlanInput, z: number): PartPlan {
  const ss = Math.ceil(safetyStock(z, input.stats.sd, input.leadTimeDays) - 1e-9);
  const rop = Math.max(reorderPoint(input.stats.mean, input.leadTimeDays, ss), input.minQty ?? 0);
  // ordering up to the reorder point itself would trigger again at once: at least one above it
  const orderUpTo = Math.max(input.maxQty ?? Math.ceil(rop + input.stats.mean * 30 - 1e-9), rop + 1);
  const available = input.onHand - input.reserved;
  const position = available + input.onOrder;
  const dos = daysOfSupply(input.onHand, input.stats.mean);
  const alerts: StockAlertKind[] = [];
  if (input.onHand === 0 && (input.stats.total > 0 || (input.minQty ?? 0) > 0)) alerts.push('out_of_stock');
  if (input.minQty !== null && available < input.minQty) alerts.push('below_min');
  if (rop > 0 && position <= rop) alerts.push('below_reorder_point');
  if ((input.maxQty !== null && input.onHand > input.maxQty) || (dos !== null && dos > 180))
    alerts.push('excess');
  if (input.onHand > 0 && (input.daysSinceLastIssue === null || input.daysSinceLastIssue >= 90))
    alerts.push('slow_moving');
  const proposedQty = rop > 0 && position <= rop ? Math.max(0, orderUpTo - position) : 0;
  return { safetyStock: ss, reorderPoint: rop, orderUpTo, daysOfSupply: dos, alerts, proposedQty };
}
