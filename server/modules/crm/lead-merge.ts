import { nowIso } from '../../platform/ids';
import { registerCustomerMergeStep } from './customer-merge.service';

// A merge keeps every linked record: the duplicate's leads follow the customer that stays.
registerCustomerMergeStep('crm.leads', async (trx, { sourceId, targetId }) => {
  await trx
    .updateTable('leads')
    .set((eb) => ({ customer_id: targetId, version: eb('version', '+', 1), updated_at: nowIso() }))
    .where('customer_id', '=', sourceId)
    .execute();
});

// …and so do their appointments, showroom visits, test drives and the messages sent to them.
for (const table of ['appointments', 'receptions', 'test_drives', 'tasks'] as const)
  registerCustomerMergeStep(`crm.${table}`, async (trx, { sourceId, targetId }) => {
    await trx
      .updateTable(table)
      .set((eb) => ({ customer_id: targetId, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('customer_id', '=', sourceId)
      .execute();
  });
registerCustomerMergeStep('crm.notifications', async (trx, { sourceId, targetId }) => {
  await trx
    .updateTable('notifications')
    .set({ customer_id: targetId })
    .where('customer_id', '=', sourceId)
    .execute();
});
