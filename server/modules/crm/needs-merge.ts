import { nowIso } from '../../platform/ids';
import { registerCustomerMergeStep } from './customer-merge.service';

// Needs analyses and purchase plans hang off leads (which keep their store and move with the customer,
// lead-merge.ts); their copy of the customer follows too, so the kept customer's history shows them.
registerCustomerMergeStep('crm.needs', async (trx, { sourceId, targetId }) => {
  await trx
    .updateTable('needs_analyses')
    .set({ customer_id: targetId })
    .where('customer_id', '=', sourceId)
    .execute();
  await trx
    .updateTable('purchase_plans')
    .set((eb) => ({ customer_id: targetId, version: eb('version', '+', 1), updated_at: nowIso() }))
    .where('customer_id', '=', sourceId)
    .execute();
});
