/**
 * Signs an HTTP request body the way Slack does, for tests of Bolt's HTTP receiver
 * (platform-facts §1; bolt-js src/receivers/verify-request.ts):
 *   x-slack-signature         = 'v0=' + hex(HMAC-SHA256(signingSecret, `v0:${timestamp}:${body}`))
 *   x-slack-request-timestamp = seconds since epoch
 *
 *   const headers = signSlackRequest({ body, signingSecret });            // valid
 *   signSlackRequest({ body, signingSecret, forged: true });              // signed with the wrong secret
 *   signSlackRequest({ body, signingSecret, stale: true });               // timestamp 10 minutes old
 *   await fetch(url, { method: 'POST', headers, body });
 *
 * Bolt rejects timestamps older than 5 minutes (it does not check the future side).
 * `content-type` is JSON for Events API bodies and form-encoded otherwise (slash commands,
 * interactivity's `payload=`), as Slack sends them.
 */
import { createHmac } from 'node:crypto';

export interface SignSlackRequestOptions {
  /** The exact raw body that will be sent. */
  body: string;
  signingSecret: string;
  /** Clock, ms since epoch; default Date.now(). */
  nowMs?: number;
  /** Sign with a different secret, as an attacker without the secret would. */
  forged?: boolean;
  /** Use a timestamp 10 minutes in the past (Bolt's window is 5 minutes). */
  stale?: boolean;
}

export interface SignedSlackHeaders {
  'content-type': string;
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
  [header: string]: string;
}

export const staleRequestAgeSeconds = 600;

export function signSlackRequest(options: SignSlackRequestOptions): SignedSlackHeaders {
  const nowSeconds = Math.floor((options.nowMs ?? Date.now()) / 1000);
  const timestamp = options.stale ? nowSeconds - staleRequestAgeSeconds : nowSeconds;
  const secret = options.forged ? `forged-${options.signingSecret}` : options.signingSecret;
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${options.body}`).digest('hex');
  return {
    'content-type': options.body.trimStart().startsWith('{')
      ? 'application/json'
      : 'application/x-www-form-urlencoded',
    'x-slack-signature': `v0=${signature}`,
    'x-slack-request-timestamp': String(timestamp),
  };
}
