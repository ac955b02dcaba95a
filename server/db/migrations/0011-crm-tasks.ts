import type { Kysely } from 'kysely';

/** Follow-up tasks (跟进任务, H3.1.3, H4.2.2): calls, messages, visits and care visits with a due time and outcome. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('dealer_groups.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('lead_id', 'text', (c) => c.references('leads.id'))
    .addColumn('assignee_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('type', 'text', (c) => c.notNull()) // call | message | visit | care_visit | other
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | done | cancelled
    .addColumn('outcome', 'text') // reached | no_answer | callback | not_interested | other
    .addColumn('outcome_note', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('source', 'text', (c) => c.notNull()) // manual | after_visit | …
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tasks_assignee_due_idx')
    .on('tasks')
    .columns(['assignee_id', 'status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('tasks_store_due_idx')
    .on('tasks')
    .columns(['store_id', 'status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('tasks_group_due_idx')
    .on('tasks')
    .columns(['group_id', 'due_at', 'id'])
    .execute();
  await db.schema.createIndex('tasks_customer_idx').on('tasks').column('customer_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tasks').execute();
}
