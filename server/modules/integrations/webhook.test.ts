import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeStaff } from '../../test/factories';
import { runWorkerOnce } from '../../platform/worker';
import { signBody } from './webhook.delivery';

/** A receiving system: answers 503 to the first `failFirst` deliveries, then 204. */
function startReceiver(failFirst: number) {
  const received: { headers: IncomingMessage['headers']; body: string; status: number }[] = [];
  let failures = failFirst;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = failures-- > 0 ? 503 : 204;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  return new Promise<{ url: string; received: typeof received; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
        received,
        close: () => server.close(),
      }),
    ),
  );
}

describe.each(dialects)('webhooks on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const drain = async () => {
    for (let i = 0; i < 5; i++) {
      await t.handle.db
        .updateTable('jobs')
        .set({ run_at: new Date(0).toISOString() })
        .where('status', '=', 'pending')
        .where('type', '!=', 'identity.purge_expired_sessions')
        .execute();
      await runWorkerOnce(t.handle, t.handlers, 'test-worker');
    }
  };

  it('delivers a subscribed event, signed, retrying after the receiver fails', async () => {
    const receiver = await startReceiver(1);
    try {
      const created = await t.call('POST', '/api/v1/webhooks', {
        token: t.adminToken,
        body: { url: receiver.url, events: ['identity.user.created'] },
      });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^whsec_/);
      const { user } = await makeStaff(t, 'parts_clerk', t.hqStoreId);
      await drain();
      expect(receiver.received.map((r) => r.status)).toEqual([503, 204]);
      const last = receiver.received[1]!;
      expect(last.headers['x-forecourt-event']).toBe('identity.user.created');
      expect(last.headers['x-forecourt-signature']).toBe(signBody(created.body.secret, last.body));
      const event = JSON.parse(last.body);
      expect(event.data.user).toMatchObject({ id: user.id, username: user.username });
      // the same delivery id both times: receivers can de-duplicate
      expect(receiver.received[0]!.headers['x-forecourt-delivery']).toBe(
        last.headers['x-forecourt-delivery'],
      );
    } finally {
      receiver.close();
    }
  });

  it('sends nothing for events not subscribed or while paused', async () => {
    const receiver = await startReceiver(0);
    try {
      const created = await t.call('POST', '/api/v1/webhooks', {
        token: t.adminToken,
        body: { url: receiver.url, events: ['identity.store.updated'] },
      });
      await drain();
      await makeStaff(t, 'finance', t.hqStoreId);
      const paused = await t.call('PATCH', `/api/v1/webhooks/${created.body.webhook.id}`, {
        token: t.adminToken,
        body: { version: 1, active: false },
      });
      expect(paused.body.active).toBe(false);
      const store = await t.call('GET', `/api/v1/stores/${t.hqStoreId}`, { token: t.adminToken });
      await t.call('PATCH', `/api/v1/stores/${t.hqStoreId}`, {
        token: t.adminToken,
        body: { version: store.body.version, name: 'HQ 总店' },
      });
      await drain();
      expect(receiver.received).toEqual([]);
    } finally {
      receiver.close();
    }
  });

  it('refuses a URL that is not http(s) and unknown event types, naming the field', async () => {
    const res = await t.call('POST', '/api/v1/webhooks', {
      token: t.adminToken,
      body: { url: 'ftp://x', events: ['sales.nothing'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['events.0', 'url']);
  });
});
