import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  chinaDateOfEpochMs,
  daysBetween,
  daysInMonth,
  fromEpochDay,
  isValidCivilDate,
  localDateOf,
  localDateTimeOf,
  localDayBounds,
  localToday,
  localToUtc,
  localYear,
  parseInstant,
  periodEndByDays,
  periodEndByMonths,
  periodEndByYears,
  toEpochDay,
} from './civil-date';

describe('Civil Code Arts. 201-202 period arithmetic', () => {
  it('validates real dates incl. leap years', () => {
    expect(isValidCivilDate('2024-02-29')).toBe(true);
    expect(isValidCivilDate('2000-02-29')).toBe(true);
    expect(isValidCivilDate('1900-02-29')).toBe(false);
    expect(isValidCivilDate('2023-02-29')).toBe(false);
    expect(isValidCivilDate('2023-04-31')).toBe(false);
    expect(isValidCivilDate('2023-4-01')).toBe(false);
  });

  it('Art. 201: the start day is not counted', () => {
    expect(periodEndByDays('2024-01-01', 7)).toBe('2024-01-08');
    expect(periodEndByDays('2024-01-01', 60)).toBe('2024-03-01'); // leap year
    expect(periodEndByDays('2023-01-01', 60)).toBe('2023-03-02');
    expect(periodEndByDays('2024-12-28', 7)).toBe('2025-01-04');
  });

  it('Art. 202: corresponding day, or the month’s last day', () => {
    expect(periodEndByYears('2024-01-15', 2)).toBe('2026-01-15');
    expect(periodEndByYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(periodEndByYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(periodEndByYears('2023-02-28', 1)).toBe('2024-02-28');
    expect(periodEndByMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(periodEndByMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(periodEndByMonths('2023-08-31', 1)).toBe('2023-09-30');
    expect(periodEndByMonths('2023-12-15', 1)).toBe('2024-01-15');
    expect(() => periodEndByYears('2023-02-29', 1)).toThrow(RangeError);
  });

  it('epoch days', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2000-03-01')).toBe(11017);
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('instants need an offset; business dates are UTC+8', () => {
    expect(parseInstant('2026-03-01T09:00:00+08:00')).toBe(Date.UTC(2026, 2, 1, 1));
    expect(parseInstant('2026-03-01T01:00:00Z')).toBe(Date.UTC(2026, 2, 1, 1));
    expect(parseInstant('2026-03-01T01:00:00.250Z')).toBe(Date.UTC(2026, 2, 1, 1) + 250);
    expect(parseInstant('2026-03-01T09:00:00')).toBeNull();
    expect(parseInstant('2026-02-30T09:00:00Z')).toBeNull();
    expect(parseInstant('2026-03-01T24:00:00Z')).toBeNull();
    expect(chinaDateOfEpochMs(Date.UTC(2026, 1, 28, 16))).toBe('2026-03-01');
    expect(chinaDateOfEpochMs(Date.UTC(2026, 1, 28, 15, 59))).toBe('2026-02-28');
  });

  it('property: epoch-day conversion round-trips and agrees with Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }) /* 0001-01-01 … 9999-12-31 */, (n) => {
        const d = fromEpochDay(n);
        expect(isValidCivilDate(d)).toBe(true);
        expect(toEpochDay(d)).toBe(n);
        if (n > -700000 && n < 2900000) expect(new Date(n * 86400000).toISOString().slice(0, 10)).toBe(d);
      }),
    );
  });

  it('property: year periods end on the same day or the month’s last day, never earlier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60000 }), fc.integer({ min: 1, max: 5 }), (n, years) => {
        const start = fromEpochDay(n);
        const end = periodEndByYears(start, years);
        expect(Number(end.slice(0, 4))).toBe(Number(start.slice(0, 4)) + years);
        expect(end.slice(5, 7)).toBe(start.slice(5, 7));
        const sameDay = end.slice(8) === start.slice(8);
        expect(sameDay || (start.slice(5) === '02-29' && end.slice(5) === '02-28')).toBe(true);
      }),
    );
  });
});

