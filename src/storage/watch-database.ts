import type { Logger } from 'pino';
import type { Queryable } from './database.ts';
import { isConnectionError } from './is-connection-error.ts';

/**
 * Watches a running database: one warning when it stops answering, one line when it is back.
 * The pg pool and pg-boss reconnect by themselves; this only makes the outage visible once
 * instead of as an error per poll, and tells others (`reachable`) whether to log their own.
 */
export function watchDatabase(db: Queryable, logger: Logger, options: { intervalMs?: number } = {}) {
  const intervalMs = options.intervalMs ?? 2000;
  let reachable = true;
  let downSince = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const probe = async () => {
    try {
      await db.query('SELECT 1');
      if (!reachable) {
        reachable = true;
        logger.info(
          { downSeconds: Math.round((Date.now() - downSince) / 1000) },
          'database reachable again; carrying on',
        );
      }
    } catch (error) {
      if (reachable && isConnectionError(error)) {
        reachable = false;
        downSince = Date.now();
        logger.warn(
          { reason: (error as Error).message },
          'database unreachable; jobs and requests wait and retry until it answers (/readyz answers 503 meanwhile)',
        );
      }
    }
    if (!stopped) timer = setTimeout(probe, intervalMs).unref();
  };
  timer = setTimeout(probe, intervalMs).unref();

  return {
    get reachable() {
      return reachable;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
