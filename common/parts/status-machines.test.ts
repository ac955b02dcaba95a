import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canPartsOrder,
  exceptionStatuses,
  partsOrderActionsFrom,
  partsOrderStatuses,
  partsOrderTransitions,
  type PartsOrderAction,
} from './parts-order.status';
import {
  purchaseOrderActionsFrom,
  purchaseOrderStatuses,
  purchaseOrderTransitions,
} from './purchase-order.status';
import { stocktakeStatuses, stocktakeTransitions } from './stocktake.schemas';

describe('the parts order status machine', () => {
  it('runs submitted → allocated → picked → packed → shipped → delivered, one action at a time', () => {
    const path: PartsOrderAction[] = ['review', 'pick', 'pack', 'ship', 'sign_off'];
    let status: (typeof partsOrderStatuses)[number] = 'submitted';
    for (const action of path) {
      expect(partsOrderActionsFrom(status)).toContain(action);
      status = partsOrderTransitions[action].to;
    }
    expect(status).toBe('delivered');
    expect(partsOrderActionsFrom('delivered')).toEqual([]);
    expect(partsOrderActionsFrom('completed')).toEqual([]);
  });

  it('can be cancelled only before the parts leave the shelf, and exceptions only once shipped', () => {
    expect(partsOrderStatuses.filter((s) => canPartsOrder(s, 'cancel'))).toEqual(['submitted', 'allocated']);
    expect(exceptionStatuses).toEqual(['shipped', 'delivered']);
  });

  it('never leaves a final state, whatever the sequence of actions', () => {
    const actions = Object.keys(partsOrderTransitions) as PartsOrderAction[];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 20 }), (seq) => {
        let status: (typeof partsOrderStatuses)[number] = 'submitted';
        for (const a of seq) if (canPartsOrder(status, a)) status = partsOrderTransitions[a].to;
        if (status === 'cancelled' || status === 'delivered')
          expect(partsOrderActionsFrom(status)).toEqual([]);
        expect(partsOrderStatuses).toContain(status);
      }),
    );
  });
});

describe('the purchase order and stocktake machines', () => {
  it('lists only legal actions and has no action out of received or cancelled', () => {
    expect(purchaseOrderActionsFrom('draft')).toEqual(['submit', 'cancel']);
    expect(purchaseOrderActionsFrom('pending_approval')).toEqual(['approve', 'cancel']);
    expect(purchaseOrderActionsFrom('received')).toEqual([]);
    expect(purchaseOrderActionsFrom('cancelled')).toEqual([]);
    for (const t of Object.values(purchaseOrderTransitions))
      for (const from of t.from) expect(purchaseOrderStatuses).toContain(from);
  });

  it('posts a stocktake only from submitted, and a posted sheet is final', () => {
    expect(stocktakeTransitions.approve.from).toEqual(['submitted']);
    const fromPosted = Object.values(stocktakeTransitions).filter((t) =>
      (t.from as readonly string[]).includes('posted'),
    );
    expect(fromPosted).toEqual([]);
    for (const t of Object.values(stocktakeTransitions)) expect(stocktakeStatuses).toContain(t.to);
  });
});
