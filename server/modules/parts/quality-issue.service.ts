import type { z } from 'zod';
import type {
  QualityIssue,
  qualityActionSchema,
  qualityIssueListQuery,
  resolveQualityIssueSchema,
} from '../../../common/parts/purchase-order.schemas';
import type { qualityResolutions } from '../../../common/parts/purchase-order.status';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { applyPage, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { findPartRows } from './part.repo';
import { inStoreScope } from './part.service';
import { findQualityIssueRow, qualityActions, type QualityIssueRow } from './purchase-order.repo';
import { findSupplierRows } from './supplier.repo';

type ListQuery = z.infer<typeof qualityIssueListQuery>;

async function loadIssue(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'suppliers.read' | 'suppliers.manage',
) {
  const reach = requirePermission(actor, action);
  const row = await findQualityIssueRow(db, id);
  if (!row || !reaches(reach, { groupId: row.group_id, storeIds: [row.store_id] }))
    throw notFound('supplier_quality_issue');
  return row;
}

async function toIssues(db: DbOrTrx, rows: QualityIssueRow[]) {
  const [parts, suppliers] = await Promise.all([
    findPartRows(
      db,
      rows.map((r) => r.part_id),
    ),
    findSupplierRows(
      db,
      rows.map((r) => r.supplier_id),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    storeId: r.store_id,
    supplierId: r.supplier_id,
    supplierName: suppliers.get(r.supplier_id)?.name ?? '',
    goodsReceiptId: r.goods_receipt_id,
    partId: r.part_id,
    partNo: parts.get(r.part_id)?.part_no ?? '',
    qty: r.qty,
    reason: r.reason,
    status: r.status as 'open' | 'resolved',
    resolution: r.resolution as (typeof qualityResolutions)[number] | null,
    claimAmount: r.claim_amount === null ? null : Number(r.claim_amount),
    resolutionNote: r.resolution_note,
    resolvedAt: r.resolved_at,
    version: r.version,
    createdAt: r.created_at,
  }));
}

async function toIssue(db: DbOrTrx, row: QualityIssueRow): Promise<QualityIssue> {
  const [issue] = await toIssues(db, [row]);
  return {
    ...issue!,
    photos: JSON.parse(row.photos) as string[],
    actions: (await qualityActions(db, row.id)).map((a) => ({
      id: a.id,
      description: a.description,
      ownerId: a.owner_id,
      dueOn: a.due_on,
      createdAt: a.created_at,
    })),
  };
}

export async function getQualityIssue(db: DbOrTrx, actor: Actor, id: string) {
  return toIssue(db, await loadIssue(db, actor, id, 'suppliers.read'));
}

export async function listQualityIssues(db: DbOrTrx, actor: Actor, query: ListQuery) {
  const reach = requirePermission(actor, 'suppliers.read');
  const scoped = await inStoreScope(
    db.selectFrom('supplier_quality_issues').selectAll(),
    db,
    reach,
    query.storeId,
  );
  if (!scoped) return { items: [], nextCursor: null };
  let q = scoped;
  if (query.supplierId) q = q.where('supplier_id', '=', query.supplierId);
  if (query.status) q = q.where('status', '=', query.status);
  const sort = { column: 'created_at', direction: 'desc' as const, field: 'createdAt' };
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  const page = toPage(
    rows,
    query.limit,
    (r) => r.created_at,
    (r) => r.id,
    (r) => r,
  );
  return { items: await toIssues(db, page.items), nextCursor: page.nextCursor };
}

/**
 * Settles a quality issue with the supplier (H7.3.3): the rejected goods go back (return) or the
 * supplier pays a claim (the amount is required). The supplier's scorecard counts it either way.
 */
export async function resolveQualityIssue(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof resolveQualityIssueSchema>,
) {
  const row = await loadIssue(trx, actor, id, 'suppliers.manage');
  if (row.status !== 'open') throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (row.version !== input.version) throw versionConflict(row.version);
  if (input.resolution === 'claim' && input.claimAmount === undefined)
    throw new AppError('request.invalid', {
      errors: [{ path: 'claimAmount', code: 'required', message: 'the amount claimed' }],
    });
  const now = nowIso();
  const changes = {
    status: 'resolved',
    resolution: input.resolution,
    claim_amount: input.resolution === 'claim' ? input.claimAmount! : null,
    resolution_note: input.note,
    resolved_at: now,
    updated_at: now,
    version: row.version + 1,
  };
  const res = await trx
    .updateTable('supplier_quality_issues')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(row.version + 1);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'supplier_quality_issue',
    entityId: id,
    action: 'resolve',
    after: { resolution: input.resolution, claimAmount: changes.claim_amount },
  });
  const issue = await toIssue(trx, { ...row, ...changes });
  await emitEvent(trx, 'purchasing.supplier_quality_issue.resolved', { issue }, row.store_id);
  return issue;
}

/** An improvement action agreed with the supplier: what, who owns it (active staff of the group), by when. */
export async function addQualityAction(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof qualityActionSchema>,
) {
  const row = await loadIssue(trx, actor, id, 'suppliers.manage');
  const owner = await trx
    .selectFrom('users')
    .select('id')
    .where('id', '=', input.ownerId)
    .where('group_id', '=', row.group_id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!owner)
    throw new AppError('request.invalid', {
      errors: [{ path: 'ownerId', code: 'unknown_owner', message: 'active staff of the group' }],
    });
  const actionId = newId();
  await trx
    .insertInto('supplier_quality_actions')
    .values({
      id: actionId,
      issue_id: id,
      description: input.description,
      owner_id: owner.id,
      due_on: input.dueOn,
      created_at: nowIso(),
    })
    .execute();
  await trx
    .updateTable('supplier_quality_issues')
    .set({ version: row.version + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'supplier_quality_issue',
    entityId: id,
    action: 'improvement_action',
    after: { actionId, ownerId: owner.id, dueOn: input.dueOn },
  });
  return toIssue(trx, { ...row, version: row.version + 1 });
}
