/**
 * The remedies of the 三包 rules (SAMR Order No. 43, 家用汽车产品修理更换退货
 * 责任规定, in force 2022-01-01), one function per article. Each returns the
 * remedies it grants and a check per (sub-)rule, met or not, with a reason code
 * whose text is in ./messages.
 */
import { issue } from './result';
import {
  TG_CORE_SYSTEMS,
  type TgCheck,
  type TgFailure,
  type TgRemedy,
  type TgRepair,
} from './three-guarantee-types';
import {
  withinWindow,
  type ThreeGuaranteeWindow,
  type ThreeGuaranteeWindows,
} from './three-guarantee-windows';

const NS = 'rules.three_guarantee';

/** A repair with its instants parsed and its Art. 40 days counted. */
export interface PreparedRepair extends TgRepair {
  /** 1-based position in the request. */
  number: number;
  startMs: number;
  endMs: number;
  /** China business dates of start and completion. */
  startDate: string;
  endDate: string;
  days: number;
  inValidity: boolean;
  inWarranty: boolean;
}

export interface TgContext {
  windows: ThreeGuaranteeWindows;
  failure?: TgFailure;
  repairs: PreparedRepair[];
}

export interface ArticleOutcome {
  remedies: TgRemedy[];
  checks: TgCheck[];
}

function outsideWindow(window: ThreeGuaranteeWindow) {
  return window.km === null
    ? issue(`${NS}.outside_window_days`, { lastDay: window.lastDay })
    : issue(`${NS}.outside_window`, { lastDay: window.lastDay, km: window.km });
}

/** Checks shared by the failure-based articles: a failure must be given and fall within `window`. */
function failureGate(
  article: string,
  ctx: TgContext,
  window: ThreeGuaranteeWindow,
): { failure: TgFailure } | { check: TgCheck } {
  const f = ctx.failure;
  if (!f) return { check: { article, met: false, reason: issue(`${NS}.no_failure`) } };
  if (!withinWindow(window, f.date, f.odometerKm))
    return { check: { article, met: false, reason: outsideWindow(window) } };
  return { failure: f };
}

/** 三包 Art. 19: a quality problem within the warranty period (包修期) is repaired free of charge (labour and parts). */
export function article19(ctx: TgContext): ArticleOutcome {
  const w = ctx.windows.warranty;
  const g = failureGate('19', ctx, w);
  if ('check' in g) return { remedies: [], checks: [g.check] };
  const reason = issue(`${NS}.art19_free_repair`, { lastDay: w.lastDay, km: w.km ?? 0 });
  return {
    remedies: [{ remedy: 'free_repair', article: '19', reason }],
    checks: [{ article: '19', met: true, reason }],
  };
}

/**
 * 三包 Art. 20: within 60 days or 3,000 km, a quality problem of a main part of the
 * engine, transmission, traction battery or drive motor entitles the consumer to a
 * free replacement of that assembly.
 */
export function article20(ctx: TgContext): ArticleOutcome {
  const w = ctx.windows.sixtyDay;
  const g = failureGate('20', ctx, w);
  if ('check' in g) return { remedies: [], checks: [g.check] };
  const f = g.failure;
  if (!TG_CORE_SYSTEMS.includes(f.system) || f.component === 'other') {
    return {
      remedies: [],
      checks: [{ article: '20', met: false, reason: issue(`${NS}.not_listed_failure`) }],
    };
  }
  const reason = issue(`${NS}.art20_core_main_part`, { system: f.system, lastDay: w.lastDay, km: w.km ?? 0 });
  return {
    remedies: [{ remedy: 'replace_assembly', article: '20', reason }],
    checks: [{ article: '20', met: true, reason }],
  };
}

/**
 * 三包 Art. 21: within the warranty period, a single repair taking more than 5
 * days (incl. waiting for parts; counted per Art. 40) obliges the repairer to
 * provide a spare car, or reasonable transport compensation, from day 6.
 */
export function article21(ctx: TgContext): ArticleOutcome {
  const remedies: TgRemedy[] = [];
  const checks: TgCheck[] = [];
  for (const r of ctx.repairs) {
    if (!r.inWarranty || r.days <= 5) continue;
    const reason = issue(`${NS}.art21_repair_over_5_days`, {
      repair: r.number,
      days: r.days,
      spareCarDays: r.days - 5,
    });
    remedies.push({ remedy: 'spare_car', article: '21', reason });
    checks.push({ article: '21', met: true, reason });
  }
  if (checks.length === 0) {
    const longest = Math.max(0, ...ctx.repairs.filter((r) => r.inWarranty).map((r) => r.days));
    checks.push({
      article: '21',
      met: false,
      reason: issue(`${NS}.not_over_limit`, { value: longest, limit: 5 }),
    });
  }
  return { remedies, checks };
}

