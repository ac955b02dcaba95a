import type { DbOrTrx } from '../../db/database';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';

export const notificationRequested = 'crm.notification.requested';

export interface CustomerMessage {
  groupId: string;
  storeId: string;
  customerId: string;
  template: 'appointment_confirmation' | 'appointment_rescheduled' | 'contract_signed';
  body: string;
  entity: string;
  entityId: string;
}

/**
 * Queues a service message to the customer's primary mobile in the notification outbox, in the caller's
 * transaction. After commit the worker hands it to the store's SMS / WeChat gateway, which subscribes
 * to `crm.notification.requested` by webhook. Service messages need no marketing consent (PIPL Art. 13(2):
 * needed to perform the customer's own booking). Returns null when the customer has no mobile.
 */
export async function queueCustomerMessage(trx: DbOrTrx, message: CustomerMessage): Promise<string | null> {
  const mobile = await trx
    .selectFrom('customer_mobiles')
    .select('mobile')
    .where('customer_id', '=', message.customerId)
    .orderBy('is_primary', 'desc')
    .orderBy('position')
    .executeTakeFirst();
  if (!mobile) return null;
  const row = {
    id: newId(),
    group_id: message.groupId,
    store_id: message.storeId,
    customer_id: message.customerId,
    channel: 'sms',
    recipient: mobile.mobile,
    template: message.template,
    language: 'zh-CN',
    body: message.body,
    entity: message.entity,
    entity_id: message.entityId,
    status: 'queued',
    created_at: nowIso(),
    handed_off_at: null,
  };
  await trx.insertInto('notifications').values(row).execute();
  await emitEvent(
    trx,
    notificationRequested,
    {
      notification: {
        id: row.id,
        channel: row.channel,
        to: row.recipient,
        template: row.template,
        language: row.language,
        body: row.body,
        entity: row.entity,
        entityId: row.entity_id,
        customerId: row.customer_id,
      },
    },
    message.storeId,
  );
  return row.id;
}

/** The worker ran the message's outbox event (the gateway's webhook delivery is queued): handed off. */
export async function markNotificationHandedOff(db: DbOrTrx, id: string) {
  await db
    .updateTable('notifications')
    .set({ status: 'handed_off', handed_off_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}
