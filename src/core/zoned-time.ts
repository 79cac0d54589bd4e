/**
 * Local wall-clock time in an IANA time zone, computed with `Intl.DateTimeFormat` only (no date
 * library in the core). Instants are ms since the epoch; a local date is a day number (days since
 * 1970-01-01 on the local calendar); a local time is ms since the epoch *as if* the wall clock
 * were UTC ("local ms").
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Offset of the zone's wall clock from UTC at `instant`, in ms (Helsinki in summer: +10_800_000). */
export function offsetAt(instant: number, zone: string): number {
  // Intl reports whole seconds, so measure the offset from the instant floored to a second.
  const second = Math.floor(instant / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(second)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(fields['year']!, fields['month']! - 1, fields['day']!);
  wall.setUTCHours(fields['hour']!, fields['minute']!, fields['second']!, 0);
  return wall.getTime() - second;
}

/** The wall-clock reading at `instant`, as local ms. */
export function localTimeOf(instant: number, zone: string): number {
  return instant + offsetAt(instant, zone);
}

/** The local date (day number) at `instant`. */
export function localDayOf(instant: number, zone: string): number {
  return Math.floor(localTimeOf(instant, zone) / MS_PER_DAY);
}

/** Day of the week of a local date: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` of a local date. */
export function isoDateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The instant at which the zone's wall clock first reads `local` (local ms) or later.
 * - Ambiguous times (the repeated hour when clocks go back) resolve to the earlier instant.
 * - Non-existent times (skipped when clocks go forward) resolve to the transition instant, the
 *   first moment after the gap. So a working span that starts inside the gap opens when the clock
 *   jumps, and the span's length is the real time that passes (unlike Temporal's "compatible",
 *   which would shift the time forward by the gap's length).
 */
export function instantOfLocal(local: number, zone: string): number {
  // No zone has two transitions within two days, so the offsets a day either side bracket `local`.
  const before = offsetAt(local - MS_PER_DAY, zone);
  const after = offsetAt(local + MS_PER_DAY, zone);
  const withBefore = local - before;
  const withAfter = local - after;
  const beforeFits = offsetAt(withBefore, zone) === before;
  const afterFits = offsetAt(withAfter, zone) === after;
  if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
  if (beforeFits) return withBefore;
  if (afterFits) return withAfter;
  return transitionBetween(Math.min(withBefore, withAfter), Math.max(withBefore, withAfter), zone);
}

/** The first instant in (from, to] whose offset differs from the offset at `from`; to the second. */
function transitionBetween(from: number, to: number, zone: string): number {
  const offset = offsetAt(from, zone);
  let low = Math.floor(from / 1000);
  let high = Math.ceil(to / 1000);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle * 1000, zone) === offset) low = middle;
    else high = middle;
  }
  return high * 1000;
}
