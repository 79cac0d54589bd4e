import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type Verification = { ok: true } | { ok: false; reason: string };

/** Our relay scheme's window each way (seconds): a replay after this is refused. */
export const INBOUND_TOLERANCE_SECONDS = 300;
/**
 * Mailgun's window (seconds). Wider than ours because Mailgun's route retries are spread over
 * hours; a replay inside the window only ever meets the Message-ID idempotency key (a duplicate).
 */
export const MAILGUN_TOLERANCE_SECONDS = 900;

/**
 * The `x-verbatim-signature` value for a body: `v1=` + hex HMAC-SHA256(secret, `${timestamp}.${body}`),
 * `timestamp` in unix seconds. For tests and for relays written in JavaScript; docs/email.md shows
 * the same with openssl.
 */
export function signInbound(secret: string, body: Uint8Array | string, timestamp: number): string {
  return `v1=${hmacHex(secret, [`${timestamp}.`, body])}`;
}

/** The replay key of a relay request: a digest of what its signature covers (timestamp and body). */
export function inboundReplayKey(timestamp: string, body: Uint8Array): string {
  return `inbound:${createHash('sha256').update(`${timestamp}.`).update(body).digest('hex')}`;
}

/**
 * Checks `POST /email/inbound`: headers `x-verbatim-timestamp` (unix seconds) and
 * `x-verbatim-signature` (`v1=<hex>`, several comma-separated while a secret is being rotated).
 */
export function verifyInboundSignature(input: {
  secret: string;
  body: Uint8Array;
  timestamp: string | undefined;
  signature: string | undefined;
  now: Date;
  toleranceSeconds?: number;
}): Verification {
  if (!input.timestamp) return refuse('missing x-verbatim-timestamp header');
  if (!input.signature) return refuse('missing x-verbatim-signature header');
  const fresh = checkFreshness(
    input.timestamp,
    input.now,
    input.toleranceSeconds ?? INBOUND_TOLERANCE_SECONDS,
  );
  if (!fresh.ok) return fresh;
  const candidates = input.signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3));
  if (candidates.length === 0) return refuse('x-verbatim-signature has no v1= signature');
  const expected = hmacHex(input.secret, [`${input.timestamp}.`, input.body]);
  return candidates.some((candidate) => hexEquals(candidate, expected))
    ? { ok: true }
    : refuse('signature does not match: wrong secret, or the body was changed on the way');
}

/** Mailgun: `signature` = hex HMAC-SHA256(signing key, timestamp + token), timestamp in unix seconds. */
export function verifyMailgunSignature(input: {
  signingKey: string;
  timestamp: string | undefined;
  token: string | undefined;
  signature: string | undefined;
  now: Date;
  toleranceSeconds?: number;
}): Verification {
  if (!input.timestamp || !input.token || !input.signature) {
    return refuse('missing Mailgun timestamp, token or signature field');
  }
  const fresh = checkFreshness(
    input.timestamp,
    input.now,
    input.toleranceSeconds ?? MAILGUN_TOLERANCE_SECONDS,
  );
  if (!fresh.ok) return fresh;
  const expected = hmacHex(input.signingKey, [input.timestamp, input.token]);
  return hexEquals(input.signature, expected)
    ? { ok: true }
    : refuse('Mailgun signature does not match: check MAILGUN_WEBHOOK_SIGNING_KEY');
}

/**
 * HTTP basic auth (SendGrid Inbound Parse and Postmark put `user:password@` in the webhook URL).
 * Both sides are hashed before comparing, so the comparison takes the same time whatever the
 * lengths.
 */
export function verifyBasicAuth(input: {
  expected: string;
  authorization: string | undefined;
}): Verification {
  const header = input.authorization ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match)
    return refuse(header === '' ? 'missing basic auth credentials' : 'authorization is not basic auth');
  const given = Buffer.from(match[1]!, 'base64').toString('utf8');
  return timingSafeEqual(sha256(given), sha256(input.expected))
    ? { ok: true }
    : refuse('wrong basic auth credentials');
}

function checkFreshness(timestamp: string, now: Date, toleranceSeconds: number): Verification {
  if (!/^\d{1,12}$/.test(timestamp)) return refuse('timestamp is not unix seconds');
  const skew = Number(timestamp) - Math.floor(now.getTime() / 1000);
  if (skew > toleranceSeconds)
    return refuse(`timestamp is ${skew} s in the future (tolerance ${toleranceSeconds} s)`);
  if (-skew > toleranceSeconds)
    return refuse(`timestamp is stale: ${-skew} s old (tolerance ${toleranceSeconds} s)`);
  return { ok: true };
}

function hmacHex(secret: string, parts: Array<Uint8Array | string>): string {
  const hmac = createHmac('sha256', secret);
  for (const part of parts) hmac.update(part);
  return hmac.digest('hex');
}

function hexEquals(given: string, expected: string): boolean {
  const a = Buffer.from(given.trim().toLowerCase(), 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function refuse(reason: string): Verification {
  return { ok: false, reason };
}
