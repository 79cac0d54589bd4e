import { type Directory, describeDestination } from '../directory.ts';
import type { Clock, Notifier, PostRef } from '../ports.ts';
import type { Request } from '../request.ts';
import { composeEscalationNote, composeNudgeNote } from './compose-sla-note.ts';
import type { SlaSettings, TeamClocks } from './create-team-clocks.ts';
import { destinationFor, notifierFor } from './deliver-request.ts';
import { postOnce } from './post-once.ts';
import type { RequestSlaClock } from './request-sla-clock.ts';
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

/** The routed post a request's nudges reply to, and the Notifier of its platform. */
export interface NudgeRoute {
  notifier: Notifier;
  routedPost: PostRef;
}

export type SendOutcome =
  | { status: 'posted' | 'already-posted' | 'recovered'; ref: PostRef }
  | { status: 'in-progress' };

/**
 * The routed post a request's nudges reply to. Null until it exists where the owning team reads —
 * right after a reassignment the old team's post is still linked, and nudging there would reach
 * the wrong team.
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
 * (the routed post's thread when it has none), mentioning the manager, else the on-call.
 */
export async function sendSlaNudge(
  deps: SlaSendDeps,
  input: {
    request: Request;
    sla: RequestSlaClock;
    nudge: Pick<SlaNudge, 'key' | 'kind' | 'seq' | 'dueAt' | 'late'>;
    route: NudgeRoute;
  },
): Promise<SendOutcome> {
  const { request, sla, nudge, route } = input;
  const now = deps.clock.now();
  const { team } = sla;
  const common = {
    nudge: { ...nudge, targetMinutes: sla.targetMinutes },
    elapsedBusinessMinutes: sla.clock.businessMinutesBetween(sla.routedAt, now),
    priority: sla.priority,
    allHours: sla.allHours,
    maxRepeats: deps.settings.sla.maxRepeats,
    timezone: sla.timezone,
  };
  const deliveryKey = `sla:${nudge.key}`;

  if (nudge.kind === 'escalation') {
    const target = team.escalation ?? route.routedPost;
    const notifier = team.escalation ? notifierFor(deps.notifiers, team.escalation) : route.notifier;
    const account = deps.directory.accounts.find((candidate) => candidate.id === request.accountId);
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
