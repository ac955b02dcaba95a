import { segmentMs } from '../../../common/service/work-hours';
import { workStatuses } from '../../../common/service/repair-order.status';
import { issueStockedPart } from './parts-stock';
import type { DbOrTrx, Trx } from '../../db/database';
import { isUniqueViolation } from '../../db/dialect-sql';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { requirePermission, type Actor } from '../../platform/permissions';
import { findLine, touchOrder, withNames, type LineRow, type OrderView } from './repair-order.repo';
import { applyOrderMove, assertAnyReach, loadOrder } from './repair-order.service';
import { toLine, toRepairOrder } from './repair-order.view';
import { listStores } from './service.access';

const stateConflict = (state: string) => new AppError('resource.state_conflict', { params: { state } });

async function loadLine(trx: Trx, row: OrderView, lineId: string) {
  const line = await findLine(trx, row.id, lineId);
  if (!line) throw notFound('repair_order_line');
  return line;
}

/** No work and no parts on a line the customer has not approved (H6.1 5, the issue's acceptance). */
function assertApproved(line: LineRow) {
  if (line.approval !== 'approved')
    throw new AppError('service.line_not_approved', {
      errors: [{ path: 'lineId', code: 'not_approved', message: line.approval }],
    });
}

/**
 * A technician's job clock on a labour line (H6.1 6): start, pause, finish; several technicians may
 * clock the same line, each their own segments. The first start on an approved order starts the work
 * (`in_progress`). Finishing ends every running clock of the line and marks it done.
 */
export async function clockLine(
  trx: Trx,
  actor: Actor,
  id: string,
  lineId: string,
  action: 'start' | 'pause' | 'finish',
) {
  let row = await loadOrder(trx, actor, id);
  assertAnyReach(actor, ['service.work'], row);
  const line = await loadLine(trx, row, lineId);
  if (line.kind !== 'labor' && line.kind !== 'sublet') throw stateConflict(line.kind);
  assertApproved(line);
  if (!workStatuses.includes(row.status as (typeof workStatuses)[number])) throw stateConflict(row.status);
  const now = nowIso();
  if (action === 'start') {
    if (line.work_status === 'done') throw stateConflict('done');
    if (row.status === 'approved') row = await applyOrderMove(trx, actor.userId, row, 'start_work', null);
    try {
      await trx
        .insertInto('repair_order_clocks')
        .values({
          id: newId(),
          repair_order_id: row.id,
          line_id: line.id,
          technician_id: actor.userId,
          store_id: row.store_id,
          started_at: now,
          ended_at: null,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw stateConflict('clock_running');
      throw err;
    }
    await setWorkStatus(trx, line.id, 'in_progress');
  } else {
    const q = trx
      .updateTable('repair_order_clocks')
      .set({ ended_at: now })
      .where('line_id', '=', line.id)
      .where('ended_at', 'is', null);
    const res = await (
      action === 'pause' ? q.where('technician_id', '=', actor.userId) : q
    ).executeTakeFirst();
    if (action === 'pause' && Number(res.numUpdatedRows) === 0) throw stateConflict('clock_stopped');
    if (action === 'finish') {
      if (line.work_status === 'done') throw stateConflict('done');
      await setWorkStatus(trx, line.id, 'done');
    }
  }
  const touched = await touchOrder(trx, row, 'status');
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'repair_order',
    entityId: row.id,
    action: `clock_${action}`,
    after: { lineId: line.id },
  });
  return toRepairOrder(trx, withNames(touched, row));
}

async function setWorkStatus(trx: Trx, lineId: string, status: string) {
  await trx
    .updateTable('repair_order_lines')
    .set((eb) => ({ work_status: status, version: eb('version', '+', 1), updated_at: nowIso() }))
    .where('id', '=', lineId)
    .execute();
}

/**
 * Parts issued to the order for an approved part line (H6.1 6), never more than the approved quantity.
 * Concurrent issues cannot overshoot: the update only applies while the new total fits.
 */
export async function issuePartToRepairOrder(
  trx: Trx,
  actor: Actor,
  id: string,
  lineId: string,
  quantity: number,
) {
  const row = await loadOrder(trx, actor, id);
  assertAnyReach(actor, ['service.work', 'service.manage', 'parts.manage'], row);
  const line = await loadLine(trx, row, lineId);
  if (line.kind !== 'part') throw stateConflict(line.kind);
  assertApproved(line);
  if (![...workStatuses, 'waiting_parts'].includes(row.status)) throw stateConflict(row.status);
  const res = await trx
    .updateTable('repair_order_lines')
    .set((eb) => ({
      issued_qty: eb('issued_qty', '+', quantity),
      version: eb('version', '+', 1),
      updated_at: nowIso(),
    }))
    .where('id', '=', line.id)
    .where('issued_qty', '<=', line.quantity - quantity)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw new AppError('service.issue_exceeds_approved', {
      params: { quantity: line.quantity },
      errors: [{ path: 'quantity', code: 'too_big', message: `at most ${line.quantity - line.issued_qty}` }],
    });
  const stock = await issueStockedPart(trx, row, line, quantity, actor.userId);
  const touched = await touchOrder(trx, row, 'status');
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'repair_order',
    entityId: row.id,
    action: 'issue_part',
    after: { lineId: line.id, partNumber: line.part_number, quantity, movementId: stock?.movementId ?? null },
  });
  return toRepairOrder(trx, withNames(touched, row));
}

/** The technician's phone view: approved labour lines of open orders in their stores, theirs first. */
export async function myJobs(db: DbOrTrx, actor: Actor) {
  const reach = requirePermission(actor, 'service.work');
  let q = db
    .selectFrom('repair_order_lines')
    .innerJoin('repair_orders', 'repair_orders.id', 'repair_order_lines.repair_order_id')
    .selectAll('repair_order_lines')
    .select([
      'repair_orders.number as number',
      'repair_orders.plate as plate',
      'repair_orders.vehicle_name as vehicle_name',
      'repair_orders.status as order_status',
    ])
    .where('repair_orders.group_id', '=', reach.groupId)
    .where('repair_orders.status', 'in', ['approved', 'in_progress', 'waiting_parts'])
    .where('repair_order_lines.kind', 'in', ['labor', 'sublet'])
    .where('repair_order_lines.approval', '=', 'approved');
  const stores = listStores(reach);
  if (stores) q = q.where('repair_orders.store_id', 'in', stores.length ? stores : ['']);
  const lines = await q.orderBy('repair_orders.id').orderBy('repair_order_lines.id').limit(200).execute();
  const clocks = lines.length
    ? await db
        .selectFrom('repair_order_clocks')
        .selectAll()
        .where('technician_id', '=', actor.userId)
        .where(
          'line_id',
          'in',
          lines.map((l) => l.id),
        )
        .execute()
    : [];
  const now = nowIso();
  return {
    items: lines.map((l) => {
      const mine = clocks.filter((c) => c.line_id === l.id);
      return {
        repairOrderId: l.repair_order_id,
        number: l.number,
        plate: l.plate,
        vehicleName: l.vehicle_name,
        status: l.order_status,
        line: toLine(l),
        running: mine.some((c) => c.ended_at === null),
        myClockedMs: mine.reduce(
          (a, c) =>
            a +
            segmentMs(
              {
                lineId: c.line_id,
                technicianId: c.technician_id,
                startedAt: c.started_at,
                endedAt: c.ended_at,
              },
              now,
            ),
          0,
        ),
      };
    }),
  };
}
