import type { Db } from '../../db/database';
import { nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { findLead, markSlaBreached } from './lead.repo';
import { raiseAlert } from './alert.service';
import { toLead } from './lead.view';

/** Who hears of a missed first contact: the store's sales managers and its store manager. */
const slaRecipients = ['sales_manager', 'store_manager'] as const;

/**
 * The first-contact SLA job (H3.1, the lead SLA): when a new lead's time is up and nobody has
 * contacted the customer, the lead is marked overdue and the store's managers get an alert. A lead
 * contacted in time, or a job that runs again, changes nothing.
 */
export async function checkLeadSla(db: Db, payload: { leadId: string }) {
  await db.transaction().execute(async (trx) => {
    const row = await findLead(trx, payload.leadId);
    if (!row || row.status !== 'new' || row.first_contacted_at !== null) return;
    if (!row.sla_due_at || row.sla_due_at > nowIso()) return; // not due yet (the job ran early)
    const at = nowIso();
    if (!(await markSlaBreached(trx, row.id, at))) return;
    const params = {
      number: row.number,
      customer: row.customer_name,
      slaDueAt: row.sla_due_at,
      ownerId: row.owner_id,
    };
    for (const role of slaRecipients)
      await raiseAlert(trx, {
        groupId: row.group_id,
        storeId: row.store_id,
        kind: 'lead_sla_missed',
        recipientRole: role,
        entity: 'lead',
        entityId: row.id,
        params,
        dedupeKey: `lead_sla_missed:${row.id}:${role}`,
      });
    const lead = toLead((await findLead(trx, row.id))!);
    await emitEvent(trx, 'crm.lead.sla_missed', { lead }, row.store_id);
  });
}
