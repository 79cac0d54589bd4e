import type { Logger } from 'pino';
import type { HealthDeps } from '../core/health/explain-account.ts';
import {
  type AlertSettings,
  type HealthAlertSender,
  type SnapshotRunOutcome,
  takeDailySnapshots,
} from '../core/health/take-daily-snapshots.ts';
import type { JobRunner } from './job-runner.ts';
import { QUEUES } from './queues.ts';

export interface HealthWorkerOptions {
  health: HealthDeps;
  alerts: () => HealthAlertSender | null;
  alertSettings: AlertSettings;
  /** Cron expression and its time zone for the nightly snapshot. */
  cron: string;
  timezone: string;
  logger: Logger;
  /** Register the cron schedule (default true; tests run the job by hand). */
  schedule?: boolean;
}

/**
 * Connects the `health-snapshot` queue to `takeDailySnapshots` and schedules it nightly. The queue
 * is a singleton and pg-boss sends one job per cron tick across replicas; alert claims in SQL keep
 * each band transition alerted once even if two runs overlap.
 */
export async function registerHealthWorker(jobs: JobRunner, options: HealthWorkerOptions): Promise<void> {
  const log = options.logger.child({ component: 'health' });
  await jobs.work(QUEUES.healthSnapshot.name, async () => {
    const started = Date.now();
    const outcome = await takeDailySnapshots({
      ...options.health,
      alerts: options.alerts(),
      alertSettings: options.alertSettings,
    });
    logHealthRun(outcome, Date.now() - started, log);
  });
  if (options.schedule !== false)
    await jobs.schedule(QUEUES.healthSnapshot.name, options.cron, options.timezone);
}

/** One log line per run and per alert decision; account ids only, never quotes. */
export function logHealthRun(outcome: SnapshotRunOutcome, elapsedMs: number, log: Logger): void {
  log.info(
    { day: outcome.day, snapshots: outcome.snapshots, transitions: outcome.transitions.length, elapsedMs },
    'health snapshots taken',
  );
  for (const accountId of outcome.alerted) log.info({ accountId }, 'health alert sent');
  for (const skipped of outcome.skipped)
    (skipped.reason.startsWith('failed') ? log.warn : log.info).call(
      log,
      { accountId: skipped.accountId, reason: skipped.reason },
      'health alert not sent',
    );
}
