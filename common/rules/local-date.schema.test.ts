import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateSchema } from './local-date.schema';

describe('a local date of the API', () => {
  it('takes the days of the calendar, leap days in leap years only', () => {
    for (const day of ['2026-01-31', '2024-02-29', '2000-02-29', '2026-12-31'])
      expect(localDateSchema.safeParse(day).success).toBe(true);
    for (const day of [
      '2026-02-29',
      '1900-02-29',
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-1-5',
    ])
      expect(localDateSchema.safeParse(day).success).toBe(false);
  });

  it('property: a date is taken exactly when the UTC calendar has it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === text;
          expect(localDateSchema.safeParse(text).success).toBe(real);
        },
      ),
    );
  });
});
