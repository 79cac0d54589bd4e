import type { BusinessCalendar } from '../business-calendar.ts';
import { type BusinessClock, createBusinessClock } from '../business-clock.ts';
import type { Team } from '../directory.ts';
import type { SlaPolicy } from '../sla-policy.ts';

/**
 * The SLA half of the config file; `ConfigFile` fits it as it is (`calendar`, `calendars`, `sla`).
 */
export interface SlaSettings {
  /** The organisation's calendar, used by teams that name none. */
  calendar: BusinessCalendar;
  /** Named calendars a team may choose with `team.calendar`. */
  calendars: Record<string, BusinessCalendar>;
  sla: SlaPolicy;
}

export interface TeamClocks {
  /** The business clock of a team's calendar (its named one, else the organisation's). */
  clockOf(team: Pick<Team, 'id' | 'calendar'>): BusinessClock;
  /** The IANA time zone of that calendar, for showing due times. */
  timezoneOf(team: Pick<Team, 'id' | 'calendar'>): string;
}

/** A team's business calendar: its named one under `calendars`, else the organisation's. */
export function teamCalendar(
  settings: Pick<SlaSettings, 'calendar' | 'calendars'>,
  team: Pick<Team, 'id' | 'calendar'>,
): BusinessCalendar {
  if (team.calendar === undefined) return settings.calendar;
  const named = settings.calendars[team.calendar];
  if (named === undefined) {
    throw new Error(
      `team ${team.id} names calendar "${team.calendar}", which is not defined under calendars`,
    );
  }
  return named;
}

/** One clock per calendar, built once: business clocks cache day spans, so they are worth keeping. */
export function createTeamClocks(settings: Pick<SlaSettings, 'calendar' | 'calendars'>): TeamClocks {
  const clocks = new Map<string, BusinessClock>();
  return {
    clockOf(team) {
      const id = team.calendar === undefined ? '' : `named:${team.calendar}`;
      let clock = clocks.get(id);
      if (clock === undefined) {
        clock = createBusinessClock(teamCalendar(settings, team));
        clocks.set(id, clock);
      }
      return clock;
    },
    timezoneOf: (team) => teamCalendar(settings, team).timezone,
  };
}
