import type { PartsOrder } from '../../../common/parts/parts-order.schemas';
import {
  partsOrderActionsFrom,
  type PartsOrderStatus,
  type exceptionResolutions,
  type exceptionTypes,
  type lineConditions,
  type partsOrderChannels,
} from '../../../common/parts/parts-order.status';
import type { PartOrigin } from '../../../common/parts/part.enums';
import { divRoundHalfUp } from '../../../common/rules/money';
import type { DbOrTrx } from '../../db/database';
import { findPartRows, type PartRow } from './part.repo';
import {
  orderExceptions,
  orderLines,
  orderPackages,
  type PartsOrderExceptionRow,
  type PartsOrderLineRow,
  type PartsOrderPackageRow,
  type PartsOrderRow,
} from './parts-order.repo';
import { stockRowsOfParts, type PartStockRow } from './stock.repo';

/** VAT on parts sales: 13 % (增值税一般税率), included in the prices. */
export const partsVatPercent = 13;

/** The tax included in a VAT-inclusive amount: total − total ÷ 1.13, to the fen. */
export const includedVat = (total: number) => total - divRoundHalfUp(total * 100, 100 + partsVatPercent);

/** Everything an order's view shows besides its row: lines, packages, exceptions, their parts and stock. */
export interface PartsOrderParts {
  lines: PartsOrderLineRow[];
  packages: PartsOrderPackageRow[];
  exceptions: PartsOrderExceptionRow[];
  parts: Map<string, PartRow>;
  /** The balances of the lines' parts in the order's store (for the bin). */
  stock: PartStockRow[];
}

export async function toPartsOrder(db: DbOrTrx, row: PartsOrderRow): Promise<PartsOrder> {
  const [lines, packages, exceptions] = await Promise.all([
    orderLines(db, row.id),
    orderPackages(db, row.id),
    orderExceptions(db, row.id),
  ]);
  const partIds = lines.map((l) => l.part_id);
  const [parts, stock] = await Promise.all([
    findPartRows(db, partIds),
    stockRowsOfParts(db, partIds, [row.store_id]),
  ]);
  return shapePartsOrder(row, { lines, packages, exceptions, parts, stock });
}

/** The API shape of an order from rows already in hand (a write that just made them reads nothing back). */
export function shapePartsOrder(
  row: PartsOrderRow,
  { lines, packages, exceptions, parts, stock }: PartsOrderParts,
): PartsOrder {
  const total = Number(row.total);
  return {
    id: row.id,
    number: row.number,
    storeId: row.store_id,
    channel: row.channel as (typeof partsOrderChannels)[number],
    status: row.status as PartsOrderStatus,
    customerId: row.customer_id,
    customerName: row.customer_name,
    toStoreId: row.to_store_id,
    shipTo: row.ship_to,
    total,
    carrier: row.carrier,
    trackingNo: row.tracking_no,
    signedBy: row.signed_by,
    signedAt: row.signed_at,
    note: row.note,
    lines: lines.map((l) => {
      const part = parts.get(l.part_id);
      return {
        id: l.id,
        lineNo: l.line_no,
        partId: l.part_id,
        partNo: part?.part_no ?? '',
        name: part?.name ?? '',
        nameEn: part?.name_en ?? '',
        origin: (part?.origin ?? 'original') as PartOrigin,
        bin: stock.find((s) => s.part_id === l.part_id)?.bin ?? null,
        qty: l.qty,
        unitPrice: Number(l.unit_price),
        amount: l.qty * Number(l.unit_price),
        pickedQty: l.picked_qty,
        receivedQty: l.received_qty,
        condition: l.condition as (typeof lineConditions)[number] | null,
      };
    }),
    packages: packages.map((p) => ({
      packageNo: p.package_no,
      weightG: p.weight_g,
      lineIds: JSON.parse(p.line_ids) as string[],
    })),
    exceptions: exceptions.map((e) => ({
      id: e.id,
      lineId: e.line_id,
      type: e.type as (typeof exceptionTypes)[number],
      qty: e.qty,
      note: e.note,
      status: e.status as 'open' | 'resolved',
      resolution: e.resolution as (typeof exceptionResolutions)[number] | null,
      followUp: e.follow_up,
      raisedAt: e.raised_at,
      resolvedAt: e.resolved_at,
    })),
    invoice:
      row.channel === 'counter'
        ? {
            buyerName: row.customer_name ?? '',
            total,
            taxRatePercent: partsVatPercent,
            tax: includedVat(total),
            net: total - includedVat(total),
          }
        : null,
    actions: partsOrderActionsFrom(row.status as PartsOrderStatus),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
