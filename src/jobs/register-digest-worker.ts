import { Cron } from 'croner';
import type { Logger } from 'pino';
import { type DigestTarget, postDueDigests } from '../core/digest/post-due-digests.ts';
import { prepareDueDigests } from '../core/digest/prepare-digest-ahead.ts';
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
  /**
   * Minutes before each run at which its digests are prepared and their themes sent to Claude as
   * a Message Batch (`digest.prepareMinutesBefore`); 0 or no batch-capable namer: not prepared.
   */
  prepareMinutesBefore?: number;
}

/** How often the preparation tick looks whether a run is near (cron, in the digest time zone). */
export const PREPARE_TICK_CRON = '*/5 * * * *';

/** The schedule's next run after `now`, or null when it has none. */
export function nextScheduledRun(schedule: string, timezone: string, now: Date): Date | null {
  return new Cron(schedule, { timezone, paused: true }).nextRun(now);
}

/**
 * One preparation tick: when the next run is at most `prepareMinutesBefore` away, prepares its
 * digests (stored with their naming batch) unless they are stored already. Failures are logged,
 * never thrown: nothing was stored, so the next tick or the posting itself names the themes.
 */
export async function runDigestPreparation(options: DigestWorkerOptions): Promise<void> {
  const { deps } = options;
  const minutes = options.prepareMinutesBefore ?? 0;
  if (!deps.themeNamer?.submit || minutes <= 0 || options.targets.length === 0) return;
  const log = options.logger.child({ component: 'digest' });
  const now = options.clock.now();
  const nextDueAt = nextScheduledRun(options.schedule, deps.timezone, now);
  if (!nextDueAt) return;
  const results = await prepareDueDigests(
    { ...deps, themeNamer: deps.themeNamer },
    { now, nextDueAt, leadMs: minutes * 60_000, teamIds: options.targets.map((target) => target.teamId) },
  );
  for (const { error, ...fields } of results) {
    if (fields.outcome === 'failed') log.error({ ...fields, err: error }, 'digest not prepared');
    else if (fields.outcome === 'exists') log.debug(fields, 'digest already prepared');
    else log.info({ ...fields, dueAt: nextDueAt.toISOString() }, 'digest prepared ahead of posting');
  }
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
      else if (result.outcome === 'no-adapter')
        log.warn(
          fields,
          `digest not posted: ${String((result.error as Error).message)}; set that platform's credentials or change digest.destination (\`verbatim doctor\` checks)`,
        );
      else if (result.outcome === 'posted') log.info(fields, 'digest posted');
      else log.debug(fields, 'digest already handled');
    }
    const failed = results.find((result) => result.outcome === 'failed');
    if (failed) throw failed.error instanceof Error ? failed.error : new Error(String(failed.error));
  });
  // Always worked, so ticks a former configuration scheduled (pg-boss keeps schedules) are
  // consumed; the tick does nothing unless this process prepares ahead.
  await jobs.work(QUEUES.digestPrepare.name, () => runDigestPreparation(options));
  const prepares = Boolean(options.deps.themeNamer?.submit) && (options.prepareMinutesBefore ?? 0) > 0;
  if (options.cron !== false && options.targets.length > 0) {
    await jobs.schedule(QUEUES.digest.name, options.schedule, options.deps.timezone);
    if (prepares) await jobs.schedule(QUEUES.digestPrepare.name, PREPARE_TICK_CRON, options.deps.timezone);
    // Catch up at start: a week whose run fell in downtime is posted now, marked late.
    await jobs.enqueue(QUEUES.digest.name, {}, { key: 'digest-catch-up' });
  }
}
