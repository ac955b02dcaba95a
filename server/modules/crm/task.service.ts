import type { z } from 'zod';
import type { createTaskSchema, Task, taskListQuery } from '../../../common/crm/task.schemas';
import { followUpAfterVisitHours } from '../../../common/crm/task.schemas';
import { localDayBounds, localToday } from '../../../common/rules/civil-date';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, toPage } from '../../platform/pagination';
import { reaches, requirePermission, type Actor, type Reach } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import { linkableCustomer } from './lead.service';
import { checkLinkedLead } from './reception.access';
import type { TasksTable } from './task.tables';
import { recordCustomerEvent } from './timeline.service';

type TaskRow = TasksTable;

const tasksWithNames = (db: DbOrTrx) =>
  db
    .selectFrom('tasks')
    .innerJoin('users as assignee', 'assignee.id', 'tasks.assignee_id')
    .leftJoin('customers', 'customers.id', 'tasks.customer_id')
    .selectAll('tasks')
    .select(['assignee.display_name as assignee_name', 'customers.name as customer_name']);
type TaskView = TaskRow & { assignee_name: string; customer_name: string | null };

const toTask = (r: TaskView, now = nowIso()): Task => ({
  id: r.id,
  storeId: r.store_id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  leadId: r.lead_id,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  type: r.type as Task['type'],
  title: r.title,
  dueAt: r.due_at,
  overdue: r.status === 'open' && r.due_at < now,
  status: r.status as Task['status'],
  outcome: r.outcome as Task['outcome'],
  outcomeNote: r.outcome_note,
  doneAt: r.done_at,
  source: r.source,
  version: r.version,
  createdAt: r.created_at,
});

const reachesTask = (reach: Reach, r: TaskRow) =>
  reaches(reach, { groupId: r.group_id, storeIds: [r.store_id], ownerId: r.assignee_id });

async function loadTask(db: DbOrTrx, actor: Actor, id: string, action: 'tasks.read' | 'tasks.manage') {
  const row = await tasksWithNames(db).where('tasks.id', '=', id).executeTakeFirst();
  if (!row || !reachesTask(requirePermission(actor, action), row)) throw notFound('task');
  return row;
}

/** A task's assignee must work in its store (any role: service advisors have care visits too). */
async function checkAssignee(db: DbOrTrx, assigneeId: string, storeId: string) {
  const row = await db
    .selectFrom('user_store_roles')
    .innerJoin('users', 'users.id', 'user_store_roles.user_id')
    .select('users.id')
    .where('user_store_roles.store_id', '=', storeId)
    .where('users.id', '=', assigneeId)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!row)
    throw new AppError('crm.unknown_owner', {
      errors: [{ path: 'assigneeId', code: 'unknown_assignee', message: 'not active staff of the store' }],
    });
}

/**
 * A follow-up for a customer (跟进): call, message, visit or care visit by a due time. Users give tasks to
 * themselves; a manager may give one to staff of the store.
 */
export async function createTask(
  trx: Trx,
  actor: Actor,
  input: z.infer<typeof createTaskSchema>,
): Promise<Task> {
  const reach = requirePermission(actor, 'tasks.manage');
  const own = [...new Set(actor.storeRoles.map((r) => r.storeId))];
  const storeId = input.storeId ?? (own.length === 1 ? own[0] : undefined);
  if (!storeId)
    throw new AppError('request.invalid', {
      errors: [{ path: 'storeId', code: 'required', message: 'name the store' }],
    });
  const store = await findStoreRow(trx, storeId);
  const inStore =
    store &&
    (reach.scope === 'own'
      ? own.includes(store.id)
      : reaches(reach, { groupId: store.group_id, storeIds: [store.id] }));
  if (!store || !inStore) throw notFound('store');
  const assigneeId = input.assigneeId ?? actor.userId;
  if (assigneeId !== actor.userId && reach.scope === 'own') throw forbidden();
  await checkAssignee(trx, assigneeId, store.id);
  const customer = input.customerId ? await linkableCustomer(trx, actor, input.customerId) : null;
  const lead = customer ? await checkLinkedLead(trx, input.leadId, customer.id, store.id) : null;
  if (input.leadId && !customer)
    throw new AppError('request.invalid', {
      errors: [{ path: 'customerId', code: 'required', message: 'a lead needs its customer' }],
    });
  const row = newTaskRow({
    groupId: store.group_id,
    storeId: store.id,
    customerId: customer?.id ?? null,
    leadId: lead?.id ?? null,
    assigneeId,
    type: input.type,
    title: input.title,
    dueAt: new Date(input.dueAt).toISOString(),
    source: 'manual',
    createdBy: actor.userId,
  });
  await trx.insertInto('tasks').values(row).execute();
  const task = toTask((await tasksWithNames(trx).where('tasks.id', '=', row.id).executeTakeFirst())!);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: store.id,
    entity: 'task',
    entityId: row.id,
    action: 'create',
    after: task,
  });
  return task;
}

/**
 * Tasks another module plans for a customer in its own transaction (the sales care plan after a
 * delivery, H4.2.2): each lands on its assignee's "My day" when due.
 */
export async function scheduleCustomerTasks(trx: Trx, tasks: Parameters<typeof newTaskRow>[0][]) {
  if (tasks.length) await trx.insertInto('tasks').values(tasks.map(newTaskRow)).execute();
}

