import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Deal } from '@common/sales/deal.schemas';
import { calculateDeal } from '@common/sales/deal.calc';
import { dealServiceCodes } from '@common/sales/deal.status';
import {
  deskOfDeal,
  emptyDesk,
  fen,
  liveTotals,
  quoteOfDesk,
  yuan,
  type DeskValues,
} from './deal-desk-values';

const desk = (patch: Partial<DeskValues>): DeskValues => ({ ...emptyDesk(), ...patch });

describe('deal desk form → quote', () => {
  it('sends yuan as fen, every service with its own decision (Art. 14), the loan only for a loan', () => {
    const v = desk({
      vehicleId: 'v1',
      trimId: 't1',
      vehiclePrice: '271,800',
      options: [{ optionId: 'o1', kind: 'accessory', price: '3800.00', accepted: true }],
      services: emptyDesk().services.map((s) =>
        s.code === 'registration_agency' ? { ...s, price: '500', accepted: true } : s,
      ),
      loan: { downPayment: '100000', termMonths: 36, annualRate: '3.5' },
    });
    const q = quoteOfDesk(v);
    expect(q.vehiclePrice).toBe(27_180_000);
    expect(q.options).toEqual([{ optionId: 'o1', price: 380_000, accepted: true }]);
    expect(q.services).toHaveLength(dealServiceCodes.length);
    expect(q.services?.filter((s) => s.accepted)).toEqual([
      { code: 'registration_agency', price: 50_000, accepted: true },
    ]);
    expect(q.loan).toBeNull();
    expect(quoteOfDesk({ ...v, paymentKind: 'loan' }).loan).toEqual({
      downPayment: 10_000_000,
      termMonths: 36,
      annualRateBp: 350,
      lender: undefined,
    });
    expect(quoteOfDesk({ ...v, source: 'order' }).vehicleId).toBeNull();
  });

  it('totals live with the same rule as the server, both scenarios once the loan terms are filled', () => {
    const v = desk({
      vehiclePrice: '271800',
      loan: { downPayment: '100000', termMonths: 36, annualRate: '3.5' },
    });
    const { totals, problem } = liveTotals(v, 27_980_000, 'bev', '2026-12-01');
    expect(problem).toBeNull();
    expect(totals?.discount).toBe(800_000);
    expect(totals?.loanScenario?.loan?.principal).toBe(17_180_000);
    expect(totals?.chosen).toBe(totals?.full);
    expect(liveTotals(desk({ vehiclePrice: '280000' }), 27_980_000, 'bev', '2026-12-01').problem).toEqual({
      path: 'vehiclePrice',
      code: 'above_display_price',
    });
    expect(liveTotals(v, null, 'bev', '2026-12-01').totals).toBeNull();
  });

  it('yuan text and fen convert both ways without losing a fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_00 }), (amount) => {
        expect(fen(yuan(amount))).toBe(amount);
      }),
    );
  });

  it('a saved deal reads back into the desk and gives the same quote and totals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000_000, max: 50_000_000 }),
        fc.integer({ min: 0, max: 500_000 }),
        fc.boolean(),
        (price, accessory, accepted) => {
          const lines = [
            { kind: 'accessory' as const, price: accessory, accepted },
            { kind: 'service' as const, price: 50_000, accepted: !accepted },
          ];
          const totals = calculateDeal({
            displayPrice: price,
            vehiclePrice: price,
            energy: 'phev',
            lines,
            tradeInCredit: 0,
            paymentKind: 'full',
            loan: null,
            purchaseDate: '2026-12-01',
          });
          const deal = {
            customerId: 'c1',
            vehicleId: 'v1',
            trimId: 't1',
            exteriorColourId: null,
            energy: 'phev',
            lines: [
              {
                id: 'l1',
                kind: 'accessory',
                ref: 'o1',
                name: 'x',
                displayPrice: accessory,
                price: accessory,
                accepted,
              },
              {
                id: 'l2',
                kind: 'service',
                ref: 'registration_agency',
                name: 'y',
                displayPrice: 50_000,
                price: 50_000,
                accepted: !accepted,
              },
            ],
            tradeIn: null,
            paymentKind: 'full',
            loan: null,
            notes: null,
            totals,
          } as unknown as Deal;
          const back = deskOfDeal(deal);
          const q = quoteOfDesk(back);
          expect(q.vehiclePrice).toBe(price);
          expect(q.options).toEqual([{ optionId: 'o1', price: accessory, accepted }]);
          expect(q.services?.find((s) => s.code === 'registration_agency')).toEqual({
            code: 'registration_agency',
            price: 50_000,
            accepted: !accepted,
          });
          expect(liveTotals(back, price, 'phev', '2026-12-01').totals).toEqual(totals);
        },
      ),
      { numRuns: 50 },
    );
  });
});
