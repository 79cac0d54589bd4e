import type { Logger } from 'pino';
import { isConnectionError } from './is-connection-error.ts';
import { type OpenStorageOptions, openStorage, redactUrl, type Storage } from './open-storage.ts';

export interface DatabaseRetry {
  /** First wait after a failed attempt (ms); doubles up to `maxMs`. */
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_DATABASE_RETRY: DatabaseRetry = { initialMs: 500, maxMs: 10_000 };

/**
 * Opens storage, waiting for a PostgreSQL server that cannot be reached yet (restarting, not up
 * yet): retries with exponential backoff, says so in one log line (and one when it answers), and
 * calls `onWaiting` once so the caller can answer not-ready meanwhile. Anything but an
 * unreachable database (wrong password, a busy embedded data directory) fails at once.
 */
export async function openStorageWhenReachable(
  options: OpenStorageOptions,
  input: { logger: Logger; retry?: DatabaseRetry; onWaiting?: (reason: string) => Promise<void> | void },
): Promise<Storage> {
  const retry = input.retry ?? DEFAULT_DATABASE_RETRY;
  let waitMs = retry.initialMs;
  let since: number | null = null;
  for (;;) {
    try {
      const storage = await openStorage(options);
      if (since !== null) {
        input.logger.info(
          { waitedSeconds: Math.round((Date.now() - since) / 1000) },
          'database reachable; starting',
        );
      }
      return storage;
    } catch (error) {
      if (!options.databaseUrl || !isConnectionError(error)) throw error;
      if (since === null) {
        since = Date.now();
        const reason = describe(error);
        input.logger.warn(
          { database: redactUrl(options.databaseUrl), reason },
          'database unreachable; retrying with backoff until it answers (/readyz answers 503 meanwhile)',
        );
        await input.onWaiting?.(reason);
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      waitMs = Math.min(waitMs * 2, retry.maxMs);
    }
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
