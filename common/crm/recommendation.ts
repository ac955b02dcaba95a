/**
 * Recommending trims for a stated need (H3.2.1): a pure function, the same in the server, the web app
 * and the PDF. Hard constraints filter (a trim that fails one is listed after every trim that fits,
 * with why); soft preferences score; every match and mismatch is a reason code with parameters that
 * the screens and the PDF render in zh-CN or en.
 */
import type { Energy, FeatureKey } from '../catalog/catalog.enums';
import type { StoredNeedsAnswers } from './needs-analysis.schemas';

/**
 * A battery-electric car without a charger at home relies on public charging: we accept it only with
 * at least this CLTC range, i.e. one fast-charging stop a week for a typical 15,000 km/year driver.
 */
export const BEV_WITHOUT_HOME_CHARGING_MIN_RANGE_KM = 500;
/** Trips of several hundred km: a BEV with this range covers a day's drive with one stop. */
export const LONG_TRIP_RANGE_KM = 600;
/** Annual km from which the customer counts as a long-distance driver. */
export const LONG_DISTANCE_ANNUAL_KM = 30_000;

/** Points of the soft preferences (a fitting trim's score is their sum). */
export const scorePoints = {
  niceToHave: 10,
  inStock: 20,
  brandConsidered: 15,
  longRange: 10,
  /** At most this many for budget headroom: 1 point per 2 % of the maximum left unspent. */
  budgetHeadroomMax: 10,
} as const;

export interface TrimCandidate {
  trimId: string;
  brandId: string;
  bodyType: string;
  seats: number;
  energy: Energy;
  rangeKm: number | null;
  features: readonly FeatureKey[];
  /** 标价 in force at the store (分); null when the trim is in stock but not on the price list. */
  displayPrice: number | null;
  /** Vehicles of this trim in stock or demo at the store now. */
  inStock: number;
}

export type ReasonCode =
  | 'within_budget'
  | 'over_budget'
  | 'below_budget_min'
  | 'no_display_price'
  | 'seats_ok'
  | 'too_few_seats'
  | 'energy_match'
  | 'energy_excluded'
  | 'body_type_match'
  | 'body_type_excluded'
  | 'must_haves_met'
  | 'must_have_missing'
  | 'nice_to_have_met'
  | 'nice_to_have_missing'
  | 'bev_needs_home_charging'
  | 'bev_public_charging_range'
  | 'in_stock'
  | 'on_order'
  | 'brand_considered'
  | 'brand_not_considered'
  | 'long_range'
  | 'short_range_for_long_trips';

export interface Reason {
  code: ReasonCode;
  /** match: speaks for the trim; mismatch: against it. */
  kind: 'match' | 'mismatch';
  /** A failed hard constraint: the trim does not fit. */
  hard: boolean;
  params: Record<string, string | number | string[]>;
}

export interface Recommendation {
  trimId: string;
  fits: boolean;
  score: number;
  reasons: Reason[];
}

const match = (code: ReasonCode, params: Reason['params'] = {}): Reason => ({
  code,
  kind: 'match',
  hard: false,
  params,
});
const soft = (code: ReasonCode, params: Reason['params'] = {}): Reason => ({
  code,
  kind: 'mismatch',
  hard: false,
  params,
});
const hard = (code: ReasonCode, params: Reason['params'] = {}): Reason => ({
  code,
  kind: 'mismatch',
  hard: true,
  params,
});

/** Whether the customer drives long distances: long trips stated, or many km a year. */
export const drivesFar = (needs: StoredNeedsAnswers) =>
  needs.purposes.includes('long_trips') || (needs.annualKm ?? 0) >= LONG_DISTANCE_ANNUAL_KM;

/** The hard constraints: each failed one is a reason; none failed means the trim fits. */
function hardChecks(needs: StoredNeedsAnswers, t: TrimCandidate): Reason[] {
  const out: Reason[] = [];
  if (t.displayPrice === null) out.push(hard('no_display_price'));
  else if (needs.budgetMax !== null && t.displayPrice > needs.budgetMax)
    out.push(
      hard('over_budget', {
        price: t.displayPrice,
        budgetMax: needs.budgetMax,
        over: t.displayPrice - needs.budgetMax,
      }),
    );
  else if (needs.budgetMax !== null)
    out.push(match('within_budget', { price: t.displayPrice, budgetMax: needs.budgetMax }));
  if (needs.seatsNeeded !== null)
    out.push(
      t.seats >= needs.seatsNeeded
        ? match('seats_ok', { seats: t.seats, needed: needs.seatsNeeded })
        : hard('too_few_seats', { seats: t.seats, needed: needs.seatsNeeded }),
    );
  if (needs.energies.length)
    out.push(
      needs.energies.includes(t.energy)
        ? match('energy_match', { energy: t.energy })
        : hard('energy_excluded', { energy: t.energy, wanted: [...needs.energies] }),
    );
  if (needs.bodyTypes.length)
    out.push(
      needs.bodyTypes.includes(t.bodyType as never)
        ? match('body_type_match', { bodyType: t.bodyType })
        : hard('body_type_excluded', { bodyType: t.bodyType, wanted: [...needs.bodyTypes] }),
    );
  if (needs.mustHave.length) {
    const missing = needs.mustHave.filter((f) => !t.features.includes(f));
    out.push(
      missing.length
        ? hard('must_have_missing', { features: missing })
        : match('must_haves_met', { features: [...needs.mustHave] }),
    );
  }
  if (needs.homeCharging === 'no' && t.energy === 'bev') {
    const range = t.rangeKm ?? 0;
    out.push(
      range >= BEV_WITHOUT_HOME_CHARGING_MIN_RANGE_KM
        ? match('bev_public_charging_range', {
            rangeKm: range,
            minRangeKm: BEV_WITHOUT_HOME_CHARGING_MIN_RANGE_KM,
          })
        : hard('bev_needs_home_charging', {
            rangeKm: range,
            minRangeKm: BEV_WITHOUT_HOME_CHARGING_MIN_RANGE_KM,
          }),
    );
  }
  return out;
}