/**
 * 三包 Art. 22: within 7 days, a quality problem requiring replacement of the
 * engine, transmission, traction battery or drive motor, or a main part of one,
 * entitles the consumer to a free replacement car or a refund.
 */
export function article22(ctx: TgContext): ArticleOutcome {
  const w = ctx.windows.sevenDay;
  const g = failureGate('22', ctx, w);
  if ('check' in g) return { remedies: [], checks: [g.check] };
  const f = g.failure;
  if (!TG_CORE_SYSTEMS.includes(f.system) || f.component === 'other') {
    return {
      remedies: [],
      checks: [{ article: '22', met: false, reason: issue(`${NS}.not_listed_failure`) }],
    };
  }
  const reason = issue(`${NS}.art22_core_part_7_days`, { system: f.system, lastDay: w.lastDay });
  return {
    remedies: [{ remedy: 'return_or_replace', article: '22', reason }],
    checks: [{ article: '22', met: true, reason }],
  };
}

const ART23_KINDS = ['steering_failure', 'brake_failure', 'body_crack', 'fuel_leak', 'battery_fire'];

/**
 * 三包 Art. 23: within 60 days or 3,000 km, steering failure, brake failure, a
 * body crack, a fuel leak or a traction-battery fire caused by a quality problem
 * entitles the consumer to a free replacement car or a refund.
 */
export function article23(ctx: TgContext): ArticleOutcome {
  const w = ctx.windows.sixtyDay;
  const g = failureGate('23', ctx, w);
  if ('check' in g) return { remedies: [], checks: [g.check] };
  const f = g.failure;
  if (!ART23_KINDS.includes(f.kind)) {
    return {
      remedies: [],
      checks: [{ article: '23', met: false, reason: issue(`${NS}.not_listed_failure`) }],
    };
  }
  const reason = issue(`${NS}.art23_listed_failure`, { kind: f.kind, lastDay: w.lastDay, km: w.km ?? 0 });
  return {
    remedies: [{ remedy: 'return_or_replace', article: '23', reason }],
    checks: [{ article: '23', met: true, reason }],
  };
}

function byStart(a: PreparedRepair, b: PreparedRepair): number {
  return a.startMs - b.startMs || a.number - b.number;
}

/** The failure, if it lies within the validity and on or after `date`. */
function failureAfter(ctx: TgContext, date: string): TgFailure | null {
  const f = ctx.failure;
  if (!f || f.date < date || !withinWindow(ctx.windows.validity, f.date, f.odometerKm)) return null;
  return f;
}

/**
 * "累计…2次…仍不能正常使用" for a group of at least two counted events, sorted:
 * the last one did not fix the fault, or the fault came back after the second
 * (a later repair in `sameFault`, or the current failure when `failureMatches`).
 */
function stillFaulty(
  group: PreparedRepair[],
  sameFault: (r: PreparedRepair) => boolean,
  failureMatches: (f: TgFailure) => boolean,
  ctx: TgContext,
): boolean {
  const second = group[1];
  const last = group[group.length - 1];
  if (!second || !last) return false;
  if (!last.fixed) return true;
  if (ctx.repairs.some((r) => r.inValidity && r.startMs > second.endMs && sameFault(r))) return true;
  const f = failureAfter(ctx, second.endDate);
  return f !== null && failureMatches(f);
}

/**
 * 三包 Art. 24(1): within the validity, serious-safety faults repaired twice and
 * the fault is still not eliminated, or a new serious-safety fault appears.
 */
