/** Integrations: webhooks that deliver the group's domain events to other systems. */
export { webhookRoutes } from './webhook.routes';
export { registerWebhookDelivery, signBody } from './webhook.delivery';
