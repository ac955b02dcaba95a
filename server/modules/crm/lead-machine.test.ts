import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canMoveLead, leadActions, leadTransitions, type LeadStatus } from '../../../common/crm/lead.status';
import { createTestApp, dialects, type TestApp } from '../../test/harness';
import { makeCustomer, makeStaff, makeStore } from '../../test/factories';

const verbOf = (action: string) => action.replace(/_/g, '-');

/**
 * Model-based property test of the lead status machine through the API: any sequence of moves, legal or
 * not, leaves the lead exactly where the machine in common/crm/lead.status.ts says; a refused move is a
 * 409 that changes nothing (status and version), and no state outside the machine is ever reached.
 */
describe.each(dialects)('the lead status machine under random moves on %s', (dialect) => {
  let t: TestApp;
  let store: { id: string };
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    store = await makeStore(t);
    token = (await makeStaff(t, 'sales_manager', store.id)).token;
  });
  afterAll(() => t.close());

  it('matches the model for any sequence of moves', async () => {
    const customer = await makeCustomer(t, store.id);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...leadActions), { minLength: 1, maxLength: 10 }),
        async (moves) => {
          const lead = await t.call('POST', '/api/v1/leads', {
            token,
            body: { customerId: customer.id, storeId: store.id, source: 'phone' },
          });
          let model: LeadStatus = 'new';
          let version = lead.body.version as number;
          for (const action of moves) {
            const body = action === 'lose' ? { version, reason: 'price' } : { version };
            const res = await t.call('POST', `/api/v1/leads/${lead.body.id}/${verbOf(action)}`, {
              token,
              body,
            });
            if (canMoveLead(model, action)) {
              expect(res.status).toBe(200);
              model = leadTransitions[action].to;
              version = res.body.version;
            } else {
              expect(res.status).toBe(409);
              expect(res.body.code).toBe('resource.state_conflict');
            }
            const now = await t.call('GET', `/api/v1/leads/${lead.body.id}`, { token });
            expect({ status: now.body.status, version: now.body.version }).toEqual({
              status: model,
              version,
            });
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
