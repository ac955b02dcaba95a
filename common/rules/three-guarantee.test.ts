import { describe, expect, it } from 'vitest';
import { repairDays } from './repair-days';
import { assessThreeGuarantee, usageCompensation } from './three-guarantee';
import type { TgRepair, ThreeGuaranteeRequest } from './three-guarantee-types';
import { threeGuaranteeWindows } from './three-guarantee-windows';

const base: ThreeGuaranteeRequest = {
  invoiceDate: '2024-02-29',
  assessDate: '2024-03-01',
  odometerKm: 100,
  repairs: [],
};
const at = (date: string, hour = 9) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
const repair = (over: Partial<TgRepair> & { startedAt: string; completedAt: string }): TgRepair => ({
  problem: 'p',
  system: 'other',
  component: 'other',
  fixed: true,
  ...over,
});
const remedies = (req: ThreeGuaranteeRequest) =>
  assessThreeGuarantee(req).remedies.map((r) => `${r.remedy}@${r.article}`);

describe('三包 Art. 18 windows (Civil Code Arts. 201-202)', () => {
  it('counts from the invoice date, not counting the start day, leap day aware', () => {
    expect(threeGuaranteeWindows('2024-02-29')).toEqual({
      sevenDay: { lastDay: '2024-03-07', km: null },
      sixtyDay: { lastDay: '2024-04-29', km: 3000 },
      validity: { lastDay: '2026-02-28', km: 50000 },
      warranty: { lastDay: '2027-02-28', km: 60000 },
    });
  });

  it('starts at the delivery date where it differs from the invoice date', () => {
    const r = assessThreeGuarantee({ ...base, deliveryDate: '2024-03-05', assessDate: '2024-03-10' });
    expect(r.periodStart).toBe('2024-03-05');
    expect(r.windows.sevenDay).toEqual({ lastDay: '2024-03-12', km: null, open: true });
  });

  it('a window closes at whichever of time or distance comes first', () => {
    const r = assessThreeGuarantee({ ...base, assessDate: '2024-03-20', odometerKm: 3001 });
    expect(r.windows.sixtyDay.open).toBe(false); // km first
    expect(r.windows.validity.open).toBe(true);
    expect(
      assessThreeGuarantee({ ...base, assessDate: '2026-03-01', odometerKm: 10 }).windows.validity.open,
    ).toBe(false); // time first
    expect(
      assessThreeGuarantee({ ...base, assessDate: '2026-02-28', odometerKm: 50000 }).windows.validity.open,
    ).toBe(true);
  });
});

describe('三包 Art. 40 repair days', () => {
  it('each full 24 h is a day; a remainder under 24 h is a day', () => {
    expect(repairDays(at('2024-03-01'), at('2024-03-01', 10))).toBe(1);
    expect(repairDays(at('2024-03-01'), at('2024-03-02'))).toBe(1);
    expect(repairDays(at('2024-03-01'), '2024-03-02T09:01:00+08:00')).toBe(2);
    expect(repairDays(at('2024-03-01'), at('2024-03-01'))).toBe(0);
  });
  it('excluded waiting time (custom anti-theft parts, harness, battery shipping, rescue travel) does not count', () => {
    expect(repairDays(at('2024-03-01'), at('2024-03-06', 19), 10)).toBe(5); // 130 h − 10 h = 120 h
    expect(() => repairDays(at('2024-03-02'), at('2024-03-01'))).toThrow(RangeError);
  });
});

