import type { z } from 'zod';
import type { CreateMovement, StockMovement, stockMovementQuery } from '../../../common/parts/part.schemas';
import type { MovementType } from '../../../common/parts/part.enums';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { findPartRows } from './part.repo';
import { inStoreScope, loadPart, loadStoreInReach } from './part.service';
import { adjustStock, lockBalancesFirst, receiveStock, takeStock } from './stock-ledger.service';
import type { MovementRow } from './stock.repo';

type MovementQuery = z.infer<typeof stockMovementQuery>;

export async function toMovements(db: DbOrTrx, rows: MovementRow[]): Promise<StockMovement[]> {
  const parts = await findPartRows(
    db,
    rows.map((r) => r.part_id),
  );
  return rows.map((r) => ({
    id: r.id,
    storeId: r.store_id,
    partId: r.part_id,
    partNo: parts.get(r.part_id)?.part_no ?? '',
    type: r.type as MovementType,
    qty: r.qty,
    unitCost: Number(r.unit_cost),
    totalCost: Number(r.total_cost),
    onHandAfter: r.on_hand_after,
    valueAfter: Number(r.value_after),
    reason: r.reason,
    refType: r.ref_type,
    refId: r.ref_id,
    actorId: r.actor_id,
    at: r.at,
  }));
}

/** The stock ledger (newest first) of the stores in reach: one part, one store, one movement type. */
export async function listMovements(db: DbOrTrx, actor: Actor, query: MovementQuery) {
  const reach = requirePermission(actor, 'parts.read');
  const scoped = await inStoreScope(db.selectFrom('stock_movements').selectAll(), db, reach, query.storeId);
  if (!scoped) return { items: [], nextCursor: null };
  let q = scoped;
  if (query.partId) q = q.where('part_id', '=', query.partId);
  if (query.type) q = q.where('type', '=', query.type);
  const sort = { column: 'id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  const page = toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r.id,
    (r) => r,
  );
  return { items: await toMovements(db, page.items), nextCursor: page.nextCursor };
}

const needCost = () =>
  new AppError('request.invalid', {
    errors: [{ path: 'unitCost', code: 'required', message: 'a receipt needs its unit cost' }],
  });

/**
 * A movement posted by the parts clerk (H7.1.2): a receipt without an order (at its unit cost), a
 * signed adjustment, scrap, a return to the supplier, or a transfer to another store of the group (the
 * stock leaves here at the average cost and arrives there at the same cost, one transaction).
 */
export async function createManualMovement(trx: Trx, actor: Actor, input: CreateMovement) {
  const { row: part, reach } = await loadPart(trx, actor, input.partId, 'parts.manage');
  const store = await loadStoreInReach(trx, reach, input.storeId);
  const base = { storeId: store.id, partId: part.id, reason: input.reason, actorId: actor.userId, ref: null };
  const positive = () => {
    if (input.qty < 0)
      throw new AppError('request.invalid', {
        errors: [{ path: 'qty', code: 'too_small', message: 'only an adjustment may be negative' }],
      });
    return input.qty;
  };
  const movements: MovementRow[] = [];
  switch (input.type) {
    case 'receive':
      if (input.unitCost === undefined) throw needCost();
      movements.push(await receiveStock(trx, { ...base, qty: positive() }, input.unitCost));
      break;
    case 'adjustment':
      movements.push(await adjustStock(trx, { ...base, delta: input.qty }));
      break;
    case 'scrap':
    case 'return_to_supplier':
      movements.push(await takeStock(trx, { ...base, qty: positive() }, input.type));
      break;
    case 'transfer': {
      if (!input.toStoreId)
        throw new AppError('request.invalid', {
          errors: [{ path: 'toStoreId', code: 'required', message: 'the store receiving the parts' }],
        });
      if (input.toStoreId === store.id) throw new AppError('parts.same_store');
      const to = await loadStoreInReach(trx, { scope: 'group', groupId: reach.groupId }, input.toStoreId);
      const ref = { type: 'transfer', id: `${store.id}>${to.id}` };
      const qty = positive();
      // both balances locked in store order: a transfer the other way round waits, not deadlocks
      await lockBalancesFirst(trx, [
        { storeId: store.id, partId: part.id },
        { storeId: to.id, partId: part.id },
      ]);
      const out = await takeStock(trx, { ...base, ref, qty }, 'transfer_out');
      movements.push(out);
      movements.push(
        await receiveStock(
          trx,
          { ...base, ref, storeId: to.id, qty: input.qty },
          Number(out.unit_cost),
          'transfer_in',
          -Number(out.total_cost),
        ),
      );
      break;
    }
  }
  for (const m of movements)
    await recordAudit(trx, {
      actorId: actor.userId,
      storeId: m.store_id,
      entity: 'stock_movement',
      entityId: m.id,
      action: m.type,
      after: { partId: m.part_id, qty: m.qty, totalCost: Number(m.total_cost), reason: m.reason },
    });
  return { movements: await toMovements(trx, movements) };
}
