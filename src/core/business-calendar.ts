import { z } from 'zod';

export const WeekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof WeekdaySchema>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day as HH:MM, e.g. 09:00');

/** Working hours of one day as [start, end) pairs of local clock times; split days allowed. */
export const WorkingHoursSchema = z
  .array(z.tuple([clockTime, clockTime]))
  .min(1)
  .refine((spans) => spans.every(([start, end]) => start < end), 'each span must start before it ends');

export const BusinessCalendarSchema = z.object({
  /** IANA time zone, e.g. `Europe/Helsinki`. */
  timezone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Helsinki'),
  days: z.array(WeekdaySchema).min(1).default(['mon', 'tue', 'wed', 'thu', 'fri']),
  hours: WorkingHoursSchema.default([['09:00', '17:00']]),
  /** Local dates (YYYY-MM-DD) with no working hours. */
  holidays: z.array(z.iso.date()).default([]),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
