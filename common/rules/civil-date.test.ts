import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  chinaDateOfEpochMs,
  daysBetween,
  fromEpochDay,
  isValidCivilDate,
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
