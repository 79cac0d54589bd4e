import { TZDate } from '@date-fns/tz';

/** Wall-clock `YYYY-MM-DD HH:MM` in `tz` → Unix seconds. */
export function toEpoch(local: string, tz: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`bad local time "${local}", expected YYYY-MM-DD HH:MM`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new TZDate(y, mo - 1, d, h, mi, 0, tz).getTime() / 1000;
}

/** Unix seconds → the wall clock in `tz`. */
export function toLocal(
  epoch: number,
  tz: string,
): { date: string; weekday: number; hour: number; minute: number } {
  const local = new TZDate(epoch * 1000, tz);
  const date = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  return { date, weekday: local.getDay(), hour: local.getHours(), minute: local.getMinutes() };
}

/**
 * Moves a moment that falls outside 08:00–17:00 Mon–Fri in `tz` to the next working morning,
 * `lateByMinutes` after 08:00. People answer when they are at work.
 */
export function toWorkingTime(epoch: number, tz: string, lateByMinutes: number): number {
  let at = toLocal(epoch, tz);
  if (at.weekday >= 1 && at.weekday <= 5 && at.hour >= 8 && at.hour < 17) return epoch;
  let day = epoch;
  // Before 08:00 the same day's morning is next; otherwise step forward a day at a time.
  if (!(at.hour < 8 && at.weekday >= 1 && at.weekday <= 5)) day += 86_400;
  at = toLocal(day, tz);
  while (at.weekday === 0 || at.weekday === 6) {
    day += 86_400;
    at = toLocal(day, tz);
  }
  return toEpoch(`${at.date} 08:00`, tz) + lateByMinutes * 60;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
