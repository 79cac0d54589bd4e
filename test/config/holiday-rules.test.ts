import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/config/config-problem.ts';
import { findConfigWarnings, parseConfigFile } from '../../src/config/load-config.ts';
import { createBusinessClock } from '../../src/core/business-clock.ts';
import { TEST_CONFIG_YAML } from '../support/test-config.ts';

const withHolidays = (holidays: string) =>
  TEST_CONFIG_YAML.replace(
    '  hours: [["08:00", "16:00"]]',
    `  hours: [["08:00", "16:00"]]\n  holidays: ${holidays}`,
  );

function calendarOf(holidays: string) {
  const result = parseConfigFile(withHolidays(holidays), 'c.yaml');
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value.calendar;
}

function problemsOf(holidays: string): string {
  const result = parseConfigFile(withHolidays(holidays), 'c.yaml');
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.problems.map(formatProblem).join('\n');
}

describe('holidays computed by date-holidays', () => {
  it('gives the Finnish public holidays of every year, with extra days named in Finnish or English', () => {
    const calendar = calendarOf('{ country: FI, extra: [juhannusaatto, Christmas Eve] }');
    expect(calendar.holidays.filter((date) => date.startsWith('2026'))).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-24',
      '2026-06-19',
      '2026-06-20',
      '2026-10-31',
      '2026-12-06',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
    ]);
    // Years nobody typed in: Good Friday 2030 is 19 April, Christmas Eve 2031 a Wednesday.
    expect(calendar.holidays).toEqual(expect.arrayContaining(['2030-04-19', '2031-12-24', '2031-12-25']));
  });

  it('keeps SLA clocks closed on holidays years ahead', () => {
    const clock = createBusinessClock(calendarOf('{ country: FI }'));
    // Tuesday 25 December 2029, 10:00 in Helsinki: Christmas Day, no business time.
    expect(clock.isOpen(new Date('2029-12-25T08:00:00Z'))).toBe(false);
    expect(clock.isOpen(new Date('2029-12-27T08:00:00Z'))).toBe(true);
  });

  it('removes holidays by name or date, and adds plain dates', () => {
    const calendar = calendarOf('{ country: FI, except: [vappu, 2026-01-06], extra: [2026-08-14] }');
    expect(calendar.holidays).not.toContain('2026-05-01');
    expect(calendar.holidays).not.toContain('2026-01-06');
    expect(calendar.holidays).toContain('2027-01-06');
    expect(calendar.holidays).toContain('2026-08-14');
  });

  it('honours a state and a region', () => {
    // Augsburg (Bavaria) has its own holiday on 8 August: the Augsburger Friedensfest.
    expect(calendarOf('{ country: DE, state: BY, region: A }').holidays).toContain('2026-08-08');
    expect(calendarOf('{ country: DE, state: BY }').holidays).not.toContain('2026-08-08');
  });

  it('still accepts a plain list of dates', () => {
    expect(calendarOf('[2026-12-24, 2026-12-31]').holidays).toEqual(['2026-12-24', '2026-12-31']);
  });

  it('reports unknown countries, states, regions and holiday names with the line and a guess', () => {
    expect(problemsOf('{ country: FX }')).toMatch(
      /^c\.yaml:6: calendar\.holidays\.country: "FX" is not a country code date-holidays knows/,
    );
    expect(problemsOf('{ country: US, state: XX }')).toMatch(
      /calendar\.holidays\.state: "XX" is not a state of US; one of .*CA/,
    );
    expect(problemsOf('{ country: FI, extra: [jouluatto] }')).toMatch(
      /calendar\.holidays\.extra\[0\]: "jouluatto" is neither a date \(YYYY-MM-DD\) nor a holiday of FI; did you mean "jouluaatto"\?/,
    );
    expect(problemsOf('{ country: FI, except: [2026-02-30] }')).toMatch(/"2026-02-30" is not a real date/);
    expect(problemsOf('{ country: FI, regoin: X }')).toMatch(
      /calendar\.holidays\.regoin: unknown key "regoin"; did you mean "region"\?/,
    );
    expect(problemsOf('FI')).toMatch(/calendar\.holidays: expected array or object, not string/);
  });
});

describe('holiday lists that run out', () => {
  const list = (dates: string[]) => withHolidays(`[${dates.join(', ')}]`);

  it('are reported when the last date is within 90 days, with the line', () => {
    const today = new Date('2027-11-01T12:00:00Z');
    const warnings = findConfigWarnings(list(['2027-01-01', '2027-12-26']), 'c.yaml', today).map(
      formatProblem,
    );
    expect(warnings).toEqual([
      expect.stringMatching(
        /^c\.yaml:6: calendar\.holidays: the last holiday listed is 2027-12-26 \(in 55 days\); after it, SLA clocks count holidays as working days/,
      ),
    ]);
    expect(findConfigWarnings(list(['2028-03-01']), 'c.yaml', today)).toEqual([]);
  });

  it('are not reported for calendars computed from rules, or with no holidays at all', () => {
    const today = new Date('2040-01-01T00:00:00Z');
    expect(findConfigWarnings(withHolidays('{ country: FI }'), 'c.yaml', today)).toEqual([]);
    expect(findConfigWarnings(TEST_CONFIG_YAML, 'c.yaml', today)).toEqual([]);
  });

  it('covers the named calendars too', () => {
    const yaml = `${TEST_CONFIG_YAML}\ncalendars:\n  us:\n    timezone: America/New_York\n    holidays: [2026-12-25]\n`;
    expect(findConfigWarnings(yaml, 'c.yaml', new Date('2026-12-01T00:00:00Z')).map((w) => w.path)).toEqual([
      'calendars.us.holidays',
    ]);
  });
});
