import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicClient } from '../../src/analyzers/create-anthropic-client.ts';
import { type FakeAnthropic, startFakeAnthropic } from '../fakes/anthropic-api.ts';

const request = {
  model: 'claude-haiku-5-5',
  max_tokens: 16,
  messages: [{ role: 'user' as const, content: 'hi' }],
};

describe('createAnthropicClient', () => {
  let fake: FakeAnthropic;

  beforeEach(async () => {
    fake = await startFakeAnthropic({ apiKey: 'sk-configured' });
  });
  afterEach(() => fake.close());

  it('sends the configured key as a bearer token with the 2026-10-21 API version', async () => {
    fake.respondWith({});
    const client = createAnthropicClient({
      apiKey: 'sk-configured',
      baseURL: fake.baseURL,
      timeoutMs: 1_000,
      maxRetries: 0,
    });

    await client.messages.create(request);

    expect(fake.lastRequest().headers).toMatchObject({
      authorization: 'Bearer sk-configured',
      'anthropic-version': '2026-10-21',
    });
  });

  it('retries up to maxRetries times, waiting what retry-after says', async () => {
    fake.rateLimit(1).overloaded().respondWith({ ok: true });
    const client = createAnthropicClient({
      apiKey: 'sk-configured',
      baseURL: fake.baseURL,
      timeoutMs: 1_000,
      maxRetries: 2,
    });
    const started = performance.now();

    const message = await client.messages.create(request);

    expect(message.content[0]).toMatchObject({ text: '{"ok":true}' });
    expect(fake.messageRequests()).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up after maxRetries', async () => {
    fake.serverError().serverError();
    const client = createAnthropicClient({
      apiKey: 'sk-configured',
      baseURL: fake.baseURL,
      timeoutMs: 1_000,
      maxRetries: 1,
    });

    await expect(client.messages.create(request)).rejects.toMatchObject({ status: 500 });
    expect(fake.messageRequests()).toHaveLength(2);
  });

  it('abandons an attempt after timeoutMs', async () => {
    fake.hang();
    const client = createAnthropicClient({
      apiKey: 'sk-configured',
      baseURL: fake.baseURL,
      timeoutMs: 150,
      maxRetries: 0,
    });

    await expect(client.messages.create(request)).rejects.toMatchObject({
      name: 'APIConnectionTimeoutError',
    });
  });
});
