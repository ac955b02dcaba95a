/**
 * Business-date arithmetic on 'YYYY-MM-DD' strings, following the period rules
 * of the Civil Code of the PRC (民法典):
 *  - Art. 201: for periods in years, months or days the start day is not counted;
 *    counting begins on the next day.
 *  - Art. 202: a period in years or months ends on the corresponding day of the
 *    final month; where that month has no corresponding day, on its last day.
 *  - Art. 203 (last day on a statutory holiday moves to the next working day) is
 *    NOT applied here: it needs a holiday calendar, and 三包 windows are
 *    conventionally read without it. Callers needing it must adjust.
 *
 * Pure integer arithmetic (proleptic Gregorian calendar), no Date objects, so
 * results never depend on the host time zone.
 *
 * The last section turns instants into a store's local date, year and time in
 * its IANA time zone (and back), through Intl with one cached formatter per
 * zone: also independent of the host's zone and locale.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Gregorian leap-year rule. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses 'YYYY-MM-DD' into its parts; null when the text is not a real calendar date. */
export function parseCivilDate(text: string): CivilDate | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when `text` is 'YYYY-MM-DD' and names a real calendar date (e.g. no 2023-02-29). */
export function isValidCivilDate(text: string): boolean {
  return parseCivilDate(text) !== null;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats parts as 'YYYY-MM-DD'. */
export function formatCivilDate(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

function mustParse(text: string): CivilDate {
  const d = parseCivilDate(text);
  if (!d) throw new RangeError(`not a valid YYYY-MM-DD date: ${text}`);
  return d;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toEpochDay(text: string): number {
  const { year, month, day } = mustParse(text);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toEpochDay. */
export function fromEpochDay(epochDay: number): string {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatCivilDate({ year, month, day });
}

/** Calendar date `days` after (or before, if negative) `date`. */
export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** -1, 0 or 1 as `a` is before, equal to or after `b` (plain string order works for YYYY-MM-DD). */
export function compareCivilDates(a: string, b: string): number {
  mustParse(a);
  mustParse(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Last day of a period of `days` days that starts on the event day `start`.
 * Civil Code Art. 201: the start day is not counted, so a 7-day period from
 * 2024-01-01 runs 01-02 … 01-08 and its last day is 2024-01-08.
 */
export function periodEndByDays(start: string, days: number): string {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('days must be a positive integer');
  return addDays(start, days);
}

/**
 * Last day of a period of `months` months from the event day `start`.
 * Civil Code Art. 202: the corresponding day of the final month, or that
 * month's last day where it has no corresponding day (01-31 + 1 month → 02-28/29).
 */
export function periodEndByMonths(start: string, months: number): string {
  if (!Number.isInteger(months) || months < 1) throw new RangeError('months must be a positive integer');
  return addMonths(start, months);
}

/**
 * The same day `months` months later (or earlier, when negative), or that month's last day where it
 * has none: 2026-08-31 + 6 months → 2027-02-28, not 03-03 as Date's month overflow gives.
 */
export function addMonths(start: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError('months must be an integer');
  const { year, month, day } = mustParse(start);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatCivilDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/**
 * Last day of a period of `years` years from the event day `start`.
 * Civil Code Art. 202: the corresponding date, or the month's last day where
 * there is none (2024-02-29 + 2 years → 2026-02-28).
 */
export function periodEndByYears(start: string, years: number): string {
  if (!Number.isInteger(years) || years < 1) throw new RangeError('years must be a positive integer');
  return periodEndByMonths(start, years * 12);
}

/** China Standard Time offset; the PRC has used a fixed UTC+8 without DST since 1992. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** Business date in China (UTC+8) of an epoch-millisecond instant. */
export function chinaDateOfEpochMs(ms: number): string {
  return fromEpochDay(Math.floor((ms + CHINA_OFFSET_MS) / 86_400_000));
}

/**
 * Today's business date in China (UTC+8). The only function here that reads the
 * clock; every rule accepts an explicit date instead and uses this only as a default.
 */
export function todayInChina(): string {
  return chinaDateOfEpochMs(Date.now());
}

const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO-8601 instant with an explicit offset ('…Z' or '…+08:00') into
 * epoch milliseconds; null when malformed or not a real time. Instants without an
 * offset are refused on purpose: their meaning would depend on the host's zone.
 */
export function parseInstant(text: string): number | null {
  const m = INSTANT_RE.exec(text);
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isValidCivilDate(date)) return null;
  const hh = Number(m[4]);
  const mm = Number(m[5]);
  const ss = m[6] === undefined ? 0 : Number(m[6]);
  if (hh > 23 || mm > 59 || ss > 59) return null;
  const frac = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  let offsetMin = 0;
  const off = m[8] ?? 'Z';
  if (off !== 'Z') {
    const sign = off.startsWith('-') ? -1 : 1;
    const oh = Number(off.slice(1, 3));
    const om = Number(off.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  return (toEpochDay(date) * 86_400 + hh * 3600 + mm * 60 + ss) * 1000 + frac - offsetMin * 60_000;
}

/** True when `text` is an ISO-8601 instant with an explicit offset. */
export function isValidInstant(text: string): boolean {
  return parseInstant(text) !== null;
}

// ---------------------------------------------------------------------------
// Instants in a time zone: the store's local date, year and time (rule 5 of the
// architecture: business dates are the store's local date).
// ---------------------------------------------------------------------------

type FormatKind = 'date' | 'year' | 'parts';

const FORMATS: Record<FormatKind, { locale: string; options: Intl.DateTimeFormatOptions }> = {
  /** 'YYYY-MM-DD': en-CA's numeric date pattern is y-MM-dd. */
  date: { locale: 'en-CA', options: { year: 'numeric', month: '2-digit', day: '2-digit' } },
  /** The year alone, '2026'. */
  year: { locale: 'en-CA', options: { year: 'numeric' } },
  /** Every wall-clock field, hours 00-23, read with formatToParts (any locale would do). */
  parts: {
    locale: 'en-US',
    options: {
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    },
  },
};

/**
 * One formatter per time zone and kind, made on first use and kept: building an
 * Intl.DateTimeFormat costs ~0.1-0.2 ms, formatting with one a few µs (a check-in
 * spent more on making its formatter than on most of its queries). The maps grow
 * only by valid zone names (an unknown zone throws before it is stored).
 */
const formats: Record<FormatKind, Map<string, Intl.DateTimeFormat>> = {
  date: new Map(),
  year: new Map(),
  parts: new Map(),
};

function formatFor(kind: FormatKind, timeZone: string): Intl.DateTimeFormat {
  let format = formats[kind].get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(FORMATS[kind].locale, { ...FORMATS[kind].options, timeZone });
    formats[kind].set(timeZone, format);
  }
  return format;
}

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/**
 * The wall clock of an instant in a zone, read field by field (formatToParts), so
 * the result never depends on a locale's pattern (en-CA's, sv-SE's, en-US's).
 */
function wallClock(instant: Date | string | number, timeZone: string): WallClock {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const clock: WallClock = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const part of formatFor('parts', timeZone).formatToParts(at))
    if (part.type in clock) clock[part.type as keyof WallClock] = part.value;
  return clock;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The local calendar date ('YYYY-MM-DD') of an instant in an IANA time zone, e.g.
 * 2026-02-28T16:00:00Z is 2026-03-01 in Asia/Shanghai and 2026-02-28 in America/New_York.
 * Throws a RangeError for an invalid instant or an unknown zone.
 *
 * en-CA's pattern is 'y-MM-dd', and format() is about 3x faster than formatToParts();
 * should a browser's locale data ever print en-CA otherwise, the fields are read one by one.
 */
export function localDateOf(instant: Date | string, timeZone: string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const text = formatFor('date', timeZone).format(at);
  if (ISO_DATE.test(text)) return text;
  const { year, month, day } = wallClock(at, timeZone);
  return `${year}-${month}-${day}`;
}

/** Today's local date ('YYYY-MM-DD') in a time zone: the store's business date now. */
export function localToday(timeZone: string): string {
  return localDateOf(new Date(), timeZone);
}

/**
 * The local calendar year of an instant (default: now) in a time zone; documents
 * are numbered by the store's year (SC-2026-000123).
 */
export function localYear(timeZone: string, at: Date | string = new Date()): number {
  return Number(formatFor('year', timeZone).format(typeof at === 'string' ? new Date(at) : at));
}

/** The local date and time of an instant in a time zone, 'YYYY-MM-DD HH:mm:ss' (24-hour), as printed on paper. */
export function localDateTimeOf(instant: Date | string, timeZone: string): string {
  const c = wallClock(instant, timeZone);
  return `${c.year}-${c.month}-${c.day} ${c.hour}:${c.minute}:${c.second}`;
}

/** Offset of a time zone at an instant, in ms (local wall clock − UTC). */
function zoneOffsetAt(utcMs: number, timeZone: string): number {
  const c = wallClock(utcMs, timeZone);
  const local = Date.UTC(+c.year, +c.month - 1, +c.day, +c.hour, +c.minute, +c.second);
  return local - utcMs;
}

/**
 * The UTC instant (ISO-8601) of a local date and 'HH:MM' in a time zone, e.g.
 * ('2026-03-02', '08:30', 'Asia/Shanghai') → '2026-03-02T00:30:00.000Z'. The
 * offset is looked up twice, so times next to a DST change land on the right side.
 */
export function localToUtc(date: string, hhmm: string, timeZone: string): string {
  const guess = Date.parse(`${date}T${hhmm}:00Z`);
  return new Date(guess - zoneOffsetAt(guess - zoneOffsetAt(guess, timeZone), timeZone)).toISOString();
}

/**
 * The UTC instants that bound a local calendar date in a time zone: [local midnight,
 * next local midnight). 24 hours long except on DST change days (23 or 25).
 */
export function localDayBounds(date: string, timeZone: string): [string, string] {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return [localToUtc(date, '00:00', timeZone), localToUtc(next, '00:00', timeZone)];
}
