import Anthropic, { BadRequestError } from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeAnthropic, startFakeAnthropic } from './anthropic-api.ts';

const minimalRequest = {
  model: 'claude-haiku-5-5',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'Hello' }],
};

describe('fake Anthropic Messages API', () => {
  let fake: FakeAnthropic;
  let client: Anthropic;

  beforeEach(async () => {
    fake = await startFakeAnthropic({ apiKey: 'sk-test', minCacheableTokens: 10 });
    client = new Anthropic({ apiKey: 'sk-test', baseURL: fake.baseURL, maxRetries: 0, timeout: 2_000 });
  });
  afterEach(() => fake.close());

  it('answers a scripted structured output as a real-shaped message and records the request', async () => {
    fake.respondWith(
      { answer: 42 },
      { usage: { input_tokens: 11, output_tokens: 7, cache_read_input_tokens: 3 } },
    );

    const message = await client.messages.create(minimalRequest);

    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-5-5',
      content: [{ type: 'text', text: '{"answer":42}' }],
      stop_reason: 'end_turn',
      usage: {
        input_tokens: 11,
        output_tokens: 7,
        cache_read_input_tokens: 3,
        cache_creation_input_tokens: 0,
      },
    });
    expect(message.id).toMatch(/^msg_/);
    const recorded = fake.lastRequest();
    expect(recorded.headers['authorization']).toBe('Bearer sk-test');
    expect(recorded.headers['anthropic-version']).toBe('2026-10-21');
    expect(recorded.body).toMatchObject({ model: 'claude-haiku-5-5', max_tokens: 64 });
  });

  it.each(['temperature', 'top_p', 'top_k'])(
    'rejects %s with 400 invalid_request_error, like API version 2026-10-21',
    async (param) => {
      fake.respondWith({ never: 'used' });
      // SDK 1.x has no sampling parameters in its types; send one the way an old caller would.
      const request = { ...minimalRequest, [param]: 0.5 } as typeof minimalRequest;

      const error = await client.messages.create(request).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).type).toBe('invalid_request_error');
      expect(fake.pending()).toBe(1);
    },
  );

  it('uses Anthropic’s error envelope and sends retry-after on 429', async () => {
    fake.rateLimit(7);

    const response = await fetch(`${fake.baseURL}/v1/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': 'sk-test',
        'anthropic-version': '2026-10-21',
      },
      body: JSON.stringify(minimalRequest),
    });

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
  });

  it('rejects a wrong API key with 401 authentication_error', async () => {
    const wrong = new Anthropic({ apiKey: 'sk-wrong', baseURL: fake.baseURL, maxRetries: 0 });

    await expect(wrong.messages.create(minimalRequest)).rejects.toMatchObject({
      status: 401,
      type: 'authentication_error',
    });
  });

  it('answers 529 overloaded_error and 500 api_error when scripted', async () => {
    fake.overloaded().serverError();

    await expect(client.messages.create(minimalRequest)).rejects.toMatchObject({
      status: 529,
      type: 'overloaded_error',
    });
    await expect(client.messages.create(minimalRequest)).rejects.toMatchObject({
      status: 500,
      type: 'api_error',
    });
  });

  it('writes the cache for a new cache_control prefix, reads it the next time, and skips a short one', async () => {
    const system = [
      { type: 'text' as const, text: 'x'.repeat(200), cache_control: { type: 'ephemeral' as const } },
    ];
    fake.respondWith({}).respondWith({}).respondWith({});

    const first = await client.messages.create({ ...minimalRequest, system });
    const second = await client.messages.create({ ...minimalRequest, system });
    const short = await client.messages.create({
      ...minimalRequest,
      system: [{ type: 'text', text: 'short', cache_control: { type: 'ephemeral' } }],
    });

    expect(first.usage.cache_creation_input_tokens).toBe(50);
    expect(first.usage.cache_read_input_tokens).toBe(0);
    expect(second.usage.cache_read_input_tokens).toBe(50);
    expect(second.usage.cache_creation_input_tokens).toBe(0);
    expect(short.usage.cache_creation_input_tokens).toBe(0);
    expect(short.usage.cache_read_input_tokens).toBe(0);
  });

  it('delays the next reply by the scripted time', async () => {
    fake.delay(150).respondWith({ slow: true });
    const started = performance.now();

    await client.messages.create(minimalRequest);

    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('never answers a hung request, so the client times out', async () => {
    fake.hang();
    const impatient = new Anthropic({
      apiKey: 'sk-test',
      baseURL: fake.baseURL,
      maxRetries: 0,
      timeout: 200,
    });

    await expect(impatient.messages.create(minimalRequest)).rejects.toMatchObject({
      name: 'APIConnectionTimeoutError',
    });
  });

  it('answers 500 and says so when the script is empty', async () => {
    await expect(client.messages.create(minimalRequest)).rejects.toMatchObject({ status: 500 });
    fake.respondByDefaultWith((request) => ({ model: request.body?.['model'] }));
    const message = await client.messages.create(minimalRequest);
    expect(message.content[0]).toMatchObject({ text: '{"model":"claude-haiku-5-5"}' });
  });

  describe('Message Batches', () => {
    const batchOf = (...ids: string[]) => ({
      requests: ids.map((custom_id) => ({ custom_id, params: minimalRequest })),
    });

    it('creates a batch in progress, ends it on a later retrieve, and serves JSONL results by custom_id', async () => {
      fake.respondWith({ n: 1 }).serverError();

      const created = await client.messages.batches.create(batchOf('first', 'second'));
      expect(created).toMatchObject({
        type: 'message_batch',
        processing_status: 'in_progress',
        request_counts: { processing: 2, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
        ended_at: null,
        results_url: null,
        archived_at: null,
        cancel_initiated_at: null,
      });
      expect(created.id).toMatch(/^msgbatch_/);
      expect(Date.parse(created.expires_at) - Date.parse(created.created_at)).toBe(24 * 3_600_000);

      expect((await client.messages.batches.retrieve(created.id)).processing_status).toBe('in_progress');
      const ended = await client.messages.batches.retrieve(created.id);
      expect(ended).toMatchObject({
        processing_status: 'ended',
        request_counts: { processing: 0, succeeded: 1, errored: 1 },
      });
      expect(ended.ended_at).not.toBeNull();
      expect(ended.results_url).toBe(`${fake.baseURL}/v1/messages/batches/${created.id}/results`);

      const lines = [];
      for await (const line of await client.messages.batches.results(created.id)) lines.push(line);
      expect(lines).toHaveLength(2);
      const first = lines.find((line) => line.custom_id === 'first');
      expect(first?.result).toMatchObject({
        type: 'succeeded',
        message: { type: 'message', role: 'assistant', content: [{ type: 'text', text: '{"n":1}' }] },
      });
      expect(lines.find((line) => line.custom_id === 'second')?.result).toMatchObject({
        type: 'errored',
        error: { type: 'error', error: { type: 'api_error' } },
      });
      expect(fake.batchRequests()).toHaveLength(1);
      expect(fake.messageRequests()).toHaveLength(0);
    });

    it('keeps a batch in progress as long as told, and refuses its results until it ends', async () => {
      fake.batchPollsBeforeEnd(Number.POSITIVE_INFINITY);
      const created = await client.messages.batches.create(batchOf('only'));
      for (let look = 0; look < 3; look++)
        expect((await client.messages.batches.retrieve(created.id)).processing_status).toBe('in_progress');
      await expect(client.messages.batches.results(created.id)).rejects.toThrow(/results_url/);
      const raw = await fetch(`${fake.baseURL}/v1/messages/batches/${created.id}/results`, {
        headers: { 'x-api-key': 'sk-test', 'anthropic-version': '2026-10-21' },
      });
      expect(raw.status).toBe(400);
    });

    it('validates custom ids and each request like the Messages endpoint', async () => {
      await expect(client.messages.batches.create(batchOf('has space'))).rejects.toBeInstanceOf(
        BadRequestError,
      );
      await expect(client.messages.batches.create(batchOf('same', 'same'))).rejects.toBeInstanceOf(
        BadRequestError,
      );
      const withTemperature = { custom_id: 'x', params: { ...minimalRequest, temperature: 0 } };
      await expect(
        client.messages.batches.create({ requests: [withTemperature as never] }),
      ).rejects.toBeInstanceOf(BadRequestError);
      await expect(client.messages.batches.retrieve('msgbatch_missing')).rejects.toMatchObject({
        status: 404,
      });
      expect(fake.batches).toHaveLength(0);
    });

    it('fails the next batch call when scripted', async () => {
      fake.failNextBatchCall(500, 'api_error', 'Internal server error');
      const error = await client.messages.batches.create(batchOf('a')).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 500 });
    });
  });
});
