import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { HolidaysTypes } from 'date-holidays';
import { z } from 'zod';
import { closest } from './find-unknown-keys.ts';

let holidaysClass: typeof Holidays | undefined;
/**
 * date-holidays carries every country's rules (about 8 MB of heap, 13–30 MB resident): loaded on
 * first use, so a calendar without `holidays` rules never loads it (docs/performance.md, "Memory").
 * `require`, not `import()`, because config validation is synchronous.
 */
function holidays(): typeof Holidays {
  holidaysClass ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays;
  return holidaysClass;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const;

/**
 * Public holidays computed by `date-holidays` for a country (and optionally its state and region,
 * as date-holidays names them), so a calendar never runs out of holidays at the end of a year.
 * `extra` and `except` take local dates (`2026-12-31`) or holiday names as date-holidays spells
 * them, in the country's language or in English (`jouluaatto`, `Christmas Eve`).
 */
export const HolidayRulesSchema = z
  .object({
    country: z.string().min(2),
    state: z.string().optional(),
    region: z.string().optional(),
    /** Kinds of days off to take from date-holidays; `public` holidays by default. */
    types: z.array(z.enum(HOLIDAY_TYPES)).min(1).default(['public']),
    extra: z.array(z.string().min(1)).default([]),
    except: z.array(z.string().min(1)).default([]),
  })
  .superRefine((rules, context) => {
    const problem = placeProblem(rules.country, rules.state, rules.region);
    if (problem) {
      context.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
      return;
    }
    const names = holidayNames(rules);
    for (const field of ['extra', 'except'] as const) {
      rules[field].forEach((entry, index) => {
        if (isoDate.test(entry) ? z.iso.date().safeParse(entry).success : names.has(entry.toLowerCase()))
          return;
        const guess = isoDate.test(entry) ? undefined : closest(entry, [...names.values()]);
        context.addIssue({
          code: 'custom',
          path: [field, index],
          message: isoDate.test(entry)
            ? `"${entry}" is not a real date`
            : `"${entry}" is neither a date (YYYY-MM-DD) nor a holiday of ${describePlace(rules)}${guess ? `; did you mean "${guess}"?` : ''}`,
        });
      });
    }
  });
export type HolidayRules = z.infer<typeof HolidayRulesSchema>;

/** Years around `today` for which rule-based holidays are computed when the config is read. */
const YEARS_BACK = 2;
const YEARS_AHEAD = 10;

const expanded = new Map<string, string[]>();

/**
 * The local dates (YYYY-MM-DD) that `rules` make days off, from two years before `today` to ten
 * years after: enough for replaying history and for any process lifetime (the config is read at
 * every start).
 */
export function expandHolidayRules(rules: HolidayRules, today = new Date()): string[] {
  const year = today.getUTCFullYear();
  const key = JSON.stringify([rules, year]);
  const cached = expanded.get(key);
  if (cached) return cached;
  const calendar = openCalendar(rules);
  const language = calendar.getLanguages()[0];
  const types = new Set<HolidaysTypes.HolidayType>(rules.types);
  const names = (entries: string[]) =>
    new Set(entries.filter((entry) => !isoDate.test(entry)).map((entry) => entry.toLowerCase()));
  const extraNames = names(rules.extra);
  const exceptNames = names(rules.except);
  const exceptDates = new Set(rules.except.filter((entry) => isoDate.test(entry)));
  const dates = new Set(rules.extra.filter((entry) => isoDate.test(entry)));
  for (let y = year - YEARS_BACK; y <= year + YEARS_AHEAD; y += 1) {
    // The language is passed every time: asking for English once changes the instance's default.
    const local = calendar.getHolidays(y, language);
    const english = extraNames.size + exceptNames.size > 0 ? calendar.getHolidays(y, 'en') : [];
    local.forEach((holiday, index) => {
      const date = holiday.date.slice(0, 10);
      const called = [holiday.name, english[index]?.name ?? ''].map((name) => name.toLowerCase());
      const named = (wanted: Set<string>) => called.some((name) => wanted.has(name));
      if ((types.has(holiday.type) || named(extraNames)) && !named(exceptNames)) dates.add(date);
    });
  }
  for (const date of exceptDates) dates.delete(date);
  const result = [...dates].sort();
  expanded.set(key, result);
  return result;
}

function holidayNames(rules: HolidayRules): Map<string, string> {
  const calendar = openCalendar(rules);
  const year = new Date().getUTCFullYear();
  const names = new Map<string, string>();
  for (const language of [calendar.getLanguages()[0], 'en']) {
    for (const holiday of calendar.getHolidays(year, language))
      names.set(holiday.name.toLowerCase(), holiday.name);
  }
  return names;
}

function openCalendar(rules: HolidayRules): Holidays {
  const Calendar = holidays();
  if (rules.region !== undefined && rules.state !== undefined) {
    return new Calendar(rules.country, rules.state, rules.region);
  }
  return rules.state !== undefined ? new Calendar(rules.country, rules.state) : new Calendar(rules.country);
}

function placeProblem(
  country: string,
  state: string | undefined,
  region: string | undefined,
): { field: 'country' | 'state' | 'region'; message: string } | undefined {
  const lister = new (holidays())();
  const countries = lister.getCountries('en');
  if (!countries[country]) {
    const guess = closest(country, Object.keys(countries));
    return {
      field: 'country',
      message: `"${country}" is not a country code date-holidays knows (ISO 3166, e.g. FI, SE, US)${guess ? `; did you mean "${guess}"?` : ''}`,
    };
  }
  const states = lister.getStates(country, 'en') ?? {};
  if (state !== undefined && !states[state]) {
    const known = Object.keys(states);
    return {
      field: 'state',
      message: known.length
        ? `"${state}" is not a state of ${country}; one of ${known.join(', ')}`
        : `${country} has no states in date-holidays; remove state`,
    };
  }
  if (region !== undefined) {
    const regions = state ? (lister.getRegions(country, state, 'en') ?? {}) : {};
    if (!regions[region]) {
      const known = Object.keys(regions);
      return {
        field: 'region',
        message: known.length
          ? `"${region}" is not a region of ${country}-${state}; one of ${known.join(', ')}`
          : `date-holidays has no region "${region}" for ${[country, state].filter(Boolean).join('-')}; regions need a state that has them`,
      };
    }
  }
  return undefined;
}

function describePlace(rules: HolidayRules): string {
  return [rules.country, rules.state, rules.region].filter(Boolean).join('-');
}
