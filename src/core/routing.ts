import {
  type Account,
  type Destination,
  type DirectoryView,
  describeDestination,
  type Team,
} from './directory.ts';
import { type Priority, priorityRank } from './priority.ts';

/** Where a request goes and why. */
export interface Route {
  team: Team;
  destination: Destination;
  /** Extra destinations told about the request (P1: the team's escalation channel). */
  alsoNotify: Destination[];
  /** True when the account is unknown: the post goes to `directory.unmapped` with an offer to map it. */
  unmapped: boolean;
  /** Human explanation, shown by `verbatim explain` and on the post. */
  reason: string;
}

export interface RouteInput {
  directory: DirectoryView;
  account: Account | null;
  /** Topic ids in the order the analysis gave them (most relevant first). */
  topics: string[];
  priority: Priority;
}

/**
 * Chooses the owning team, first match wins:
 * 1. unknown account → the unmapped destination, on behalf of the default team;
 * 2. the account's own override (`routing[topic]` in topic order, then `routing['*']`);
 * 3. the first routing rule whose given conditions (topic, tier, minPriority) all hold;
 * 4. the team that owns the first topic some team owns;
 * 5. the default team.
 * Team ids that name no team are skipped (config validation reports them); a missing default team
 * is a broken directory and throws.
 */
export function chooseRoute(input: RouteInput): Route {
  const { directory, account, topics, priority } = input;
  const teamById = (id: string): Team | undefined => directory.teams.find((team) => team.id === id);
  const defaultTeam = teamById(directory.defaultTeam);
  if (!defaultTeam)
    throw new Error(`routing: default team "${directory.defaultTeam}" is not a configured team`);

  if (account === null) {
    const where = describeDestination(directory.unmapped);
    return finish(
      defaultTeam,
      priority,
      `unknown account: sent to ${where} for mapping, on behalf of the default team ${defaultTeam.id}`,
      { destination: directory.unmapped, unmapped: true },
    );
  }

  for (const topic of topics) {
    const team = account.routing[topic] === undefined ? undefined : teamById(account.routing[topic]);
    if (team) return finish(team, priority, `account ${account.id} routes topic ${topic} to ${team.id}`);
  }
  const wildcard = account.routing['*'] === undefined ? undefined : teamById(account.routing['*']);
  if (wildcard)
    return finish(wildcard, priority, `account ${account.id} routes every topic to ${wildcard.id}`);

  for (const [index, rule] of directory.rules.entries()) {
    if (rule.topic !== undefined && !topics.includes(rule.topic)) continue;
    if (rule.tier !== undefined && rule.tier !== account.tier) continue;
    if (rule.minPriority !== undefined && priorityRank(priority) > priorityRank(rule.minPriority)) continue;
    const team = teamById(rule.team);
    if (team) return finish(team, priority, `routing rule ${index + 1} (${describeRule(rule)}) → ${team.id}`);
  }

  for (const topic of topics) {
    const owner = directory.teams.find((team) => team.topics.includes(topic));
    if (owner) return finish(owner, priority, `team ${owner.id} owns topic ${topic}`);
  }

  const why = topics.length === 0 ? 'no topic' : `no team owns ${topics.join(', ')}`;
  return finish(defaultTeam, priority, `${why}: default team ${defaultTeam.id}`);
}

function finish(
  team: Team,
  priority: Priority,
  reason: string,
  {
    destination = team.destination,
    unmapped = false,
  }: { destination?: Destination; unmapped?: boolean } = {},
): Route {
  const alsoNotify: Destination[] = [];
  // P1 is also announced where the team escalates, unless that is where the post already goes.
  if (priority === 'P1' && team.escalation && !sameDestination(team.escalation, destination)) {
    alsoNotify.push(team.escalation);
  }
  return { team, destination, alsoNotify, unmapped, reason };
}

function describeRule(rule: DirectoryView['rules'][number]): string {
  const parts = [
    rule.topic === undefined ? null : `topic ${rule.topic}`,
    rule.tier === undefined ? null : `tier ${rule.tier}`,
    rule.minPriority === undefined ? null : `priority ${rule.minPriority} or higher`,
  ].filter((part) => part !== null);
  return parts.length === 0 ? 'catch-all' : parts.join(', ');
}

function sameDestination(a: Destination, b: Destination): boolean {
  return describeDestination(a) === describeDestination(b);
}
