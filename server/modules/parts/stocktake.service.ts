import type { z } from 'zod';
import type {
  CreateStocktake,
  Stocktake,
  StocktakeAction,
  recordCountsSchema,
  stocktakeListQuery,
} from '../../../common/parts/stocktake.schemas';
import { stocktakeTransitions } from '../../../common/parts/stocktake.schemas';
import { partClasses } from '../../../common/parts/part.enums';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict, type FieldError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { applyPage, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { findPartRows, partIdOfBarcode } from './part.repo';
import { inStoreScope, loadStoreInReach } from './part.service';
import { adjustStock, averageCost, lockBalancesFirst } from './stock-ledger.service';
import { stockRowsOfStore } from './stock-alert.repo';
import { findStockRow } from './stock.repo';
import type { StocktakeLinesTable, StocktakesTable } from './parts.tables';

type Row = StocktakesTable;
type ListQuery = z.infer<typeof stocktakeListQuery>;

async function loadStocktake(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'parts.read' | 'parts.manage' | 'stocktakes.approve',
) {
  const reach = requirePermission(actor, action);
  const row = await db.selectFrom('stocktakes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !reaches(reach, { groupId: row.group_id, storeIds: [row.store_id] }))
    throw notFound('stocktake');
  return row;
}

const sheetLines = (db: DbOrTrx, id: string) =>
  db
    .selectFrom('stocktake_lines')
    .selectAll()
    .where('stocktake_id', '=', id)
    .orderBy('bin')
    .orderBy('id')
    .execute();

async function toStocktake(db: DbOrTrx, row: Row): Promise<Stocktake> {
  const lines = await sheetLines(db, row.id);
  const parts = await findPartRows(
    db,
    lines.map((l) => l.part_id),
  );
  const stock = new Map((await stockRowsOfStore(db, row.store_id)).map((s) => [s.part_id, s]));
  const hidden = row.blind === 1 && row.status === 'counting';
  const out = lines.map((l) => {
    const variance = hidden || l.counted_qty === null ? null : l.counted_qty - l.expected_qty;
    const s = stock.get(l.part_id);
    const cost = s ? averageCost(s, Number(parts.get(l.part_id)?.standard_cost ?? 0)) : 0;
    return {
      id: l.id,
      partId: l.part_id,
      partNo: parts.get(l.part_id)?.part_no ?? '',
      name: parts.get(l.part_id)?.name ?? '',
      bin: l.bin,
      expectedQty: hidden ? null : l.expected_qty,
      countedQty: l.counted_qty,
      variance,
      varianceValue: variance === null ? null : variance * cost,
      countedAt: l.counted_at,
    };
  });
  return {
    id: row.id,
    number: row.number,
    storeId: row.store_id,
    scope: row.scope as Stocktake['scope'],
    scopeValue: row.scope_value,
    blind: row.blind === 1,
    status: row.status as Stocktake['status'],
    lines: out,
    counted: lines.filter((l) => l.counted_qty !== null).length,
    totalVariance: hidden ? null : out.reduce((s, l) => s + (l.variance ?? 0), 0),
    totalVarianceValue: hidden ? null : out.reduce((s, l) => s + (l.varianceValue ?? 0), 0),
    approvedBy: row.approved_by,
    postedAt: row.posted_at,
    version: row.version,
    createdAt: row.created_at,
  };
}

/** Makes a count sheet from the book: every part stocked in the store, one bin prefix or one class. */
export async function createStocktake(trx: Trx, actor: Actor, input: CreateStocktake) {
  const reach = requirePermission(actor, 'parts.manage');
  const store = await loadStoreInReach(trx, reach, input.storeId);
  if (input.scope !== 'full' && !input.scopeValue)
    throw new AppError('request.invalid', {
      errors: [{ path: 'scopeValue', code: 'required', message: 'the bin prefix or class' }],
    });
  if (input.scope === 'class' && !(partClasses as readonly string[]).includes(input.scopeValue!))
    throw new AppError('request.invalid', {
      errors: [{ path: 'scopeValue', code: 'invalid_value', message: partClasses.join(', ') }],
    });
  const stock = await stockRowsOfStore(trx, store.id);
  const parts = await findPartRows(
    trx,
    stock.map((s) => s.part_id),
  );
  const inScope = stock.filter((s) =>
    input.scope === 'bin'
      ? (s.bin ?? '').startsWith(input.scopeValue!)
      : input.scope === 'class'
        ? parts.get(s.part_id)?.class === input.scopeValue
        : s.on_hand > 0 || s.bin !== null,
  );
  const id = newId();
  const now = nowIso();
  const row: Row = {
    id,
    group_id: store.group_id,
    store_id: store.id,
    number: await nextDocumentNumber(trx, store.id, 'ST', localYear(store.timezone)),
    scope: input.scope,
    scope_value: input.scope === 'full' ? null : input.scopeValue!,
    blind: input.blind ? 1 : 0,
    status: 'counting',
    created_by: actor.userId,
    approved_by: null,
    posted_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('stocktakes').values(row).execute();
  const lines: StocktakeLinesTable[] = inScope.map((s) => ({
    id: newId(),
    stocktake_id: id,
    part_id: s.part_id,
    bin: s.bin,
    expected_qty: s.on_hand,
    counted_qty: null,
    counted_by: null,
    counted_at: null,
  }));
  for (let i = 0; i < lines.length; i += 200)
    await trx
      .insertInto('stocktake_lines')
      .values(lines.slice(i, i + 200))
      .execute();
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'stocktake',
    entityId: id,
    action: 'create',
    after: { number: row.number, scope: row.scope, scopeValue: row.scope_value, lines: lines.length },
  });
  return toStocktake(trx, row);
}

/**
 * Records counts (on a phone: by barcode or part, `set` a quantity or `add` one scan). A part found on the
 * shelf but not on the sheet is added with a book quantity of what the store holds.
 */
export async function recordCounts(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof recordCountsSchema>,
) {
  const row = await loadStocktake(trx, actor, id, 'parts.manage');
  if (row.status !== 'counting')
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  const errors: FieldError[] = [];
  const resolved: { partId: string; qty: number; mode: 'set' | 'add' }[] = [];
  for (const [i, c] of input.counts.entries()) {
    const partId = c.partId ?? (await partIdOfBarcode(trx, row.group_id, c.barcode!))?.part_id;
    const part = partId ? (await findPartRows(trx, [partId])).get(partId) : undefined;
    if (!part || part.group_id !== row.group_id)
      errors.push({
        path: `counts.${i}.${c.partId ? 'partId' : 'barcode'}`,
        code: 'unknown_part',
        message: 'unknown part or barcode',
      });
    else resolved.push({ partId: part.id, qty: c.qty, mode: c.mode });
  }
  if (errors.length) throw new AppError('request.invalid', { errors });
  const now = nowIso();
  const stock = new Map((await stockRowsOfStore(trx, row.store_id)).map((s) => [s.part_id, s]));
  for (const c of resolved) {
    const line = await trx
      .selectFrom('stocktake_lines')
      .selectAll()
      .where('stocktake_id', '=', id)
      .where('part_id', '=', c.partId)
      .executeTakeFirst();
    if (!line) {
      await trx
        .insertInto('stocktake_lines')
        .values({
          id: newId(),
          stocktake_id: id,
          part_id: c.partId,
          bin: stock.get(c.partId)?.bin ?? null,
          expected_qty: stock.get(c.partId)?.on_hand ?? 0,
          counted_qty: c.qty,
          counted_by: actor.userId,
          counted_at: now,
        })
        .execute();
      continue;
    }
    await trx
      .updateTable('stocktake_lines')
      .set((eb) => ({
        counted_qty: c.mode === 'add' ? eb(eb.fn.coalesce('counted_qty', eb.val(0)), '+', c.qty) : c.qty,
        counted_by: actor.userId,
        counted_at: now,
      }))
      .where('id', '=', line.id)
      .execute();
  }
  await trx
    .updateTable('stocktakes')
    .set({ version: row.version + 1, updated_at: now })
    .where('id', '=', id)
    .execute();
  return toStocktake(trx, { ...row, version: row.version + 1 });
}

/**
 * A step of the sheet: submit (every line counted), recount (back to counting), cancel, or approve —
 * by someone with stocktakes.approve — which posts each variance as an adjustment at the moving-average
 * cost. A count below what is reserved is refused: release the reservations first.
 */
export async function stepStocktake(
  trx: Trx,
  actor: Actor,
  id: string,
  action: StocktakeAction,
  version: number,
) {
  const row = await loadStocktake(
    trx,
    actor,
    id,
    action === 'approve' ? 'stocktakes.approve' : 'parts.manage',
  );
  const t = stocktakeTransitions[action];
  if (!(t.from as readonly string[]).includes(row.status))
    throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (row.version !== version) throw versionConflict(row.version);
  const lines = await sheetLines(trx, id);
  if (action === 'submit') {
    const missing = lines.findIndex((l) => l.counted_qty === null);
    if (missing >= 0)
      throw new AppError('request.invalid', {
        errors: [{ path: `lines.${missing}`, code: 'not_counted', message: 'every line must be counted' }],
      });
  }
  const now = nowIso();
  const changes: Partial<Row> = { status: t.to, updated_at: now, version: row.version + 1 };
  if (action === 'approve') Object.assign(changes, { approved_by: actor.userId, posted_at: now });
  const res = await trx
    .updateTable('stocktakes')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', 'in', [...t.from])
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(row.version + 1);
  let posted = 0;
  if (action === 'approve') {
    await lockBalancesFirst(
      trx,
      lines
        .filter((l) => l.counted_qty! - l.expected_qty !== 0)
        .map((l) => ({ storeId: row.store_id, partId: l.part_id })),
    );
    for (const line of lines) {
      const delta = line.counted_qty! - line.expected_qty;
      if (delta === 0) continue;
      try {
        await adjustStock(trx, {
          storeId: row.store_id,
          partId: line.part_id,
          delta,
          ref: { type: 'stocktake', id: row.id },
          reason: row.number,
          actorId: actor.userId,
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'parts.insufficient_stock')
          throw new AppError('parts.count_below_reserved', {
            params: { reserved: (await findStockRow(trx, row.store_id, line.part_id))?.reserved ?? 0 },
            errors: [
              {
                path: `lines.${lines.indexOf(line)}`,
                code: 'parts.count_below_reserved',
                message: line.part_id,
              },
            ],
          });
        throw err;
      }
      posted++;
    }
  }
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'stocktake',
    entityId: id,
    action,
    before: { status: row.status },
    after: { status: t.to, ...(action === 'approve' ? { adjustments: posted } : {}) },
  });
  const sheet = await toStocktake(trx, { ...row, ...changes });
  if (action === 'approve')
    await emitEvent(trx, 'parts.stocktake.posted', { stocktake: sheet }, row.store_id);
  return sheet;
}

export async function getStocktake(db: DbOrTrx, actor: Actor, id: string) {
  return toStocktake(db, await loadStocktake(db, actor, id, 'parts.read'));
}

export async function listStocktakes(db: DbOrTrx, actor: Actor, query: ListQuery) {
  const reach = requirePermission(actor, 'parts.read');
  const scoped = await inStoreScope(db.selectFrom('stocktakes').selectAll(), db, reach, query.storeId);
  if (!scoped) return { items: [], nextCursor: null };
  let q = scoped;
  if (query.status) q = q.where('status', '=', query.status);
  const sort = { column: 'created_at', direction: 'desc' as const, field: 'createdAt' };
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.created_at,
    (r) => r.id,
    (r) => ({
      id: r.id,
      number: r.number,
      storeId: r.store_id,
      scope: r.scope as Stocktake['scope'],
      scopeValue: r.scope_value,
      blind: r.blind === 1,
      status: r.status as Stocktake['status'],
      approvedBy: r.approved_by,
      postedAt: r.posted_at,
      version: r.version,
      createdAt: r.created_at,
    }),
  );
}
