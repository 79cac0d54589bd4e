import { describe, expect, it } from 'vitest';
import {
  formatIsoWeek,
  isoWeekOfDay,
  lastCompleteWeek,
  parseIsoWeek,
  shiftWeek,
  weekStart,
} from '../../../src/core/digest/iso-week.ts';

describe('ISO weeks', () => {
  it.each([
    ['2026-W47', '2026-11-16T00:00:00.000Z'],
    ['2026-W01', '2025-12-29T00:00:00.000Z'],
    ['2020-W53', '2020-12-28T00:00:00.000Z'],
  ])('%s starts on Monday %s (UTC)', (text, monday) => {
    const parsed = parseIsoWeek(text);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(weekStart(parsed.week, 'UTC').toISOString()).toBe(monday);
    expect(formatIsoWeek(parsed.week)).toBe(text);
  });

  it('starts the week at local midnight, across a DST change', () => {
    const week = { year: 2026, week: 13 };
    expect(weekStart(week, 'Europe/Helsinki').toISOString()).toBe('2026-03-22T22:00:00.000Z');
    expect(weekStart(shiftWeek(week, 1), 'Europe/Helsinki').toISOString()).toBe('2026-03-29T21:00:00.000Z');
  });

  it.each(['2026-47', '2026-W54', '2025-W53', 'W47', '2026-W00', ''])(
    'rejects %j with a clear reason',
    (text) => {
      const parsed = parseIsoWeek(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem).toMatch(/YYYY-Www|ISO weeks 01…/);
    },
  );

  it('picks the last complete week in the zone', () => {
    expect(formatIsoWeek(lastCompleteWeek(new Date('2026-11-23T08:00:00Z'), 'Europe/Helsinki'))).toBe(
      '2026-W47',
    );
    // Sunday 23:30 UTC is already Monday in Helsinki.
    expect(formatIsoWeek(lastCompleteWeek(new Date('2026-11-22T23:30:00Z'), 'Europe/Helsinki'))).toBe(
      '2026-W47',
    );
    expect(formatIsoWeek(lastCompleteWeek(new Date('2026-11-22T23:30:00Z'), 'UTC'))).toBe('2026-W46');
    expect(formatIsoWeek(isoWeekOfDay(Math.floor(Date.UTC(2027, 0, 1) / 86_400_000)))).toBe('2026-W53');
  });
});
