/**
 * Flagged vs clocked hours (H6.1 6): a labour line carries its standard ("flagged") hours; technicians
 * clock the time they actually worked on it in segments (start, pause, finish; several technicians per
 * line). Everything is computed in whole milliseconds and integer basis points, so it is exact: a line's
 * flagged time is shared among its technicians by their clocked time with the largest-remainder method
 * (the shares add up to the line's flagged time to the millisecond).
 */
export interface ClockSegment {
  lineId: string;
  technicianId: string;
  startedAt: string;
  /** null while the clock runs: counted up to `now`. */
  endedAt: string | null;
}

export interface FlaggedLine {
  id: string;
  /** Standard hours in hundredths of an hour (150 = 1.5 h). */
  hoursCenti: number;
  /** Flagged time is earned when the job is finished. */
  finished: boolean;
}

export interface HoursTotals {
  flaggedMs: number;
  clockedMs: number;
  /** flagged / clocked in basis points (10000 = 100 %), null before anything was clocked. */
  efficiencyBp: number | null;
}

export interface WorkHours extends HoursTotals {
  lines: ({ lineId: string } & HoursTotals)[];
  technicians: ({ technicianId: string } & HoursTotals)[];
}

export const MS_PER_CENTI_HOUR = 36_000;

/** ratio × 10000, rounded half up, in integers (no float drift). */
export function efficiencyBp(flaggedMs: number, clockedMs: number): number | null {
  if (clockedMs <= 0) return null;
  const num = BigInt(flaggedMs) * 10_000n;
  const den = BigInt(clockedMs);
  return Number((num * 2n + den) / (den * 2n));
}

export function segmentMs(s: ClockSegment, now: string): number {
  const end = Date.parse(s.endedAt ?? now);
  return Math.max(0, end - Date.parse(s.startedAt));
}

/** Splits `total` among weights in proportion, exactly (largest remainder; ties by order given). */
export function shareByWeight(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => {
    const num = BigInt(total) * BigInt(w);
    return { floor: Number(num / BigInt(sum)), rem: num % BigInt(sum) };
  });
  let left = total - raw.reduce((a, r) => a + r.floor, 0);
  const order = raw
    .map((r, i) => ({ i, rem: r.rem }))
    .sort((a, b) => (b.rem > a.rem ? 1 : b.rem < a.rem ? -1 : a.i - b.i));
  const shares = raw.map((r) => r.floor);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

/** The hours of a repair order: per line, per technician and in total. */
export function computeWorkHours(lines: FlaggedLine[], clocks: ClockSegment[], now: string): WorkHours {
  const techClocked = new Map<string, number>();
  const techFlagged = new Map<string, number>();
  const lineTotals = lines.map((line) => {
    const byTech = new Map<string, number>();
    for (const c of clocks.filter((x) => x.lineId === line.id))
      byTech.set(c.technicianId, (byTech.get(c.technicianId) ?? 0) + segmentMs(c, now));
    const clockedMs = [...byTech.values()].reduce((a, b) => a + b, 0);
    const flaggedMs = line.finished ? line.hoursCenti * MS_PER_CENTI_HOUR : 0;
    const techs = [...byTech.keys()];
    const shares = shareByWeight(
      flaggedMs,
      techs.map((t) => byTech.get(t)!),
    );
    techs.forEach((t, i) => {
      techClocked.set(t, (techClocked.get(t) ?? 0) + byTech.get(t)!);
      techFlagged.set(t, (techFlagged.get(t) ?? 0) + shares[i]!);
    });
    return { lineId: line.id, flaggedMs, clockedMs, efficiencyBp: efficiencyBp(flaggedMs, clockedMs) };
  });
  const flaggedMs = lineTotals.reduce((a, l) => a + l.flaggedMs, 0);
  const clockedMs = lineTotals.reduce((a, l) => a + l.clockedMs, 0);
  return {
    flaggedMs,
    clockedMs,
    efficiencyBp: efficiencyBp(flaggedMs, clockedMs),
    lines: lineTotals,
    technicians: [...techClocked.keys()].map((technicianId) => {
      const c = techClocked.get(technicianId)!;
      const f = techFlagged.get(technicianId)!;
      return { technicianId, flaggedMs: f, clockedMs: c, efficiencyBp: efficiencyBp(f, c) };
    }),
  };
}
