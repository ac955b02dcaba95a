/**
 * Booking slots (H6.1 3): the workshop's day is cut into slots from opening to closing time in the
 * store's time zone; a job takes whole slots. Pure functions, shared by the server and the calendar.
 * Local dates and times of a zone come from ../rules/civil-date (localDateOf, localToUtc).
 */
import { localToUtc } from '../rules/civil-date';

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
