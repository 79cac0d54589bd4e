import type { Destination } from '../directory.ts';
import type { Notifier, PostRef } from '../ports.ts';
import type { RequestStore } from './request-store.ts';

export type PostOnceOutcome =
  | { status: 'posted' | 'already-posted' | 'recovered'; ref: PostRef }
  | { status: 'in-progress' };

/** How long one attempt may take before another replica may assume it died (ms). */
export const DELIVERY_LEASE_MS = 5 * 60_000;

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
  const leaseUntil = new Date(input.now.getTime() + (input.leaseMs ?? DELIVERY_LEASE_MS));
  const claim = await store.claimDelivery(input.key, destination, input.now, leaseUntil);
  if (!claim.claimed) {
    const { delivery } = claim;
    if (delivery.status === 'posted' && delivery.postId) {
      return { status: 'already-posted', ref: { destination: delivery.destination, id: delivery.postId } };
    }
    return { status: 'in-progress' };
  }
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
}
