import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bodyTypes, energies, featureKeys, type FeatureKey } from '../catalog/catalog.enums';
import { normaliseAnswers, type StoredNeedsAnswers } from './needs-analysis.schemas';
import {
  assessTrim,
  BEV_WITHOUT_HOME_CHARGING_MIN_RANGE_KM,
  recommendTrims,
  type TrimCandidate,
} from './recommendation';

const need = (patch: Partial<StoredNeedsAnswers> = {}): StoredNeedsAnswers => ({
  ...normaliseAnswers({ purposes: ['family'], payment: 'full' }),
  ...patch,
});
const trim = (patch: Partial<TrimCandidate> = {}): TrimCandidate => ({
  trimId: 't1',
  brandId: 'b1',
  bodyType: 'suv',
  seats: 5,
  energy: 'bev',
  rangeKm: 600,
  features: ['aeb', 'acc'],
  displayPrice: 20_000_000,
  inStock: 0,
  ...patch,
});

const featureArb = fc.subarray([...featureKeys] as FeatureKey[], { maxLength: 8 });
const trimArb = (id: string) =>
  fc.record({
    trimId: fc.constant(id),
    brandId: fc.constantFrom('b1', 'b2', 'b3'),
    bodyType: fc.constantFrom(...bodyTypes),
    seats: fc.integer({ min: 2, max: 9 }),
    energy: fc.constantFrom(...energies),
    rangeKm: fc.option(fc.integer({ min: 50, max: 1000 }), { nil: null }),
    features: featureArb,
    displayPrice: fc.option(fc.integer({ min: 5_000_000, max: 60_000_000 }), { nil: null }),
    inStock: fc.integer({ min: 0, max: 3 }),
  });
const trimsArb = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => trimArb(`t${i}`))));
const needArb = fc
  .record({
    budgetMax: fc.option(fc.integer({ min: 5_000_000, max: 60_000_000 }), { nil: null }),
    seatsNeeded: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
    energies: fc.subarray([...energies], { maxLength: 3 }),
    bodyTypes: fc.subarray([...bodyTypes], { maxLength: 3 }),
    homeCharging: fc.constantFrom('yes', 'no', 'unsure'),
    mustHave: fc.subarray([...featureKeys] as FeatureKey[], { maxLength: 2 }),
    niceToHave: fc.subarray([...featureKeys] as FeatureKey[], { maxLength: 4 }),
    brandIds: fc.subarray(['b1', 'b2', 'b3'], { maxLength: 2 }),
    purposes: fc.subarray(['family', 'long_trips', 'commute'] as const),
  })
  .map((p) =>
    need({
      ...p,
      niceToHave: p.niceToHave.filter((f) => !p.mustHave.includes(f)),
      purposes: [...p.purposes],
    }),
  );

describe('recommendation', () => {
  it('explains a fit and a misfit with reason codes and parameters', () => {
    const n = need({ budgetMax: 25_000_000, seatsNeeded: 7, mustHave: ['aeb', 'hud'] });
    const r = assessTrim(n, trim());
    expect(r.fits).toBe(false);
    expect(r.reasons[0]).toMatchObject({ hard: true });
    expect(r.reasons).toEqual(
      expect.arrayContaining([
        {
          code: 'within_budget',
          kind: 'match',
          hard: false,
          params: { price: 20_000_000, budgetMax: 25_000_000 },
        },
        { code: 'too_few_seats', kind: 'mismatch', hard: true, params: { seats: 5, needed: 7 } },
        { code: 'must_have_missing', kind: 'mismatch', hard: true, params: { features: ['hud'] } },
      ]),
    );
  });

  it(`accepts a BEV without home charging only from ${BEV_WITHOUT_HOME_CHARGING_MIN_RANGE_KM} km of range`, () => {
    const n = need({ homeCharging: 'no' });
    expect(assessTrim(n, trim({ rangeKm: 420 })).fits).toBe(false);
    expect(assessTrim(n, trim({ rangeKm: 420 })).reasons[0]!.code).toBe('bev_needs_home_charging');
    expect(assessTrim(n, trim({ rangeKm: BEV_WITHOUT_HOME_CHARGING_MIN_RANGE_KM })).fits).toBe(true);
    expect(assessTrim(n, trim({ energy: 'phev', rangeKm: 100 })).fits).toBe(true);
  });

  it('prefers the trim in stock, then the considered brand, then budget headroom', () => {
    const n = need({ budgetMax: 30_000_000, brandIds: ['b2'] });
    const ranked = recommendTrims(n, [
      trim({ trimId: 'a', inStock: 0 }),
      trim({ trimId: 'b', inStock: 2 }),
      trim({ trimId: 'c', inStock: 0, brandId: 'b2' }),
    ]);
    expect(ranked.map((r) => r.trimId)).toEqual(['b', 'c', 'a']);
  });

  it('property: a trim failing a hard constraint never ranks above one that passes', () => {
    fc.assert(
      fc.property(needArb, trimsArb, (n, trims) => {
        const ranked = recommendTrims(n, trims);
        const firstMisfit = ranked.findIndex((r) => !r.fits);
        if (firstMisfit >= 0) expect(ranked.slice(firstMisfit).every((r) => !r.fits)).toBe(true);
        for (const r of ranked) expect(r.fits).toBe(!r.reasons.some((x) => x.hard));
      }),
    );
  });

  it('property: adding a nice-to-have the trim has never lowers its score', () => {
    fc.assert(
      fc.property(needArb, trimArb('t'), fc.constantFrom(...featureKeys), (n, t, f) => {
        const withF = { ...t, features: [...new Set([...t.features, f])] };
        const more = {
          ...n,
          mustHave: n.mustHave.filter((x) => x !== f),
          niceToHave: [...new Set([...n.niceToHave, f])],
        };
        const base = { ...n, mustHave: more.mustHave, niceToHave: n.niceToHave.filter((x) => x !== f) };
        expect(assessTrim(more, withF).score).toBeGreaterThanOrEqual(assessTrim(base, withF).score);
      }),
    );
  });

  it('property: the ranking is deterministic whatever order the trims come in', () => {
    fc.assert(
      fc.property(
        needArb,
        trimsArb,
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (n, trims, rnd) => {
          const shuffled = [...trims].sort(() => (rnd.next().value as number) - 0.5);
          expect(recommendTrims(n, shuffled).map((r) => r.trimId)).toEqual(
            recommendTrims(n, trims).map((r) => r.trimId),
          );
        },
      ),
    );
  });
});
