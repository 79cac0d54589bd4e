import type { BusinessClock } from '../business-clock.ts';
import type { Directory, Team } from '../directory.ts';
import type { Priority } from '../priority.ts';
import type { Request } from '../request.ts';
import { clockFor, slaTargetMinutes } from '../sla-schedule.ts';
import { ownerTeam } from './build-routed-post-view.ts';
import type { SlaSettings, TeamClocks } from './create-team-clocks.ts';

/** Everything about one request's SLA clock that its routing and the config decide. */
export interface RequestSlaClock {
  team: Team;
  priority: Priority;
  /** When the clock started. */
  routedAt: Date;
  /** The account's tier, when the account is known. */
  tier: string | null;
  /** The priority's clock: 24/7 for the policy's `allHours` priorities, else the team's calendar. */
  clock: BusinessClock;
  allHours: boolean;
  /** Time zone of the team's calendar, for showing due times. */
  timezone: string;
  targetMinutes: number;
  /** When the clock stopped: the first staff reply, else the resolve; null while it runs. */
  stoppedAt: Date | null;
}

/**
 * The SLA clock of a routed, triaged request; null before routing. The team is the current owner,
 * so a reassigned request keeps its start time and runs on the new team's calendar.
 */
export function requestSlaClock(
  deps: { directory: Directory; settings: SlaSettings; clocks: TeamClocks },
  request: Request,
): RequestSlaClock | null {
  if (request.routedAt === null || request.priority === null) return null;
  const team = ownerTeam(deps.directory, request);
  const tier = deps.directory.accounts.find((account) => account.id === request.accountId)?.tier ?? null;
  const policy = deps.settings.sla;
  return {
    team,
    priority: request.priority,
    routedAt: request.routedAt,
    tier,
    clock: clockFor(request.priority, policy, deps.clocks.clockOf(team)),
    allHours: policy.allHours.includes(request.priority),
    timezone: deps.clocks.timezoneOf(team),
    targetMinutes: slaTargetMinutes(policy, request.priority, tier),
    stoppedAt: request.firstResponseAt ?? request.resolvedAt,
  };
}
