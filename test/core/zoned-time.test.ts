import { describe, expect, it } from 'vitest';
import { instantOfLocal, isoDateOf, localDayOf, offsetAt, weekdayOf } from '../../src/core/zoned-time.ts';

const local = (wall: string) => Date.parse(`${wall}Z`);
const iso = (ms: number) => new Date(ms).toISOString();

describe('zoned time', () => {
  it('reads the offset of the wall clock in winter and summer', () => {
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Helsinki')).toBe(2 * 3_600_000);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'Europe/Helsinki')).toBe(3 * 3_600_000);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
  });

  it.each([
    ['an ordinary time', '2026-03-07T09:00:00', '2026-03-07T14:00:00.000Z'],
    ['a skipped time, which opens at the jump', '2026-03-08T02:30:00', '2026-03-08T07:00:00.000Z'],
    ['the first minute after the jump', '2026-03-08T03:00:00', '2026-03-08T07:00:00.000Z'],
    ['a repeated time, taken the first time round', '2026-11-01T01:30:00', '2026-11-01T05:30:00.000Z'],
    ['the first time after the repeat', '2026-11-01T02:00:00', '2026-11-01T07:00:00.000Z'],
  ])('finds the instant of %s in New York', (_name, wall, instant) => {
    expect(iso(instantOfLocal(local(wall), 'America/New_York'))).toBe(instant);
  });

  it('names local dates and weekdays by the wall clock, not UTC', () => {
    // 23:30 UTC on Friday 13 March is already Saturday in Helsinki.
    const day = localDayOf(Date.parse('2026-03-13T23:30:00Z'), 'Europe/Helsinki');
    expect(isoDateOf(day)).toBe('2026-03-14');
    expect(weekdayOf(day)).toBe(6);
    expect(weekdayOf(localDayOf(Date.parse('1969-12-28T12:00:00Z'), 'UTC'))).toBe(0);
  });
});
