import { defineMatrix } from './types';

export const integrationsMatrix = defineMatrix({
  name: 'integrations',
  setup: async ({ t }) => {
    const hook = await t.call('POST', '/api/v1/webhooks', {
      token: t.adminToken,
      body: { url: 'https://erp.example.com/x', events: ['identity.user.created'] },
    });
    return { webhookId: hook.body.webhook.id as string };
  },
  rows: [
    {
      method: 'GET',
      url: '/api/v1/webhooks',
      call: () => ({ url: '/api/v1/webhooks' }),
      expect: { anonymous: 401, consultantA: 403, managerA: 403, admin: 200 },
    },
    {
      method: 'POST',
      url: '/api/v1/webhooks',
      call: () => ({
        url: '/api/v1/webhooks',
        body: { url: 'https://erp.example.com/hooks', events: ['identity.user.created'] },
      }),
      expect: { anonymous: 401, consultantA: 403, managerA: 403, admin: 201 },
    },
    {
      method: 'PATCH',
      url: '/api/v1/webhooks/:id',
      call: async (fx, { t }) => {
        const hooks = (await t.call('GET', '/api/v1/webhooks', { token: t.adminToken })).body.items as {
          id: string;
          version: number;
        }[];
        return {
          url: `/api/v1/webhooks/${fx.webhookId}`,
          body: { version: hooks.find((h) => h.id === fx.webhookId)!.version, active: true },
        };
      },
      expect: { anonymous: 401, consultantA: 403, managerA: 403, admin: 200 },
    },
  ],
});