describe('三包 remedies', () => {
  const engineFailure = (date: string, km = 100) =>
    ({ date, odometerKm: km, system: 'engine', component: 'main_part', kind: 'quality' }) as const;

  it('Art. 22: core part within 7 days → return or replace (and Art. 20, 19)', () => {
    const req = { ...base, assessDate: '2024-03-07', failure: engineFailure('2024-03-07') };
    expect(remedies(req)).toEqual(['return_or_replace@22', 'replace_assembly@20', 'free_repair@19']);
    const r = assessThreeGuarantee(req);
    expect(r.remedies[0]?.reason).toEqual({
      code: 'rules.three_guarantee.art22_core_part_7_days',
      params: { system: 'engine', lastDay: '2024-03-07' },
    });
    expect(r.usageCompensation).toBeUndefined(); // Art. 22 is free of charge
  });

  it('Art. 22 ends after day 7; Art. 20 still applies within 60 days / 3,000 km', () => {
    const r = assessThreeGuarantee({
      ...base,
      assessDate: '2024-03-08',
      failure: engineFailure('2024-03-08'),
    });
    expect(r.remedies.map((x) => x.article)).toEqual(['20', '19']);
    expect(r.checks.find((c) => c.article === '22')?.reason).toEqual({
      code: 'rules.three_guarantee.outside_window_days',
      params: { lastDay: '2024-03-07' },
    });
    expect(
      remedies({
        ...base,
        assessDate: '2024-04-01',
        odometerKm: 3500,
        failure: engineFailure('2024-04-01', 3001),
      }),
    ).toEqual(['free_repair@19']);
  });

  it('Art. 23: listed failures within 60 days / 3,000 km', () => {
    const failure = {
      date: '2024-04-29',
      odometerKm: 3000,
      system: 'brake',
      component: 'other',
      kind: 'brake_failure',
    } as const;
    expect(remedies({ ...base, assessDate: '2024-04-29', odometerKm: 3000, failure })).toEqual([
      'return_or_replace@23',
      'free_repair@19',
    ]);
    expect(
      remedies({
        ...base,
        assessDate: '2024-04-30',
        odometerKm: 3000,
        failure: { ...failure, date: '2024-04-30' },
      }),
    ).toEqual(['free_repair@19']);
    expect(
      remedies({
        ...base,
        assessDate: '2024-04-29',
        odometerKm: 3001,
        failure: { ...failure, odometerKm: 3001 },
      }),
    ).toEqual(['free_repair@19']);
    const quality = assessThreeGuarantee({
      ...base,
      failure: { ...failure, date: '2024-03-01', odometerKm: 10, kind: 'quality' },
    });
    expect(quality.checks.find((c) => c.article === '23')?.reason.code).toBe(
      'rules.three_guarantee.not_listed_failure',
    );
  });

  it('Art. 21: a single repair over 5 days → spare car from day 6', () => {
    const long = repair({ startedAt: at('2024-05-01'), completedAt: at('2024-05-06', 10) }); // 5 d 1 h → 6 days
    const r = assessThreeGuarantee({ ...base, assessDate: '2024-06-01', repairs: [long] });
    expect(r.repairDays.perRepair).toEqual([6]);
    expect(r.remedies).toEqual([
      {
        remedy: 'spare_car',
        article: '21',
        reason: {
          code: 'rules.three_guarantee.art21_repair_over_5_days',
          params: { repair: 1, days: 6, spareCarDays: 1 },
        },
      },
    ]);
    const five = repair({ startedAt: at('2024-05-01'), completedAt: at('2024-05-06') });
    expect(remedies({ ...base, assessDate: '2024-06-01', repairs: [five] })).toEqual([]);
    // outside the warranty (3 years) no spare car
    const late = repair({ startedAt: at('2027-03-01'), completedAt: at('2027-03-10') });
    expect(remedies({ ...base, assessDate: '2027-04-01', odometerKm: 40000, repairs: [late] })).toEqual([]);
  });

  it('Art. 24(1): serious-safety fault repaired twice and not eliminated', () => {
    const ss = (d: string, fixed: boolean) =>
      repair({
        problem: 'steering',
        system: 'steering',
        seriousSafety: true,
        fixed,
        startedAt: at(d),
        completedAt: at(d, 17),
      });
    const req = {
      ...base,
      assessDate: '2024-09-01',
      odometerKm: 8000,
      priceInclVat: 22600000,
      repairs: [ss('2024-06-01', true), ss('2024-07-01', false)],
    };
    const r = assessThreeGuarantee(req);
    expect(r.remedies.map((x) => x.article)).toEqual(['24(1)']);
    expect(r.usageCompensation).toEqual({
      priceInclVat: 22600000,
      km: 8000,
      rate: 0.005,
      rateIsMaximum: true,
      amount: 904000,
      article: '27',
    });
    // both fixed and nothing since → not met
    const ok = assessThreeGuarantee({ ...req, repairs: [ss('2024-06-01', true), ss('2024-07-01', true)] });
    expect(ok.remedies).toEqual([]);
    expect(ok.checks.find((c) => c.article === '24(1)')?.reason.code).toBe(
      'rules.three_guarantee.fault_eliminated',
    );
    // a new serious-safety failure after the second repair → met
    const again = {
      ...req,
      repairs: [ss('2024-06-01', true), ss('2024-07-01', true)],
      failure: {
        date: '2024-08-01',
        odometerKm: 7000,
        system: 'brake',
        component: 'other',
        kind: 'quality',
        seriousSafety: true,
      } as const,
    };
    expect(remedies(again)).toContain('return_or_replace@24(1)');
  });

  it('Art. 24(2): engine replaced twice and still not usable', () => {
    const rep = (d: string, fixed: boolean) =>
      repair({
        problem: 'engine',
        system: 'engine',
        component: 'assembly',
        replaced: 'assembly',
        fixed,
        startedAt: at(d),
        completedAt: at(d, 18),
      });
    const r = assessThreeGuarantee({
      ...base,
      assessDate: '2025-01-01',
      odometerKm: 20000,
      repairs: [rep('2024-06-01', true), rep('2024-09-01', false)],
    });
    expect(r.remedies.find((x) => x.article === '24(2)')?.reason).toEqual({
      code: 'rules.three_guarantee.art24_2_core_assembly_replaced',
      params: { system: 'engine', count: 2 },
    });
    // once is not enough
    const once = assessThreeGuarantee({
      ...base,
      assessDate: '2025-01-01',
      odometerKm: 20000,
      repairs: [rep('2024-06-01', false)],
    });
    expect(once.checks.find((c) => c.article === '24(2)')?.reason).toEqual({
      code: 'rules.three_guarantee.below_minimum',
      params: { value: 1, minimum: 2 },
    });
  });

  it('Art. 24(3): the same main part replaced twice, fault back afterwards', () => {
    const rep = (d: string, part = 'brake caliper') =>
      repair({
        problem: 'brake noise',
        system: 'brake',
        component: 'main_part',
        replaced: 'main_part',
        part,
        startedAt: at(d),
        completedAt: at(d, 15),
      });
    const later = repair({
      problem: 'brake noise',
      system: 'brake',
      component: 'main_part',
      part: 'brake caliper',
      startedAt: at('2024-12-01'),
      completedAt: at('2024-12-01', 12),
    });
    const req = {
      ...base,
      assessDate: '2025-01-01',
      odometerKm: 20000,
      repairs: [rep('2024-06-01'), rep('2024-09-01'), later],
    };
    expect(assessThreeGuarantee(req).remedies.find((x) => x.article === '24(3)')?.reason.params).toEqual({
      system: 'brake',
      part: 'brake caliper',
      count: 2,
    });
    // two different parts do not add up
    expect(
      remedies({ ...req, repairs: [rep('2024-06-01', 'caliper'), rep('2024-09-01', 'pump')] }),
    ).not.toContain('return_or_replace@24(3)');
  });

  it('Art. 24(4): more than 30 repair days in total, or the same problem more than 4 times', () => {
    const r10 = (d: string, problem: string) =>
      repair({ problem, startedAt: at(d), completedAt: at(d.replace(/-01$/, '-11')) }); // 10 days
    const three = [r10('2024-05-01', 'a'), r10('2024-06-01', 'b'), r10('2024-07-01', 'c')];
    expect(
      assessThreeGuarantee({ ...base, assessDate: '2025-01-01', odometerKm: 9000, repairs: three }).repairDays
        .cumulative,
    ).toBe(30);
    expect(remedies({ ...base, assessDate: '2025-01-01', odometerKm: 9000, repairs: three })).not.toContain(
      'return_or_replace@24(4)',
    );
    const withOneMore = [
      ...three,
      repair({ problem: 'd', startedAt: at('2024-08-01'), completedAt: at('2024-08-01', 10) }),
    ];
    const over = assessThreeGuarantee({
      ...base,
      assessDate: '2025-01-01',
      odometerKm: 9000,
      repairs: withOneMore,
    });
    expect(over.remedies.find((x) => x.article === '24(4)')?.reason).toEqual({
      code: 'rules.three_guarantee.art24_4_repair_days',
      params: { days: 31 },
    });

    const short = (d: string) => repair({ problem: 'rattle', startedAt: at(d), completedAt: at(d, 12) });
    const four = ['2024-05-01', '2024-06-01', '2024-07-01', '2024-08-01'].map(short);
    const r4 = assessThreeGuarantee({ ...base, assessDate: '2025-01-01', odometerKm: 9000, repairs: four });
    expect(r4.sameProblemRepairs).toEqual({ rattle: 4 });
    expect(r4.remedies).toEqual([]);
    const r5 = assessThreeGuarantee({
      ...base,
      assessDate: '2025-01-01',
      odometerKm: 9000,
      compensationRate: 0.004,
      priceInclVat: 10000000,
      repairs: [...four, short('2024-09-01')],
    });
    expect(r5.remedies.map((x) => x.reason.code)).toEqual(['rules.three_guarantee.art24_4_same_problem']);
    expect(r5.usageCompensation).toMatchObject({ rate: 0.004, rateIsMaximum: false, amount: 360000 }); // 100000 × 9000 / 1000 × 0.4 %
  });

  it('repairs after the validity (2 years or 50,000 km) do not count for Art. 24', () => {
    const short = (d: string, km?: number) =>
      repair({ problem: 'rattle', odometerKm: km, startedAt: at(d), completedAt: at(d, 12) });
    const req = {
      ...base,
      assessDate: '2026-06-01',
      odometerKm: 52000,
      repairs: ['2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01'].map((d) => short(d)),
    };
    expect(remedies({ ...req, repairs: [...req.repairs, short('2026-03-01')] })).toEqual([]);
    expect(remedies({ ...req, repairs: [...req.repairs, short('2025-09-01', 50001)] })).toEqual([]);
    expect(remedies({ ...req, repairs: [...req.repairs, short('2025-09-01', 50000)] })).toEqual([
      'return_or_replace@24(4)',
    ]);
  });

  it('every article is explained, met or not', () => {
    const r = assessThreeGuarantee(base);
    expect(r.checks.map((c) => c.article)).toEqual([
      '22',
      '23',
      '20',
      '24(1)',
      '24(2)',
      '24(3)',
      '24(4)',
      '24(4)',
      '21',
      '19',
    ]);
    expect(r.checks.every((c) => !c.met)).toBe(true);
  });
});

describe('三包 Art. 27 usage compensation', () => {
  it('price × km / 1000 × n', () => {
    expect(usageCompensation(22600000, 5000, 0.005)).toBe(565000); // ¥5,650.00
    expect(usageCompensation(22600000, 0, 0.005)).toBe(0);
  });
  it('refuses n above 0.5 %', () => {
    expect(() => usageCompensation(22600000, 5000, 0.0051)).toThrow(RangeError);
    expect(() => usageCompensation(22600000, -1, 0.005)).toThrow(RangeError);
  });
});
