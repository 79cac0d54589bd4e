import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Logger } from 'pino';
import { toSlackLogger } from './to-slack-logger.ts';

/**
 * How long and how often a Slack call may try, by caller. WebClient's defaults — no timeout and
 * ten retries over about 30 minutes (platform-facts §4) — would let a listener hang past Slack's
 * 3-second deadline and a job hold a worker for half an hour.
 *
 * - `listener`: inside an event or action listener; 2 s, no retry (the listener degrades instead).
 * - `delivery`: idempotent calls from jobs (reads, chat.update, reactions); 15 s, 3 retries ≤ ~15 s.
 * - `post`: chat.postMessage from jobs; no retry inside the client, because a timed-out post may
 *   have been made — the deliver job retries and finds it by its delivery key instead.
 * Rate limits are never retried inside the client (`rejectRateLimitedCalls`): WebClient would
 * pause every call of the client; our pacer waits per channel instead (pace-slack-calls.ts).
 */
export type SlackClientPurpose = 'listener' | 'delivery' | 'post';

const PROFILES: Record<SlackClientPurpose, Pick<WebClientOptions, 'timeout' | 'retryConfig'>> = {
  listener: { timeout: 2000, retryConfig: { retries: 0 } },
  delivery: {
    timeout: 15_000,
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000, randomize: true },
  },
  post: { timeout: 15_000, retryConfig: { retries: 0 } },
};

export function slackClientOptions(input: {
  apiUrl?: string;
  purpose: SlackClientPurpose;
  logger: Logger;
}): WebClientOptions {
  return {
    ...PROFILES[input.purpose],
    ...(input.apiUrl ? { slackApiUrl: input.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    logger: toSlackLogger(input.logger),
  };
}

export function createSlackWebClient(input: {
  token: string;
  apiUrl?: string;
  purpose: SlackClientPurpose;
  logger: Logger;
}): WebClient {
  return new WebClient(input.token, slackClientOptions(input));
}
