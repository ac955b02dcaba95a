import type { Part, PartStock } from '../../../common/parts/part.schemas';
import type { PartClass, PartOrigin } from '../../../common/parts/part.enums';
import type { DbOrTrx } from '../../db/database';
import type { Reach } from '../../platform/permissions';
import { barcodesOf, findPartRows, fitmentsOf, type PartRow } from './part.repo';
import { averageCost } from './stock-ledger.service';
import { stockRowsOfParts, type PartStockRow } from './stock.repo';

/** The stores a reach covers: null for the whole group. */
export const reachStores = (reach: Reach): string[] | null =>
  reach.scope === 'group' ? null : reach.scope === 'store' ? reach.storeIds : [];

export function toPartStock(row: PartStockRow, standardCost: number): PartStock {
  return {
    storeId: row.store_id,
    onHand: row.on_hand,
    reserved: row.reserved,
    available: row.on_hand - row.reserved,
    averageCost: averageCost(row, standardCost),
    stockValue: Number(row.stock_value),
    bin: row.bin,
    minQty: row.min_qty,
    maxQty: row.max_qty,
    leadTimeDays: row.lead_time_days,
    version: Math.max(1, row.version),
  };
}

/** Shapes parts for the API with barcodes, fitment, supersession and stock in the stores in reach. */
export async function toParts(db: DbOrTrx, rows: PartRow[], reach: Reach): Promise<Part[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [barcodes, fitments, stock, successors] = await Promise.all([
    barcodesOf(db, ids),
    fitmentsOf(db, ids),
    stockRowsOfParts(db, ids, reachStores(reach)),
    findPartRows(
      db,
      rows.flatMap((r) => (r.superseded_by_id ? [r.superseded_by_id] : [])),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    partNo: r.part_no,
    name: r.name,
    nameEn: r.name_en,
    brand: r.brand,
    category: r.category,
    class: r.class as PartClass,
    origin: r.origin as PartOrigin,
    unit: r.unit,
    listPrice: Number(r.list_price),
    standardCost: Number(r.standard_cost),
    supersededById: r.superseded_by_id,
    supersededByNo: r.superseded_by_id ? (successors.get(r.superseded_by_id)?.part_no ?? null) : null,
    barcodes: barcodes.get(r.id) ?? [],
    fitments: fitments.get(r.id) ?? [],
    active: r.active === 1,
    stock: stock.filter((s) => s.part_id === r.id).map((s) => toPartStock(s, Number(r.standard_cost))),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