/** The soft preferences: reasons and the points they earn (never negative). */
function softChecks(needs: StoredNeedsAnswers, t: TrimCandidate): { reasons: Reason[]; score: number } {
  const reasons: Reason[] = [];
  let score = 0;
  const met = needs.niceToHave.filter((f) => t.features.includes(f));
  const missing = needs.niceToHave.filter((f) => !t.features.includes(f));
  if (met.length) {
    reasons.push(match('nice_to_have_met', { features: met }));
    score += met.length * scorePoints.niceToHave;
  }
  if (missing.length) reasons.push(soft('nice_to_have_missing', { features: missing }));
  if (t.displayPrice !== null && needs.budgetMax !== null && needs.budgetMax > 0) {
    if (needs.budgetMin !== null && t.displayPrice < needs.budgetMin)
      reasons.push(soft('below_budget_min', { price: t.displayPrice, budgetMin: needs.budgetMin }));
    else if (t.displayPrice <= needs.budgetMax)
      score += Math.min(
        scorePoints.budgetHeadroomMax,
        Math.floor(((needs.budgetMax - t.displayPrice) * 50) / needs.budgetMax),
      );
  }
  if (t.inStock > 0) {
    reasons.push(match('in_stock', { count: t.inStock }));
    score += scorePoints.inStock;
  } else reasons.push(soft('on_order'));
  if (needs.brandIds.length) {
    if (needs.brandIds.includes(t.brandId)) {
      reasons.push(match('brand_considered'));
      score += scorePoints.brandConsidered;
    } else reasons.push(soft('brand_not_considered'));
  }
  if (drivesFar(needs)) {
    const enough = t.energy !== 'bev' || (t.rangeKm ?? 0) >= LONG_TRIP_RANGE_KM;
    if (enough) {
      reasons.push(match('long_range', { energy: t.energy, rangeKm: t.rangeKm ?? 0 }));
      score += scorePoints.longRange;
    } else
      reasons.push(
        soft('short_range_for_long_trips', { rangeKm: t.rangeKm ?? 0, wantedKm: LONG_TRIP_RANGE_KM }),
      );
  }
  return { reasons, score };
}

/** One trim against the need: whether it fits, its score, and every reason. */
export function assessTrim(needs: StoredNeedsAnswers, t: TrimCandidate): Recommendation {
  const hardReasons = hardChecks(needs, t);
  const { reasons, score } = softChecks(needs, t);
  const all = [...hardReasons, ...reasons];
  // the failures first, so the first reason of a trim that does not fit says why
  all.sort((a, b) => Number(b.hard) - Number(a.hard));
  return { trimId: t.trimId, fits: !hardReasons.some((r) => r.hard), score, reasons: all };
}

/**
 * Ranks trims for a need: those that fit first (best score, then lower price, then id), then those
 * that do not (fewest failed hard constraints, best score, lower price, id). Deterministic: the same
 * need and trims give the same order whatever order the trims come in.
 */
export function recommendTrims(needs: StoredNeedsAnswers, trims: readonly TrimCandidate[]): Recommendation[] {
  const price = new Map(trims.map((t) => [t.trimId, t.displayPrice ?? Number.MAX_SAFE_INTEGER]));
  const failures = (r: Recommendation) => r.reasons.filter((x) => x.hard).length;
  return trims
    .map((t) => assessTrim(needs, t))
    .sort(
      (a, b) =>
        Number(b.fits) - Number(a.fits) ||
        failures(a) - failures(b) ||
        b.score - a.score ||
        price.get(a.trimId)! - price.get(b.trimId)! ||
        (a.trimId < b.trimId ? -1 : a.trimId > b.trimId ? 1 : 0),
    );
}
