import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { App, isValidSlackRequest, verifySlackRequest } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signSlackRequest } from './sign-slack-request.ts';
import { createSlackTestLogger } from './slack-test-logger.ts';
import { type FakeSlackApi, startFakeSlackApi } from './slack-web-api.ts';

const signingSecret = 'test-signing-secret';
const fixture = async (name: string) =>
  JSON.parse(await readFile(new URL(`./slack-fixtures/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;

const verifyOptions = (body: string, headers: Record<string, string>) => ({
  signingSecret,
  body,
  headers: {
    'x-slack-signature': headers['x-slack-signature'] ?? '',
    'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
  },
});

describe('signSlackRequest against Bolt’s own verifier', () => {
  const body = 'command=%2Fchurn&text=acme';

  it('produces headers that Bolt accepts', () => {
    const headers = signSlackRequest({ body, signingSecret });
    expect(headers['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(isValidSlackRequest(verifyOptions(body, headers))).toBe(true);
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(signSlackRequest({ body: '{"type":"event_callback"}', signingSecret })['content-type']).toBe(
      'application/json',
    );
  });

  it('forges a signature Bolt rejects', () => {
    const headers = signSlackRequest({ body, signingSecret, forged: true });
    expect(() => verifySlackRequest(verifyOptions(body, headers))).toThrow(/signature mismatch/);
  });

  it('makes a stale timestamp Bolt rejects', () => {
    const headers = signSlackRequest({ body, signingSecret, stale: true });
    expect(() => verifySlackRequest(verifyOptions(body, headers))).toThrow(/stale/);
  });

  it('signs a different body differently', () => {
    const headers = signSlackRequest({ body, signingSecret, nowMs: 1_700_000_000_000 });
    expect(
      isValidSlackRequest({ ...verifyOptions(`${body}x`, headers), nowMilliseconds: 1_700_000_000_000 }),
    ).toBe(false);
  });
});

describe('a real Bolt App in HTTP mode receiving signed requests', () => {
  let slack: FakeSlackApi;
  let app: App;
  let url: string;
  const seen: string[] = [];

  beforeEach(async () => {
    slack = await startFakeSlackApi();
    app = new App({
      token: slack.botToken,
      signingSecret,
      logger: createSlackTestLogger(),
      clientOptions: { slackApiUrl: slack.url, retryConfig: { retries: 0 } },
    });
    app.command('/test-feedback', async ({ command, ack }) => {
      seen.push(`command ${command.text}`);
      await ack({ text: 'on it' });
    });
    app.message(async ({ message }) => {
      seen.push(`message ${'text' in message ? message.text : ''}`);
    });
    const server = (await app.start(0)) as { address(): AddressInfo };
    url = `http://127.0.0.1:${server.address().port}/slack/events`;
    seen.length = 0;
  });
  afterEach(async () => {
    await app.stop();
    await slack.close();
  });

  it('acks a signed slash command with the listener’s payload', async () => {
    const body = new URLSearchParams(await fixture('slash-command.json')).toString();
    const response = await fetch(url, {
      method: 'POST',
      headers: signSlackRequest({ body, signingSecret }),
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ text: 'on it' });
    expect(seen).toEqual(['command some arguments here']);
  });

  it('accepts a signed Events API message and runs the listener', async () => {
    const body = JSON.stringify(await fixture('message-event.json'));
    const response = await fetch(url, {
      method: 'POST',
      headers: signSlackRequest({ body, signingSecret }),
      body,
    });
    expect(response.status).toBe(200);
    await expect.poll(() => seen).toEqual(['message dgsfklsdgf']);
  });

  it('answers 401 to forged and stale requests without running listeners', async () => {
    const body = new URLSearchParams(await fixture('slash-command.json')).toString();
    for (const bad of [{ forged: true }, { stale: true }]) {
      const headers = signSlackRequest({ body, signingSecret, ...bad });
      const response = await fetch(url, { method: 'POST', headers, body });
      expect(response.status).toBe(401);
    }
    expect(seen).toEqual([]);
  });
});
