import { describe, expect, it } from 'vitest';
import { localToUtc } from '../rules/civil-date';
import { candidateStarts, coveredSlots, isoWeekday, qualifies } from './booking-slots';

describe('booking slots', () => {
  const day = { opensAt: '08:30', closesAt: '12:00', openDays: '12345', slotMinutes: 30 };
  it('offers starts on the grid that finish by closing time, in the store zone', () => {
    expect(localToUtc('2026-03-02', '08:30', 'Asia/Shanghai')).toBe('2026-03-02T00:30:00.000Z');
    expect(isoWeekday('2026-03-02')).toBe(1);
    const starts = candidateStarts(day, '2026-03-02', 60, 'Asia/Shanghai');
    expect(starts[0]).toBe('2026-03-02T00:30:00.000Z');
    expect(starts.at(-1)).toBe('2026-03-02T03:00:00.000Z'); // 11:00 local, done at 12:00
    expect(starts).toHaveLength(6);
    expect(candidateStarts(day, '2026-03-07', 60, 'Asia/Shanghai')).toEqual([]); // Saturday closed
  });
  it('a 45-minute job takes two 30-minute slots', () => {
    expect(coveredSlots('2026-03-02T00:30:00.000Z', 45, 30)).toEqual([
      '2026-03-02T00:30:00.000Z',
      '2026-03-02T01:00:00.000Z',
    ]);
  });
  it('high-voltage work needs an hv technician and an hv bay; diagnosis only the technician', () => {
    expect(qualifies(['general'], 'hv', false)).toBe(false);
    expect(qualifies(['hv'], 'hv', false)).toBe(true);
    expect(qualifies([], 'hv', true)).toBe(false);
    expect(qualifies([], 'diagnosis', true)).toBe(true);
    expect(qualifies([], null, false)).toBe(true);
  });
});
