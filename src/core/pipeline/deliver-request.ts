import { type Destination, describeDestination } from '../directory.ts';
import type { Notifier, PostRef } from '../ports.ts';
import type { Priority } from '../priority.ts';
import type { Request } from '../request.ts';
import { buildRoutedPostView, ownerTeam } from './build-routed-post-view.ts';
import type { DeliveryDeps } from './pipeline-deps.ts';
import { postOnce } from './post-once.ts';
import type { LoadedRequest } from './request-store.ts';

export type DeliverJob = {
  requestId: string;
  kind?: 'post' | 'follow-up' | 'update' | 'priority-raised';
  messageId?: string;
  /** For `priority-raised`: the priority before the rise. */
  from?: Priority;
};

export type DeliverOutcome =
  | {
      status: 'posted' | 'already-posted' | 'recovered' | 'updated' | 'follow-up-posted' | 'raise-noted';
      ref: PostRef;
    }
  | { status: 'skipped'; reason: string };

/** Thrown when another attempt holds the delivery's lease; the job is retried later. */
export class DeliveryInProgressError extends Error {
  override name = 'DeliveryInProgressError';
}

/**
 * Posts (or updates) a request's routed post in its team's channel, exactly once per request,
 * and posts customer follow-ups into the routed post's thread, once each.
 */
export async function deliverRequest(deps: DeliveryDeps, job: DeliverJob): Promise<DeliverOutcome> {
  // The request, its messages, its last transition and its routed post: one read.
  const loaded = await deps.store.loadRequest(job.requestId);
  if (!loaded) return { status: 'skipped', reason: 'unknown request' };
  if (!loaded.request.analysis) return { status: 'skipped', reason: 'not triaged yet' };
  switch (job.kind ?? 'post') {
    case 'post':
      return postRoutedPost(deps, loaded);
    case 'update':
      return updateRoutedPost(deps, loaded);
    case 'follow-up':
      return postFollowUp(deps, loaded, job.messageId);
    case 'priority-raised':
      return noteRaise(deps, loaded, job.from);
  }
}

async function postRoutedPost(deps: DeliveryDeps, loaded: LoadedRequest): Promise<DeliverOutcome> {
  const { request } = loaded;
  const destination = destinationFor(deps, request);
  const existing = loaded.routedPost;
  if (existing && describeDestination(existing.destination) === describeDestination(destination)) {
    return updateRoutedPost(deps, loaded);
  }
  // Reassigned: the old team's post first learns where the request went, whatever order the
  // update and post jobs ran in. A post in the unmapped channel is retired by the mapping itself.
  const unmapped = describeDestination(deps.directory.unmapped);
  const view = viewOf(deps, loaded);
  if (existing && describeDestination(existing.destination) !== unmapped) {
    await notifierFor(deps.notifiers, existing.destination).updateRoutedPost(existing, view);
  }
  const notifier = notifierFor(deps.notifiers, destination);
  const now = deps.clock.now();
  // One routed post per request and destination: a reassigned request gets a post in the new
  // team's channel, and reassigning it back finds the first one again.
  const key = `post:${request.id}:${describeDestination(destination)}`;
  const outcome = await postOnce(deps.store, notifier, {
    leaseMs: leaseMs(deps),
    key,
    target: destination,
    now,
    post: () => notifier.postRoutedPost(destination, view, key),
  });
  if (outcome.status === 'in-progress')
    throw new DeliveryInProgressError(`routed post of ${request.id} in progress`);
  await deps.store.atomically(`request:${request.id}`, async (tx) => {
    await tx.linkRoutedPost(request.id, outcome.ref);
    const current = await tx.getRequest(request.id);
    if (!current) return;
    // Anything written since the post was rendered (a message that joined, a re-triage) bumped
    // the version: render again so no message is ever missing from the post.
    if (current.version !== request.version) {
      await tx.enqueue({
        queue: 'deliver',
        data: { requestId: request.id, kind: 'update' },
        key: request.id,
      });
    }
    // The SLA clock starts when the request is routed.
    if (current.routedAt === null) await tx.saveRequest({ ...current, routedAt: now });
  });
  await alertEscalation(deps, request, outcome.ref);
  return { status: outcome.status, ref: outcome.ref };
}

