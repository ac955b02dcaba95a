/** The crm module's follow-up tasks. */
export interface TasksTable {
  id: string;
  group_id: string;
  store_id: string;
  customer_id: string | null;
  lead_id: string | null;
  assignee_id: string;
  type: string;
  title: string;
  due_at: string;
  status: string;
  outcome: string | null;
  outcome_note: string | null;
  done_at: string | null;
  done_by: string | null;
  source: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaskTables {
  tasks: TasksTable;
}
