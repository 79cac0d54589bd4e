import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, Weekday } from '../../src/core/business-calendar.ts';
import { createBusinessClock } from '../../src/core/business-clock.ts';

const ZONES = ['Europe/Helsinki', 'America/New_York'] as const;
const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MS_PER_DAY = 86_400_000;

/** Span edges in minutes after midnight; 120–300 hit the DST changes of both zones. */
const EDGES = [0, 60, 90, 120, 150, 180, 210, 240, 300, 480, 540, 720, 780, 1020, 1080, 1380, 1440];

/** DST change dates of both zones in 2026 and 2027, so random instants land near them often. */
const DST_DAYS = [
  '2026-03-08',
  '2026-03-29',
  '2026-10-25',
  '2026-11-01',
  '2027-03-14',
  '2027-03-28',
  '2027-10-31',
  '2027-11-07',
].map((day) => Date.parse(`${day}T00:00:00Z`));

const clockTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const span = fc
  .tuple(fc.constantFrom(...EDGES), fc.constantFrom(...EDGES))
  .filter(([a, b]) => a !== b)
  .map(([a, b]): [string, string] => [clockTime(Math.min(a, b)), clockTime(Math.max(a, b))]);

const holiday = fc
  .integer({ min: 0, max: 760 })
  .map((offset) => Date.parse('2025-12-01T00:00:00Z') + offset * MS_PER_DAY)
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

const calendarArb: fc.Arbitrary<BusinessCalendar> = fc.record({
  timezone: fc.constantFrom(...ZONES),
  days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
  hours: fc.array(span, { minLength: 1, maxLength: 3 }),
  holidays: fc.array(holiday, { maxLength: 40 }),
});

/** Instants from Dec 2025 to Dec 2027, half of them within two days of a DST change. */
const instant = fc
  .oneof(
    fc.integer({ min: Date.parse('2025-12-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
    fc
      .tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -2 * MS_PER_DAY, max: 2 * MS_PER_DAY }))
      .map(([day, offset]) => day + offset),
  )
  .map((ms) => new Date(ms));

/** Business minutes: whole or fractional, up to about two weeks of office hours. */
// The clock's resolution is 1 ms: fractional minutes are whole milliseconds (a denormal like 5e-324
// minutes is 0 ms, and rounding each of two sub-millisecond steps cannot be additive).
const minutes = fc.oneof(
  fc.integer({ min: 0, max: 5000 }),
  fc.integer({ min: 0, max: 5000 * 60_000 }).map((ms) => ms / 60_000),
);

const RUNS = { numRuns: 300 };

describe('business clock properties (Helsinki and New York, random calendars with holidays)', () => {
  it('is monotonic: more minutes never give an earlier instant', () => {
    fc.assert(
      fc.property(calendarArb, instant, minutes, minutes, (calendar, start, a, b) => {
        const clock = createBusinessClock(calendar);
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(clock.addBusinessMinutes(start, less).getTime()).toBeLessThanOrEqual(
          clock.addBusinessMinutes(start, more).getTime(),
        );
      }),
      RUNS,
    );
  });

  it('is additive: adding a then b equals adding a + b (a zero step snaps to the next opening)', () => {
    fc.assert(
      fc.property(calendarArb, instant, minutes, minutes, (calendar, start, a, b) => {
        const clock = createBusinessClock(calendar);
        const stepwise = clock.addBusinessMinutes(clock.addBusinessMinutes(start, a), b).getTime();
        const atOnce = clock.addBusinessMinutes(start, a + b);
        const expected = b === 0 ? clock.nextOpening(atOnce).getTime() : atOnce.getTime();
        expect(Math.abs(stepwise - expected)).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('inverts: the business minutes between a start and start + m are m', () => {
    fc.assert(
      fc.property(calendarArb, instant, minutes, (calendar, start, m) => {
        const clock = createBusinessClock(calendar);
        const end = clock.addBusinessMinutes(start, m);
        // 1 ms of rounding is 1/60000 of a minute.
        expect(Math.abs(clock.businessMinutesBetween(start, end) - m)).toBeLessThanOrEqual(1 / 60_000 + 1e-9);
      }),
      RUNS,
    );
  });

  it('splits: the minutes between a and c are those between a and b plus b and c', () => {
    fc.assert(
      fc.property(calendarArb, instant, instant, instant, (calendar, x, y, z) => {
        const clock = createBusinessClock(calendar);
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const whole = clock.businessMinutesBetween(a, c);
        const parts = clock.businessMinutesBetween(a, b) + clock.businessMinutesBetween(b, c);
        expect(Math.abs(whole - parts)).toBeLessThan(1e-6);
        expect(whole).toBeLessThanOrEqual((c.getTime() - a.getTime()) / 60_000 + 1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it('lands inside open time, or at the end of a span when minutes run out exactly there', () => {
    fc.assert(
      fc.property(calendarArb, instant, minutes, (calendar, start, m) => {
        const clock = createBusinessClock(calendar);
        const end = clock.addBusinessMinutes(start, m);
        expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
        if (m === 0) expect(clock.isOpen(end)).toBe(true);
        else expect(clock.isOpen(end) || clock.isOpen(new Date(end.getTime() - 1))).toBe(true);
      }),
      RUNS,
    );
  });

  it('agrees with an independent wall-clock oracle (@date-fns/tz) on whether an instant is open', () => {
    fc.assert(
      fc.property(calendarArb, instant, (calendar, at) => {
        const wall = new TZDate(at.getTime(), calendar.timezone);
        // Within 3 h of a change the repeated or skipped hour makes wall times ambiguous: see the table tests.
        const offsetOf = (ms: number) => new TZDate(ms, calendar.timezone).getTimezoneOffset();
        fc.pre(offsetOf(at.getTime() - 3 * 3_600_000) === offsetOf(at.getTime() + 3 * 3_600_000));
        const date = `${wall.getFullYear()}-${String(wall.getMonth() + 1).padStart(2, '0')}-${String(wall.getDate()).padStart(2, '0')}`;
        const minute = wall.getHours() * 60 + wall.getMinutes() + wall.getSeconds() / 60;
        const expected =
          calendar.days.includes(WEEKDAYS[wall.getDay()]!) &&
          !calendar.holidays.includes(date) &&
          calendar.hours.some(([from, to]) => minute >= toMinutes(from) && minute < toMinutes(to));
        expect(createBusinessClock(calendar).isOpen(at)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('measures a whole local day of a 00:00–24:00 calendar as the real length of that day', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (zone, at) => {
        const clock = createBusinessClock({
          timezone: zone,
          days: [...WEEKDAYS],
          hours: [['00:00', '24:00']],
          holidays: [],
        });
        const wall = new TZDate(at.getTime(), zone);
        const midnight = new TZDate(wall.getFullYear(), wall.getMonth(), wall.getDate(), zone).getTime();
        const next = new TZDate(wall.getFullYear(), wall.getMonth(), wall.getDate() + 1, zone).getTime();
        expect(clock.businessMinutesBetween(new Date(midnight), new Date(next))).toBe(
          (next - midnight) / 60_000,
        );
      }),
      RUNS,
    );
  });
});

function toMinutes(clock: string): number {
  const [hours, mins] = clock.split(':').map(Number) as [number, number];
  return hours * 60 + mins;
}
