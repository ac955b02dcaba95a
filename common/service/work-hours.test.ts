import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeWorkHours, efficiencyBp, MS_PER_CENTI_HOUR, shareByWeight } from './work-hours';

describe('flagged vs clocked hours', () => {
  it('shares nothing when no line has a weight (fast-check found [0, [0]])', () => {
    expect(shareByWeight(0, [0])).toEqual([0]);
    expect(shareByWeight(7, [0, 0])).toEqual([0, 0]);
  });

  it('shares a line exactly: the parts add up to the whole and follow the weights', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000_000),
        fc.array(fc.nat(5_000_000), { minLength: 1, maxLength: 6 }),
        (total, weights) => {
          const shares = shareByWeight(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          // no weight at all: nothing to share (the property returns nothing, as fast-check reads a
          // returned value as the verdict and vitest's expect answers an object)
          if (sum === 0) {
            expect(shares.every((s) => s === 0)).toBe(true);
            return;
          }
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((s, i) => expect(Math.abs(s - (total * weights[i]!) / sum)).toBeLessThan(1));
        },
      ),
    );
  });

  it('efficiency is flagged/clocked in basis points, rounded half up, in integers', () => {
    expect(efficiencyBp(1, 3)).toBe(3333);
    expect(efficiencyBp(2, 3)).toBe(6667);
    expect(efficiencyBp(5_400_000, 7_200_000)).toBe(7500);
    expect(efficiencyBp(1, 0)).toBeNull();
    fc.assert(
      fc.property(fc.nat(1e9), fc.integer({ min: 1, max: 1e9 }), (f, c) => {
        const bp = efficiencyBp(f, c)!;
        // |bp/10000 - f/c| <= 1/20000, checked in integers
        expect(Math.abs(bp * 2 * c - 20_000 * f)).toBeLessThanOrEqual(c);
      }),
    );
  });

  it('totals are the sum of segments; flagged time counts only for finished lines', () => {
    const clocks = [
      {
        lineId: 'a',
        technicianId: 't1',
        startedAt: '2026-01-01T00:00:00.000Z',
        endedAt: '2026-01-01T00:20:00.000Z',
      },
      {
        lineId: 'a',
        technicianId: 't2',
        startedAt: '2026-01-01T00:05:00.000Z',
        endedAt: '2026-01-01T00:15:00.000Z',
      },
      { lineId: 'b', technicianId: 't2', startedAt: '2026-01-01T01:00:00.000Z', endedAt: null },
    ];
    const h = computeWorkHours(
      [
        { id: 'a', hoursCenti: 50, finished: true },
        { id: 'b', hoursCenti: 100, finished: false },
      ],
      clocks,
      '2026-01-01T01:30:00.000Z',
    );
    expect(h.flaggedMs).toBe(50 * MS_PER_CENTI_HOUR);
    expect(h.clockedMs).toBe(60 * 60_000);
    expect(h.technicians).toEqual([
      { technicianId: 't1', flaggedMs: 1_200_000, clockedMs: 1_200_000, efficiencyBp: 10_000 },
      { technicianId: 't2', flaggedMs: 600_000, clockedMs: 2_400_000, efficiencyBp: 2500 },
    ]);
  });
});
