import { instantOfLocal, localDayOf, MS_PER_DAY, weekdayOf } from '../zoned-time.ts';

/** An ISO 8601 week, e.g. `2026-W47`: weeks start on Monday; week 1 holds the year's first Thursday. */
export interface IsoWeek {
  year: number;
  week: number;
}

/** Why a `YYYY-Www` string is not a week, or the week. */
export type IsoWeekParse = { ok: true; week: IsoWeek } | { ok: false; problem: string };

export function parseIsoWeek(text: string): IsoWeekParse {
  const match = /^(\d{4})-W(\d{2})$/.exec(text.trim());
  if (!match)
    return { ok: false, problem: `"${text}" is not an ISO week; write it as YYYY-Www, e.g. 2026-W47` };
  const year = Number(match[1]);
  const week = Number(match[2]);
  const weeks = weeksInYear(year);
  if (week < 1 || week > weeks)
    return { ok: false, problem: `${year} has ISO weeks 01…${weeks}, not ${match[2]}` };
  return { ok: true, week: { year, week } };
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** Day number (days since 1970-01-01) of the Monday that starts the week. */
export function mondayOf({ year, week }: IsoWeek): number {
  const january4 = Math.floor(Date.UTC(year, 0, 4) / MS_PER_DAY);
  const weekOneMonday = january4 - ((weekdayOf(january4) + 6) % 7);
  return weekOneMonday + (week - 1) * 7;
}

/** The ISO week that holds a local date (day number). */
export function isoWeekOfDay(day: number): IsoWeek {
  const thursday = day - ((weekdayOf(day) + 6) % 7) + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const week = Math.floor((thursday - mondayOf({ year, week: 1 })) / 7) + 1;
  return { year, week };
}

/** The week `offset` weeks after (negative: before) `week`. */
export function shiftWeek(week: IsoWeek, offset: number): IsoWeek {
  return isoWeekOfDay(mondayOf(week) + offset * 7);
}

/** Start of the week, Monday 00:00 on the zone's wall clock, as an instant. */
export function weekStart(week: IsoWeek, zone: string): Date {
  return new Date(instantOfLocal(mondayOf(week) * MS_PER_DAY, zone));
}

/** The last week that has fully ended at `now` in the zone. */
export function lastCompleteWeek(now: Date, zone: string): IsoWeek {
  return shiftWeek(isoWeekOfDay(localDayOf(now.getTime(), zone)), -1);
}

function weeksInYear(year: number): number {
  return isoWeekOfDay(Math.floor(Date.UTC(year, 11, 28) / MS_PER_DAY)).week;
}