describe('instants in a time zone: cached formatters give what a fresh one gives', () => {
  // Fixed offsets, DST (New York, London), half- and quarter-hour offsets, a half-hour DST shift (Lord Howe).
  const zones = [
    'Asia/Shanghai',
    'America/New_York',
    'Europe/London',
    'Asia/Kolkata',
    'America/St_Johns',
    'Pacific/Chatham',
    'Australia/Lord_Howe',
    'UTC',
  ] as const;
  const zone = fc.constantFrom(...zones);
  const instant = fc.date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2100-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  });
  const dateIn = (from: number, to: number) => fc.integer({ min: from, max: to }).map(fromEpochDay);
  const hhmm = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  // What the call sites did before, each with a formatter made on the spot.
  const fresh = {
    date: (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at),
    date2Digit: (at: Date, timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(at),
    year: (at: Date, timeZone: string) =>
      Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(at)),
    dateTime: (at: Date, timeZone: string) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(at),
    toUtc(date: string, time: string, timeZone: string) {
      const offsetAt = (utcMs: number) => {
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
          })
            .formatToParts(new Date(utcMs))
            .map((p) => [p.type, p.value]),
        );
        const local = Date.UTC(
          +parts.year!,
          +parts.month! - 1,
          +parts.day!,
          +parts.hour!,
          +parts.minute!,
          +parts.second!,
        );
        return local - utcMs;
      };
      const guess = Date.parse(`${date}T${time}:00Z`);
      return new Date(guess - offsetAt(guess - offsetAt(guess))).toISOString();
    },
  };

  it('local midnight edges in Shanghai and in New York (winter and summer)', () => {
    const at = (iso: string, tz: string) => [localDateOf(iso, tz), localYear(tz, iso)];
    expect(at('2026-02-28T15:59:59.999Z', 'Asia/Shanghai')).toEqual(['2026-02-28', 2026]);
    expect(at('2026-02-28T16:00:00.000Z', 'Asia/Shanghai')).toEqual(['2026-03-01', 2026]);
    expect(at('2025-12-31T15:59:59.999Z', 'Asia/Shanghai')).toEqual(['2025-12-31', 2025]);
    expect(at('2025-12-31T16:00:00.000Z', 'Asia/Shanghai')).toEqual(['2026-01-01', 2026]);
    expect(at('2026-01-01T04:59:59.999Z', 'America/New_York')).toEqual(['2025-12-31', 2025]); // EST, UTC-5
    expect(at('2026-01-01T05:00:00.000Z', 'America/New_York')).toEqual(['2026-01-01', 2026]);
    expect(at('2026-07-01T03:59:59.999Z', 'America/New_York')).toEqual(['2026-06-30', 2026]); // EDT, UTC-4
    expect(at('2026-07-01T04:00:00.000Z', 'America/New_York')).toEqual(['2026-07-01', 2026]);
    // the same instant, zones interleaved: each zone keeps its own formatter
    for (let i = 0; i < 3; i++) {
      expect(localDateOf('2026-03-01T02:00:00Z', 'Asia/Shanghai')).toBe('2026-03-01');
      expect(localDateOf('2026-03-01T02:00:00Z', 'America/New_York')).toBe('2026-02-28');
    }
    expect(localDateTimeOf('2026-02-28T16:00:00Z', 'Asia/Shanghai')).toBe('2026-03-01 00:00:00'); // 00, not 24
    expect(localDateTimeOf(new Date('2026-07-01T03:59:59Z'), 'America/New_York')).toBe('2026-06-30 23:59:59');
  });

  it('day bounds and local times across DST changes', () => {
    expect(localDayBounds('2026-03-01', 'Asia/Shanghai')).toEqual([
      '2026-02-28T16:00:00.000Z',
      '2026-03-01T16:00:00.000Z',
    ]);
    expect(localDayBounds('2026-03-08', 'America/New_York')).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z', // 23 hours
    ]);
    expect(localDayBounds('2026-11-01', 'America/New_York')).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-02T05:00:00.000Z', // 25 hours
    ]);
    expect(localToUtc('2026-03-02', '08:30', 'Asia/Shanghai')).toBe('2026-03-02T00:30:00.000Z');
    expect(localToUtc('2026-03-07', '09:30', 'America/New_York')).toBe('2026-03-07T14:30:00.000Z');
    expect(localToUtc('2026-03-08', '09:30', 'America/New_York')).toBe('2026-03-08T13:30:00.000Z');
    // a skipped wall time (02:30 on the spring-forward day) and a repeated one (01:30 in autumn): as before
    for (const [date, time] of [
      ['2026-03-08', '02:30'],
      ['2026-11-01', '01:30'],
    ] as const)
      expect(localToUtc(date, time, 'America/New_York')).toBe(fresh.toUtc(date, time, 'America/New_York'));
    expect(localToUtc('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('accepts a Date or an ISO string; refuses invalid instants and unknown zones without spoiling the cache', () => {
    const at = new Date('2026-05-04T23:30:00Z');
    expect(localDateOf(at.toISOString(), 'Asia/Shanghai')).toBe(localDateOf(at, 'Asia/Shanghai'));
    expect(localYear('Asia/Shanghai', at.toISOString())).toBe(2026);
    expect(() => localDateOf('not a date', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => localDateOf(at, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localYear('Mars/Olympus_Mons', at)).toThrow(RangeError);
    expect(() => localDateOf(at, 'Mars/Olympus_Mons')).toThrow(RangeError); // not cached as valid
    expect(localDateOf(at, 'Asia/Shanghai')).toBe('2026-05-05');
  });

  it('localToday is the local date of now', () => {
    for (const tz of zones) {
      const before = localDateOf(new Date(), tz);
      const today = localToday(tz);
      const after = localDateOf(new Date(), tz);
      expect([before, after]).toContain(today);
    }
  });

  it('property: localDateOf, localYear and localDateTimeOf equal a fresh formatter, in every shape the call sites used', () => {
    fc.assert(
      fc.property(instant, zone, (at, tz) => {
        const date = localDateOf(at, tz);
        expect(date).toBe(fresh.date(at, tz));
        expect(date).toBe(fresh.date2Digit(at, tz));
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(localDateOf(at.toISOString(), tz)).toBe(date);
        expect(localYear(tz, at)).toBe(fresh.year(at, tz));
        expect(localYear(tz, at)).toBe(Number(date.slice(0, 4)));
        const dateTime = localDateTimeOf(at, tz);
        expect(dateTime).toBe(fresh.dateTime(at, tz));
        expect(dateTime.slice(0, 10)).toBe(date); // the field-by-field path agrees with en-CA's pattern
      }),
      { numRuns: 500 },
    );
  });

  it('property: zones interleaved in any order get the answers of their own zone', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, zone), { minLength: 2, maxLength: 40 }), (calls) => {
        const cached = calls.map(([at, tz]) => [
          localDateOf(at, tz),
          localYear(tz, at),
          localDateTimeOf(at, tz),
        ]);
        const made = calls.map(([at, tz]) => [
          fresh.date(at, tz),
          fresh.year(at, tz),
          fresh.dateTime(at, tz),
        ]);
        expect(cached).toEqual(made);
      }),
      { numRuns: 50 },
    );
  });

  it('property: localToUtc equals the previous per-call implementation and reads back as the same wall time', () => {
    // 2000-01-01 … 2040-12-31
    fc.assert(
      fc.property(dateIn(10957, 25933), hhmm, zone, (date, time, tz) => {
        const utc = localToUtc(date, time, tz);
        expect(utc).toBe(fresh.toUtc(date, time, tz));
        const wall = `${date} ${time}:00`;
        // only a wall time skipped by a DST change (02:30 on a spring-forward day) does not read back
        if (localDateTimeOf(utc, tz) !== wall)
          for (let m = -180; m <= 180; m++)
            expect(localDateTimeOf(new Date(Date.parse(utc) + m * 60_000), tz)).not.toBe(wall);
      }),
      { numRuns: 500 },
    );
  });

  it('property: a local day runs from local midnight to the next; the instant before belongs to the day before', () => {
    fc.assert(
      fc.property(dateIn(10957, 25933), zone, (date, tz) => {
        const [from, to] = localDayBounds(date, tz);
        const start = Date.parse(from);
        const end = Date.parse(to);
        expect(localDateOf(from, tz)).toBe(date);
        expect(localDateOf(new Date(end - 1), tz)).toBe(date);
        expect(localDateOf(new Date(start - 1), tz)).toBe(addDays(date, -1));
        expect(localDateOf(to, tz)).toBe(addDays(date, 1));
        expect(end - start).toBeGreaterThanOrEqual(23 * 3_600_000);
        expect(end - start).toBeLessThanOrEqual(25 * 3_600_000);
        expect([from, to]).toEqual([
          fresh.toUtc(date, '00:00', tz),
          fresh.toUtc(addDays(date, 1), '00:00', tz),
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('property: China has kept UTC+8 since 1992, so Asia/Shanghai agrees with chinaDateOfEpochMs', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(localDateOf(new Date(ms), 'Asia/Shanghai')).toBe(chinaDateOfEpochMs(ms));
      }),
    );
  });
});

describe('addMonths', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-05-15', 0)).toBe('2026-05-15');
    expect(() => addMonths('2026-05-15', 1.5)).toThrow(RangeError);
  });

  it('property: lands in the month n months on, on the same day or that month’s last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 73_000 }), fc.integer({ min: -240, max: 240 }), (epochDay, n) => {
        const start = fromEpochDay(epochDay);
        const end = addMonths(start, n);
        const [y0, m0, d0] = start.split('-').map(Number) as [number, number, number];
        const [y1, m1, d1] = end.split('-').map(Number) as [number, number, number];
        expect(y1 * 12 + m1 - (y0 * 12 + m0)).toBe(n);
        expect(d1).toBe(Math.min(d0, daysInMonth(y1, m1)));
      }),
    );
  });
});
