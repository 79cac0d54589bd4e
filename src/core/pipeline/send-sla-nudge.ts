import { describeDestination } from '../directory.ts';
import type { Clock, Notifier, PostRef } from '../ports.ts';
import type { Request } from '../request.ts';
import { clockFor } from '../sla-schedule.ts';
import { ownerTeam } from './build-routed-post-view.ts';
import { composeEscalationNote, composeNudgeNote } from './compose-sla-note.ts';
import type { SlaSettings, TeamClocks } from './create-team-clocks.ts';
import { destinationFor, notifierFor } from './deliver-request.ts';
import type { Directory } from '../directory.ts';
import { postOnce } from './post-once.ts';
import type { RequestStore } from './request-store.ts';
import type { SlaNudge } from './sla-store.ts';

export interface SlaSendDeps {
  requests: RequestStore;
  directory: Directory;
  clock: Clock;
  notifiers: Notifier[];
  settings: SlaSettings;
  clocks: TeamClocks;
}

/** Where a nudge goes and with which Notifier; null while the routed post is not where the team is. */
export interface NudgeRoute {
  notifier: Notifier;
  routedPost: PostRef;
}

export type SendOutcome =
  | { status: 'posted' | 'already-posted' | 'recovered'; ref: PostRef }
  | { status: 'in-progress' };

/**
 * The routed post a request's nudges reply to, and its notifier. Null right after a reassignment,
 * until the new team's routed post exists (nudging the old thread would reach the wrong team).
 */
export async function findNudgeRoute(deps: SlaSendDeps, request: Request): Promise<NudgeRoute | null> {
  const routedPost = await deps.requests.findRoutedPost(request.id);
  if (routedPost === null) return null;
  const expected = destinationFor(deps, request);
  if (describeDestination(routedPost.destination) !== describeDestination(expected)) return null;
  return { routedPost, notifier: notifierFor(deps.notifiers, routedPost.destination) };
}

/**
 * Posts one claimed nudge, at most once per key (`postOnce`: a lease, and a lookup by delivery key
 * after a crash between posting and recording). Thread nudges reply on the routed post and mention
 * the claimer, else the team's on-call; the escalation goes to the team's escalation destination
 * (its routed post's thread when it has none) mentioning the manager, else the on-call.
 */
export async function sendSlaNudge(
  deps: SlaSendDeps,
  input: { request: Request; nudge: Pick<SlaNudge, 'key' | 'kind' | 'seq' | 'dueAt' | 'late'>; route: NudgeRoute },
): Promise<SendOutcome> {
  const { request, nudge, route } = input;
  const priority = request.priority;
  const routedAt = request.routedAt;
  if (priority === null || routedAt === null) throw new Error(`request ${request.id} has no SLA clock (not routed)`);
  const now = deps.clock.now();
  const policy = deps.settings.sla;
  const team = ownerTeam(deps.directory, request);
  const clock = clockFor(priority, policy, deps.clocks.clockOf(team));
  const account = deps.directory.accounts.find((candidate) => candidate.id === request.accountId) ?? null;
  const common = {
    nudge: { ...nudge, targetMinutes: slaTarget(deps, request) },
    elapsedBusinessMinutes: clock.businessMinutesBetween(routedAt, now),
    priority,
    allHours: policy.allHours.includes(priority),
    maxRepeats: policy.maxRepeats,
    timezone: deps.clocks.timezoneOf(team),
  };
  const deliveryKey = `sla:${nudge.key}`;

  if (nudge.kind === 'escalation') {
    const target = team.escalation ?? route.routedPost;
    const notifier = notifierFor(deps.notifiers, 'destination' in target ? target.destination : target);
    const note = composeEscalationNote({
      ...common,
      accountName: account?.name ?? null,
      teamName: team.name,
      summary: request.analysis?.summary ?? null,
      mention: team.manager ?? team.onCall ?? null,
      claimedBy: request.claimedBy ? (request.claimedBy.name ?? request.claimedBy.id) : null,
      link: team.escalation ? route.routedPost : null,
    });
    return postOnce(deps.requests, notifier, {
      key: deliveryKey,
      target,
      now,
      post: () => notifier.postNote(target, note, deliveryKey),
    });
  }

  const mention = request.claimedBy
    ? { id: request.claimedBy.id, who: 'claimer' as const }
    : team.onCall
      ? { id: team.onCall, who: 'on-call' as const }
      : null;
  const note = composeNudgeNote({ ...common, mention });
  return postOnce(deps.requests, route.notifier, {
    key: deliveryKey,
    target: route.routedPost,
    now,
    post: () => route.notifier.postNote(route.routedPost, note, deliveryKey),
  });
}

function slaTarget(deps: Pick<SlaSendDeps, 'directory' | 'settings'>, request: Request): number {
  const tier = deps.directory.accounts.find((candidate) => candidate.id === request.accountId)?.tier ?? null;
  const { sla } = deps.settings;
  const priority = request.priority ?? 'P4';
  return (tier === null ? undefined : sla.tiers[tier]?.[priority]) ?? sla.targets[priority];
}
