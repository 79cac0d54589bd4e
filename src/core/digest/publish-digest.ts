import { type Destination, describeDestination } from '../directory.ts';
import { type DigestDeps, digestScope, prepareDigest } from './build-digest.ts';
import type { Digest } from './digest.ts';
import type { DigestPublisher } from './digest-publisher.ts';
import type { IsoWeek } from './iso-week.ts';

/** Renders a digest's chart; null when there is nothing to chart. Throws when rendering fails. */
export interface DigestChartRenderer {
  render(digest: Digest): Promise<{ png: Uint8Array; alt: string } | null>;
}

/** Claims "this week's digest for this destination" once across replicas and restarts. */
export interface DigestPostLedger {
  /**
   * `claimed`: this caller posts now (a lease of `leaseMs` keeps others off while it does);
   * `reclaimed`: the same, taking over an earlier attempt whose lease ran out unposted (it may
   * have posted and died before recording it); `posted`: it was posted before; `busy`: another
   * worker holds an unexpired lease.
   */
  claim(input: {
    week: string;
    scope: string;
    destination: string;
    now: Date;
    leaseMs: number;
    late: boolean;
  }): Promise<
    { status: 'claimed' } | { status: 'reclaimed'; earlierAttemptAt: Date } | { status: 'posted' | 'busy' }
  >;
  markPosted(input: {
    week: string;
    scope: string;
    destination: string;
    postId: string;
    now: Date;
    chart: boolean;
  }): Promise<void>;
  /** Lets a failed attempt be retried at once instead of after the lease. */
  release(input: { week: string; scope: string; destination: string }): Promise<void>;
}

export interface PublishDigestDeps extends DigestDeps {
  ledger: DigestPostLedger;
  publishers: DigestPublisher[];
  chart: DigestChartRenderer;
  /** Reports a chart that failed to render (the digest is posted without it). */
  onChartError?: (error: unknown) => void;
}

export type PublishOutcome =
  | { status: 'posted'; postId: string; chartPosted: boolean; digest: Digest }
  | { status: 'recovered'; postId: string }
  | { status: 'already-posted' }
  | { status: 'busy' };

/**
 * How long posting waits for a prepared digest's naming batch to end (ms); then its themes keep
 * their key-phrase labels. Well inside the job's 5-minute expiry, with room for the post itself.
 */
export const DEFAULT_THEME_BATCH_WAIT_MS = 2 * 60_000;

/**
 * The digest's destination is on a platform this process has no adapter for (its credentials
 * are not set): a configuration to fix, not a failure to retry.
 */
export class NoDigestPublisherError extends Error {
  override name = 'NoDigestPublisherError';
  constructor(readonly platform: string) {
    super(`no ${platform} adapter is configured to post the digest`);
  }
}

/** A lease longer than any post with its chart upload takes (ms). */
const LEASE_MS = 10 * 60_000;

/**
 * Posts a week's digest to a destination exactly once: claim, prepare (stored digest, so a retry
 * posts the same content), render the chart (a failure posts without it, saying so), publish,
 * mark posted. A failed publish releases the claim so the job's retry can post.
 */
export async function publishDigest(
  deps: PublishDigestDeps,
  input: {
    week: IsoWeek;
    teamId: string | null;
    destination: Destination;
    now: Date;
    late: boolean;
    /** Overrides `deps.themeBatchWaitMs` (a job posting several digests shares one wait). */
    themeWaitMs?: number;
  },
): Promise<PublishOutcome> {
  const publisher = deps.publishers.find((candidate) => candidate.platform === input.destination.platform);
  if (!publisher) throw new NoDigestPublisherError(input.destination.platform);
  const digest = await prepareDigest(deps, {
    week: input.week,
    teamId: input.teamId,
    now: input.now,
    themeWaitMs: input.themeWaitMs ?? deps.themeBatchWaitMs ?? DEFAULT_THEME_BATCH_WAIT_MS,
  });
  const key = {
    week: digest.week,
    scope: digestScope(input.teamId),
    destination: describeDestination(input.destination),
  };
  const claim = await deps.ledger.claim({ ...key, now: input.now, leaseMs: LEASE_MS, late: input.late });
  if (claim.status === 'posted') return { status: 'already-posted' };
  if (claim.status === 'busy') return { status: 'busy' };
  if (claim.status === 'reclaimed' && publisher.findPosted) {
    const found = await publisher
      .findPosted(input.destination, { week: key.week, scope: key.scope }, claim.earlierAttemptAt)
      .catch(async (error: unknown) => {
        await deps.ledger.release(key);
        throw error;
      });
    if (found) {
      // The chart of a recovered post is not known; recorded as not posted rather than guessed.
      await deps.ledger.markPosted({ ...key, postId: found.postId, now: input.now, chart: false });
      return { status: 'recovered', postId: found.postId };
    }
  }
  let chart: { png: Uint8Array; alt: string } | null = null;
  let chartMissing = false;
  try {
    chart = await deps.chart.render(digest);
  } catch (error) {
    chartMissing = true;
    deps.onChartError?.(error);
  }
  const team = deps.teams.find((candidate) => candidate.id === input.teamId);
  let result: { postId: string; chartPosted: boolean };
  try {
    result = await publisher.publish(input.destination, {
      digest,
      teamName: team?.name ?? null,
      late: input.late,
      chart: chart
        ? {
            ...chart,
            filename: `verbatim-digest-${digest.week}${input.teamId ? `-${input.teamId}` : ''}.png`,
          }
        : null,
      chartMissing,
    });
  } catch (error) {
    // Nothing was posted (or the platform refused): let the job's retry post at once.
    await deps.ledger.release(key);
    throw error;
  }
  // Posted: a failure to record it keeps the claim, so the next attempt (after the lease) looks
  // the post up instead of posting again.
  await deps.ledger.markPosted({ ...key, postId: result.postId, now: input.now, chart: result.chartPosted });
  return { status: 'posted', ...result, digest };
}
