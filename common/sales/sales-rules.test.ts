import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords } from '../rules/amount-in-words';
import { calculateDeal, dealCalcProblem, discountLimitOf } from './deal.calc';
import { canDeal, dealStatuses, dealTransitions, type DealAction, type DealStatus } from './deal.status';
import { deliveryBlockersOf } from './delivery.checklist';
import { invoiceFigures } from './invoice.calc';
import { contractReadiness, termChanges } from './contract.readiness';

const fen = fc.integer({ min: 0, max: 5_000_000_00 });

describe('deal totals', () => {
  it('a BEV at ¥226,000 less ¥3,000 with mats and a service: the textbook split and the 2026 halved purchase tax', () => {
    const t = calculateDeal({
      displayPrice: 22_600_000,
      vehiclePrice: 22_300_000,
      energy: 'bev',
      lines: [
        { kind: 'accessory', price: 88_000, accepted: true },
        { kind: 'service', price: 50_000, accepted: true },
        { kind: 'service', price: 380_000, accepted: false },
      ],
      tradeInCredit: 2_000_000,
      paymentKind: 'loan',
      loan: { downPayment: 7_000_000, termMonths: 36, annualRateBp: 0 },
      purchaseDate: '2026-06-01',
    });
    expect(t.discount).toBe(300_000);
    expect(t.invoiceTotal).toBe(22_300_000);
    // 223,000 / 1.13 = 197,345.13; VAT the remainder
    expect(t.priceExclVat).toBe(19_734_513);
    expect(t.vat).toBe(2_565_487);
    // 10 % of the price excl. VAT, halved for NEVs bought in 2026-2027
    expect(t.purchaseTaxBeforeRelief).toBe(1_973_451);
    expect(t.purchaseTax).toBe(1_973_451 - 986_726);
    expect(t.dueToDealer).toBe(22_300_000 + 88_000 + 50_000);
    expect(t.loanScenario?.loan?.monthly).toBe(Math.round(15_300_000 / 36));
    // out of pocket: due − loan − trade-in + purchase tax
    expect(t.chosen.outOfPocket).toBe(22_438_000 - 15_300_000 - 2_000_000 + t.purchaseTax);
    expect(t.full.outOfPocket).toBe(22_438_000 - 2_000_000 + t.purchaseTax);
  });

  it('always adds up to the fen, and declined lines never count (property)', () => {
    fc.assert(
      fc.property(
        fen,
        fen,
        fc.array(
          fc.record({
            kind: fc.constantFrom('factory_option', 'accessory', 'service'),
            price: fc.integer({ min: 0, max: 5_000_000 }),
            accepted: fc.boolean(),
          }),
          { maxLength: 8 },
        ),
        (a, b, lines) => {
          const [vehiclePrice, displayPrice] = a <= b ? [a, b] : [b, a];
          const input = {
            displayPrice,
            vehiclePrice,
            energy: 'ice' as const,
            lines: lines as never,
            tradeInCredit: 0,
            paymentKind: 'full' as const,
            loan: null,
            purchaseDate: '2026-06-01',
          };
          expect(dealCalcProblem(input)).toBeNull();
          const t = calculateDeal(input);
          expect(t.priceExclVat + t.vat).toBe(t.invoiceTotal);
          const accepted = lines.filter((l) => l.accepted).reduce((s, l) => s + l.price, 0);
          expect(t.dueToDealer).toBe(vehiclePrice + accepted);
          expect(t.discount).toBe(displayPrice - vehiclePrice);
        },
      ),
    );
  });

  it('names the field of an impossible quote', () => {
    const base = {
      displayPrice: 100,
      vehiclePrice: 100,
      energy: 'ice' as const,
      lines: [],
      tradeInCredit: 0,
      paymentKind: 'full' as const,
      loan: null,
      purchaseDate: '2026-06-01',
    };
    expect(dealCalcProblem({ ...base, vehiclePrice: 101 })?.path).toBe('vehiclePrice');
    expect(dealCalcProblem({ ...base, paymentKind: 'loan' })?.path).toBe('loan');
    expect(
      dealCalcProblem({ ...base, loan: { downPayment: 101, termMonths: 12, annualRateBp: 0 } })?.path,
    ).toBe('loan.downPayment');
    expect(dealCalcProblem({ ...base, tradeInCredit: 101 })?.path).toBe('tradeIn.credit');
  });

  it('the discount limit is the widest of the roles held; unlimited wins; unknown roles give none', () => {
    const limits = { sales_consultant: 500_000, sales_manager: 3_000_000, store_manager: null };
    expect(discountLimitOf(['sales_consultant'], limits)).toBe(500_000);
    expect(discountLimitOf(['sales_consultant', 'sales_manager'], limits)).toBe(3_000_000);
    expect(discountLimitOf(['store_manager'], limits)).toBeNull();
    expect(discountLimitOf(['receptionist'], limits)).toBe(0);
  });
});

