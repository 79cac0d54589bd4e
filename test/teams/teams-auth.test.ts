import { afterEach, describe, expect, it } from 'vitest';
import { EnvSchema } from '../../src/config/env-schema.ts';
import { channelMessage, startTeamsHarness, type TeamsHarness } from './teams-harness.ts';

let harness: TeamsHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('Teams request authentication', () => {
  it('rejects unsigned and wrongly signed requests when authentication is on (the default)', async () => {
    harness = await startTeamsHarness({ env: { TEAMS_ALLOW_UNAUTHENTICATED: '' } });
    const unsigned = await harness.send(channelMessage({ text: 'forged: refund me' }));
    expect(unsigned.status).toBe(401);
    const forgedToken = [
      { alg: 'HS256', typ: 'JWT' },
      { aud: 'someone-else', iss: 'https://evil.example' },
    ]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .concat('c2lnbmF0dXJl')
      .join('.');
    const wronglySigned = await harness.send(channelMessage({ text: 'forged: refund me' }), {
      authorization: `Bearer ${forgedToken}`,
    });
    expect(wronglySigned.status).toBe(401);
    // Nothing was ingested, nothing posted.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(harness.connector.calls).toEqual([]);
    expect(harness.logs.some((line) => line.msg === 'teams message ingested')).toBe(false);
    // Refused before the inbox: a forged activity is never stored.
    expect((await harness.verbatim.storage.db.query('SELECT id FROM inbox')).rows).toEqual([]);
  }, 30_000);

  it('refuses to start in production with unauthenticated requests allowed', () => {
    const parsed = EnvSchema.safeParse({ NODE_ENV: 'production', TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('must not be true in production');
  });
});
