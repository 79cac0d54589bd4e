import { type Destination, describeDestination } from '../directory.ts';
import { formatIsoWeek, lastCompleteWeek } from './iso-week.ts';
import {
  DEFAULT_THEME_BATCH_WAIT_MS,
  NoDigestPublisherError,
  type PublishDigestDeps,
  type PublishOutcome,
  publishDigest,
} from './publish-digest.ts';

/** Where digests go: the company-wide one and each team slice. */
export interface DigestTarget {
  teamId: string | null;
  destination: Destination;
}

export interface DueDigestResult {
  week: string;
  target: string;
  late: boolean;
  /** `no-adapter`: the destination's platform is not configured here (nothing to retry). */
  outcome: PublishOutcome['status'] | 'failed' | 'no-adapter';
  error?: unknown;
}

/** After its due time a digest posted this much later (ms) says it is late. */
export const LATE_AFTER_MS = 30 * 60_000;

/**
 * Posts the digest of the week that was due at the schedule's most recent run, to every target
 * that has not had it yet. Run on every cron tick and at start-up: after downtime the missed
 * week is posted once, marked late; ticks and replicas that find it posted do nothing.
 */
export async function postDueDigests(
  deps: PublishDigestDeps,
  input: { now: Date; dueAt: Date; targets: DigestTarget[] },
): Promise<DueDigestResult[]> {
  const week = lastCompleteWeek(input.dueAt, deps.timezone);
  const late = input.now.getTime() - input.dueAt.getTime() > LATE_AFTER_MS;
  const results: DueDigestResult[] = [];
  // One wait for prepared digests' naming batches across all targets, so a job posting several
  // slices stays well inside its expiry (elapsed real time, not the injected clock).
  const waitUntil = Date.now() + (deps.themeBatchWaitMs ?? DEFAULT_THEME_BATCH_WAIT_MS);
  for (const target of input.targets) {
    const base = { week: formatIsoWeek(week), target: describeDestination(target.destination), late };
    try {
      const outcome = await publishDigest(deps, {
        week,
        teamId: target.teamId,
        destination: target.destination,
        now: input.now,
        late,
        themeWaitMs: Math.max(0, waitUntil - Date.now()),
      });
      results.push({ ...base, outcome: outcome.status });
    } catch (error) {
      results.push({
        ...base,
        outcome: error instanceof NoDigestPublisherError ? 'no-adapter' : 'failed',
        error,
      });
    }
  }
  return results;
}
