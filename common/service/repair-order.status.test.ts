import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boardMoveBetween,
  boardMoves,
  canMoveRepairOrder,
  nextRepairOrderStatus,
  repairOrderActions,
  repairOrderStatuses,
  repairOrderTransitions,
  type RepairOrderStatus,
} from './repair-order.status';

const status = fc.constantFrom(...repairOrderStatuses);
const action = fc.constantFrom(...repairOrderActions);

describe('the repair order status machine', () => {
  it('any sequence of moves stays inside the machine and follows its table', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (moves) => {
        let s: RepairOrderStatus = 'open';
        for (const m of moves) {
          const next = nextRepairOrderStatus(s, m);
          if (next === null) expect(canMoveRepairOrder(s, m)).toBe(false);
          else {
            expect((repairOrderTransitions[m].from as readonly string[]).includes(s)).toBe(true);
            s = next;
          }
          expect(repairOrderStatuses).toContain(s);
        }
      }),
    );
  });

  it('closed and cancelled are final; nothing is cancelled once work started', () => {
    fc.assert(
      fc.property(action, (m) => {
        expect(nextRepairOrderStatus('closed', m)).toBeNull();
        expect(nextRepairOrderStatus('cancelled', m)).toBeNull();
      }),
    );
    for (const s of ['in_progress', 'waiting_parts', 'quality_check', 'ready', 'delivered'] as const)
      expect(canMoveRepairOrder(s, 'cancel')).toBe(false);
  });

  it('every state is reachable from open, and delivered only through ready (after QC)', () => {
    const seen = new Set<RepairOrderStatus>(['open']);
    let frontier: RepairOrderStatus[] = ['open'];
    while (frontier.length) {
      const next: RepairOrderStatus[] = [];
      for (const s of frontier)
        for (const a of repairOrderActions) {
          const to = nextRepairOrderStatus(s, a);
          if (to && !seen.has(to)) {
            seen.add(to);
            next.push(to);
          }
        }
      frontier = next;
    }
    expect([...seen].sort()).toEqual([...repairOrderStatuses].sort());
    const into = repairOrderActions.filter((a) => repairOrderTransitions[a].to === 'delivered');
    expect(into.flatMap((a) => repairOrderTransitions[a].from)).toEqual(['ready']);
  });

  it('a board drag between two columns is a board move exactly when the machine allows it', () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        const m = boardMoveBetween(from, to);
        if (m) {
          expect(boardMoves).toContain(m);
          expect(nextRepairOrderStatus(from, m)).toBe(to);
        } else for (const b of boardMoves) expect(nextRepairOrderStatus(from, b) === to).toBe(false);
      }),
    );
  });
});
