import type { Destination } from '../directory.ts';
import type { Notifier, PostRef } from '../ports.ts';
import type { RequestStore } from './request-store.ts';

export type PostOnceOutcome =
  | { status: 'posted' | 'already-posted' | 'recovered'; ref: PostRef }
  | { status: 'in-progress' };

/**
 * How long an attempt is presumed alive without renewal (ms). A live attempt renews its lease
 * every third of this while it waits on the platform, so a slow post keeps its lease and a
 * killed process's delivery is taken over within this time.
 */
export const DELIVERY_LEASE_MS = 20_000;

/**
 * Posts at most once per `key`, across retries, crashes and replicas:
 * 1. a delivery recorded as posted is not posted again;
 * 2. an attempt takes a lease; while it holds it nobody else attempts (they retry later);
 * 3. an attempt that finds an earlier, unfinished one (it may have posted and died before
 *    recording) first looks the post up at the destination by its key, and records it if found.
 * No transaction spans the network call, so a slow platform never holds a database lock.
 */
export async function postOnce(
  store: RequestStore,
  notifier: Notifier,
  input: {
    key: string;
    target: PostRef | Destination;
    now: Date;
    post: () => Promise<PostRef>;
    leaseMs?: number;
  },
): Promise<PostOnceOutcome> {
  const destination = 'destination' in input.target ? input.target.destination : input.target;
  const leaseMs = input.leaseMs ?? DELIVERY_LEASE_MS;
  const leaseUntil = new Date(input.now.getTime() + leaseMs);
  const claim = await store.claimDelivery(input.key, destination, input.now, leaseUntil);
  if (!claim.claimed) {
    const { delivery } = claim;
    if (delivery.status === 'posted' && delivery.postId) {
      return { status: 'already-posted', ref: { destination: delivery.destination, id: delivery.postId } };
    }
    return { status: 'in-progress' };
  }
  const renewal = renewWhileWorking(store, input.key, input.now, leaseMs);
  try {
    if (claim.earlierAttemptAt) {
      const found = await notifier.findDelivery(input.target, input.key, claim.earlierAttemptAt);
      if (found) {
        await store.finishDelivery(input.key, found, input.now);
        return { status: 'recovered', ref: found };
      }
    }
    const ref = await input.post();
    await store.finishDelivery(input.key, ref, input.now);
    return { status: 'posted', ref };
  } finally {
    renewal.stop();
  }
}

/** The attempt's heartbeat: pushes the lease forward every third of it until stopped. */
function renewWhileWorking(
  store: RequestStore,
  key: string,
  claimedAt: Date,
  leaseMs: number,
): { stop(): void } {
  const started = performance.now();
  const timer = setInterval(
    () => {
      const now = claimedAt.getTime() + (performance.now() - started);
      store.renewDelivery(key, new Date(now + leaseMs)).catch(() => {
        // A missed renewal only shortens the lease; the next one (or the post) follows.
      });
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
