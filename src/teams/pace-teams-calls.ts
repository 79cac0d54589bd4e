import type { Logger } from 'pino';
import { retryAfterMsOf, statusOf } from './teams-connector.ts';

/** Runs connector calls one at a time per conversation, waiting out 429 / transient 5xx answers. */
export interface TeamsPacer {
  call<T>(conversationId: string, work: () => Promise<T>): Promise<T>;
}

/** Answers worth retrying (Microsoft's rate-limit guidance names 412, 429, 502 and 504 too). */
const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);

/** Thrown when waiting out the connector would take longer than allowed; the job retries later. */
export class TeamsRateLimitedError extends Error {
  override name = 'TeamsRateLimitedError';
}

export function createTeamsPacer(options: {
  logger: Logger;
  /** Longest total wait for one call before giving up to the job's retry (ms; default 60 s). */
  maxWaitMs?: number;
  /** Backoff without Retry-After: first wait (ms; default 1000), doubled each time. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}): TeamsPacer {
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const queues = new Map<string, Promise<unknown>>();

  async function attempt<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    let waited = 0;
    for (let tries = 0; ; tries += 1) {
      try {
        return await work();
      } catch (error) {
        const status = statusOf(error);
        if (status === null || !RETRYABLE.has(status)) throw error;
        const delay = retryAfterMsOf(error) ?? baseDelayMs * 2 ** Math.min(tries, 6);
        if (waited + delay > maxWaitMs) {
          throw new TeamsRateLimitedError(
            `Teams answered ${status} for ${conversationId}; gave up after waiting ${waited} ms (the job retries later)`,
          );
        }
        options.logger.warn({ conversationId, status, delayMs: delay }, 'Teams connector busy; waiting');
        waited += delay;
        await sleep(delay);
      }
    }
  }

  return {
    call(conversationId, work) {
      const previous = queues.get(conversationId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => attempt(conversationId, work));
      queues.set(conversationId, next);
      void next
        .catch(() => undefined)
        .finally(() => {
          if (queues.get(conversationId) === next) queues.delete(conversationId);
        });
      return next;
    },
  };
}
