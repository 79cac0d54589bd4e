const DAY_MS = 86_400_000;
/** How far ahead an explicit holiday list must reach before `doctor` stops warning. */
export const HOLIDAY_HORIZON_DAYS = 90;

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Calendars whose holidays are a hand-written list of dates that ends within 90 days of `today`:
 * after the last date, SLA clocks silently count holidays as working days. Rule-based calendars
 * (`holidays: { country: FI }`) never run out and are not reported. Reads the raw document.
 */
export function findExpiringHolidayLists(
  raw: unknown,
  today: Date,
): Array<{ at: PropertyKey[]; message: string }> {
  if (!isObject(raw)) return [];
  const calendars: Array<[PropertyKey[], unknown]> = [
    [['calendar', 'holidays'], isObject(raw.calendar) ? raw.calendar.holidays : undefined],
  ];
  if (isObject(raw.calendars)) {
    for (const [id, calendar] of Object.entries(raw.calendars)) {
      calendars.push([['calendars', id, 'holidays'], isObject(calendar) ? calendar.holidays : undefined]);
    }
  }
  const startOfToday = Date.parse(today.toISOString().slice(0, 10));
  const horizon = startOfToday + HOLIDAY_HORIZON_DAYS * DAY_MS;
  const warnings: Array<{ at: PropertyKey[]; message: string }> = [];
  for (const [at, holidays] of calendars) {
    if (!Array.isArray(holidays)) continue;
    const dates = holidays.filter(
      (date): date is string => typeof date === 'string' && !Number.isNaN(Date.parse(date)),
    );
    if (dates.length === 0) continue;
    const last = dates.sort().at(-1) as string;
    const lastTime = Date.parse(last);
    if (lastTime >= horizon) continue;
    const days = Math.round((lastTime - startOfToday) / DAY_MS);
    const when = days >= 0 ? `in ${days} days` : `${-days} days ago`;
    warnings.push({
      at,
      message: `the last holiday listed is ${last} (${when}); after it, SLA clocks count holidays as working days. List the next year's dates, or let them be computed: holidays: { country: FI } (see docs/holidays.md)`,
    });
  }
  return warnings;
}