export function article24Item1(ctx: TgContext): ArticleOutcome {
  const ss = ctx.repairs.filter((r) => r.inValidity && r.seriousSafety === true).sort(byStart);
  if (ss.length < 2) {
    return {
      remedies: [],
      checks: [
        {
          article: '24(1)',
          met: false,
          reason: issue(`${NS}.below_minimum`, { value: ss.length, minimum: 2 }),
        },
      ],
    };
  }
  const met = stillFaulty(
    ss,
    (r) => r.seriousSafety === true,
    (f) => f.seriousSafety === true,
    ctx,
  );
  if (!met) {
    return {
      remedies: [],
      checks: [
        { article: '24(1)', met: false, reason: issue(`${NS}.fault_eliminated`, { count: ss.length }) },
      ],
    };
  }
  const reason = issue(`${NS}.art24_1_serious_safety`, { count: ss.length });
  return {
    remedies: [{ remedy: 'return_or_replace', article: '24(1)', reason }],
    checks: [{ article: '24(1)', met: true, reason }],
  };
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/**
 * 三包 Art. 24(2): within the validity, the engine, transmission, traction battery
 * or drive motor replaced twice for quality problems and still not usable normally.
 */
export function article24Item2(ctx: TgContext): ArticleOutcome {
  const replaced = ctx.repairs.filter(
    (r) => r.inValidity && r.replaced === 'assembly' && TG_CORE_SYSTEMS.includes(r.system),
  );
  const remedies: TgRemedy[] = [];
  const checks: TgCheck[] = [];
  let best = 0;
  for (const [system, list] of groupBy(replaced, (r) => r.system)) {
    const g = list.sort(byStart);
    best = Math.max(best, g.length);
    if (g.length < 2) continue;
    if (
      !stillFaulty(
        g,
        (r) => r.system === system,
        (f) => f.system === system,
        ctx,
      )
    ) {
      checks.push({
        article: '24(2)',
        met: false,
        reason: issue(`${NS}.fault_eliminated`, { count: g.length }),
      });
      continue;
    }
    const reason = issue(`${NS}.art24_2_core_assembly_replaced`, { system, count: g.length });
    remedies.push({ remedy: 'return_or_replace', article: '24(2)', reason });
    checks.push({ article: '24(2)', met: true, reason });
  }
  if (checks.length === 0) {
    checks.push({
      article: '24(2)',
      met: false,
      reason: issue(`${NS}.below_minimum`, { value: best, minimum: 2 }),
    });
  }
  return { remedies, checks };
}

/**
 * 三包 Art. 24(3): within the validity, the same main part of the engine,
 * transmission, traction battery, drive motor, steering, brake, suspension,
 * drivetrain, emission control or body replaced twice for quality problems and
 * still not usable normally. "Same part" = same system and same `part` (or, when
 * `part` is absent, same `problem`).
 */
export function article24Item3(ctx: TgContext): ArticleOutcome {
  const partOf = (r: TgRepair) => r.part ?? r.problem;
  const replaced = ctx.repairs.filter(
    (r) => r.inValidity && r.replaced === 'main_part' && r.system !== 'other',
  );
  const remedies: TgRemedy[] = [];
  const checks: TgCheck[] = [];
  let best = 0;
  for (const list of groupBy(replaced, (r) => `${r.system}\u0000${partOf(r)}`).values()) {
    const g = list.sort(byStart);
    best = Math.max(best, g.length);
    const first = g[0];
    if (g.length < 2 || !first) continue;
    const system = first.system;
    const part = partOf(first);
    const faulty = stillFaulty(
      g,
      (r) => r.system === system && partOf(r) === part,
      (f) => f.system === system && f.component === 'main_part' && (f.part === undefined || f.part === part),
      ctx,
    );
    if (!faulty) {
      checks.push({
        article: '24(3)',
        met: false,
        reason: issue(`${NS}.fault_eliminated`, { count: g.length }),
      });
      continue;
    }
    const reason = issue(`${NS}.art24_3_main_part_replaced`, { system, part, count: g.length });
    remedies.push({ remedy: 'return_or_replace', article: '24(3)', reason });
    checks.push({ article: '24(3)', met: true, reason });
  }
  if (checks.length === 0) {
    checks.push({
      article: '24(3)',
      met: false,
      reason: issue(`${NS}.below_minimum`, { value: best, minimum: 2 }),
    });
  }
  return { remedies, checks };
}

/**
 * 三包 Art. 24(4): within the validity, repairs for quality problems taking more
 * than 30 days in total (Art. 40 days), or the same quality problem repaired more
 * than 4 times.
 */
export function article24Item4(ctx: TgContext): ArticleOutcome {
  const inValidity = ctx.repairs.filter((r) => r.inValidity);
  const remedies: TgRemedy[] = [];
  const checks: TgCheck[] = [];
  const days = inValidity.reduce((s, r) => s + r.days, 0);
  if (days > 30) {
    const reason = issue(`${NS}.art24_4_repair_days`, { days });
    remedies.push({ remedy: 'return_or_replace', article: '24(4)', reason });
    checks.push({ article: '24(4)', met: true, reason });
  } else {
    checks.push({
      article: '24(4)',
      met: false,
      reason: issue(`${NS}.not_over_limit`, { value: days, limit: 30 }),
    });
  }
  let best = 0;
  for (const [problem, list] of groupBy(inValidity, (r) => r.problem)) {
    best = Math.max(best, list.length);
    if (list.length <= 4) continue;
    const reason = issue(`${NS}.art24_4_same_problem`, { problem, count: list.length });
    remedies.push({ remedy: 'return_or_replace', article: '24(4)', reason });
    checks.push({ article: '24(4)', met: true, reason });
  }
  if (best <= 4) {
    checks.push({
      article: '24(4)',
      met: false,
      reason: issue(`${NS}.not_over_limit`, { value: best, limit: 4 }),
    });
  }
  return { remedies, checks };
}
