import { z } from 'zod';
import { idSchema, isoInstant, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';

/** Follow-up tasks (跟进任务): what to do for a customer, by when, and how it went. */
export const taskTypes = ['call', 'message', 'visit', 'care_visit', 'other'] as const;
export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export const taskOutcomes = ['reached', 'no_answer', 'callback', 'not_interested', 'other'] as const;
/** Standard practice: call a showroom visitor back within 24 hours (24小时回访). */
export const followUpAfterVisitHours = 24;

export const taskSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    customerId: idSchema.nullable(),
    customerName: z.string().nullable(),
    leadId: idSchema.nullable(),
    assigneeId: idSchema,
    assigneeName: z.string(),
    type: z.enum(taskTypes),
    title: z.string(),
    dueAt: z.string(),
    overdue: z.boolean(),
    status: z.enum(taskStatuses),
    outcome: z.enum(taskOutcomes).nullable(),
    outcomeNote: z.string().nullable(),
    doneAt: z.string().nullable(),
    source: z.string(),
    version: versionSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof taskSchema>;
export const taskPageSchema = pageOf(taskSchema, 'TaskPage');

export const createTaskSchema = z
  .strictObject({
    type: z.enum(taskTypes),
    title: z.string().trim().min(1).max(200),
    dueAt: isoInstant,
    customerId: idSchema.nullable().optional(),
    leadId: idSchema.nullable().optional(),
    /** Default: the user themself; a manager may give it to staff of the store. */
    assigneeId: idSchema.optional(),
    storeId: idSchema.optional(),
  })
  .meta({ id: 'CreateTask' });
export const completeTaskSchema = z
  .strictObject({
    version: versionSchema,
    outcome: z.enum(taskOutcomes),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'CompleteTask' });
export const cancelTaskSchema = z.strictObject({ version: versionSchema }).meta({ id: 'CancelTask' });
export const taskListQuery = paginationQuery.extend({
  assigneeId: idSchema.optional(),
  customerId: idSchema.optional(),
  storeId: idSchema.optional(),
  status: z.enum(taskStatuses).optional(),
  /** `today`: open and due before the end of the store's day (incl. overdue); `overdue`: open and past due. */
  due: z.enum(['today', 'overdue']).optional(),
  mine: z.enum(['true', 'false']).optional(),
});
