import type { Logger } from 'pino';
import type { Directory } from '../core/directory.ts';
import { type CheckSlaDeps, checkSla, type SlaTickOutcome } from '../core/pipeline/check-sla.ts';
import { createTeamClocks, type SlaSettings } from '../core/pipeline/create-team-clocks.ts';
import type { RequestStore } from '../core/pipeline/request-store.ts';
import type { Clock, Notifier } from '../core/ports.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import type { Database } from '../storage/database.ts';
import { createSlaStore } from '../storage/sla-store.ts';
import type { JobRunner } from './job-runner.ts';
import { QUEUES } from './queues.ts';

export interface SlaWorkerOptions {
  db: Database;
  store: RequestStore;
  directory: Directory;
  clock: Clock;
  /** The notifier of each platform a routed post or escalation destination may be on. */
  notifiers: Notifier[];
  /** `config.file` fits: its `calendar`, `calendars` and `sla`. */
  settings: SlaSettings;
  metrics: Metrics;
  logger: Logger;
  /** Register the every-minute cron schedule (default true; tests tick by hand). */
  schedule?: boolean;
}

/** pg-boss cron has minute granularity: a tick a minute is as fine as nudges can be timed. */
export const SLA_TICK_CRON = '* * * * *';

/**
 * Connects the `sla-tick` queue to `checkSla` and schedules a tick every minute. The queue is a
 * singleton (one tick active at a time across replicas) and pg-boss sends one job per cron tick
 * however many replicas schedule it; claims in SQL keep nudges once even if ticks overlap.
 */
export async function registerSlaWorker(jobs: JobRunner, options: SlaWorkerOptions): Promise<void> {
  const deps: CheckSlaDeps = {
    requests: options.store,
    sla: createSlaStore(options.db),
    directory: options.directory,
    clock: options.clock,
    notifiers: options.notifiers,
    settings: options.settings,
    clocks: createTeamClocks(options.settings),
  };
  const log = options.logger.child({ component: 'sla' });
  await jobs.work(QUEUES.slaTick.name, async () => {
    const outcome = await checkSla(deps);
    recordSlaTick(outcome, options.metrics, log);
  });
  if (options.schedule !== false) {
    await jobs.schedule(QUEUES.slaTick.name, SLA_TICK_CRON, options.settings.calendar.timezone);
  }
}

/** Metrics and logs of one tick: each nudge and measurement once, each failure with its ids. */
export function recordSlaTick(outcome: SlaTickOutcome, metrics: Metrics, log: Logger): void {
  for (const nudge of outcome.sent) {
    metrics.nudges.inc({ kind: nudge.kind });
    log.info(
      { requestId: nudge.requestId, nudge: nudge.key, late: nudge.late, outcome: nudge.outcome },
      'sla nudge sent',
    );
  }
  for (const measurement of outcome.measured) {
    const histogram = measurement.measure === 'first-response' ? metrics.firstResponse : metrics.resolution;
    histogram.observe({ priority: measurement.priority }, measurement.businessMinutes);
  }
  for (const failure of outcome.failed) {
    log.warn(
      { requestId: failure.requestId, nudge: failure.key, err: failure.error },
      'sla nudge failed; a later tick retries it',
    );
  }
  for (const abandoned of outcome.abandoned) {
    log.info({ nudge: abandoned.key, reason: abandoned.reason }, 'sla nudge abandoned');
  }
  if (outcome.deferred.length > 0) {
    log.debug({ deferred: outcome.deferred }, 'sla nudges deferred to a later tick');
  }
}
