import { z } from 'zod';
import { idSchema, versionSchema } from '../platform/common.schemas';

/**
 * The domain events an integration may subscribe to. Each module adds its public events here;
 * the payload of each is the record in the same shape as the API answers it.
 */
export const publicEventTypes = [
  'identity.user.created',
  'identity.user.updated',
  'identity.store.created',
  'identity.store.updated',
  // a store's price list starts or stops being the price on display (payload: { priceList })
  'catalog.price_list.published',
  'catalog.price_list.withdrawn',
  // a message to a customer for the store's SMS / WeChat gateway to send (payload: { notification })
  'crm.notification.requested',
  // a sold car was handed over (payload: { dealId, deliveryId, customerId }): registration, insurance, OEM reporting
  'sales.deal.delivered',
] as const;
export type PublicEventType = (typeof publicEventTypes)[number];

const webhookUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'http or https URL');

export const webhookSchema = z
  .object({
    id: idSchema,
    url: z.string(),
    events: z.array(z.enum(publicEventTypes)),
    active: z.boolean(),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Webhook' });

export const createWebhookSchema = z
  .strictObject({ url: webhookUrl, events: z.array(z.enum(publicEventTypes)).min(1) })
  .meta({ id: 'CreateWebhook' });

export const patchWebhookSchema = z
  .strictObject({
    version: versionSchema,
    url: webhookUrl.optional(),
    events: z.array(z.enum(publicEventTypes)).min(1).optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'PatchWebhook' });

export const createdWebhookSchema = z
  .object({ webhook: webhookSchema, secret: z.string() })
  .meta({ id: 'CreatedWebhook' });
