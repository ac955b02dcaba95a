import type { Db } from '../../db/database';
import { newId } from '../../platform/ids';
import { localYear, nextDocumentNumber } from '../../platform/numbering';
import { findStoreRow } from '../identity';
import { leadSources, type LeadStatus } from '../../../common/crm/lead.status';
import { demoInterests as interests } from './crm-generate.seed-large';

const statuses: LeadStatus[] = ['new', 'contacted', 'appointment', 'visited', 'negotiating', 'won', 'lost'];

/**
 * Demo leads for the demo customers (one each, statuses across the funnel, owned by the store's
 * consultant) and appointments later today or tomorrow for the contacted ones, so the funnel, the
 * reception board and "my day" have something to show. Customers who already have a
 * lead are left alone, so running it twice adds nothing twice.
 */
export async function seedLeads(db: Db, storeIds: string[]) {
  let added = 0;
  for (const storeId of storeIds.slice(0, 3)) {
    const store = await findStoreRow(db, storeId);
    if (!store) continue;
    const consultant = await db
      .selectFrom('user_store_roles')
      .select('user_id')
      .where('store_id', '=', storeId)
      .where('role', '=', 'sales_consultant')
      .orderBy('user_id')
      .executeTakeFirst();
    const customers = await db
      .selectFrom('customers')
      .select(['id', 'name'])
      .where('store_id', '=', storeId)
      .where('status', '=', 'active')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('leads').select('leads.id').whereRef('leads.customer_id', '=', 'customers.id'),
          ),
        ),
      )
      .orderBy('number')
      .execute();
    for (const [k, customer] of customers.entries()) {
      await db.transaction().execute(async (trx) => {
        const status = statuses[k % statuses.length]!;
        const createdAt = new Date(Date.now() - (k + 1) * 26 * 3_600_000).toISOString();
        const leadId = newId();
        await trx
          .insertInto('leads')
          .values({
            id: leadId,
            group_id: store.group_id,
            store_id: store.id,
            number: await nextDocumentNumber(trx, store.id, 'LD', localYear(store.timezone)),
            customer_id: customer.id,
            source: leadSources[k % leadSources.length]!,
            campaign_ref: null,
            referred_by: null,
            model_id: null,
            trim_id: null,
            interest: interests[k % interests.length]!,
            status,
            lost_reason: status === 'lost' ? 'bought_competitor' : null,
            lost_note: null,
            owner_id: consultant?.user_id ?? null,
            assigned_at: consultant ? createdAt : null,
            sla_due_at: new Date(Date.parse(createdAt) + 30 * 60_000).toISOString(),
            first_contacted_at: status === 'new' ? null : createdAt,
            sla_breached_at: null,
            status_changed_at: createdAt,
            version: 1,
            created_at: createdAt,
            updated_at: createdAt,
          })
          .execute();
        added++;
        if (status !== 'appointment' && status !== 'contacted') return;
        // an appointment later today (or tomorrow morning) for the leads that have one coming
        const at = new Date(Date.now() + (k % 2 === 0 ? 2 : 20) * 3_600_000);
        at.setUTCMinutes(0, 0, 0);
        const now = new Date().toISOString();
        await trx
          .insertInto('appointments')
          .values({
            id: newId(),
            group_id: store.group_id,
            store_id: store.id,
            number: await nextDocumentNumber(trx, store.id, 'AP', localYear(store.timezone)),
            customer_id: customer.id,
            lead_id: leadId,
            consultant_id: consultant?.user_id ?? null,
            channel: 'phone',
            scheduled_at: at.toISOString(),
            duration_minutes: 60,
            purpose: interests[k % interests.length]!,
            trim_id: null,
            status: 'booked',
            reschedule_count: 0,
            confirmation_id: null,
            note: null,
            version: 1,
            created_by: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      });
    }
  }
  return added;
}
