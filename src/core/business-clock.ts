import { type BusinessCalendar, isTimeZone, type Weekday } from './business-calendar.ts';
import { instantOfLocal, isoDateOf, localDayOf, MS_PER_DAY, MS_PER_MINUTE, weekdayOf } from './zoned-time.ts';

/**
 * Counts business minutes: real elapsed minutes inside a calendar's working spans. A working span
 * is local wall-clock times on a local date, so 09:00–17:00 is 8 h on any day whose clocks do not
 * change inside it, and the real elapsed time (7 h or 9 h) when they do.
 */
export interface BusinessClock {
  /**
   * The earliest instant at which `minutes` business minutes have passed since `start`; this may
   * be the end of a span (a due time of Friday 17:00 rather than Monday 09:00). With 0 minutes:
   * `start` when open, else the next opening. `minutes` may be fractional; precision is 1 ms.
   */
  addBusinessMinutes(start: Date, minutes: number): Date;
  /** Business minutes in [from, to), fractional (ms precision); 0 when `to` ≤ `from`. */
  businessMinutesBetween(from: Date, to: Date): number;
  /** True when `at` lies inside a working span (spans are [start, end)). */
  isOpen(at: Date): boolean;
  /** `at` when open, else the start of the next working span. */
  nextOpening(at: Date): Date;
}

/** A working span as instants, ms since the epoch, [start, end). */
type Interval = readonly [start: number, end: number];

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Consecutive days without working time after which a calendar is declared to have none (~3 years). */
const MAX_CLOSED_DAYS = 1100;

/** Day spans are cached per clock; cleared when full so a long-running process stays bounded. */
const MAX_CACHED_DAYS = 4096;

export function createBusinessClock(calendar: BusinessCalendar): BusinessClock {
  const zone = calendar.timezone;
  if (!isTimeZone(zone)) {
    throw new Error(
      `business calendar: unknown time zone "${zone}" (use an IANA name such as Europe/Helsinki)`,
    );
  }
  const workingDays = new Set(calendar.days);
  const holidays = new Set(calendar.holidays);
  const spans = mergeSpans(calendar.hours.map(([start, end]) => [minutesOf(start), minutesOf(end)]));
  if (workingDays.size === 0 || spans.length === 0) {
    throw new Error(
      `business calendar (${zone}) has no working time: it needs at least one day and one span`,
    );
  }
  const cache = new Map<number, Interval[]>();

  function intervalsOn(day: number): Interval[] {
    const cached = cache.get(day);
    if (cached !== undefined) return cached;
    const intervals: Interval[] = [];
    if (workingDays.has(WEEKDAYS[weekdayOf(day)]!) && !holidays.has(isoDateOf(day))) {
      const midnight = day * MS_PER_DAY;
      for (const [start, end] of spans) {
        const from = instantOfLocal(midnight + start * MS_PER_MINUTE, zone);
        const to = instantOfLocal(midnight + end * MS_PER_MINUTE, zone);
        // A span lying wholly inside a skipped DST hour never happens on the wall clock.
        if (to > from) intervals.push([from, to]);
      }
    }
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    cache.set(day, intervals);
    return intervals;
  }

  /** Working intervals in time order, from the local day before `from`'s (a span may run past midnight). */
  function* intervalsFrom(from: number): Generator<Interval> {
    let closedDays = 0;
    for (let day = localDayOf(from, zone) - 1; ; day++) {
      const intervals = intervalsOn(day);
      if (intervals.length === 0) {
        closedDays += 1;
        if (closedDays > MAX_CLOSED_DAYS) {
          throw new Error(
            `business calendar (${zone}) has no working time for ${MAX_CLOSED_DAYS} days after ${isoDateOf(day - MAX_CLOSED_DAYS)}: check its days and holidays`,
          );
        }
        continue;
      }
      closedDays = 0;
      yield* intervals;
    }
  }

  function addBusinessMinutes(start: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`business minutes must be a finite number ≥ 0, got ${minutes}`);
    }
    const origin = start.getTime();
    // Whole milliseconds, the clock's resolution: a sub-millisecond step is no step.
    let remaining = Math.round(minutes * MS_PER_MINUTE);
    for (const [spanStart, spanEnd] of intervalsFrom(origin)) {
      if (spanEnd <= origin) continue;
      const from = Math.max(spanStart, origin);
      if (remaining === 0) return new Date(from);
      if (remaining <= spanEnd - from) return new Date(from + remaining);
      remaining -= spanEnd - from;
    }
    throw new Error('unreachable: the interval walk is endless or throws');
  }

  function businessMinutesBetween(from: Date, to: Date): number {
    const start = from.getTime();
    const end = to.getTime();
    if (!(end > start)) return 0;
    let total = 0;
    // One day either side: around a DST change a span can start before its local date suggests.
    const lastDay = localDayOf(end, zone) + 1;
    for (let day = localDayOf(start, zone) - 1; day <= lastDay; day++) {
      for (const [spanStart, spanEnd] of intervalsOn(day)) {
        const overlap = Math.min(spanEnd, end) - Math.max(spanStart, start);
        if (overlap > 0) total += overlap;
      }
    }
    return total / MS_PER_MINUTE;
  }

  function isOpen(at: Date): boolean {
    const instant = at.getTime();
    const day = localDayOf(instant, zone);
    for (let candidate = day - 1; candidate <= day + 1; candidate++) {
      for (const [spanStart, spanEnd] of intervalsOn(candidate)) {
        if (spanStart <= instant && instant < spanEnd) return true;
      }
    }
    return false;
  }

  return {
    addBusinessMinutes,
    businessMinutesBetween,
    isOpen,
    nextOpening: (at) => addBusinessMinutes(at, 0),
  };
}

/** A clock that is always open: business minutes are plain minutes (P1 on a 24/7 policy). */
export const allHoursClock: BusinessClock = {
  addBusinessMinutes(start, minutes) {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`business minutes must be a finite number ≥ 0, got ${minutes}`);
    }
    return new Date(Math.round(start.getTime() + minutes * MS_PER_MINUTE));
  },
  businessMinutesBetween: (from, to) => Math.max(0, to.getTime() - from.getTime()) / MS_PER_MINUTE,
  isOpen: () => true,
  nextOpening: (at) => new Date(at.getTime()),
};

/** `HH:MM` (or `24:00`) → minutes after local midnight. */
function minutesOf(clockTime: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clockTime);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes >= 0 && minutes <= 1440)) throw new Error(`not a time of day (HH:MM): ${clockTime}`);
  return minutes;
}

/** Sorts spans (minutes of the day) and merges overlapping or touching ones; drops empty ones. */
function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [start, end] of [...spans].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