describe('deal status machine', () => {
  it('random action sequences never reach a state the machine does not allow (property)', () => {
    const actions = Object.keys(dealTransitions) as DealAction[];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 30 }), (seq) => {
        let status: DealStatus = 'quote';
        for (const a of seq) {
          if (!canDeal(status, a)) continue;
          status = dealTransitions[a].to;
          expect(dealStatuses).toContain(status);
        }
        // nothing leaves delivered or cancelled
        if (status === 'delivered' || status === 'cancelled')
          expect(actions.filter((a) => canDeal(status, a))).toEqual([]);
      }),
    );
  });
});

describe('invoice figures (机动车销售统一发票)', () => {
  it('total, VAT and price excl. VAT add up to the fen and the upper-case amount matches (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_00 }), (total) => {
        const f = invoiceFigures(total);
        expect(f.priceExclVat + f.vat).toBe(total);
        expect(Math.abs(f.vat - Math.round((f.priceExclVat * 13) / 100))).toBeLessThanOrEqual(1);
        expect(f.totalInWords).toBe(amountInWords(total));
      }),
    );
    expect(invoiceFigures(22_300_000).totalInWords).toBe('贰拾贰万叁仟元整');
  });
});

describe('contract readiness and changes', () => {
  it('lists exactly the missing checks', () => {
    const results = contractReadiness({
      model: 'BYD Seal',
      trim: 'EV',
      colour: null,
      vin: 'LGX…',
      buyer: {
        kind: 'individual',
        documentType: 'resident_id',
        documentNumberValid: true,
        idCopyAttached: false,
        verifiedBy: null,
        mobile: '13900000000',
        address: 'x',
        employer: 'y',
      },
      agreedPrice: 1,
      paymentMethod: 'cash',
      deliveryDate: '2026-12-20',
    });
    expect(results.filter((r) => !r.ok).map((r) => r.check)).toEqual([
      'vehicle_colour',
      'buyer_identity_copy',
      'buyer_identity_verified',
    ]);
  });
  it('shows the fields that changed between versions', () => {
    expect(termChanges({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', d: 2 })).toEqual([
      { field: 'b', before: 'x', after: 'y' },
      { field: 'd', before: null, after: 2 },
    ]);
  });
});

describe('delivery blockers', () => {
  const ready = {
    pdi: [{ item: 'lights_signals', result: 'pass' as const }],
    documents: [{ document: 'invoice', present: true }],
    keysExpected: 2,
    keysHanded: 2,
    compensationRate: 0.005,
    balance: 0,
    invoiceIssued: true,
    customerSigned: true,
  };
  it('nothing blocks a ready handover; a failed PDI item or money outstanding does', () => {
    expect(deliveryBlockersOf(ready)).toEqual([]);
    expect(deliveryBlockersOf({ ...ready, pdi: [{ item: 'lights_signals', result: 'fail' }] })).toEqual([
      { blocker: 'pdi_item_failed', items: ['lights_signals'] },
    ]);
    expect(deliveryBlockersOf({ ...ready, balance: 1 })).toEqual([
      { blocker: 'money_outstanding', items: ['1'] },
    ]);
    // 三包 Art. 27: the compensation rate may not exceed 0.5 %
    expect(deliveryBlockersOf({ ...ready, compensationRate: 0.006 })[0]?.blocker).toBe('voucher_incomplete');
  });
});
