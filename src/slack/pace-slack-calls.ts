import { ErrorCode } from '@slack/web-api';
import type { Logger } from 'pino';

export interface SlackPacerOptions {
  /** Minimum spacing of posts and updates in one channel (ms); Slack allows about one message per second per channel. */
  minIntervalMs?: number;
  /** Longest a call waits in total for rate limits before giving up to its job's retry (ms). */
  maxRateLimitWaitMs?: number;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Runs Slack calls so that rate limits slow them down instead of failing them. */
export interface SlackPacer {
  /** A post or update in `channel`: serialised with the channel's others and spaced `minIntervalMs` apart. */
  post<T>(channel: string, call: () => Promise<T>): Promise<T>;
  /** Any other call: not spaced, but waits out rate limits like posts do. */
  call<T>(call: () => Promise<T>): Promise<T>;
}

export class SlackRateLimitExhaustedError extends Error {
  override name = 'SlackRateLimitExhaustedError';
}

/**
 * Paces Slack Web API calls: posts to one channel one at a time about a second apart
 * (chat.postMessage's "special" tier, platform-facts §4), and on HTTP 429 waits the
 * `Retry-After` Slack asked for — for every call, since the limit is per method and workspace —
 * then tries again. A 429 means Slack did not act, so retrying a post cannot double it. After
 * `maxRateLimitWaitMs` of waiting the error goes to the caller (the job retries later).
 */
export function createSlackPacer(options: SlackPacerOptions): SlackPacer {
  const minIntervalMs = options.minIntervalMs ?? 1000;
  const maxWaitMs = options.maxRateLimitWaitMs ?? 120_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const tails = new Map<string, Promise<unknown>>();
  const nextPostAt = new Map<string, number>();
  let pausedUntil = 0;

  async function withRateLimits<T>(channel: string | null, call: () => Promise<T>): Promise<T> {
    let waited = 0;
    for (;;) {
      const earliest = Math.max(pausedUntil, channel ? (nextPostAt.get(channel) ?? 0) : 0);
      const delay = earliest - now();
      if (delay > 0) await sleep(delay);
      if (channel) nextPostAt.set(channel, now() + minIntervalMs);
      try {
        return await call();
      } catch (error) {
        const retryAfterMs = rateLimitDelayMs(error);
        if (retryAfterMs === null) throw error;
        waited += retryAfterMs;
        if (waited > maxWaitMs) {
          throw new SlackRateLimitExhaustedError(
            `Slack kept rate-limiting for ${Math.round(waited / 1000)} s; the job will retry later`,
            { cause: error },
          );
        }
        pausedUntil = Math.max(pausedUntil, now() + retryAfterMs);
        options.logger.warn({ channel, retryAfterMs }, 'slack rate limit: waiting before retrying');
      }
    }
  }

  return {
    post(channel, call) {
      const previous = tails.get(channel) ?? Promise.resolve();
      const run = previous.then(
        () => withRateLimits(channel, call),
        () => withRateLimits(channel, call),
      );
      const tail = run.catch(() => {});
      tails.set(channel, tail);
      void tail.then(() => {
        if (tails.get(channel) === tail) tails.delete(channel);
      });
      return run;
    },
    call(call) {
      return withRateLimits(null, call);
    },
  };
}

/** Retry-After of a rate-limited WebClient call in ms (at least 1 s), or null for other errors. */
function rateLimitDelayMs(error: unknown): number | null {
  const coded = error as { code?: string; retryAfter?: number };
  if (coded?.code !== ErrorCode.RateLimitedError) return null;
  return Math.max(1, coded.retryAfter ?? 1) * 1000;
}
