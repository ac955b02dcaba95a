import type { z } from 'zod';
import type {
  StockAlertItem,
  StockAlertReport,
  stockAlertQuery,
} from '../../../common/parts/stock-alert.schemas';
import type { PartClass } from '../../../common/parts/part.enums';
import { classifyAbc, demandStats, planPart, serviceLevelZ } from '../../../common/parts/stock-planning';
import { addDays, daysBetween, localDateOf, localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx } from '../../db/database';
import { AppError } from '../../platform/errors';
import { requirePermission, type Actor } from '../../platform/permissions';
import { findPartRows } from './part.repo';
import { loadStoreInReach } from './part.service';
import { demandMovements, onOrderByPart, stockRowsOfStore } from './stock-alert.repo';

type Query = z.infer<typeof stockAlertQuery>;
const defaultLeadTimeDays = 7;

/**
 * Stock alerts and the stock plan of a store (库存预警, H7.1.2-3): for each part stocked there, daily
 * demand over the history (store-local days), safety stock z·σ·√L and the reorder point, min/max,
 * excess and slow-moving stock, ABC class by consumption value, days of supply and the quantity the
 * plan proposes to buy; with the store's turnover and the ABC totals for the dashboard.
 */
export async function stockAlerts(db: DbOrTrx, actor: Actor, query: Query): Promise<StockAlertReport> {
  const reach = requirePermission(actor, 'parts.read');
  if (query.abcA + query.abcB >= 100)
    throw new AppError('request.invalid', {
      errors: [{ path: 'query.abcB', code: 'too_big', message: 'A + B must leave room for C' }],
    });
  const own = [...new Set(actor.storeRoles.map((r) => r.storeId))];
  const storeId = query.storeId ?? (own.length === 1 ? own[0] : undefined);
  if (!storeId)
    throw new AppError('request.invalid', {
      errors: [{ path: 'query.storeId', code: 'required', message: 'name the store' }],
    });
  const store = await loadStoreInReach(db, reach, storeId);
  const today = localToday(store.timezone);
  const first = addDays(today, -(query.days - 1));
  const since = new Date(Date.now() - (query.days + 1) * 86_400_000).toISOString();
  const [stock, movements, onOrder] = await Promise.all([
    stockRowsOfStore(db, store.id),
    demandMovements(db, store.id, since),
    onOrderByPart(db, store.id),
  ]);
  const parts = await findPartRows(
    db,
    stock.map((s) => s.part_id),
  );
  const daily = new Map<string, number[]>();
  const consumption = new Map<string, number>();
  const lastIssue = new Map<string, string>();
  for (const m of movements) {
    const day = localDateOf(m.at, store.timezone);
    const index = daysBetween(first, day);
    if (index < 0 || index >= query.days) continue;
    const series = daily.get(m.part_id) ?? new Array<number>(query.days).fill(0);
    series[index]! += -m.qty;
    daily.set(m.part_id, series);
    consumption.set(m.part_id, (consumption.get(m.part_id) ?? 0) - Number(m.total_cost));
    if ((lastIssue.get(m.part_id) ?? '') < day) lastIssue.set(m.part_id, day);
  }
  const z = serviceLevelZ(query.serviceLevel / 100);
  const abc = classifyAbc(stock, (s) => consumption.get(s.part_id) ?? 0, { a: query.abcA, b: query.abcB });
  const round2 = (n: number) => Math.round(n * 100) / 100;
  let items: StockAlertItem[] = stock
    .filter((s) => parts.has(s.part_id))
    .map((s) => {
      const part = parts.get(s.part_id)!;
      const stats = demandStats(daily.get(s.part_id) ?? new Array<number>(query.days).fill(0));
      const last = lastIssue.get(s.part_id);
      const leadTimeDays = s.lead_time_days ?? defaultLeadTimeDays;
      const plan = planPart(
        {
          onHand: s.on_hand,
          reserved: s.reserved,
          onOrder: onOrder.get(s.part_id) ?? 0,
          minQty: s.min_qty,
          maxQty: s.max_qty,
          leadTimeDays,
          stats,
          // never issued in the window: idle since the part was first stocked here
          daysSinceLastIssue: daysBetween(last ?? localDateOf(s.created_at, store.timezone), today),
        },
        z,
      );
      return {
        partId: part.id,
        partNo: part.part_no,
        name: part.name,
        nameEn: part.name_en,
        class: part.class as PartClass,
        bin: s.bin,
        onHand: s.on_hand,
        reserved: s.reserved,
        available: s.on_hand - s.reserved,
        onOrder: onOrder.get(s.part_id) ?? 0,
        stockValue: Number(s.stock_value),
        meanDaily: round2(stats.mean),
        sdDaily: round2(stats.sd),
        leadTimeDays,
        safetyStock: plan.safetyStock,
        reorderPoint: plan.reorderPoint,
        minQty: s.min_qty,
        maxQty: s.max_qty,
        orderUpTo: plan.orderUpTo,
        daysOfSupply: plan.daysOfSupply === null ? null : round2(plan.daysOfSupply),
        consumptionValue: consumption.get(s.part_id) ?? 0,
        abc: abc.get(s)!,
        alerts: plan.alerts,
        proposedQty: plan.proposedQty,
      };
    })
    .sort((a, b) => b.consumptionValue - a.consumptionValue || a.partNo.localeCompare(b.partNo));
  const bucket = (c: 'A' | 'B' | 'C') => {
    const of = items.filter((i) => i.abc === c);
    return {
      parts: of.length,
      consumptionValue: of.reduce((s, i) => s + i.consumptionValue, 0),
      stockValue: of.reduce((s, i) => s + i.stockValue, 0),
    };
  };
  const alertCounts: Record<string, number> = {};
  for (const i of items) for (const a of i.alerts) alertCounts[a] = (alertCounts[a] ?? 0) + 1;
  const stockValue = items.reduce((s, i) => s + i.stockValue, 0);
  const consumptionValue = items.reduce((s, i) => s + i.consumptionValue, 0);
  const report = {
    storeId: store.id,
    days: query.days,
    serviceLevel: query.serviceLevel,
    z: Math.round(z * 10_000) / 10_000,
    abc: { A: bucket('A'), B: bucket('B'), C: bucket('C') },
    stockValue,
    consumptionValue,
    annualTurnover: stockValue > 0 ? round2((consumptionValue * 365) / query.days / stockValue) : null,
    alertCounts,
  };
  if (query.alert) items = items.filter((i) => i.alerts.includes(query.alert!));
  return { ...report, items, nextCursor: null };
}
