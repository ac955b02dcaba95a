import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  classifyAbc,
  daysOfSupply,
  demandStats,
  planPart,
  reorderPoint,
  safetyStock,
  serviceLevelZ,
  turnover,
} from './stock-planning';

describe('safety stock and reorder point (textbook examples)', () => {
  it('gives the z of the usual service levels', () => {
    expect(serviceLevelZ(0.95)).toBeCloseTo(1.6449, 4);
    expect(serviceLevelZ(0.975)).toBeCloseTo(1.96, 3);
    expect(serviceLevelZ(0.99)).toBeCloseTo(2.3263, 4);
    expect(serviceLevelZ(0.9)).toBeCloseTo(1.2816, 4);
    expect(serviceLevelZ(0.5)).toBeCloseTo(0, 9);
    expect(serviceLevelZ(0.001)).toBeCloseTo(-3.0902, 4);
  });

  it('d̄ = 20/day, σ = 4, L = 9 days, z = 1.65 (95 %): SS = 1.65 × 4 × 3 = 19.8, ROP = 180 + 19.8 → 200', () => {
    const ss = safetyStock(1.65, 4, 9);
    expect(ss).toBeCloseTo(19.8, 10);
    expect(reorderPoint(20, 9, ss)).toBe(200);
  });

  it('d̄ = 50/day, σ = 10, L = 4 days, 95 %: SS = 1.645 × 10 × 2 = 32.9, ROP = 200 + 32.9 → 233', () => {
    const ss = safetyStock(serviceLevelZ(0.95), 10, 4);
    expect(ss).toBeCloseTo(32.9, 1);
    expect(reorderPoint(50, 4, ss)).toBe(233);
  });

  it('computes mean and sample standard deviation of daily demand', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(d − 5)² = 32, sample σ = √(32 / 7)
    const s = demandStats([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s).toMatchObject({ days: 8, total: 40, mean: 5 });
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(demandStats([])).toEqual({ days: 0, total: 0, mean: 0, sd: 0 });
  });

  it('plans a part: reorders up to the max when available + on order falls to the reorder point', () => {
    const stats = { days: 90, total: 1_800, mean: 20, sd: 4 };
    const plan = planPart(
      {
        onHand: 150,
        reserved: 10,
        onOrder: 20,
        minQty: null,
        maxQty: 400,
        leadTimeDays: 9,
        stats,
        daysSinceLastIssue: 1,
      },
      1.65,
    );
    // SS ⌈19.8⌉ = 20; ROP = 180 + 20 = 200; position = 140 + 20 = 160 ≤ 200 → buy 400 − 160
    expect(plan).toMatchObject({
      safetyStock: 20,
      reorderPoint: 200,
      orderUpTo: 400,
      alerts: ['below_reorder_point'],
      proposedQty: 240,
    });
    expect(plan.daysOfSupply).toBe(7.5);
  });

  it('flags excess, slow-moving and out-of-stock parts, and honours a configured minimum', () => {
    const none = { days: 90, total: 0, mean: 0, sd: 0 };
    expect(
      planPart(
        {
          onHand: 30,
          reserved: 0,
          onOrder: 0,
          minQty: null,
          maxQty: 10,
          leadTimeDays: 7,
          stats: none,
          daysSinceLastIssue: null,
        },
        1.65,
      ).alerts,
    ).toEqual(['excess', 'slow_moving']);
    const out = planPart(
      {
        onHand: 0,
        reserved: 0,
        onOrder: 0,
        minQty: 4,
        maxQty: 12,
        leadTimeDays: 7,
        stats: none,
        daysSinceLastIssue: 200,
      },
      1.65,
    );
    expect(out).toMatchObject({
      reorderPoint: 4,
      alerts: ['out_of_stock', 'below_min', 'below_reorder_point'],
      proposedQty: 12,
    });
  });

  it('never proposes a negative quantity, and proposes only at or below the reorder point', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        (onHand, reservedRaw, onOrder, mean, sd, lead) => {
          const reserved = Math.min(onHand, reservedRaw);
          const plan = planPart(
            {
              onHand,
              reserved,
              onOrder,
              minQty: null,
              maxQty: null,
              leadTimeDays: lead,
              stats: { days: 90, total: mean * 90, mean, sd },
              daysSinceLastIssue: 1,
            },
            1.65,
          );
          expect(plan.proposedQty).toBeGreaterThanOrEqual(0);
          if (onHand - reserved + onOrder > plan.reorderPoint) expect(plan.proposedQty).toBe(0);
          else if (plan.reorderPoint > 0)
            expect(onHand - reserved + onOrder + plan.proposedQty).toBeGreaterThan(plan.reorderPoint);
        },
      ),
    );
  });
});

describe('ABC classification', () => {
  // consumption value of ten parts, total 1,000: the top two are 80 %, the next three 15 %, the rest 5 %
  const parts = [
    ['P1', 500],
    ['P2', 300],
    ['P3', 60],
    ['P4', 50],
    ['P5', 40],
    ['P6', 20],
    ['P7', 15],
    ['P8', 10],
    ['P9', 5],
    ['P10', 0],
  ] as const;

  it('follows the default 80 / 15 / 5 % thresholds of consumption value', () => {
    const classes = classifyAbc(parts, (p) => p[1]);
    expect(parts.map((p) => classes.get(p))).toEqual(['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C']);
  });

  it('follows configured thresholds (70 / 20 / 10)', () => {
    const classes = classifyAbc(parts, (p) => p[1], { a: 70, b: 20 });
    // cumulative: 50, 80, 86, 91, 95 …: A only the first; B up to 90 %
    expect(parts.map((p) => classes.get(p))).toEqual(['A', 'B', 'B', 'C', 'C', 'C', 'C', 'C', 'C', 'C']);
  });

  it('puts one dominant part in A, the rest past 95 % and unused parts in C', () => {
    const classes = classifyAbc(
      [
        ['X', 950],
        ['Y', 50],
        ['Z', 0],
      ] as const,
      (p) => p[1],
    );
    expect([...classes.values()]).toEqual(['A', 'C', 'C']);
  });

  it('computes turnover and days of supply', () => {
    // ¥120,000 consumed at cost in a year on an average stock of ¥30,000: 4 turns
    expect(turnover(12_000_000, 3_000_000)).toBe(4);
    expect(turnover(1, 0)).toBeNull();
    expect(daysOfSupply(45, 1.5)).toBe(30);
    expect(daysOfSupply(45, 0)).toBeNull();
  });
});