function newTaskRow(t: {
  groupId: string;
  storeId: string;
  customerId: string | null;
  leadId: string | null;
  assigneeId: string;
  type: string;
  title: string;
  dueAt: string;
  source: string;
  createdBy: string | null;
}): TaskRow {
  const now = nowIso();
  return {
    id: newId(),
    group_id: t.groupId,
    store_id: t.storeId,
    customer_id: t.customerId,
    lead_id: t.leadId,
    assignee_id: t.assigneeId,
    type: t.type,
    title: t.title,
    due_at: t.dueAt,
    status: 'open',
    outcome: null,
    outcome_note: null,
    done_at: null,
    done_by: null,
    source: t.source,
    version: 1,
    created_by: t.createdBy,
    created_at: now,
    updated_at: now,
  };
}

/**
 * After a showroom visit the consultant calls back within 24 hours (24小时回访): the departure of a
 * reception with a consultant opens that task by itself, in the same transaction.
 */
export async function scheduleFollowUpAfterVisit(
  trx: Trx,
  visit: {
    group_id: string;
    store_id: string;
    customer_id: string;
    lead_id: string | null;
    consultant_id: string | null;
    customer_name: string;
  },
  actorId: string,
) {
  if (!visit.consultant_id) return;
  await trx
    .insertInto('tasks')
    .values(
      newTaskRow({
        groupId: visit.group_id,
        storeId: visit.store_id,
        customerId: visit.customer_id,
        leadId: visit.lead_id,
        assigneeId: visit.consultant_id,
        type: 'call',
        title: `回访 ${visit.customer_name}`,
        dueAt: new Date(Date.now() + followUpAfterVisitHours * 3_600_000).toISOString(),
        source: 'after_visit',
        createdBy: actorId,
      }),
    )
    .execute();
}

/** Done, with how it went (reached, no answer, call back, not interested); on the customer's timeline. */
export async function completeTask(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { version: number; outcome: Task['outcome'] & string; note?: string },
): Promise<Task> {
  const row = await loadTask(trx, actor, id, 'tasks.manage');
  return closeTask(trx, actor, row, input.version, 'done', {
    outcome: input.outcome,
    outcome_note: input.note ?? null,
  });
}

export async function cancelTask(trx: Trx, actor: Actor, id: string, version: number): Promise<Task> {
  const row = await loadTask(trx, actor, id, 'tasks.manage');
  return closeTask(trx, actor, row, version, 'cancelled', {});
}

async function closeTask(
  trx: Trx,
  actor: Actor,
  row: TaskView,
  version: number,
  status: 'done' | 'cancelled',
  extra: Partial<TaskRow>,
) {
  if (row.status !== 'open') throw new AppError('resource.state_conflict', { params: { state: row.status } });
  if (version !== row.version) throw versionConflict(row.version);
  const now = nowIso();
  const res = await trx
    .updateTable('tasks')
    .set({ ...extra, status, done_at: now, done_by: actor.userId, version: version + 1, updated_at: now })
    .where('id', '=', row.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(row.version + 1);
  const task = toTask((await tasksWithNames(trx).where('tasks.id', '=', row.id).executeTakeFirst())!);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'task',
    entityId: row.id,
    action: status,
    before: { status: row.status },
    after: { status, outcome: task.outcome },
  });
  if (row.customer_id && status === 'done')
    await recordCustomerEvent(trx, {
      groupId: row.group_id,
      storeId: row.store_id,
      customerId: row.customer_id,
      type: 'crm.task.done',
      entity: 'task',
      entityId: row.id,
      actorId: actor.userId,
      data: { title: task.title, type: task.type, outcome: task.outcome, note: task.outcomeNote },
    });
  return task;
}

/**
 * Tasks in reach — a user's own, a manager's store — soonest due first: `mine`, `due=today` (open and due
 * by the end of the store's day, overdue included) or `due=overdue`.
 */
export async function listTasks(db: DbOrTrx, actor: Actor, query: z.infer<typeof taskListQuery>) {
  const reach = requirePermission(actor, 'tasks.read');
  let q = tasksWithNames(db).where('tasks.group_id', '=', reach.groupId);
  if (reach.scope === 'store') q = q.where('tasks.store_id', 'in', reach.storeIds);
  if (reach.scope === 'own' || query.mine === 'true') q = q.where('tasks.assignee_id', '=', actor.userId);
  if (query.assigneeId) q = q.where('tasks.assignee_id', '=', query.assigneeId);
  if (query.customerId) q = q.where('tasks.customer_id', '=', query.customerId);
  if (query.storeId) q = q.where('tasks.store_id', '=', query.storeId);
  if (query.status) q = q.where('tasks.status', '=', query.status);
  const now = nowIso();
  if (query.due === 'overdue') q = q.where('tasks.status', '=', 'open').where('tasks.due_at', '<', now);
  if (query.due === 'today') {
    const store = await findStoreRow(db, query.storeId ?? actor.storeRoles[0]?.storeId ?? '');
    const tz = store?.timezone ?? 'Asia/Shanghai';
    const today = localToday(tz);
    q = q.where('tasks.status', '=', 'open').where('tasks.due_at', '<', localDayBounds(today, tz)[1]);
  }
  const sort = { column: 'tasks.due_at', direction: 'asc' as const, field: 'dueAt' };
  const rows = await applyPage(q, sort, 'tasks.id', query.limit, query.cursor).execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.due_at,
    (r) => r.id,
    (r) => toTask(r, now),
  );
}
