import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boardMoves,
  nextRepairOrderStatus,
  type RepairOrderStatus,
} from '../../../common/service/repair-order.status';
import { dialects, type TestApp } from '../../test/harness';
import { checkInCar, makeServiceCustomer, openWorkshop, type Workshop } from './service.fixtures';

/**
 * Model-based property test of the repair order machine through the API: from an approved order, any
 * sequence of board moves and cancellations leaves it exactly where common/service/repair-order.status.ts
 * says; a refused move is a 409 that changes neither status nor version.
 */
describe.each(dialects)('the repair order machine under random moves on %s', (dialect) => {
  let t: TestApp;
  let storeId: string;
  let w: Workshop;
  beforeAll(async () => {
    ({ t, storeId, w } = await openWorkshop(dialect));
  });
  afterAll(() => t.close());

  it('matches the model for any sequence of moves', async () => {
    const actions = [...boardMoves, 'cancel'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...actions), { minLength: 1, maxLength: 8 }),
        async (moves) => {
          const { vehicle } = await makeServiceCustomer(t, storeId);
          let o = await checkInCar(t, w.advisor.token, storeId, vehicle.id, 25_000);
          let model: RepairOrderStatus = 'open';
          for (const action of moves) {
            const res = await t.call('POST', `/api/v1/repair-orders/${o.id}/move`, {
              token: w.advisor.token,
              body:
                action === 'cancel'
                  ? { version: o.version, action, reason: '客户取消' }
                  : { version: o.version, action },
            });
            const next = nextRepairOrderStatus(model, action);
            if (next === null) {
              expect(res.status).toBe(409);
              expect(res.body.title).toContain(model);
              const now = (await t.call('GET', `/api/v1/repair-orders/${o.id}`, { token: w.advisor.token }))
                .body;
              expect([now.status, now.version]).toEqual([model, o.version]);
            } else if (
              action === 'start_work' &&
              !o.lines.some((l: { approval: string }) => l.approval === 'approved')
            ) {
              expect(res.status).toBe(422);
            } else {
              expect(res.status).toBe(200);
              expect(res.body.status).toBe(next);
              model = next;
              o = res.body;
            }
            // once diagnosed, the customer approves in the store so that work can start
            if (model === 'diagnosing') {
              o = (
                await t.call('POST', `/api/v1/repair-orders/${o.id}/lines`, {
                  token: w.advisor.token,
                  body: { version: o.version, kind: 'labor', laborOperationId: w.oilChange.id },
                })
              ).body;
              const signed = await t.call('POST', `/api/v1/repair-orders/${o.id}/approvals`, {
                token: w.advisor.token,
                body: {
                  version: o.version,
                  signerName: '王五',
                  decisions: [{ lineId: o.lines[0].id, decision: 'approved' }],
                },
              });
              expect(signed.status).toBe(200);
              o = signed.body;
              model = 'approved';
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
