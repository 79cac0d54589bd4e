import { Cron } from 'croner';
import type { Logger } from 'pino';
import { type DigestTarget, postDueDigests } from '../core/digest/post-due-digests.ts';
import type { PublishDigestDeps } from '../core/digest/publish-digest.ts';
import type { Clock } from '../core/ports.ts';
import type { JobRunner } from './job-runner.ts';
import { QUEUES } from './queues.ts';

export interface DigestWorkerOptions {
  deps: PublishDigestDeps;
  targets: DigestTarget[];
  /** Cron expression (`digest.schedule`), evaluated in `deps.timezone`. */
  schedule: string;
  clock: Clock;
  logger: Logger;
  /** Register the cron schedule and a start-up catch-up run (default true; tests run by hand). */
  cron?: boolean;
}

/** The schedule's latest run at or before `now` (ms granularity), or null before its first. */
export function previousScheduledRun(schedule: string, timezone: string, now: Date): Date | null {
  const [previous] = new Cron(schedule, { timezone, paused: true }).previousRuns(1, now);
  return previous ?? null;
}

/**
 * Connects the `digest` queue to `postDueDigests`. pg-boss sends one job per cron tick across
 * replicas and the queue is a singleton; the SQL claim per week and destination keeps each post
 * once even when a start-up catch-up and a tick overlap. A failed target fails the job, so
 * pg-boss retries it (targets already posted are skipped on the retry) and dead-letters it last.
 */
export async function registerDigestWorker(jobs: JobRunner, options: DigestWorkerOptions): Promise<void> {
  const log = options.logger.child({ component: 'digest' });
  await jobs.work(QUEUES.digest.name, async () => {
    const now = options.clock.now();
    const dueAt = previousScheduledRun(options.schedule, options.deps.timezone, now);
    if (!dueAt) return;
    const results = await postDueDigests(options.deps, { now, dueAt, targets: options.targets });
    for (const result of results) {
      const fields = { week: result.week, target: result.target, late: result.late, outcome: result.outcome };
      if (result.outcome === 'failed') log.error({ ...fields, err: result.error }, 'digest not posted');
      else if (result.outcome === 'posted') log.info(fields, 'digest posted');
      else log.debug(fields, 'digest already handled');
    }
    const failed = results.find((result) => result.outcome === 'failed');
    if (failed) throw failed.error instanceof Error ? failed.error : new Error(String(failed.error));
  });
  if (options.cron !== false && options.targets.length > 0) {
    await jobs.schedule(QUEUES.digest.name, options.schedule, options.deps.timezone);
    // Catch up at start: a week whose run fell in downtime is posted now, marked late.
    await jobs.enqueue(QUEUES.digest.name, {}, { key: 'digest-catch-up' });
  }
}