/** P1 requests are also announced at the owning team's escalation destination, once. */
async function alertEscalation(deps: DeliveryDeps, request: Request, ref: PostRef): Promise<void> {
  const team = ownerTeam(deps.directory, request);
  if (request.priority !== 'P1' || !team.escalation || request.accountId === null) return;
  const destination = team.escalation;
  const notifier = notifierFor(deps.notifiers, destination);
  const account = deps.directory.accounts.find((candidate) => candidate.id === request.accountId);
  const key = `alert:${request.id}:${describeDestination(destination)}`;
  const note = {
    kind: 'escalation' as const,
    text: `P1 from ${account?.name ?? 'an unknown account'} routed to ${team.name}: ${request.analysis?.summary ?? ''}`,
    mentions: team.manager ? [team.manager] : [],
    link: ref,
  };
  const outcome = await postOnce(deps.store, notifier, {
    leaseMs: leaseMs(deps),
    key,
    target: destination,
    now: deps.clock.now(),
    post: () => notifier.postNote(destination, note, key),
  });
  if (outcome.status === 'in-progress')
    throw new DeliveryInProgressError(`escalation of ${request.id} in progress`);
}

/**
 * A re-triage raised the priority of a routed request: say so in the routed post's thread (once
 * per new priority), and announce a new P1 exactly as a P1 routed from the start is announced.
 */
async function noteRaise(
  deps: DeliveryDeps,
  { request, routedPost: ref }: LoadedRequest,
  from?: Priority,
): Promise<DeliverOutcome> {
  if (!ref || !request.priority) return { status: 'skipped', reason: 'not posted yet' };
  const notifier = notifierFor(deps.notifiers, ref.destination);
  const key = `raised:${request.id}:${request.priority}`;
  const reason = request.analysis?.priorityReason;
  const note = {
    kind: 'notice' as const,
    text: `Priority raised${from ? ` from ${from}` : ''} to ${request.priority} after a new customer message${reason ? `: ${reason}` : '.'}`,
    mentions: [],
  };
  const outcome = await postOnce(deps.store, notifier, {
    leaseMs: leaseMs(deps),
    key,
    target: ref,
    now: deps.clock.now(),
    post: () => notifier.postNote(ref, note, key),
  });
  if (outcome.status === 'in-progress')
    throw new DeliveryInProgressError(`raise note of ${request.id} in progress`);
  await alertEscalation(deps, request, ref);
  return { status: 'raise-noted', ref: outcome.ref };
}

async function updateRoutedPost(deps: DeliveryDeps, loaded: LoadedRequest): Promise<DeliverOutcome> {
  const ref = loaded.routedPost;
  if (!ref) return { status: 'skipped', reason: 'not posted yet' };
  await notifierFor(deps.notifiers, ref.destination).updateRoutedPost(ref, viewOf(deps, loaded));
  return { status: 'updated', ref };
}

async function postFollowUp(
  deps: DeliveryDeps,
  loaded: LoadedRequest,
  messageId?: string,
): Promise<DeliverOutcome> {
  if (!messageId) return { status: 'skipped', reason: 'no message' };
  const ref = loaded.routedPost;
  // Not posted yet: the routed post will show every message of the request, this one included.
  if (!ref) return { status: 'skipped', reason: 'routed post not made yet' };
  const message =
    loaded.messages.find((candidate) => candidate.id === messageId) ??
    (await deps.store.getMessage(messageId));
  if (!message) return { status: 'skipped', reason: 'unknown message' };
  const notifier = notifierFor(deps.notifiers, ref.destination);
  const key = `follow-up:${messageId}`;
  const outcome = await postOnce(deps.store, notifier, {
    leaseMs: leaseMs(deps),
    key,
    target: ref,
    now: deps.clock.now(),
    post: () => notifier.postNote(ref, { kind: 'follow-up', text: message.text, mentions: [], message }, key),
  });
  if (outcome.status === 'in-progress')
    throw new DeliveryInProgressError(`follow-up ${messageId} in progress`);
  return { status: 'follow-up-posted', ref: outcome.ref };
}

function viewOf(deps: DeliveryDeps, { request, messages, lastTransition }: LoadedRequest) {
  return buildRoutedPostView({ request, messages, directory: deps.directory, lastTransition });
}

export function destinationFor(deps: Pick<DeliveryDeps, 'directory'>, request: Request): Destination {
  const known = deps.directory.accounts.some((account) => account.id === request.accountId);
  return known ? ownerTeam(deps.directory, request).destination : deps.directory.unmapped;
}

export function notifierFor(notifiers: Notifier[], destination: Destination): Notifier {
  const notifier = notifiers.find((candidate) => candidate.platform === destination.platform);
  if (!notifier) {
    throw new Error(
      `no ${destination.platform} notifier is configured for ${describeDestination(destination)}; set up that adapter or change the destination`,
    );
  }
  return notifier;
}

function leaseMs(deps: DeliveryDeps): number | undefined {
  return deps.settings.deliveryLeaseSeconds === undefined
    ? undefined
    : deps.settings.deliveryLeaseSeconds * 1000;
}
