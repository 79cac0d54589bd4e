import type { Logger } from 'pino';
import type { RetentionSettings } from '../config/retention-schema.ts';
import type { Clock } from '../core/ports.ts';
import { applyRetention } from '../storage/apply-retention.ts';
import type { Database } from '../storage/database.ts';
import type { JobRunner } from './job-runner.ts';
import { QUEUES } from './queues.ts';

/**
 * The daily retention run (see `applyRetention`), then, on embedded PGlite, `ANALYZE`. The queue
 * is a singleton and pg-boss sends one job per cron tick however many replicas schedule it, so it
 * runs once across replicas; a run that overlaps another is harmless anyway (each batch only
 * touches rows not yet done).
 */
export async function registerRetentionWorker(
  jobs: JobRunner,
  options: {
    db: Database;
    settings: RetentionSettings;
    timezone: string;
    clock: Clock;
    logger: Logger;
    schedule?: boolean;
  },
): Promise<void> {
  const log = options.logger.child({ component: 'retention' });
  await jobs.work(QUEUES.retention.name, async () => {
    const report = await applyRetention(options.db, options.settings, options.clock.now());
    log.info({ report }, 'retention run finished');
    // Embedded PGlite has no autovacuum, so nothing else ever gives its planner statistics; after
    // the day's deletions is when they change most. PostgreSQL's autovacuum analyzes by itself.
    if (options.db.kind === 'pglite') {
      const started = Date.now();
      await options.db.query('ANALYZE');
      log.info({ elapsedMs: Date.now() - started }, 'embedded database analyzed');
    }
  });
  if (options.schedule !== false) {
    await jobs.schedule(QUEUES.retention.name, options.settings.schedule, options.timezone);
  }
}
