import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  signInbound,
  verifyBasicAuth,
  verifyInboundSignature,
  verifyMailgunSignature,
} from '../../src/email/verify-signature.ts';

const secret = 'relay-secret';
const now = new Date('2025-06-03T10:00:00.000Z');
const nowSeconds = now.getTime() / 1000;
const body = new TextEncoder().encode('From: a@b.example\r\n\r\nHello\r\n');

describe('verifyInboundSignature', () => {
  const signed = (timestamp: number, signature = signInbound(secret, body, timestamp)) =>
    verifyInboundSignature({ secret, body, timestamp: String(timestamp), signature, now });

  it('accepts a fresh, correct signature', () => {
    expect(signed(nowSeconds)).toEqual({ ok: true });
  });

  it('signs exactly "timestamp.body" with HMAC-SHA256, hex (the relay recipe in docs/email.md)', () => {
    const expected = createHmac('sha256', secret).update(`${nowSeconds}.`).update(body).digest('hex');
    expect(signInbound(secret, body, nowSeconds)).toBe(`v1=${expected}`);
  });

  it('accepts one right signature among several while a secret is being rotated', () => {
    expect(signed(nowSeconds, `v1=${'0'.repeat(64)}, ${signInbound(secret, body, nowSeconds)}`)).toEqual({
      ok: true,
    });
  });

  it.each([
    ['a missing timestamp', { timestamp: undefined }, /missing x-verbatim-timestamp/],
    ['a missing signature', { signature: undefined }, /missing x-verbatim-signature/],
    ['a signature without v1=', { signature: 'abc' }, /no v1=/],
    ['a wrong signature', { signature: `v1=${'0'.repeat(64)}` }, /does not match/],
    [
      'a signature made with another secret',
      { signature: signInbound('other', body, nowSeconds) },
      /does not match/,
    ],
    ['a timestamp that is not a number', { timestamp: 'yesterday' }, /unix seconds/],
  ])('refuses %s', (_case, override, reason) => {
    const result = verifyInboundSignature({
      secret,
      body,
      timestamp: String(nowSeconds),
      signature: signInbound(secret, body, nowSeconds),
      now,
      ...override,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses a changed body', () => {
    const result = verifyInboundSignature({
      secret,
      body: new TextEncoder().encode('From: a@b.example\r\n\r\nHello!\r\n'),
      timestamp: String(nowSeconds),
      signature: signInbound(secret, body, nowSeconds),
      now,
    });
    expect(result.ok).toBe(false);
  });

  it('refuses a timestamp more than five minutes old, and one more than five minutes ahead', () => {
    expect(signed(nowSeconds - 300)).toEqual({ ok: true });
    expect(signed(nowSeconds + 300)).toEqual({ ok: true });
    expect(signed(nowSeconds - 301)).toEqual({
      ok: false,
      reason: 'timestamp is stale: 301 s old (tolerance 300 s)',
    });
    expect(signed(nowSeconds + 301)).toEqual({
      ok: false,
      reason: 'timestamp is 301 s in the future (tolerance 300 s)',
    });
  });
});

describe('verifyMailgunSignature', () => {
  const signingKey = 'key-mailgun';
  const token = 'a'.repeat(50);
  const sign = (timestamp: string) =>
    createHmac('sha256', signingKey)
      .update(timestamp + token)
      .digest('hex');

  it('accepts a correct, fresh signature', () => {
    const timestamp = String(nowSeconds);
    expect(verifyMailgunSignature({ signingKey, timestamp, token, signature: sign(timestamp), now })).toEqual(
      { ok: true },
    );
  });

  it.each<[string, { token?: undefined; signature?: string; timestamp?: string }]>([
    ['missing fields', { token: undefined }],
    ['a wrong signature', { signature: 'f'.repeat(64) }],
    ['a stale timestamp', { timestamp: String(nowSeconds - 3600) }],
    ['a future timestamp', { timestamp: String(nowSeconds + 3600) }],
  ])('refuses %s', (_case, override) => {
    const timestamp = override.timestamp ?? String(nowSeconds);
    const result = verifyMailgunSignature({
      signingKey,
      timestamp,
      token,
      signature: sign(timestamp),
      now,
      ...override,
    });
    expect(result.ok).toBe(false);
  });
});

describe('verifyBasicAuth', () => {
  const header = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

  it('accepts the configured user and password', () => {
    expect(verifyBasicAuth({ expected: 'parse:s3cret', authorization: header('parse:s3cret') })).toEqual({
      ok: true,
    });
  });

  it.each([
    ['missing credentials', undefined, /missing/],
    ['a bearer token', 'Bearer abc', /not basic/],
    ['a wrong password', header('parse:wrong'), /wrong/],
    ['a longer password', header('parse:s3cret-and-more'), /wrong/],
  ])('refuses %s', (_case, authorization, reason) => {
    const result = verifyBasicAuth({ expected: 'parse:s3cret', authorization });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
