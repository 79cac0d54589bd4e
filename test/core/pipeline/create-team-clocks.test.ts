import { describe, expect, it } from 'vitest';
import { BusinessCalendarSchema } from '../../../src/core/business-calendar.ts';
import { createTeamClocks, teamCalendar } from '../../../src/core/pipeline/create-team-clocks.ts';
import { hel } from './check-sla-kit.ts';

const settings = {
  calendar: BusinessCalendarSchema.parse({ timezone: 'Europe/Helsinki', hours: [['08:00', '16:00']] }),
  calendars: { us: BusinessCalendarSchema.parse({ timezone: 'America/New_York' }) },
};

describe('team calendars', () => {
  it('gives a team its named calendar, else the organisation’s, and explains an unknown name', () => {
    expect(teamCalendar(settings, { id: 'support' }).timezone).toBe('Europe/Helsinki');
    expect(teamCalendar(settings, { id: 'us-support', calendar: 'us' }).timezone).toBe('America/New_York');
    expect(() => teamCalendar(settings, { id: 'x', calendar: 'mars' })).toThrow(
      'team x names calendar "mars", which is not defined under calendars',
    );
  });

  it('runs each team on its own hours and builds each clock once', () => {
    const clocks = createTeamClocks(settings);
    const monday = hel('2026-11-23 10:00'); // 03:00 in New York
    expect(clocks.clockOf({ id: 'support' }).isOpen(monday)).toBe(true);
    expect(clocks.clockOf({ id: 'us-support', calendar: 'us' }).isOpen(monday)).toBe(false);
    expect(clocks.clockOf({ id: 'a', calendar: 'us' })).toBe(clocks.clockOf({ id: 'b', calendar: 'us' }));
    expect(clocks.timezoneOf({ id: 'b', calendar: 'us' })).toBe('America/New_York');
  });
});
