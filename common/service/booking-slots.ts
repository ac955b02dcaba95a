/**
 * Booking slots (H6.1 3): the workshop's day is cut into slots from opening to closing time in the
 * store's time zone; a job takes whole slots. Pure functions, shared by the server and the calendar.
 */

/**
 * One formatter per time zone and kind, made once: building an Intl.DateTimeFormat costs far more than
 * formatting with it (a check-in spent more on making its one formatter than on most of its queries).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(kind: 'parts' | 'date', timezone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timezone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter =
      kind === 'date'
        ? new Intl.DateTimeFormat('en-CA', { timeZone: timezone })
        : new Intl.DateTimeFormat('en-US', {
            timeZone: timezone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
          });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Offset of a time zone at an instant, in ms (local − UTC). */
function offsetAt(utcMs: number, timezone: string): number {
  const parts = Object.fromEntries(
    formatterFor('parts', timezone)
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
}

/** The UTC instant of a local date and HH:MM in a time zone. */
export function localToUtc(date: string, hhmm: string, timezone: string): string {
  const guess = Date.parse(`${date}T${hhmm}:00Z`);
  return new Date(guess - offsetAt(guess - offsetAt(guess, timezone), timezone)).toISOString();
}

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDateOf(instant: string | Date, timezone: string): string {
  return formatterFor('date', timezone).format(new Date(instant));
}

/** ISO weekday of a calendar date, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export interface WorkshopDay {
  opensAt: string;
  closesAt: string;
  /** ISO weekdays, e.g. '123456'. */
  openDays: string;
  slotMinutes: number;
}

/** How many slots a job of `minutes` takes. */
export const slotsFor = (minutes: number, slotMinutes: number) => Math.ceil(minutes / slotMinutes);

/** The start instants a job of `minutes` can begin at on a date: on the slot grid, finished by closing. */
export function candidateStarts(day: WorkshopDay, date: string, minutes: number, timezone: string): string[] {
  if (!day.openDays.includes(String(isoWeekday(date)))) return [];
  const open = Date.parse(localToUtc(date, day.opensAt, timezone));
  const close = Date.parse(localToUtc(date, day.closesAt, timezone));
  const length = slotsFor(minutes, day.slotMinutes) * day.slotMinutes * 60_000;
  const starts: string[] = [];
  for (let t = open; t + length <= close; t += day.slotMinutes * 60_000)
    starts.push(new Date(t).toISOString());
  return starts;
}

/** The slot instants a job covers (each is a row a bay and a technician claim). */
export function coveredSlots(startAt: string, minutes: number, slotMinutes: number): string[] {
  const start = Date.parse(startAt);
  return Array.from({ length: slotsFor(minutes, slotMinutes) }, (_, i) =>
    new Date(start + i * slotMinutes * 60_000).toISOString(),
  );
}

/** Skills that need an equipped bay (an insulated NEV bay, a paint booth…); the others need only the technician. */
export const baySkills: readonly string[] = ['hv', 'body', 'paint', 'alignment'];

/** Whether a resource with these skills can take a job needing `skill` (none or general: anyone). */
export function qualifies(
  skills: readonly string[],
  skill: string | null | undefined,
  forBay: boolean,
): boolean {
  if (!skill || skill === 'general') return true;
  if (forBay && !baySkills.includes(skill)) return true;
  return skills.includes(skill);
}
