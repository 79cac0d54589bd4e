import { TierSchema } from '../core/directory.ts';
import { compileNoisePatterns } from '../core/noise-filter.ts';
import type { ConfigProblem } from './config-problem.ts';
import { closest } from './find-unknown-keys.ts';

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const idsOf = (value: unknown) =>
  new Set(list(value).flatMap((item) => (isObject(item) && typeof item.id === 'string' ? [item.id] : [])));

/**
 * Cross-references inside the config file (teams named by routing, topics named by teams, …).
 * Runs on the raw document, independently of the shape checks, so one pass reports every problem.
 */
export function findReferenceProblems(
  raw: unknown,
): Array<Omit<ConfigProblem, 'file' | 'line'> & { at: PropertyKey[] }> {
  if (!isObject(raw)) return [];
  const problems: Array<{ at: PropertyKey[]; path: string; message: string }> = [];
  const add = (at: PropertyKey[], message: string) => problems.push({ at, path: '', message });
  const teamIds = idsOf(raw.teams);
  const topicIds = idsOf(raw.topics);
  const calendarIds = new Set(isObject(raw.calendars) ? Object.keys(raw.calendars) : []);
  const known = (ids: Set<string>) => [...ids].join(', ') || '(none)';
  const routing = isObject(raw.routing) ? raw.routing : {};
  const sla = isObject(raw.sla) ? raw.sla : {};
  const tiers = new Set([...TierSchema.options, ...(isObject(sla.tiers) ? Object.keys(sla.tiers) : [])]);

  if (typeof routing.defaultTeam === 'string' && !teamIds.has(routing.defaultTeam)) {
    add(['routing', 'defaultTeam'], `unknown team "${routing.defaultTeam}"; known teams: ${known(teamIds)}`);
  }
  list(routing.rules).forEach((rule, index) => {
    if (!isObject(rule)) return;
    if (typeof rule.team === 'string' && !teamIds.has(rule.team)) {
      add(['routing', 'rules', index, 'team'], `unknown team "${rule.team}"; known teams: ${known(teamIds)}`);
    }
    if (typeof rule.tier === 'string' && !tiers.has(rule.tier)) {
      const guess = closest(rule.tier, [...tiers]);
      add(
        ['routing', 'rules', index, 'tier'],
        `unknown tier "${rule.tier}"${guess ? `; did you mean "${guess}"?` : ''} Tiers: ${known(tiers)} (account tiers and the keys of sla.tiers)`,
      );
    }
    if (typeof rule.topic === 'string' && !topicIds.has(rule.topic)) {
      add(
        ['routing', 'rules', index, 'topic'],
        `unknown topic "${rule.topic}"; known topics: ${known(topicIds)}`,
      );
    }
  });
  list(raw.teams).forEach((team, index) => {
    if (!isObject(team)) return;
    list(team.topics).forEach((topic, topicIndex) => {
      if (typeof topic === 'string' && !topicIds.has(topic)) {
        add(
          ['teams', index, 'topics', topicIndex],
          `unknown topic "${topic}"; known topics: ${known(topicIds)}`,
        );
      }
    });
    if (typeof team.calendar === 'string' && !calendarIds.has(team.calendar)) {
      add(
        ['teams', index, 'calendar'],
        `unknown calendar "${team.calendar}"; define it under calendars (known: ${known(calendarIds)})`,
      );
    }
  });
  const noise = isObject(raw.noise) ? raw.noise : {};
  const patterns = list(noise.patterns).filter((pattern): pattern is string => typeof pattern === 'string');
  for (const error of compileNoisePatterns(patterns).errors) {
    add(['noise', 'patterns', error.index], `not a valid regular expression (${error.message})`);
  }
  const seen = new Map<string, number>();
  list(raw.accounts).forEach((account, index) => {
    if (!isObject(account)) return;
    if (typeof account.id === 'string') {
      const previous = seen.get(account.id);
      if (previous !== undefined) {
        add(['accounts', index, 'id'], `duplicate account id "${account.id}" (also accounts[${previous}])`);
      }
      seen.set(account.id, index);
    }
    if (isObject(account.routing)) {
      for (const [topic, team] of Object.entries(account.routing)) {
        if (typeof team === 'string' && !teamIds.has(team)) {
          add(
            ['accounts', index, 'routing', topic],
            `unknown team "${team}"; known teams: ${known(teamIds)}`,
          );
        }
      }
    }
  });
  const digest = isObject(raw.digest) ? raw.digest : {};
  list(digest.teams).forEach((team, index) => {
    if (typeof team === 'string' && !teamIds.has(team)) {
      add(['digest', 'teams', index], `unknown team "${team}"; known teams: ${known(teamIds)}`);
    }
  });
  return problems;
}
